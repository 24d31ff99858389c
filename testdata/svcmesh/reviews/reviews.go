// Package reviews stores product reviews written by verified buyers and
// serves the aggregated rating per SKU.
package reviews

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strings"

	"example.com/svcmesh/internal/transport"
)

// Review is one customer's opinion on a product.
type Review struct {
	ID        int64  `json:"id"`
	SKU       string `json:"sku"`
	AccountID string `json:"account_id"`
	Stars     int    `json:"stars"`
	Text      string `json:"text"`
}

// CheckoutClient is what reviews needs from the checkout service.
type CheckoutClient interface {
	HasPurchased(ctx context.Context, accountID, sku string) (bool, error)
}

// Service implements reviews.
type Service struct {
	db       *sql.DB
	checkout CheckoutClient
}

// New returns a reviews service.
func New(db *sql.DB, checkout CheckoutClient) *Service {
	return &Service{db: db, checkout: checkout}
}

// Submit records a review after checking that the author bought the SKU.
func (s *Service) Submit(ctx context.Context, r Review) (Review, error) {
	r.Text = strings.TrimSpace(r.Text)
	if r.Stars < 1 || r.Stars > 5 || len(r.Text) > 4000 {
		return Review{}, fmt.Errorf("%w: stars 1-5, text up to 4000 chars", transport.ErrInvalid)
	}
	bought, err := s.checkout.HasPurchased(ctx, r.AccountID, r.SKU)
	if err != nil {
		return Review{}, err
	}
	if !bought {
		return Review{}, fmt.Errorf("%w: only buyers may review", transport.ErrConflict)
	}
	rows, err := s.db.QueryContext(ctx,
		`INSERT INTO reviews (sku, account_id, stars, body) VALUES ($1, $2, $3, $4)
		 ON CONFLICT (sku, account_id) DO UPDATE SET stars = EXCLUDED.stars, body = EXCLUDED.body
		 RETURNING id`, r.SKU, r.AccountID, r.Stars, r.Text)
	if err != nil {
		return Review{}, err
	}
	defer rows.Close()
	if rows.Next() {
		err = rows.Scan(&r.ID)
	}
	return r, err
}

// Rating returns the average stars and the number of reviews of a SKU.
func (s *Service) Rating(ctx context.Context, sku string) (float64, int, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT COALESCE(AVG(stars), 0), COUNT(*) FROM reviews WHERE sku = $1 AND NOT hidden`, sku)
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	var avg float64
	var n int
	if rows.Next() {
		err = rows.Scan(&avg, &n)
	}
	return avg, n, err
}

type ratingRequest struct {
	SKU string `json:"sku"`
}

type ratingResponse struct {
	Average float64 `json:"average"`
	Count   int     `json:"count"`
}

// Routes mounts the reviews endpoints.
func (s *Service) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /products/{sku}/reviews", func(w http.ResponseWriter, r *http.Request) {
		var in Review
		if err := transport.DecodeJSON(r, &in); err != nil {
			transport.WriteError(w, err)
			return
		}
		in.SKU = r.PathValue("sku")
		out, err := s.Submit(r.Context(), in)
		if err != nil {
			transport.WriteError(w, err)
			return
		}
		transport.WriteJSON(w, http.StatusCreated, out)
	})
	mux.Handle("POST /rpc/reviews.Rating", transport.Handle(func(ctx context.Context, in ratingRequest) (ratingResponse, error) {
		avg, n, err := s.Rating(ctx, in.SKU)
		return ratingResponse{Average: avg, Count: n}, err
	}))
}
