// Package users handles sign-up and profile lookup.
package users

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"example.com/bigmono/examples/app/users/store"
	"example.com/bigmono/lib/strutil"
)

// ErrTaken is returned when the e-mail is already registered.
var ErrTaken = errors.New("email already registered")

// Service implements sign-up.
type Service struct {
	store *store.UserStore
}

// NewService returns a user service.
func NewService(s *store.UserStore) *Service { return &Service{store: s} }

// SignUp registers a new user with a unique e-mail.
func (s *Service) SignUp(ctx context.Context, email, name string) (int64, error) {
	email = strutil.NormalizeEmail(email)
	if !strings.Contains(email, "@") {
		return 0, fmt.Errorf("invalid email %q", email)
	}
	if _, err := s.store.ByEmail(ctx, email); err == nil {
		return 0, ErrTaken
	} else if !errors.Is(err, store.ErrNotFound) {
		return 0, err
	}
	if name = strings.TrimSpace(name); name == "" {
		name = strings.SplitN(email, "@", 2)[0]
	}
	return s.store.Create(ctx, store.User{Email: email, DisplayName: strutil.Truncate(name, 40)})
}

// Handler serves POST /users.
func (s *Service) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var in struct{ Email, Name string }
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		id, err := s.SignUp(r.Context(), in.Email, in.Name)
		if errors.Is(err, ErrTaken) {
			http.Error(w, err.Error(), http.StatusConflict)
			return
		} else if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.WriteHeader(http.StatusCreated)
		_ = json.NewEncoder(w).Encode(map[string]int64{"id": id})
	})
}
