// Package orders places and cancels customer orders.
package orders

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"example.com/bigmono/examples/app/orders/store"
)

// LineRequest is one product and quantity requested by a customer.
type LineRequest struct {
	ProductID string `json:"product_id"`
	Quantity  int    `json:"quantity"`
	UnitCents int64  `json:"unit_cents"`
}

// Service implements the order workflow.
type Service struct {
	store *store.OrderStore
}

// NewService returns an order service.
func NewService(s *store.OrderStore) *Service { return &Service{store: s} }

// Place validates the lines and stores a pending order.
func (s *Service) Place(ctx context.Context, userID int64, lines []LineRequest) (store.Order, error) {
	if len(lines) == 0 {
		return store.Order{}, errors.New("order has no lines")
	}
	o := store.Order{UserID: userID, Status: "pending"}
	for _, l := range lines {
		if l.Quantity <= 0 || l.UnitCents < 0 {
			return store.Order{}, fmt.Errorf("invalid line for %s", l.ProductID)
		}
		o.Items = append(o.Items, store.Item{ProductID: l.ProductID, Quantity: l.Quantity, UnitCents: l.UnitCents})
		o.TotalCents += int64(l.Quantity) * l.UnitCents
	}
	return o, s.store.Insert(ctx, &o)
}

// Cancel cancels a pending order; paid orders must be refunded instead.
func (s *Service) Cancel(ctx context.Context, id int64) error {
	ok, err := s.store.SetStatus(ctx, id, "pending", "cancelled")
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("order %d is not pending", id)
	}
	return nil
}

// Handler serves /orders.
func (s *Service) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
		o, err := s.store.Get(r.Context(), id)
		if errors.Is(err, store.ErrNotFound) {
			http.NotFound(w, r)
			return
		} else if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		_ = json.NewEncoder(w).Encode(o)
	})
	mux.HandleFunc("POST /orders/{id}/cancel", func(w http.ResponseWriter, r *http.Request) {
		id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err := s.Cancel(r.Context(), id); err != nil {
			http.Error(w, err.Error(), http.StatusConflict)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	return mux
}
