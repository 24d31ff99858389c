// Package carts keeps shopping carts and turns them into orders.
package carts

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"example.com/bigmono/examples/app/carts/store"
	"example.com/bigmono/examples/app/orders"
)

// ErrEmpty is returned when checking out an empty cart.
var ErrEmpty = errors.New("cart is empty")

// Service implements the cart.
type Service struct {
	db     *sql.DB
	store  *store.CartStore
	orders *orders.Service
}

// NewService returns a cart service.
func NewService(db *sql.DB, s *store.CartStore, o *orders.Service) *Service {
	return &Service{db: db, store: s, orders: o}
}

// Checkout places an order for the user's cart and closes it.
func (s *Service) Checkout(ctx context.Context, userID int64) (int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT banned FROM users WHERE id = $1`, userID)
	if err != nil {
		return 0, err
	}
	banned := true
	if rows.Next() {
		err = rows.Scan(&banned)
	}
	rows.Close()
	if err != nil || banned {
		return 0, errors.Join(errors.New("user may not check out"), err)
	}
	lines, err := s.store.Lines(ctx, userID)
	if err != nil {
		return 0, err
	}
	if len(lines) == 0 {
		return 0, ErrEmpty
	}
	req := make([]orders.LineRequest, 0, len(lines))
	for _, l := range lines {
		req = append(req, orders.LineRequest{ProductID: l.ProductID, Quantity: l.Quantity, UnitCents: l.UnitCents})
	}
	o, err := s.orders.Place(ctx, userID, req)
	if err != nil {
		return 0, err
	}
	return o.ID, s.store.Close(ctx, userID)
}

// Handler serves the cart endpoints.
func (s *Service) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /carts/{user}/items", func(w http.ResponseWriter, r *http.Request) {
		user, _ := strconv.ParseInt(r.PathValue("user"), 10, 64)
		var l store.Line
		if err := json.NewDecoder(r.Body).Decode(&l); err != nil || l.Quantity <= 0 {
			http.Error(w, "bad line", http.StatusBadRequest)
			return
		}
		if err := s.store.Add(r.Context(), user, l); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("POST /carts/{user}/checkout", func(w http.ResponseWriter, r *http.Request) {
		user, _ := strconv.ParseInt(r.PathValue("user"), 10, 64)
		id, err := s.Checkout(r.Context(), user)
		if err != nil {
			http.Error(w, err.Error(), http.StatusConflict)
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]int64{"order_id": id})
	})
	return mux
}
