// Package store keeps the notification outbox in the notification_outbox table.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"example.com/shopdomains/internal/notifications"
	"example.com/shopdomains/internal/platform/db"
)

// Outbox implements notifications.Outbox on database/sql.
type Outbox struct {
	db db.DBTX
}

// New returns an outbox on the given connection.
func New(conn db.DBTX) *Outbox { return &Outbox{db: conn} }

// Enqueue stores a message to be sent.
func (o *Outbox) Enqueue(ctx context.Context, m notifications.Message) (int64, error) {
	var id int64
	err := o.db.QueryRowContext(ctx,
		`INSERT INTO notification_outbox (kind, recipient, subject, body, attempts, created_at)
		 VALUES ($1, $2, $3, $4, 0, $5) RETURNING id`,
		string(m.Kind), m.To, m.Subject, m.Body, m.CreatedAt).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert outbox message: %w", err)
	}
	return id, nil
}

// Pending lists unsent messages, oldest first.
func (o *Outbox) Pending(ctx context.Context, limit int) ([]notifications.Message, error) {
	rows, err := o.db.QueryContext(ctx,
		`SELECT id, kind, recipient, subject, body, attempts, created_at
		   FROM notification_outbox
		  WHERE sent_at IS NULL
		  ORDER BY created_at, id
		  LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("query outbox: %w", err)
	}
	defer rows.Close()
	var out []notifications.Message
	for rows.Next() {
		var m notifications.Message
		var kind string
		if err := rows.Scan(&m.ID, &kind, &m.To, &m.Subject, &m.Body, &m.Attempts, &m.CreatedAt); err != nil {
			return nil, fmt.Errorf("scan outbox row: %w", err)
		}
		m.Kind = notifications.Kind(kind)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("iterate outbox: %w", err)
	}
	return out, nil
}

// MarkSent records delivery.
func (o *Outbox) MarkSent(ctx context.Context, id int64, at time.Time) error {
	res, err := o.db.ExecContext(ctx,
		`UPDATE notification_outbox SET sent_at = $2, last_error = NULL WHERE id = $1`, id, at)
	if err != nil {
		return fmt.Errorf("mark message %d sent: %w", id, err)
	}
	return db.Affected(res, "outbox message", id)
}

// MarkFailed counts a failed attempt and keeps the reason for operators.
func (o *Outbox) MarkFailed(ctx context.Context, id int64, reason string) error {
	res, err := o.db.ExecContext(ctx,
		`UPDATE notification_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`,
		id, sql.NullString{String: reason, Valid: reason != ""})
	if err != nil {
		return fmt.Errorf("mark message %d failed: %w", id, err)
	}
	return db.Affected(res, "outbox message", id)
}
