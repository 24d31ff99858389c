// Package shipping books parcels with carriers for paid orders and reports
// dispatch back to checkout.
package shipping

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"time"

	"example.com/svcmesh/internal/transport"
)

// Shipment is one parcel on its way to a customer.
type Shipment struct {
	ID         string     `json:"id"`
	OrderID    string     `json:"order_id"`
	AccountID  string     `json:"account_id"`
	Carrier    string     `json:"carrier"`
	TrackingID string     `json:"tracking_id"`
	Status     string     `json:"status"`
	ShippedAt  *time.Time `json:"shipped_at,omitempty"`
}

// CheckoutClient is what shipping needs from the checkout service.
type CheckoutClient interface {
	MarkShipped(ctx context.Context, orderID, trackingID string) error
}

// NotifyClient is what shipping needs from the notify service.
type NotifyClient interface {
	Send(ctx context.Context, accountID, template string) error
}

// Service implements shipping.
type Service struct {
	db       *sql.DB
	checkout CheckoutClient
	notify   NotifyClient
	carrier  string
}

// New returns a shipping service using the given default carrier.
func New(db *sql.DB, checkout CheckoutClient, notify NotifyClient, carrier string) *Service {
	return &Service{db: db, checkout: checkout, notify: notify, carrier: carrier}
}

// Create books a shipment for an order.
func (s *Service) Create(ctx context.Context, orderID, accountID string) (string, error) {
	rows, err := s.db.QueryContext(ctx,
		`INSERT INTO shipments (order_id, account_id, carrier, status) VALUES ($1, $2, $3, 'booked')
		 ON CONFLICT (order_id) DO NOTHING RETURNING id`, orderID, accountID, s.carrier)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	if !rows.Next() {
		return "", fmt.Errorf("order %s: %w: already has a shipment", orderID, transport.ErrConflict)
	}
	var id string
	return id, rows.Scan(&id)
}

// Dispatch records the carrier's tracking id and tells checkout and the customer.
func (s *Service) Dispatch(ctx context.Context, shipmentID, trackingID string) error {
	rows, err := s.db.QueryContext(ctx,
		`UPDATE shipments SET status = 'shipped', tracking_id = $2, shipped_at = now()
		 WHERE id = $1 AND status = 'booked' RETURNING order_id, account_id`, shipmentID, trackingID)
	if err != nil {
		return err
	}
	var orderID, accountID string
	found := rows.Next()
	if found {
		err = rows.Scan(&orderID, &accountID)
	}
	rows.Close()
	if err != nil {
		return err
	}
	if !found {
		return fmt.Errorf("shipment %s: %w", shipmentID, transport.ErrNotFound)
	}
	if err := s.checkout.MarkShipped(ctx, orderID, trackingID); err != nil {
		return err
	}
	return s.notify.Send(ctx, accountID, "order_shipped")
}

type createRequest struct {
	OrderID   string `json:"order_id"`
	AccountID string `json:"account_id"`
}

// Routes mounts the shipping endpoints.
func (s *Service) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /shipments/{id}/dispatch", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			TrackingID string `json:"tracking_id"`
		}
		if err := transport.DecodeJSON(r, &in); err != nil {
			transport.WriteError(w, err)
			return
		}
		if err := s.Dispatch(r.Context(), r.PathValue("id"), in.TrackingID); err != nil {
			transport.WriteError(w, err)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.Handle("POST /rpc/shipping.CreateShipment", transport.Handle(func(ctx context.Context, in createRequest) (map[string]string, error) {
		id, err := s.Create(ctx, in.OrderID, in.AccountID)
		return map[string]string{"shipment_id": id}, err
	}))
}
