// Package reviews lets buyers rate the products they ordered.
package reviews

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"net/http"

	"example.com/bigmono/lib/strutil"
)

// ErrNotBuyer is returned when the author never ordered the product.
var ErrNotBuyer = errors.New("only buyers can review a product")

// Review is one rating with an optional comment.
type Review struct {
	ProductID string `json:"product_id"`
	UserID    int64  `json:"user_id"`
	Stars     int    `json:"stars"`
	Comment   string `json:"comment"`
}

// Service implements reviews.
type Service struct {
	db *sql.DB
}

// NewService returns a review service.
func NewService(db *sql.DB) *Service { return &Service{db: db} }

// Post stores a review after checking the author's paid orders.
func (s *Service) Post(ctx context.Context, r Review) error {
	if r.Stars < 1 || r.Stars > 5 {
		return errors.New("stars must be between 1 and 5")
	}
	rows, err := s.db.QueryContext(ctx,
		`SELECT 1 FROM order_items i JOIN orders o ON o.id = i.order_id
		 WHERE o.user_id = $1 AND i.product_id = $2 AND o.status = 'paid' LIMIT 1`, r.UserID, r.ProductID)
	if err != nil {
		return err
	}
	bought := rows.Next()
	rows.Close()
	if !bought {
		return ErrNotBuyer
	}
	_, err = s.db.ExecContext(ctx,
		`INSERT INTO reviews (product_id, user_id, stars, comment) VALUES ($1, $2, $3, $4)`,
		r.ProductID, r.UserID, r.Stars, strutil.Truncate(r.Comment, 2000))
	return err
}

// Handler serves POST /reviews.
func (s *Service) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var in Review
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if err := s.Post(r.Context(), in); errors.Is(err, ErrNotBuyer) {
			http.Error(w, err.Error(), http.StatusForbidden)
			return
		} else if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.WriteHeader(http.StatusCreated)
	})
}
