// Package store persists inventory in the stock_levels and
// stock_reservations tables.
package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"example.com/shopdomains/internal/inventory"
	"example.com/shopdomains/internal/platform/db"
)

// Store implements inventory.Repository.
type Store struct {
	pool *sql.DB
	db   db.DBTX
}

// New returns a store on the pool.
func New(pool *sql.DB) *Store { return &Store{pool: pool, db: pool} }

// WithinTx runs fn with a store bound to one transaction.
func (s *Store) WithinTx(ctx context.Context, fn func(inventory.Repository) error) error {
	if s.pool == nil {
		return fn(s) // already inside a transaction
	}
	return db.InTx(ctx, s.pool, func(tx *sql.Tx) error {
		return fn(&Store{db: tx})
	})
}

// Level reads the stock position of a SKU.
func (s *Store) Level(ctx context.Context, sku string) (inventory.Level, error) {
	l := inventory.Level{SKU: sku}
	err := s.db.QueryRowContext(ctx,
		`SELECT on_hand, reserved FROM stock_levels WHERE sku = $1`, sku).Scan(&l.OnHand, &l.Reserved)
	if err != nil {
		return inventory.Level{}, db.NotFound(err, "stock level", sku)
	}
	return l, nil
}

// Hold reserves qty if enough is available; the guard in the WHERE clause
// makes the check and the update one atomic step.
func (s *Store) Hold(ctx context.Context, sku string, qty int) error {
	res, err := s.db.ExecContext(ctx,
		`UPDATE stock_levels SET reserved = reserved + $2
		  WHERE sku = $1 AND on_hand - reserved >= $2`, sku, qty)
	if err != nil {
		return fmt.Errorf("hold stock: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("rows affected: %w", err)
	}
	if n == 0 {
		return inventory.ErrNoStock
	}
	return nil
}

// Unhold returns reserved stock.
func (s *Store) Unhold(ctx context.Context, sku string, qty int) error {
	res, err := s.db.ExecContext(ctx,
		`UPDATE stock_levels SET reserved = GREATEST(reserved - $2, 0) WHERE sku = $1`, sku, qty)
	if err != nil {
		return fmt.Errorf("unhold stock: %w", err)
	}
	return db.Affected(res, "stock level", sku)
}

// Consume removes shipped stock from both on-hand and reserved.
func (s *Store) Consume(ctx context.Context, sku string, qty int) error {
	res, err := s.db.ExecContext(ctx,
		`UPDATE stock_levels SET on_hand = on_hand - $2, reserved = reserved - $2
		  WHERE sku = $1 AND reserved >= $2`, sku, qty)
	if err != nil {
		return fmt.Errorf("consume stock: %w", err)
	}
	return db.Affected(res, "stock level", sku)
}

// Restock adds delivered units, creating the level row on first delivery.
func (s *Store) Restock(ctx context.Context, sku string, qty int) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO stock_levels (sku, on_hand, reserved) VALUES ($1, $2, 0)
		 ON CONFLICT (sku) DO UPDATE SET on_hand = stock_levels.on_hand + EXCLUDED.on_hand`, sku, qty)
	if err != nil {
		return fmt.Errorf("restock %s: %w", sku, err)
	}
	return nil
}

// SaveReservation stores a reservation; its lines are kept as JSON because
// they are only ever read back whole.
func (s *Store) SaveReservation(ctx context.Context, r inventory.Reservation) (int64, error) {
	lines, err := json.Marshal(r.Lines)
	if err != nil {
		return 0, fmt.Errorf("encode reservation lines: %w", err)
	}
	var id int64
	err = s.db.QueryRowContext(ctx,
		`INSERT INTO stock_reservations (order_ref, lines, expires_at)
		 VALUES ($1, $2, $3) RETURNING id`, r.OrderRef, lines, r.ExpiresAt).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert reservation for %s: %w", r.OrderRef, err)
	}
	return id, nil
}

// Reservation loads the reservation of an order, locking it.
func (s *Store) Reservation(ctx context.Context, orderRef string) (inventory.Reservation, error) {
	r := inventory.Reservation{OrderRef: orderRef}
	var lines []byte
	err := s.db.QueryRowContext(ctx,
		`SELECT id, lines, expires_at FROM stock_reservations WHERE order_ref = $1 FOR UPDATE`, orderRef).
		Scan(&r.ID, &lines, &r.ExpiresAt)
	if err != nil {
		return inventory.Reservation{}, db.NotFound(err, "reservation", orderRef)
	}
	if err := json.Unmarshal(lines, &r.Lines); err != nil {
		return inventory.Reservation{}, fmt.Errorf("decode reservation %d lines: %w", r.ID, err)
	}
	return r, nil
}

// DeleteReservation removes a settled reservation.
func (s *Store) DeleteReservation(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM stock_reservations WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("delete reservation %d: %w", id, err)
	}
	return db.Affected(res, "reservation", id)
}

// Expired lists reservations past their expiry, oldest first.
func (s *Store) Expired(ctx context.Context, at time.Time, limit int) ([]inventory.Reservation, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, order_ref, expires_at FROM stock_reservations
		  WHERE expires_at < $1 ORDER BY expires_at, id LIMIT $2`, at, limit)
	if err != nil {
		return nil, fmt.Errorf("query expired reservations: %w", err)
	}
	defer rows.Close()
	var out []inventory.Reservation
	for rows.Next() {
		var r inventory.Reservation
		if err := rows.Scan(&r.ID, &r.OrderRef, &r.ExpiresAt); err != nil {
			return nil, fmt.Errorf("scan reservation: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("iterate reservations: %w", err)
	}
	return out, nil
}
