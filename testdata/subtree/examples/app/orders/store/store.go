// Package store persists orders and their items.
package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// ErrNotFound is returned when an order does not exist.
var ErrNotFound = errors.New("order not found")

// Item is one line of an order.
type Item struct {
	ProductID string
	Quantity  int
	UnitCents int64
}

// Order is the persisted order row.
type Order struct {
	ID         int64
	UserID     int64
	Status     string
	TotalCents int64
	CreatedAt  time.Time
	Items      []Item
}

// OrderStore reads and writes the orders and order_items tables.
type OrderStore struct {
	db *sql.DB
}

// New returns an OrderStore.
func New(db *sql.DB) *OrderStore { return &OrderStore{db: db} }

// Insert saves a new order with its items and sets its id.
func (s *OrderStore) Insert(ctx context.Context, o *Order) error {
	rows, err := s.db.QueryContext(ctx,
		`INSERT INTO orders (user_id, status, total_cents) VALUES ($1, $2, $3) RETURNING id, created_at`,
		o.UserID, o.Status, o.TotalCents)
	if err != nil {
		return err
	}
	if rows.Next() {
		err = rows.Scan(&o.ID, &o.CreatedAt)
	}
	rows.Close()
	if err != nil {
		return err
	}
	for _, it := range o.Items {
		if _, err := s.db.ExecContext(ctx,
			`INSERT INTO order_items (order_id, product_id, quantity, unit_cents) VALUES ($1, $2, $3, $4)`,
			o.ID, it.ProductID, it.Quantity, it.UnitCents); err != nil {
			return err
		}
	}
	return nil
}

// Get loads an order header.
func (s *OrderStore) Get(ctx context.Context, id int64) (Order, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, user_id, status, total_cents, created_at FROM orders WHERE id = $1`, id)
	if err != nil {
		return Order{}, err
	}
	defer rows.Close()
	if !rows.Next() {
		return Order{}, ErrNotFound
	}
	var o Order
	err = rows.Scan(&o.ID, &o.UserID, &o.Status, &o.TotalCents, &o.CreatedAt)
	return o, err
}

// SetStatus moves an order from one status to another.
func (s *OrderStore) SetStatus(ctx context.Context, id int64, from, to string) (bool, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE orders SET status = $3 WHERE id = $1 AND status = $2`, id, from, to)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}
