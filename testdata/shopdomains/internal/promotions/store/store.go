// Package store persists promotions in the promotions and
// coupon_redemptions tables.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"example.com/shopdomains/internal/platform/db"
	"example.com/shopdomains/internal/platform/money"
	"example.com/shopdomains/internal/promotions"
)

// Store implements promotions.Repository.
type Store struct {
	pool *sql.DB
}

// New returns a store on the pool.
func New(pool *sql.DB) *Store { return &Store{pool: pool} }

// Create inserts a promotion.
func (s *Store) Create(ctx context.Context, p promotions.Promotion) (int64, error) {
	var id int64
	err := s.pool.QueryRowContext(ctx,
		`INSERT INTO promotions (code, kind, value, category_id, min_subtotal_cents, max_redemptions, once_per_user, starts_at, ends_at)
		 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		p.Code, string(p.Kind), p.Value, sql.NullInt64{Int64: p.CategoryID, Valid: p.CategoryID != 0},
		int64(p.MinSubtotal), p.MaxRedemptions, p.OncePerUser, p.StartsAt, p.EndsAt).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert promotion: %w", err)
	}
	return id, nil
}

// ByCode loads a promotion by its coupon code.
func (s *Store) ByCode(ctx context.Context, code string) (promotions.Promotion, error) {
	var p promotions.Promotion
	var kind string
	var category sql.NullInt64
	var minSub int64
	err := s.pool.QueryRowContext(ctx,
		`SELECT id, code, kind, value, category_id, min_subtotal_cents, max_redemptions, once_per_user, starts_at, ends_at
		   FROM promotions WHERE code = $1`, code).
		Scan(&p.ID, &p.Code, &kind, &p.Value, &category, &minSub, &p.MaxRedemptions, &p.OncePerUser, &p.StartsAt, &p.EndsAt)
	if err != nil {
		return promotions.Promotion{}, db.NotFound(err, "promotion", code)
	}
	p.Kind, p.CategoryID, p.MinSubtotal = promotions.Kind(kind), category.Int64, money.Cents(minSub)
	return p, nil
}

// Redemptions counts all uses of a promotion and those by one customer.
func (s *Store) Redemptions(ctx context.Context, promotionID, customerID int64) (int, int, error) {
	var total, mine int
	err := s.pool.QueryRowContext(ctx,
		`SELECT COUNT(*), COUNT(*) FILTER (WHERE customer_id = $2)
		   FROM coupon_redemptions WHERE promotion_id = $1`, promotionID, customerID).Scan(&total, &mine)
	if err != nil {
		return 0, 0, fmt.Errorf("count redemptions: %w", err)
	}
	return total, mine, nil
}

// Redeem records one use.
func (s *Store) Redeem(ctx context.Context, promotionID, customerID, orderID int64, at time.Time) error {
	_, err := s.pool.ExecContext(ctx,
		`INSERT INTO coupon_redemptions (promotion_id, customer_id, order_id, redeemed_at) VALUES ($1, $2, $3, $4)`,
		promotionID, customerID, orderID, at)
	if err != nil {
		return fmt.Errorf("insert redemption: %w", err)
	}
	return nil
}

// SchedulePrice writes a time-boxed sale price straight into the catalog's
// price history, together with a row restoring the regular price when the
// sale ends.
func (s *Store) SchedulePrice(ctx context.Context, sku, currency string, sale, regular money.Cents, from, until time.Time) error {
	_, err := s.pool.ExecContext(ctx,
		`INSERT INTO product_prices (sku, amount_cents, currency, valid_from)
		 VALUES ($1, $2, $3, $4), ($1, $5, $3, $6)`,
		sku, int64(sale), currency, from, int64(regular), until)
	if err != nil {
		return fmt.Errorf("insert flash price for %s: %w", sku, err)
	}
	return nil
}
