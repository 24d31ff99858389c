// Package validate carries input-validation failures across the layers, so
// the HTTP edge can answer 400 without knowing each domain's error types.
package validate

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"
)

// Error is a rejected input field.
type Error struct {
	Field  string
	Reason string
}

func (e *Error) Error() string { return e.Field + ": " + e.Reason }

// Errorf builds an Error for field with a formatted reason.
func Errorf(field, format string, args ...any) error {
	return &Error{Field: field, Reason: fmt.Sprintf(format, args...)}
}

// Is reports whether err (or anything it wraps) is a validation failure.
func Is(err error) bool {
	var v *Error
	return errors.As(err, &v)
}

// Required rejects blank strings.
func Required(field, value string) error {
	if strings.TrimSpace(value) == "" {
		return Errorf(field, "is required")
	}
	return nil
}

// Positive rejects zero and negative numbers.
func Positive(field string, n int64) error {
	if n <= 0 {
		return Errorf(field, "must be positive, got %d", n)
	}
	return nil
}

// MaxLen rejects strings longer than n bytes, matching the column widths.
func MaxLen(field, value string, n int) error {
	if len(value) > n {
		return Errorf(field, "must be at most %d characters", n)
	}
	return nil
}

// Email rejects addresses that net/mail cannot parse or that carry a display name.
func Email(field, value string) error {
	addr, err := mail.ParseAddress(value)
	if err != nil || addr.Address != value {
		return Errorf(field, "is not a valid e-mail address")
	}
	return nil
}

// First returns the first non-nil error, so validators read as one list.
func First(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
