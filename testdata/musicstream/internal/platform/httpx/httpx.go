// Package httpx holds the HTTP plumbing every handler shares: JSON in and
// out, error-to-status mapping and path/query parsing, so handlers only
// speak their domain.
package httpx

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"

	"example.com/musicstream/internal/platform/db"
)

// maxBodyBytes bounds request bodies; the largest legitimate payload is an
// analytics batch.
const maxBodyBytes = 1 << 20

// Error is an error with the HTTP status and machine-readable code the
// client sees.
type Error struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// BadRequest reports invalid input.
func BadRequest(format string, args ...any) *Error {
	return &Error{Status: http.StatusBadRequest, Code: "invalid_request", Message: fmt.Sprintf(format, args...)}
}

// Forbidden reports an authenticated caller acting outside its rights.
func Forbidden(msg string) *Error {
	return &Error{Status: http.StatusForbidden, Code: "forbidden", Message: msg}
}

// HandlerFunc is a handler that returns its error instead of writing it,
// so every endpoint reports failures the same way.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// ServeHTTP implements http.Handler.
func (f HandlerFunc) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := f(w, r); err != nil {
		WriteError(w, r, err)
	}
}

// statusCoder is implemented by domain errors that know their status
// (services.ValidationError), which httpx cannot import.
type statusCoder interface {
	error
	StatusCode() int
}

// JSON writes v with the given status; it returns nil so handlers can end
// with "return httpx.JSON(...)".
func JSON(w http.ResponseWriter, status int, v any) error {
	WriteJSON(w, status, v)
	return nil
}

// WriteJSON writes v with the given status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	if v == nil {
		return
	}
	if err := json.NewEncoder(w).Encode(v); err != nil {
		slog.Default().Warn("write response", "err", err)
	}
}

// WriteError maps err to a status and writes it; unexpected errors are
// logged and hidden behind a generic message.
func WriteError(w http.ResponseWriter, r *http.Request, err error) {
	var he *Error
	var sc statusCoder
	switch {
	case errors.As(err, &he):
	case errors.As(err, &sc):
		he = &Error{Status: sc.StatusCode(), Code: "invalid_request", Message: sc.Error()}
	case errors.Is(err, db.ErrNotFound):
		he = &Error{Status: http.StatusNotFound, Code: "not_found", Message: err.Error()}
	case errors.Is(err, db.ErrConflict):
		he = &Error{Status: http.StatusConflict, Code: "conflict", Message: err.Error()}
	case errors.Is(err, ErrUnauthenticated):
		he = &Error{Status: http.StatusUnauthorized, Code: "unauthenticated", Message: "sign in first"}
	default:
		slog.Default().Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		he = &Error{Status: http.StatusInternalServerError, Code: "internal", Message: "internal error"}
	}
	WriteJSON(w, he.Status, he)
}

// DecodeJSON reads a JSON body into v, refusing unknown fields and bodies
// over the size limit.
func DecodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return BadRequest("content type must be application/json")
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return BadRequest("empty body")
		}
		return BadRequest("malformed body: %v", err)
	}
	return nil
}

// PathID parses a positive integer path parameter.
func PathID(r *http.Request, name string) (int64, error) {
	raw := r.PathValue(name)
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return 0, BadRequest("%s must be a positive integer, got %q", name, raw)
	}
	return id, nil
}

// QueryInt parses an optional integer query parameter, clamped to [1, max].
func QueryInt(r *http.Request, name string, def, max int) (int, error) {
	raw := r.URL.Query().Get(name)
	if raw == "" {
		return def, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 {
		return 0, BadRequest("%s must be a positive integer, got %q", name, raw)
	}
	if n > max {
		n = max
	}
	return n, nil
}

// ClientIP returns the caller's address, trusting the first hop of
// X-Forwarded-For because the API only runs behind the load balancer.
func ClientIP(r *http.Request) string {
	if fwd := r.Header.Get("X-Forwarded-For"); fwd != "" {
		first, _, _ := strings.Cut(fwd, ",")
		return strings.TrimSpace(first)
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
