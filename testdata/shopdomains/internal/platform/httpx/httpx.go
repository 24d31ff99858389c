// Package httpx has the small JSON-over-HTTP helpers the domain APIs share,
// so every endpoint answers errors with the same shape and status codes.
package httpx

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"

	"example.com/shopdomains/internal/platform/db"
	"example.com/shopdomains/internal/platform/validate"
)

// maxBody caps request bodies; no shop request legitimately exceeds it.
const maxBody = 1 << 20

// Conflict marks errors that mean "the resource is in the wrong state", which
// domains return for, e.g., cancelling a shipped order.
type Conflict interface {
	Conflict() bool
}

// JSON writes v with the given status.
func JSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		slog.Warn("write response", "err", err)
	}
}

// Error maps err to a status code and writes {"error": "..."}; internal
// errors are logged and hidden from the client.
func Error(w http.ResponseWriter, r *http.Request, err error) {
	var c Conflict
	switch {
	case validate.Is(err):
		JSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
	case errors.Is(err, db.ErrNotFound):
		JSON(w, http.StatusNotFound, map[string]string{"error": err.Error()})
	case errors.As(err, &c) && c.Conflict():
		JSON(w, http.StatusConflict, map[string]string{"error": err.Error()})
	default:
		slog.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		JSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
	}
}

// Decode reads a JSON body into v, rejecting unknown fields and oversized bodies.
func Decode(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return validate.Errorf("body", "invalid JSON: %v", err)
	}
	return nil
}

// PathID parses a positive integer path parameter such as {id}.
func PathID(r *http.Request, name string) (int64, error) {
	raw := r.PathValue(name)
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return 0, validate.Errorf(name, "must be a positive integer, got %q", raw)
	}
	return id, nil
}

// QueryInt parses an optional integer query parameter within [lo, hi].
func QueryInt(r *http.Request, name string, def, lo, hi int) (int, error) {
	raw := r.URL.Query().Get(name)
	if raw == "" {
		return def, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < lo || n > hi {
		return 0, validate.Errorf(name, "must be an integer in [%d, %d]", lo, hi)
	}
	return n, nil
}

// Recover turns handler panics into 500s instead of dropped connections.
func Recover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				Error(w, r, fmt.Errorf("panic: %v", p))
			}
		}()
		next.ServeHTTP(w, r)
	})
}
