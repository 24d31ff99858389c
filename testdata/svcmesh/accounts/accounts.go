// Package accounts owns customer accounts: registration, profile lookup and
// the contact details other services ask for over RPC.
package accounts

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strings"
	"time"

	"example.com/svcmesh/internal/transport"
)

// Account is a registered customer.
type Account struct {
	ID        string    `json:"id"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	Country   string    `json:"country"`
	Disabled  bool      `json:"disabled"`
	CreatedAt time.Time `json:"created_at"`
}

// NotifyClient is what accounts needs from the notify service.
type NotifyClient interface {
	Send(ctx context.Context, accountID, template string) error
}

// Service implements the accounts API.
type Service struct {
	db     *sql.DB
	notify NotifyClient
}

// New returns an accounts service backed by db.
func New(db *sql.DB, notify NotifyClient) *Service {
	return &Service{db: db, notify: notify}
}

// Register creates an account and sends the welcome message.
func (s *Service) Register(ctx context.Context, email, name, country string) (Account, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if !strings.Contains(email, "@") || len(country) != 2 {
		return Account{}, fmt.Errorf("%w: bad email or country", transport.ErrInvalid)
	}
	a := Account{Email: email, Name: name, Country: strings.ToUpper(country)}
	rows, err := s.db.QueryContext(ctx,
		`INSERT INTO accounts (email, name, country) VALUES ($1, $2, $3) RETURNING id, created_at`,
		a.Email, a.Name, a.Country)
	if err != nil {
		return Account{}, err
	}
	defer rows.Close()
	if !rows.Next() {
		return Account{}, fmt.Errorf("%w: email already registered", transport.ErrConflict)
	}
	if err := rows.Scan(&a.ID, &a.CreatedAt); err != nil {
		return Account{}, err
	}
	if err := s.notify.Send(ctx, a.ID, "welcome"); err != nil {
		return a, fmt.Errorf("account created, welcome not sent: %w", err)
	}
	return a, nil
}

// Get loads one account by id.
func (s *Service) Get(ctx context.Context, id string) (Account, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, email, name, country, disabled, created_at FROM accounts WHERE id = $1`, id)
	if err != nil {
		return Account{}, err
	}
	defer rows.Close()
	if !rows.Next() {
		return Account{}, fmt.Errorf("account %s: %w", id, transport.ErrNotFound)
	}
	var a Account
	err = rows.Scan(&a.ID, &a.Email, &a.Name, &a.Country, &a.Disabled, &a.CreatedAt)
	return a, err
}

type idRequest struct {
	AccountID string `json:"account_id"`
}

// Routes mounts the public and RPC endpoints.
func (s *Service) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /accounts", func(w http.ResponseWriter, r *http.Request) {
		var in struct{ Email, Name, Country string }
		if err := transport.DecodeJSON(r, &in); err != nil {
			transport.WriteError(w, err)
			return
		}
		a, err := s.Register(r.Context(), in.Email, in.Name, in.Country)
		if err != nil {
			transport.WriteError(w, err)
			return
		}
		transport.WriteJSON(w, http.StatusCreated, a)
	})
	mux.HandleFunc("GET /accounts/{id}", func(w http.ResponseWriter, r *http.Request) {
		a, err := s.Get(r.Context(), r.PathValue("id"))
		if err != nil {
			transport.WriteError(w, err)
			return
		}
		transport.WriteJSON(w, http.StatusOK, a)
	})
	mux.Handle("POST /rpc/accounts.Email", transport.Handle(func(ctx context.Context, in idRequest) (map[string]string, error) {
		a, err := s.Get(ctx, in.AccountID)
		return map[string]string{"email": a.Email}, err
	}))
	mux.Handle("POST /rpc/accounts.Country", transport.Handle(func(ctx context.Context, in idRequest) (map[string]string, error) {
		a, err := s.Get(ctx, in.AccountID)
		return map[string]string{"country": a.Country}, err
	}))
}
