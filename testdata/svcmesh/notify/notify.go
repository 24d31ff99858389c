// Package notify renders message templates and queues e-mails to customers.
package notify

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strings"

	"example.com/svcmesh/internal/transport"
)

// AccountsClient is what notify needs from the accounts service.
type AccountsClient interface {
	Email(ctx context.Context, accountID string) (string, error)
}

// Mailer delivers one rendered message.
type Mailer interface {
	Mail(ctx context.Context, to, subject, body string) error
}

// Notification is one queued message.
type Notification struct {
	ID        int64  `json:"id"`
	AccountID string `json:"account_id"`
	Template  string `json:"template"`
	Recipient string `json:"recipient"`
	Subject   string `json:"subject"`
	Status    string `json:"status"`
}

// Service implements notify.
type Service struct {
	db       *sql.DB
	accounts AccountsClient
	mailer   Mailer
}

// New returns a notify service.
func New(db *sql.DB, accounts AccountsClient, mailer Mailer) *Service {
	return &Service{db: db, accounts: accounts, mailer: mailer}
}

// Send renders a template for an account and queues it.
func (s *Service) Send(ctx context.Context, accountID, template string) error {
	to, err := s.accounts.Email(ctx, accountID)
	if err != nil {
		return fmt.Errorf("resolve recipient: %w", err)
	}
	rows, err := s.db.QueryContext(ctx,
		`SELECT subject, body FROM notification_templates WHERE name = $1`, template)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		return fmt.Errorf("template %q: %w", template, transport.ErrNotFound)
	}
	var subject, body string
	if err := rows.Scan(&subject, &body); err != nil {
		return err
	}
	body = strings.ReplaceAll(body, "{{email}}", to)
	status := "sent"
	if err := s.mailer.Mail(ctx, to, subject, body); err != nil {
		status = "failed"
	}
	_, err = s.db.ExecContext(ctx,
		`INSERT INTO notifications (account_id, template, recipient, subject, status)
		 VALUES ($1, $2, $3, $4, $5)`, accountID, template, to, subject, status)
	return err
}

// Recent lists the last notifications sent to an account.
func (s *Service) Recent(ctx context.Context, accountID string) ([]Notification, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, template, recipient, subject, status FROM notifications
		 WHERE account_id = $1 ORDER BY id DESC LIMIT 20`, accountID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Notification
	for rows.Next() {
		n := Notification{AccountID: accountID}
		if err := rows.Scan(&n.ID, &n.Template, &n.Recipient, &n.Subject, &n.Status); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

type sendRequest struct {
	AccountID string `json:"account_id"`
	Template  string `json:"template"`
}

// Routes mounts the notify endpoints.
func (s *Service) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /accounts/{id}/notifications", func(w http.ResponseWriter, r *http.Request) {
		ns, err := s.Recent(r.Context(), r.PathValue("id"))
		if err != nil {
			transport.WriteError(w, err)
			return
		}
		transport.WriteJSON(w, http.StatusOK, ns)
	})
	mux.Handle("POST /rpc/notify.Send", transport.Handle(func(ctx context.Context, in sendRequest) (struct{}, error) {
		return struct{}{}, s.Send(ctx, in.AccountID, in.Template)
	}))
}
