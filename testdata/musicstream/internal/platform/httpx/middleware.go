package httpx

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"example.com/musicstream/internal/platform/logging"
)

// ErrUnauthenticated is returned when a request carries no valid session.
var ErrUnauthenticated = errors.New("unauthenticated")

// Authenticator resolves a bearer token to a user; the accounts domain
// provides it, so httpx stays free of domain code.
type Authenticator interface {
	Authenticate(ctx context.Context, token string) (int64, error)
}

// Middleware wraps a handler.
type Middleware func(http.Handler) http.Handler

type userKey struct{}

// Chain applies middlewares so that the first one listed runs first.
func Chain(h http.Handler, mws ...Middleware) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

// RequestLog gives every request an ID and a logger carrying it, and logs
// the outcome.
func RequestLog(base *slog.Logger) Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			id := r.Header.Get("X-Request-ID")
			if id == "" {
				var b [8]byte
				_, _ = rand.Read(b[:])
				id = hex.EncodeToString(b[:])
			}
			w.Header().Set("X-Request-ID", id)
			logger := base.With("request_id", id)
			rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
			start := time.Now()
			next.ServeHTTP(rec, r.WithContext(logging.WithLogger(r.Context(), logger)))
			logger.Info("http", "method", r.Method, "path", r.URL.Path, "status", rec.status, "took", time.Since(start))
		})
	}
}

// Recover turns a panicking handler into a 500 instead of a dropped connection.
func Recover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				logging.FromContext(r.Context(), slog.Default()).Error("panic", "value", v)
				WriteJSON(w, http.StatusInternalServerError, &Error{Code: "internal", Message: "internal error"})
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// RequireAuth rejects requests without a valid bearer token and puts the
// caller's user ID in the context.
func RequireAuth(auth Authenticator) Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok || token == "" {
				WriteError(w, r, ErrUnauthenticated)
				return
			}
			userID, err := auth.Authenticate(r.Context(), token)
			if err != nil {
				WriteError(w, r, err)
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, userID)))
		})
	}
}

// UserHandlerFunc is a HandlerFunc for signed-in callers: it receives the
// user ID RequireAuth put in the context.
type UserHandlerFunc func(w http.ResponseWriter, r *http.Request, userID int64) error

// ServeHTTP implements http.Handler.
func (f UserHandlerFunc) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	userID, err := UserID(r.Context())
	if err == nil {
		err = f(w, r, userID)
	}
	if err != nil {
		WriteError(w, r, err)
	}
}

// UserID returns the authenticated caller, or ErrUnauthenticated.
func UserID(ctx context.Context) (int64, error) {
	id, ok := ctx.Value(userKey{}).(int64)
	if !ok || id <= 0 {
		return 0, ErrUnauthenticated
	}
	return id, nil
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}
