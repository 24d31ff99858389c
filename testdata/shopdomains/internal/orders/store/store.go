// Package store persists orders in the orders and order_items tables.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"example.com/shopdomains/internal/orders"
	"example.com/shopdomains/internal/platform/db"
	"example.com/shopdomains/internal/platform/money"
)

// Store implements orders.Repository.
type Store struct {
	pool *sql.DB
}

// New returns a store on the pool.
func New(pool *sql.DB) *Store { return &Store{pool: pool} }

// Create inserts an order and its items in one transaction.
func (s *Store) Create(ctx context.Context, o orders.Order) (int64, error) {
	var id int64
	err := db.InTx(ctx, s.pool, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx,
			`INSERT INTO orders (customer_id, status, subtotal_cents, discount_cents, total_cents, coupon_code, created_at, updated_at)
			 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
			o.CustomerID, string(o.Status), int64(o.Subtotal), int64(o.Discount), int64(o.Total),
			sql.NullString{String: o.CouponCode, Valid: o.CouponCode != ""}, o.CreatedAt, o.UpdatedAt).Scan(&id)
		if err != nil {
			return fmt.Errorf("insert order: %w", err)
		}
		return insertItems(ctx, tx, id, o.Items)
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}

func insertItems(ctx context.Context, tx *sql.Tx, orderID int64, items []orders.Item) error {
	stmt, err := tx.PrepareContext(ctx,
		`INSERT INTO order_items (order_id, line_no, sku, quantity, unit_price_cents) VALUES ($1, $2, $3, $4, $5)`)
	if err != nil {
		return fmt.Errorf("prepare order items: %w", err)
	}
	defer stmt.Close()
	for i, it := range items {
		if _, err := stmt.ExecContext(ctx, orderID, i+1, it.SKU, it.Quantity, int64(it.UnitPrice)); err != nil {
			return fmt.Errorf("insert item %d of order %d: %w", i+1, orderID, err)
		}
	}
	return nil
}

// ByID loads an order with its items.
func (s *Store) ByID(ctx context.Context, id int64) (orders.Order, error) {
	o, err := scanOrder(s.pool.QueryRowContext(ctx,
		`SELECT id, customer_id, status, subtotal_cents, discount_cents, total_cents, coupon_code, created_at, updated_at
		   FROM orders WHERE id = $1`, id))
	if err != nil {
		return orders.Order{}, db.NotFound(err, "order", id)
	}
	if o.Items, err = s.items(ctx, id); err != nil {
		return orders.Order{}, err
	}
	return o, nil
}

func (s *Store) items(ctx context.Context, orderID int64) ([]orders.Item, error) {
	rows, err := s.pool.QueryContext(ctx,
		`SELECT sku, quantity, unit_price_cents FROM order_items WHERE order_id = $1 ORDER BY line_no`, orderID)
	if err != nil {
		return nil, fmt.Errorf("query items of order %d: %w", orderID, err)
	}
	defer rows.Close()
	var out []orders.Item
	for rows.Next() {
		var it orders.Item
		var unit int64
		if err := rows.Scan(&it.SKU, &it.Quantity, &unit); err != nil {
			return nil, fmt.Errorf("scan item of order %d: %w", orderID, err)
		}
		it.UnitPrice = money.Cents(unit)
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("iterate items of order %d: %w", orderID, err)
	}
	return out, nil
}

// ByCustomer lists a customer's newest orders without their items.
func (s *Store) ByCustomer(ctx context.Context, customerID int64, limit int) ([]orders.Order, error) {
	rows, err := s.pool.QueryContext(ctx,
		`SELECT id, customer_id, status, subtotal_cents, discount_cents, total_cents, coupon_code, created_at, updated_at
		   FROM orders WHERE customer_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, customerID, limit)
	if err != nil {
		return nil, fmt.Errorf("query orders of customer %d: %w", customerID, err)
	}
	defer rows.Close()
	var out []orders.Order
	for rows.Next() {
		o, err := scanOrder(rows)
		if err != nil {
			return nil, fmt.Errorf("scan order: %w", err)
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("iterate orders: %w", err)
	}
	return out, nil
}

func scanOrder(row interface{ Scan(...any) error }) (orders.Order, error) {
	var o orders.Order
	var status string
	var sub, disc, total int64
	var coupon sql.NullString
	if err := row.Scan(&o.ID, &o.CustomerID, &status, &sub, &disc, &total, &coupon, &o.CreatedAt, &o.UpdatedAt); err != nil {
		return orders.Order{}, err
	}
	o.Status, o.CouponCode = orders.Status(status), coupon.String
	o.Subtotal, o.Discount, o.Total = money.Cents(sub), money.Cents(disc), money.Cents(total)
	return o, nil
}

// Transition changes the status only if the order is still in status from,
// so two concurrent transitions cannot both win.
func (s *Store) Transition(ctx context.Context, id int64, from, to orders.Status, at time.Time) error {
	if !orders.CanTransition(from, to) {
		return &orders.TransitionError{ID: id, From: from, To: to}
	}
	res, err := s.pool.ExecContext(ctx,
		`UPDATE orders SET status = $3, updated_at = $4 WHERE id = $1 AND status = $2`,
		id, string(from), string(to), at)
	if err != nil {
		return fmt.Errorf("update order %d: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("rows affected: %w", err)
	}
	if n == 0 {
		var current string
		if err := s.pool.QueryRowContext(ctx, `SELECT status FROM orders WHERE id = $1`, id).Scan(&current); err != nil {
			return db.NotFound(err, "order", id)
		}
		return &orders.TransitionError{ID: id, From: orders.Status(current), To: to}
	}
	return nil
}
