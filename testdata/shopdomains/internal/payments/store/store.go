// Package store keeps the payments ledger in the payments and
// payment_refunds tables.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"example.com/shopdomains/internal/payments"
	"example.com/shopdomains/internal/platform/db"
	"example.com/shopdomains/internal/platform/money"
)

// Store implements payments.Repository.
type Store struct {
	pool *sql.DB
}

// New returns a store on the pool.
func New(pool *sql.DB) *Store { return &Store{pool: pool} }

const paymentColumns = `id, order_id, amount_cents, refunded_cents, status, provider_ref, failure_reason, created_at, updated_at`

func scanPayment(row interface{ Scan(...any) error }) (payments.Payment, error) {
	var p payments.Payment
	var amount, refunded int64
	var status string
	var ref, reason sql.NullString
	if err := row.Scan(&p.ID, &p.OrderID, &amount, &refunded, &status, &ref, &reason, &p.CreatedAt, &p.UpdatedAt); err != nil {
		return payments.Payment{}, err
	}
	p.Amount, p.Refunded = money.Cents(amount), money.Cents(refunded)
	p.Status, p.ProviderRef, p.FailureReason = payments.Status(status), ref.String, reason.String
	return p, nil
}

// Create records a new payment.
func (s *Store) Create(ctx context.Context, p payments.Payment) (int64, error) {
	var id int64
	err := s.pool.QueryRowContext(ctx,
		`INSERT INTO payments (order_id, amount_cents, refunded_cents, status, created_at, updated_at)
		 VALUES ($1, $2, 0, $3, $4, $5) RETURNING id`,
		p.OrderID, int64(p.Amount), string(p.Status), p.CreatedAt, p.UpdatedAt).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert payment: %w", err)
	}
	return id, nil
}

// ByID loads a payment.
func (s *Store) ByID(ctx context.Context, id int64) (payments.Payment, error) {
	p, err := scanPayment(s.pool.QueryRowContext(ctx,
		`SELECT `+paymentColumns+` FROM payments WHERE id = $1`, id))
	if err != nil {
		return payments.Payment{}, db.NotFound(err, "payment", id)
	}
	return p, nil
}

// ByOrder loads the latest payment attempt of an order.
func (s *Store) ByOrder(ctx context.Context, orderID int64) (payments.Payment, error) {
	p, err := scanPayment(s.pool.QueryRowContext(ctx,
		`SELECT `+paymentColumns+` FROM payments WHERE order_id = $1 ORDER BY id DESC LIMIT 1`, orderID))
	if err != nil {
		return payments.Payment{}, db.NotFound(err, "payment of order", orderID)
	}
	return p, nil
}

// UpdateStatus stores a state change.
func (s *Store) UpdateStatus(ctx context.Context, p payments.Payment) error {
	res, err := s.pool.ExecContext(ctx,
		`UPDATE payments SET status = $2, provider_ref = $3, failure_reason = $4, updated_at = $5 WHERE id = $1`,
		p.ID, string(p.Status), sql.NullString{String: p.ProviderRef, Valid: p.ProviderRef != ""},
		sql.NullString{String: p.FailureReason, Valid: p.FailureReason != ""}, p.UpdatedAt)
	if err != nil {
		return fmt.Errorf("update payment %d: %w", p.ID, err)
	}
	return db.Affected(res, "payment", p.ID)
}

// AddRefund records a refund and bumps the payment's refunded total in one
// transaction, so the ledger never disagrees with itself.
func (s *Store) AddRefund(ctx context.Context, r payments.Refund) (int64, error) {
	var id int64
	err := db.InTx(ctx, s.pool, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx,
			`INSERT INTO payment_refunds (payment_id, amount_cents, reason, created_at)
			 VALUES ($1, $2, $3, $4) RETURNING id`,
			r.PaymentID, int64(r.Amount), r.Reason, r.CreatedAt).Scan(&id); err != nil {
			return fmt.Errorf("insert refund: %w", err)
		}
		res, err := tx.ExecContext(ctx,
			`UPDATE payments SET refunded_cents = refunded_cents + $2 WHERE id = $1`, r.PaymentID, int64(r.Amount))
		if err != nil {
			return fmt.Errorf("update refunded total: %w", err)
		}
		return db.Affected(res, "payment", r.PaymentID)
	})
	if err != nil {
		return 0, fmt.Errorf("refund payment %d: %w", r.PaymentID, err)
	}
	return id, nil
}

// Refunds lists the refunds of a payment, oldest first.
func (s *Store) Refunds(ctx context.Context, paymentID int64) ([]payments.Refund, error) {
	rows, err := s.pool.QueryContext(ctx,
		`SELECT id, payment_id, amount_cents, reason, created_at
		   FROM payment_refunds WHERE payment_id = $1 ORDER BY created_at, id`, paymentID)
	if err != nil {
		return nil, fmt.Errorf("query refunds: %w", err)
	}
	defer rows.Close()
	var out []payments.Refund
	for rows.Next() {
		var r payments.Refund
		var amount int64
		if err := rows.Scan(&r.ID, &r.PaymentID, &amount, &r.Reason, &r.CreatedAt); err != nil {
			return nil, fmt.Errorf("scan refund: %w", err)
		}
		r.Amount = money.Cents(amount)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("iterate refunds: %w", err)
	}
	return out, nil
}

// StalePending lists payments still pending that were created before the cut-off.
func (s *Store) StalePending(ctx context.Context, before time.Time, limit int) ([]payments.Payment, error) {
	rows, err := s.pool.QueryContext(ctx,
		`SELECT `+paymentColumns+` FROM payments
		  WHERE status = 'pending' AND created_at < $1
		  ORDER BY created_at, id LIMIT $2`, before, limit)
	if err != nil {
		return nil, fmt.Errorf("query stale payments: %w", err)
	}
	defer rows.Close()
	var out []payments.Payment
	for rows.Next() {
		p, err := scanPayment(rows)
		if err != nil {
			return nil, fmt.Errorf("scan payment: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("iterate payments: %w", err)
	}
	return out, nil
}
