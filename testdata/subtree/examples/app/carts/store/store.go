// Package store persists shopping carts.
package store

import (
	"context"
	"database/sql"
)

// Line is one product in a cart.
type Line struct {
	ProductID string
	Quantity  int
	UnitCents int64
}

// CartStore reads and writes the carts and cart_items tables.
type CartStore struct {
	db *sql.DB
}

// New returns a CartStore.
func New(db *sql.DB) *CartStore { return &CartStore{db: db} }

// Add puts a product in the user's open cart, summing quantities.
func (s *CartStore) Add(ctx context.Context, userID int64, l Line) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO cart_items (cart_id, product_id, quantity, unit_cents)
		 SELECT id, $2, $3, $4 FROM carts WHERE user_id = $1 AND NOT checked_out
		 ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = cart_items.quantity + EXCLUDED.quantity`,
		userID, l.ProductID, l.Quantity, l.UnitCents)
	return err
}

// Lines lists the open cart of a user.
func (s *CartStore) Lines(ctx context.Context, userID int64) ([]Line, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT i.product_id, i.quantity, i.unit_cents FROM cart_items i
		 JOIN carts c ON c.id = i.cart_id WHERE c.user_id = $1 AND NOT c.checked_out`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Line
	for rows.Next() {
		var l Line
		if err := rows.Scan(&l.ProductID, &l.Quantity, &l.UnitCents); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// Close marks the open cart as checked out and opens a new empty one.
func (s *CartStore) Close(ctx context.Context, userID int64) error {
	if _, err := s.db.ExecContext(ctx,
		`UPDATE carts SET checked_out = TRUE WHERE user_id = $1 AND NOT checked_out`, userID); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO carts (user_id) VALUES ($1)`, userID)
	return err
}
