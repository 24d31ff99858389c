package services

import (
	"fmt"
	"net/http"
)

// ValidationError is an input error the client can fix; every service
// returns it so handlers can answer 400 without knowing the domain.
type ValidationError struct {
	Field  string
	Reason string
}

func (e *ValidationError) Error() string { return fmt.Sprintf("%s: %s", e.Field, e.Reason) }

// StatusCode makes httpx answer 400 Bad Request.
func (e *ValidationError) StatusCode() int { return http.StatusBadRequest }
