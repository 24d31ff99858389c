// Package store persists shipments in the shipments and shipment_events
// tables.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"example.com/shopdomains/internal/platform/db"
	"example.com/shopdomains/internal/shipping"
)

// Store implements shipping.Repository.
type Store struct {
	pool *sql.DB
}

// New returns a store on the pool.
func New(pool *sql.DB) *Store { return &Store{pool: pool} }

// Create inserts a shipment.
func (s *Store) Create(ctx context.Context, sh shipping.Shipment) (int64, error) {
	var id int64
	err := s.pool.QueryRowContext(ctx,
		`INSERT INTO shipments (order_id, carrier, tracking_no, status, weight_grams, country, postal_code, created_at)
		 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		sh.OrderID, sh.Carrier, sh.TrackingNo, string(sh.Status), sh.WeightGrams, sh.Country, sh.PostalCode, sh.CreatedAt).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert shipment: %w", err)
	}
	return id, nil
}

// ByID loads a shipment.
func (s *Store) ByID(ctx context.Context, id int64) (shipping.Shipment, error) {
	var sh shipping.Shipment
	var status string
	var dispatched sql.NullTime
	err := s.pool.QueryRowContext(ctx,
		`SELECT id, order_id, carrier, tracking_no, status, weight_grams, country, postal_code, created_at, dispatched_at
		   FROM shipments WHERE id = $1`, id).
		Scan(&sh.ID, &sh.OrderID, &sh.Carrier, &sh.TrackingNo, &status, &sh.WeightGrams, &sh.Country, &sh.PostalCode, &sh.CreatedAt, &dispatched)
	if err != nil {
		return shipping.Shipment{}, db.NotFound(err, "shipment", id)
	}
	sh.Status = shipping.Status(status)
	if dispatched.Valid {
		sh.DispatchedAt = &dispatched.Time
	}
	return sh, nil
}

// SetStatus moves a shipment between states, guarded by the expected current state.
func (s *Store) SetStatus(ctx context.Context, id int64, from, to shipping.Status, at time.Time) error {
	res, err := s.pool.ExecContext(ctx,
		`UPDATE shipments
		    SET status = $3,
		        dispatched_at = CASE WHEN $3 = 'dispatched' THEN $4 ELSE dispatched_at END
		  WHERE id = $1 AND status = $2`, id, string(from), string(to), at)
	if err != nil {
		return fmt.Errorf("update shipment %d: %w", id, err)
	}
	return db.Affected(res, "shipment in state "+string(from), id)
}

// AddEvent appends to the tracking history.
func (s *Store) AddEvent(ctx context.Context, e shipping.Event) error {
	_, err := s.pool.ExecContext(ctx,
		`INSERT INTO shipment_events (shipment_id, status, note, at) VALUES ($1, $2, $3, $4)`,
		e.ShipmentID, string(e.Status), sql.NullString{String: e.Note, Valid: e.Note != ""}, e.At)
	if err != nil {
		return fmt.Errorf("insert shipment event: %w", err)
	}
	return nil
}

// Events lists the tracking history, oldest first.
func (s *Store) Events(ctx context.Context, shipmentID int64) ([]shipping.Event, error) {
	rows, err := s.pool.QueryContext(ctx,
		`SELECT shipment_id, status, note, at FROM shipment_events WHERE shipment_id = $1 ORDER BY at, id`, shipmentID)
	if err != nil {
		return nil, fmt.Errorf("query shipment events: %w", err)
	}
	defer rows.Close()
	var out []shipping.Event
	for rows.Next() {
		var e shipping.Event
		var status string
		var note sql.NullString
		if err := rows.Scan(&e.ShipmentID, &status, &note, &e.At); err != nil {
			return nil, fmt.Errorf("scan shipment event: %w", err)
		}
		e.Status, e.Note = shipping.Status(status), note.String
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("iterate shipment events: %w", err)
	}
	return out, nil
}

// ReadyOrders lists confirmed orders that have no shipment yet. It reads
// the orders table directly: going through the orders service would mean
// one call per order for the warehouse's pick list.
func (s *Store) ReadyOrders(ctx context.Context, limit int) ([]shipping.ReadyOrder, error) {
	rows, err := s.pool.QueryContext(ctx,
		`SELECT o.id, o.customer_id, o.updated_at
		   FROM orders o
		  WHERE o.status = 'confirmed'
		    AND NOT EXISTS (SELECT 1 FROM shipments sh WHERE sh.order_id = o.id)
		  ORDER BY o.updated_at, o.id
		  LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("query orders ready to ship: %w", err)
	}
	defer rows.Close()
	var out []shipping.ReadyOrder
	for rows.Next() {
		var r shipping.ReadyOrder
		if err := rows.Scan(&r.OrderID, &r.CustomerID, &r.ConfirmedAt); err != nil {
			return nil, fmt.Errorf("scan ready order: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("iterate ready orders: %w", err)
	}
	return out, nil
}
