// Package inventory tracks stock levels per SKU and warehouse and holds
// reservations for orders that are being placed.
package inventory

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"

	"example.com/svcmesh/internal/transport"
)

// CatalogClient is what inventory needs from the catalog service.
type CatalogClient interface {
	Exists(ctx context.Context, sku string) (bool, error)
}

// Service implements inventory.
type Service struct {
	db        *sql.DB
	catalog   CatalogClient
	warehouse string
}

// New returns an inventory service for the given default warehouse.
func New(db *sql.DB, catalog CatalogClient, warehouse string) *Service {
	return &Service{db: db, catalog: catalog, warehouse: warehouse}
}

// Reserve holds n units of sku, failing when not enough are available.
func (s *Service) Reserve(ctx context.Context, sku string, n int) error {
	if n <= 0 {
		return transport.ErrInvalid
	}
	res, err := s.db.ExecContext(ctx,
		`UPDATE stock_levels SET reserved = reserved + $3
		 WHERE sku = $1 AND warehouse = $2 AND on_hand - reserved >= $3`, sku, s.warehouse, n)
	if err != nil {
		return err
	}
	if k, _ := res.RowsAffected(); k == 0 {
		return fmt.Errorf("sku %s: %w: insufficient stock", sku, transport.ErrConflict)
	}
	_, err = s.db.ExecContext(ctx,
		`INSERT INTO reservations (sku, warehouse, quantity) VALUES ($1, $2, $3)`, sku, s.warehouse, n)
	return err
}

// Release gives back a reservation.
func (s *Service) Release(ctx context.Context, sku string, n int) error {
	_, err := s.db.ExecContext(ctx,
		`UPDATE stock_levels SET reserved = GREATEST(reserved - $3, 0) WHERE sku = $1 AND warehouse = $2`,
		sku, s.warehouse, n)
	return err
}

// Restock adds delivered units, refusing SKUs the catalog does not know.
func (s *Service) Restock(ctx context.Context, sku string, n int) error {
	ok, err := s.catalog.Exists(ctx, sku)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("sku %s: %w", sku, transport.ErrNotFound)
	}
	_, err = s.db.ExecContext(ctx,
		`INSERT INTO stock_levels (sku, warehouse, on_hand, reserved) VALUES ($1, $2, $3, 0)
		 ON CONFLICT (sku, warehouse) DO UPDATE SET on_hand = stock_levels.on_hand + EXCLUDED.on_hand`,
		sku, s.warehouse, n)
	return err
}

type stockRequest struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
}

// Routes mounts the inventory endpoints.
func (s *Service) Routes(mux *http.ServeMux) {
	mux.Handle("POST /stock/restock", transport.Handle(func(ctx context.Context, in stockRequest) (struct{}, error) {
		return struct{}{}, s.Restock(ctx, in.SKU, in.Quantity)
	}))
	mux.Handle("POST /rpc/inventory.Reserve", transport.Handle(func(ctx context.Context, in stockRequest) (struct{}, error) {
		return struct{}{}, s.Reserve(ctx, in.SKU, in.Quantity)
	}))
	mux.Handle("POST /rpc/inventory.Release", transport.Handle(func(ctx context.Context, in stockRequest) (struct{}, error) {
		return struct{}{}, s.Release(ctx, in.SKU, in.Quantity)
	}))
}
