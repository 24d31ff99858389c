// Package store persists the catalog in the products, product_prices and
// categories tables.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"example.com/shopdomains/internal/catalog"
	"example.com/shopdomains/internal/platform/db"
	"example.com/shopdomains/internal/platform/money"
)

// Store implements catalog.Repository.
type Store struct {
	db db.DBTX
}

// New returns a store on the given connection.
func New(conn db.DBTX) *Store { return &Store{db: conn} }

// ProductBySKU loads one product.
func (s *Store) ProductBySKU(ctx context.Context, sku string) (catalog.Product, error) {
	var p catalog.Product
	err := s.db.QueryRowContext(ctx,
		`SELECT id, sku, name, description, category_id, active, created_at
		   FROM products WHERE sku = $1`, sku).
		Scan(&p.ID, &p.SKU, &p.Name, &p.Description, &p.CategoryID, &p.Active, &p.CreatedAt)
	if err != nil {
		return catalog.Product{}, db.NotFound(err, "product", sku)
	}
	return p, nil
}

// ListProducts pages through active products; categoryID 0 means all.
func (s *Store) ListProducts(ctx context.Context, categoryID int64, limit, offset int) ([]catalog.Product, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, sku, name, description, category_id, active, created_at
		   FROM products
		  WHERE active AND ($1 = 0 OR category_id = $1)
		  ORDER BY name, id
		  LIMIT $2 OFFSET $3`, categoryID, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("query products: %w", err)
	}
	defer rows.Close()
	var out []catalog.Product
	for rows.Next() {
		var p catalog.Product
		if err := rows.Scan(&p.ID, &p.SKU, &p.Name, &p.Description, &p.CategoryID, &p.Active, &p.CreatedAt); err != nil {
			return nil, fmt.Errorf("scan product: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("iterate products: %w", err)
	}
	return out, nil
}

// CreateProduct inserts a product and returns its id.
func (s *Store) CreateProduct(ctx context.Context, p catalog.Product) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx,
		`INSERT INTO products (sku, name, description, category_id, active, created_at)
		 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		p.SKU, p.Name, p.Description, p.CategoryID, p.Active, p.CreatedAt).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert product %s: %w", p.SKU, err)
	}
	return id, nil
}

// SetActive flips a product's availability.
func (s *Store) SetActive(ctx context.Context, sku string, active bool) error {
	res, err := s.db.ExecContext(ctx, `UPDATE products SET active = $2 WHERE sku = $1`, sku, active)
	if err != nil {
		return fmt.Errorf("update product %s: %w", sku, err)
	}
	return db.Affected(res, "product", sku)
}

// CurrentPrice returns the price in force at the given time.
func (s *Store) CurrentPrice(ctx context.Context, sku string, at time.Time) (catalog.Price, error) {
	var p catalog.Price
	var amount int64
	err := s.db.QueryRowContext(ctx,
		`SELECT sku, amount_cents, currency, valid_from
		   FROM product_prices
		  WHERE sku = $1 AND valid_from <= $2
		  ORDER BY valid_from DESC
		  LIMIT 1`, sku, at).Scan(&p.SKU, &amount, &p.Currency, &p.ValidFrom)
	if err != nil {
		return catalog.Price{}, db.NotFound(err, "price", sku)
	}
	p.Amount = money.Cents(amount)
	return p, nil
}

// SetPrice adds an entry to the price history.
func (s *Store) SetPrice(ctx context.Context, p catalog.Price) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO product_prices (sku, amount_cents, currency, valid_from)
		 VALUES ($1, $2, $3, $4)`, p.SKU, int64(p.Amount), p.Currency, p.ValidFrom)
	if err != nil {
		return fmt.Errorf("insert price for %s: %w", p.SKU, err)
	}
	return nil
}

// DropScheduledPrices deletes prices that would take effect after the given time.
func (s *Store) DropScheduledPrices(ctx context.Context, sku string, after time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx,
		`DELETE FROM product_prices WHERE sku = $1 AND valid_from >= $2`, sku, after)
	if err != nil {
		return 0, fmt.Errorf("delete scheduled prices of %s: %w", sku, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("rows affected: %w", err)
	}
	return n, nil
}

// Categories lists all categories by name.
func (s *Store) Categories(ctx context.Context) ([]catalog.Category, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, parent_id FROM categories ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("query categories: %w", err)
	}
	defer rows.Close()
	var out []catalog.Category
	for rows.Next() {
		var c catalog.Category
		var parent sql.NullInt64
		if err := rows.Scan(&c.ID, &c.Name, &parent); err != nil {
			return nil, fmt.Errorf("scan category: %w", err)
		}
		c.ParentID = parent.Int64
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("iterate categories: %w", err)
	}
	return out, nil
}

// CreateCategory inserts a category; ParentID 0 means top level.
func (s *Store) CreateCategory(ctx context.Context, c catalog.Category) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx,
		`INSERT INTO categories (name, parent_id) VALUES ($1, $2) RETURNING id`,
		c.Name, sql.NullInt64{Int64: c.ParentID, Valid: c.ParentID != 0}).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert category %q: %w", c.Name, err)
	}
	return id, nil
}
