// Package store persists customers in the customers and customer_addresses tables.
package store

import (
	"context"
	"database/sql"
	"fmt"

	"example.com/shopdomains/internal/customers"
	"example.com/shopdomains/internal/platform/db"
)

// Store implements customers.Repository.
type Store struct {
	pool *sql.DB
}

// New returns a store on the pool.
func New(pool *sql.DB) *Store { return &Store{pool: pool} }

// Create inserts a customer.
func (s *Store) Create(ctx context.Context, c customers.Customer) (int64, error) {
	var id int64
	err := s.pool.QueryRowContext(ctx,
		`INSERT INTO customers (email, name, blocked, created_at) VALUES ($1, $2, FALSE, $3) RETURNING id`,
		c.Email, c.Name, c.CreatedAt).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert customer: %w", err)
	}
	return id, nil
}

// ByID loads a customer.
func (s *Store) ByID(ctx context.Context, id int64) (customers.Customer, error) {
	var c customers.Customer
	err := s.pool.QueryRowContext(ctx,
		`SELECT id, email, name, blocked, created_at FROM customers WHERE id = $1`, id).
		Scan(&c.ID, &c.Email, &c.Name, &c.Blocked, &c.CreatedAt)
	if err != nil {
		return customers.Customer{}, db.NotFound(err, "customer", id)
	}
	return c, nil
}

// EmailExists reports whether an account uses the address.
func (s *Store) EmailExists(ctx context.Context, email string) (bool, error) {
	var exists bool
	err := s.pool.QueryRowContext(ctx,
		`SELECT EXISTS (SELECT 1 FROM customers WHERE email = $1)`, email).Scan(&exists)
	if err != nil {
		return false, fmt.Errorf("query customer e-mail: %w", err)
	}
	return exists, nil
}

// SetBlocked flips the blocked flag.
func (s *Store) SetBlocked(ctx context.Context, id int64, blocked bool) error {
	res, err := s.pool.ExecContext(ctx, `UPDATE customers SET blocked = $2 WHERE id = $1`, id, blocked)
	if err != nil {
		return fmt.Errorf("update customer %d: %w", id, err)
	}
	return db.Affected(res, "customer", id)
}

// AddAddress stores an address; a default address replaces the previous
// default in the same transaction.
func (s *Store) AddAddress(ctx context.Context, a customers.Address) (int64, error) {
	var id int64
	err := db.InTx(ctx, s.pool, func(tx *sql.Tx) error {
		if a.Default {
			if _, err := tx.ExecContext(ctx,
				`UPDATE customer_addresses SET is_default = FALSE WHERE customer_id = $1`, a.CustomerID); err != nil {
				return fmt.Errorf("clear default address: %w", err)
			}
		}
		return tx.QueryRowContext(ctx,
			`INSERT INTO customer_addresses (customer_id, line1, line2, city, postal_code, country, is_default)
			 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			a.CustomerID, a.Line1, a.Line2, a.City, a.PostalCode, a.Country, a.Default).Scan(&id)
	})
	if err != nil {
		return 0, fmt.Errorf("insert address: %w", err)
	}
	return id, nil
}

// DefaultAddress returns the default address, or the newest one if none is marked.
func (s *Store) DefaultAddress(ctx context.Context, customerID int64) (customers.Address, error) {
	var a customers.Address
	err := s.pool.QueryRowContext(ctx,
		`SELECT id, customer_id, line1, line2, city, postal_code, country, is_default
		   FROM customer_addresses
		  WHERE customer_id = $1
		  ORDER BY is_default DESC, id DESC
		  LIMIT 1`, customerID).
		Scan(&a.ID, &a.CustomerID, &a.Line1, &a.Line2, &a.City, &a.PostalCode, &a.Country, &a.Default)
	if err != nil {
		return customers.Address{}, db.NotFound(err, "address of customer", customerID)
	}
	return a, nil
}
