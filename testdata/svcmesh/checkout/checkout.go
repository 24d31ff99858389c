// Package checkout turns a basket into an order: it prices the lines,
// reserves stock, charges the customer and requests a shipment.
package checkout

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"

	"example.com/svcmesh/internal/transport"
)

// CatalogClient is what checkout needs from the catalog service.
type CatalogClient interface {
	Price(ctx context.Context, sku string) (int64, error)
}

// InventoryClient is what checkout needs from the inventory service.
type InventoryClient interface {
	Reserve(ctx context.Context, sku string, n int) error
	Release(ctx context.Context, sku string, n int) error
}

// BillingClient is what checkout needs from the billing service.
type BillingClient interface {
	Charge(ctx context.Context, accountID, orderID string, amountCents int64) (string, error)
}

// ShippingClient is what checkout needs from the shipping service.
type ShippingClient interface {
	CreateShipment(ctx context.Context, orderID, accountID string) (string, error)
}

// Line is one SKU and quantity in a basket.
type Line struct {
	SKU       string `json:"sku"`
	Quantity  int    `json:"quantity"`
	UnitCents int64  `json:"unit_cents"`
}

// Order is a placed basket.
type Order struct {
	ID         string `json:"id"`
	AccountID  string `json:"account_id"`
	Lines      []Line `json:"lines"`
	TotalCents int64  `json:"total_cents"`
	InvoiceID  string `json:"invoice_id"`
	ShipmentID string `json:"shipment_id"`
	Status     string `json:"status"`
}

// Service implements checkout.
type Service struct {
	db        *sql.DB
	catalog   CatalogClient
	inventory InventoryClient
	billing   BillingClient
	shipping  ShippingClient
}

// New returns a checkout service.
func New(db *sql.DB, c CatalogClient, i InventoryClient, b BillingClient, s ShippingClient) *Service {
	return &Service{db: db, catalog: c, inventory: i, billing: b, shipping: s}
}

// PlaceOrder prices and reserves every line, then charges and ships.
// Stock already reserved is released when a later step fails.
func (s *Service) PlaceOrder(ctx context.Context, accountID string, lines []Line) (Order, error) {
	if len(lines) == 0 {
		return Order{}, fmt.Errorf("%w: empty basket", transport.ErrInvalid)
	}
	o := Order{AccountID: accountID, Status: "pending"}
	var reserved []Line
	fail := func(err error) (Order, error) {
		for _, l := range reserved {
			_ = s.inventory.Release(ctx, l.SKU, l.Quantity)
		}
		return Order{}, err
	}
	for _, l := range lines {
		price, err := s.catalog.Price(ctx, l.SKU)
		if err != nil {
			return fail(fmt.Errorf("price %s: %w", l.SKU, err))
		}
		if err := s.inventory.Reserve(ctx, l.SKU, l.Quantity); err != nil {
			return fail(fmt.Errorf("reserve %s: %w", l.SKU, err))
		}
		l.UnitCents = price
		reserved = append(reserved, l)
		o.TotalCents += price * int64(l.Quantity)
	}
	o.Lines = reserved
	if err := s.insert(ctx, &o); err != nil {
		return fail(err)
	}
	inv, err := s.billing.Charge(ctx, accountID, o.ID, o.TotalCents)
	if err != nil {
		_, _ = s.db.ExecContext(ctx, `UPDATE orders SET status = 'payment_failed' WHERE id = $1`, o.ID)
		return fail(err)
	}
	o.InvoiceID, o.Status = inv, "paid"
	if o.ShipmentID, err = s.shipping.CreateShipment(ctx, o.ID, accountID); err != nil {
		return o, fmt.Errorf("order %s paid but not shipped: %w", o.ID, err)
	}
	_, err = s.db.ExecContext(ctx,
		`UPDATE orders SET status = $2, invoice_id = $3, shipment_id = $4 WHERE id = $1`,
		o.ID, o.Status, o.InvoiceID, o.ShipmentID)
	return o, err
}

func (s *Service) insert(ctx context.Context, o *Order) error {
	rows, err := s.db.QueryContext(ctx,
		`INSERT INTO orders (account_id, total_cents, status) VALUES ($1, $2, $3) RETURNING id`,
		o.AccountID, o.TotalCents, o.Status)
	if err != nil {
		return err
	}
	if rows.Next() {
		err = rows.Scan(&o.ID)
	}
	rows.Close()
	if err != nil || o.ID == "" {
		return errors.Join(errors.New("insert order"), err)
	}
	for _, l := range o.Lines {
		if _, err := s.db.ExecContext(ctx,
			`INSERT INTO order_lines (order_id, sku, quantity, unit_cents) VALUES ($1, $2, $3, $4)`,
			o.ID, l.SKU, l.Quantity, l.UnitCents); err != nil {
			return err
		}
	}
	return nil
}

// HasPurchased reports whether the account ever bought the SKU.
func (s *Service) HasPurchased(ctx context.Context, accountID, sku string) (bool, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.id
		 WHERE o.account_id = $1 AND l.sku = $2 AND o.status IN ('paid', 'shipped') LIMIT 1`, accountID, sku)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	return rows.Next(), rows.Err()
}

type shippedRequest struct {
	OrderID    string `json:"order_id"`
	TrackingID string `json:"tracking_id"`
}

type purchasedRequest struct {
	AccountID string `json:"account_id"`
	SKU       string `json:"sku"`
}

// Routes mounts the checkout endpoints.
func (s *Service) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /orders", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			AccountID string `json:"account_id"`
			Lines     []Line `json:"lines"`
		}
		if err := transport.DecodeJSON(r, &in); err != nil {
			transport.WriteError(w, err)
			return
		}
		o, err := s.PlaceOrder(r.Context(), in.AccountID, in.Lines)
		if err != nil {
			transport.WriteError(w, err)
			return
		}
		transport.WriteJSON(w, http.StatusCreated, o)
	})
	mux.Handle("POST /rpc/checkout.MarkShipped", transport.Handle(func(ctx context.Context, in shippedRequest) (struct{}, error) {
		_, err := s.db.ExecContext(ctx,
			`UPDATE orders SET status = 'shipped', tracking_id = $2 WHERE id = $1`, in.OrderID, in.TrackingID)
		return struct{}{}, err
	}))
	mux.Handle("POST /rpc/checkout.HasPurchased", transport.Handle(func(ctx context.Context, in purchasedRequest) (map[string]bool, error) {
		ok, err := s.HasPurchased(ctx, in.AccountID, in.SKU)
		return map[string]bool{"purchased": ok}, err
	}))
}
