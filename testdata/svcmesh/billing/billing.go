// Package billing issues invoices for orders, applies VAT by the buyer's
// country and records payments against them.
package billing

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"time"

	"example.com/svcmesh/internal/transport"
)

// Invoice is a bill raised for one order.
type Invoice struct {
	ID          string     `json:"id"`
	AccountID   string     `json:"account_id"`
	OrderID     string     `json:"order_id"`
	NetCents    int64      `json:"net_cents"`
	TaxCents    int64      `json:"tax_cents"`
	Status      string     `json:"status"`
	CountryCode string     `json:"country"`
	IssuedAt    time.Time  `json:"issued_at"`
	PaidAt      *time.Time `json:"paid_at,omitempty"`
}

// Total is what the customer is charged.
func (i Invoice) Total() int64 { return i.NetCents + i.TaxCents }

// AccountsClient is what billing needs from the accounts service.
type AccountsClient interface {
	Country(ctx context.Context, accountID string) (string, error)
}

// NotifyClient is what billing needs from the notify service.
type NotifyClient interface {
	Send(ctx context.Context, accountID, template string) error
}

// Service implements billing.
type Service struct {
	db       *sql.DB
	accounts AccountsClient
	notify   NotifyClient
}

// New returns a billing service.
func New(db *sql.DB, accounts AccountsClient, notify NotifyClient) *Service {
	return &Service{db: db, accounts: accounts, notify: notify}
}

// taxRate returns the VAT rate in basis points for a country.
func (s *Service) taxRate(ctx context.Context, country string) (int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT rate_bp FROM tax_rates WHERE country = $1`, country)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	if !rows.Next() {
		return 0, nil
	}
	var bp int64
	return bp, rows.Scan(&bp)
}

// Charge raises an invoice for an order and returns its id.
func (s *Service) Charge(ctx context.Context, accountID, orderID string, netCents int64) (string, error) {
	if netCents <= 0 {
		return "", fmt.Errorf("%w: amount must be positive", transport.ErrInvalid)
	}
	country, err := s.accounts.Country(ctx, accountID)
	if err != nil {
		return "", fmt.Errorf("lookup country: %w", err)
	}
	bp, err := s.taxRate(ctx, country)
	if err != nil {
		return "", err
	}
	tax := netCents * bp / 10000
	rows, err := s.db.QueryContext(ctx,
		`INSERT INTO invoices (account_id, order_id, net_cents, tax_cents, country, status)
		 VALUES ($1, $2, $3, $4, $5, 'open') RETURNING id`,
		accountID, orderID, netCents, tax, country)
	if err != nil {
		return "", err
	}
	var id string
	if rows.Next() {
		err = rows.Scan(&id)
	}
	rows.Close()
	if err != nil {
		return "", err
	}
	return id, s.notify.Send(ctx, accountID, "invoice_issued")
}

type chargeRequest struct {
	AccountID   string `json:"account_id"`
	OrderID     string `json:"order_id"`
	AmountCents int64  `json:"amount_cents"`
}

// Routes mounts the billing endpoints.
func (s *Service) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /invoices/{id}", func(w http.ResponseWriter, r *http.Request) {
		rows, err := s.db.QueryContext(r.Context(),
			`SELECT id, account_id, order_id, net_cents, tax_cents, country, status, issued_at
			 FROM invoices WHERE id = $1`, r.PathValue("id"))
		if err != nil {
			transport.WriteError(w, err)
			return
		}
		defer rows.Close()
		if !rows.Next() {
			transport.WriteError(w, transport.ErrNotFound)
			return
		}
		var i Invoice
		if err := rows.Scan(&i.ID, &i.AccountID, &i.OrderID, &i.NetCents, &i.TaxCents, &i.CountryCode, &i.Status, &i.IssuedAt); err != nil {
			transport.WriteError(w, err)
			return
		}
		transport.WriteJSON(w, http.StatusOK, i)
	})
	mux.Handle("POST /rpc/billing.Charge", transport.Handle(func(ctx context.Context, in chargeRequest) (map[string]string, error) {
		id, err := s.Charge(ctx, in.AccountID, in.OrderID, in.AmountCents)
		return map[string]string{"invoice_id": id}, err
	}))
}
