// Package catalog owns the product catalogue: SKUs, titles and list prices.
package catalog

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strings"

	"example.com/svcmesh/internal/transport"
)

// Product is one sellable SKU.
type Product struct {
	SKU        string  `json:"sku"`
	Title      string  `json:"title"`
	PriceCents int64   `json:"price_cents"`
	Category   string  `json:"category"`
	Active     bool    `json:"active"`
	Rating     float64 `json:"rating"`
	Reviews    int     `json:"reviews"`
}

// ReviewsClient is what the catalog needs from the reviews service.
type ReviewsClient interface {
	Rating(ctx context.Context, sku string) (float64, int, error)
}

// Service implements the catalogue.
type Service struct {
	db      *sql.DB
	reviews ReviewsClient
}

// New returns a catalog service.
func New(db *sql.DB, reviews ReviewsClient) *Service {
	return &Service{db: db, reviews: reviews}
}

// Product loads a product and decorates it with its rating.
func (s *Service) Product(ctx context.Context, sku string) (Product, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT sku, title, price_cents, category, active FROM products WHERE sku = $1`, strings.ToUpper(sku))
	if err != nil {
		return Product{}, err
	}
	defer rows.Close()
	if !rows.Next() {
		return Product{}, fmt.Errorf("product %s: %w", sku, transport.ErrNotFound)
	}
	var p Product
	if err := rows.Scan(&p.SKU, &p.Title, &p.PriceCents, &p.Category, &p.Active); err != nil {
		return Product{}, err
	}
	if avg, n, err := s.reviews.Rating(ctx, p.SKU); err == nil {
		p.Rating, p.Reviews = avg, n
	}
	return p, nil
}

type skuRequest struct {
	SKU string `json:"sku"`
}

// Routes mounts the catalog endpoints.
func (s *Service) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /products/{sku}", func(w http.ResponseWriter, r *http.Request) {
		p, err := s.Product(r.Context(), r.PathValue("sku"))
		if err != nil {
			transport.WriteError(w, err)
			return
		}
		transport.WriteJSON(w, http.StatusOK, p)
	})
	mux.Handle("POST /rpc/catalog.Price", transport.Handle(func(ctx context.Context, in skuRequest) (map[string]int64, error) {
		p, err := s.Product(ctx, in.SKU)
		if err == nil && !p.Active {
			err = fmt.Errorf("product %s: %w", in.SKU, transport.ErrNotFound)
		}
		return map[string]int64{"price_cents": p.PriceCents}, err
	}))
	mux.Handle("POST /rpc/catalog.Exists", transport.Handle(func(ctx context.Context, in skuRequest) (map[string]bool, error) {
		rows, err := s.db.QueryContext(ctx, `SELECT 1 FROM products WHERE sku = $1`, in.SKU)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		return map[string]bool{"exists": rows.Next()}, nil
	}))
}
