// Package shipping turns confirmed orders into parcels: it buys carrier
// labels, tracks shipments and tells orders when a parcel has left.
package shipping

import (
	"context"
	"fmt"
	"time"

	"example.com/shopdomains/internal/customers"
	"example.com/shopdomains/internal/notifications"
	"example.com/shopdomains/internal/orders"
	"example.com/shopdomains/internal/platform/validate"
)

// Status is a shipment's state.
type Status string

// Shipment states.
const (
	StatusLabelled   Status = "labelled"
	StatusDispatched Status = "dispatched"
	StatusDelivered  Status = "delivered"
	StatusReturned   Status = "returned"
)

// Shipment is one parcel for one order.
type Shipment struct {
	ID           int64      `json:"id"`
	OrderID      int64      `json:"orderId"`
	Carrier      string     `json:"carrier"`
	TrackingNo   string     `json:"trackingNo"`
	Status       Status     `json:"status"`
	WeightGrams  int        `json:"weightGrams"`
	Country      string     `json:"country"`
	PostalCode   string     `json:"postalCode"`
	CreatedAt    time.Time  `json:"createdAt"`
	DispatchedAt *time.Time `json:"dispatchedAt,omitempty"`
}

// Event is one entry of a shipment's tracking history.
type Event struct {
	ShipmentID int64     `json:"shipmentId"`
	Status     Status    `json:"status"`
	Note       string    `json:"note,omitempty"`
	At         time.Time `json:"at"`
}

// ReadyOrder is a confirmed order without a shipment yet.
type ReadyOrder struct {
	OrderID     int64     `json:"orderId"`
	CustomerID  int64     `json:"customerId"`
	ConfirmedAt time.Time `json:"confirmedAt"`
}

// Carrier buys labels from a parcel service.
type Carrier interface {
	Name() string
	Label(ctx context.Context, to customers.Address, weightGrams int) (trackingNo string, err error)
}

// AddressBook finds delivery addresses; the customers domain implements it.
type AddressBook interface {
	ShippingAddress(ctx context.Context, customerID int64) (customers.Address, error)
}

// Repository is the storage shipping needs.
type Repository interface {
	Create(ctx context.Context, s Shipment) (int64, error)
	ByID(ctx context.Context, id int64) (Shipment, error)
	SetStatus(ctx context.Context, id int64, from, to Status, at time.Time) error
	AddEvent(ctx context.Context, e Event) error
	Events(ctx context.Context, shipmentID int64) ([]Event, error)
	ReadyOrders(ctx context.Context, limit int) ([]ReadyOrder, error)
}

// StateError is returned for a transition the shipment's state forbids.
type StateError struct {
	ID     int64
	Status Status
	Want   Status
}

func (e *StateError) Error() string {
	return fmt.Sprintf("shipment %d is %s, not %s", e.ID, e.Status, e.Want)
}

// Conflict makes the HTTP edge answer 409.
func (e *StateError) Conflict() bool { return true }

// Service is the shipping application service.
type Service struct {
	repo      Repository
	orders    *orders.Service
	addresses AddressBook
	carrier   Carrier
	notify    *notifications.Service
	now       func() time.Time
}

// NewService wires shipping's collaborators.
func NewService(repo Repository, o *orders.Service, addresses AddressBook, carrier Carrier, notify *notifications.Service) *Service {
	return &Service{repo: repo, orders: o, addresses: addresses, carrier: carrier, notify: notify, now: time.Now}
}

// ReadyToShip lists confirmed orders waiting for a label, oldest first.
func (s *Service) ReadyToShip(ctx context.Context, limit int) ([]ReadyOrder, error) {
	if limit <= 0 || limit > 500 {
		return nil, validate.Errorf("limit", "must be in [1, 500]")
	}
	return s.repo.ReadyOrders(ctx, limit)
}

// CreateLabel buys a label for a confirmed order and records the shipment.
func (s *Service) CreateLabel(ctx context.Context, orderID int64, weightGrams int) (Shipment, error) {
	if err := validate.Positive("weightGrams", int64(weightGrams)); err != nil {
		return Shipment{}, err
	}
	o, err := s.orders.Get(ctx, orderID)
	if err != nil {
		return Shipment{}, err
	}
	if o.Status != orders.StatusConfirmed {
		return Shipment{}, &orders.TransitionError{ID: o.ID, From: o.Status, To: orders.StatusShipped}
	}
	addr, err := s.addresses.ShippingAddress(ctx, o.CustomerID)
	if err != nil {
		return Shipment{}, fmt.Errorf("label for order %d: %w", orderID, err)
	}
	tracking, err := s.carrier.Label(ctx, addr, weightGrams)
	if err != nil {
		return Shipment{}, fmt.Errorf("buy %s label for order %d: %w", s.carrier.Name(), orderID, err)
	}
	sh := Shipment{
		OrderID: orderID, Carrier: s.carrier.Name(), TrackingNo: tracking, Status: StatusLabelled,
		WeightGrams: weightGrams, Country: addr.Country, PostalCode: addr.PostalCode, CreatedAt: s.now().UTC(),
	}
	if sh.ID, err = s.repo.Create(ctx, sh); err != nil {
		return Shipment{}, fmt.Errorf("record shipment of order %d: %w", orderID, err)
	}
	if err := s.repo.AddEvent(ctx, Event{ShipmentID: sh.ID, Status: StatusLabelled, At: sh.CreatedAt}); err != nil {
		return Shipment{}, fmt.Errorf("record label event: %w", err)
	}
	return sh, nil
}

// Dispatch records that the carrier picked the parcel up; the order is
// marked shipped (which captures the payment) and the customer told.
func (s *Service) Dispatch(ctx context.Context, shipmentID int64) error {
	sh, err := s.repo.ByID(ctx, shipmentID)
	if err != nil {
		return err
	}
	if sh.Status != StatusLabelled {
		return &StateError{ID: sh.ID, Status: sh.Status, Want: StatusLabelled}
	}
	if err := s.orders.MarkShipped(ctx, sh.OrderID); err != nil {
		return fmt.Errorf("dispatch shipment %d: %w", sh.ID, err)
	}
	now := s.now().UTC()
	if err := s.advance(ctx, sh.ID, StatusLabelled, StatusDispatched, now, ""); err != nil {
		return err
	}
	email, err := s.orders.ContactFor(ctx, sh.OrderID)
	if err != nil {
		return fmt.Errorf("contact for order %d: %w", sh.OrderID, err)
	}
	if err := s.notify.ShipmentDispatched(ctx, email, sh.OrderID, sh.Carrier, sh.TrackingNo); err != nil {
		return fmt.Errorf("notify dispatch of shipment %d: %w", sh.ID, err)
	}
	return nil
}

// Delivered records the carrier's proof of delivery.
func (s *Service) Delivered(ctx context.Context, shipmentID int64, note string) error {
	return s.advance(ctx, shipmentID, StatusDispatched, StatusDelivered, s.now().UTC(), note)
}

// Returned records a parcel that came back undeliverable.
func (s *Service) Returned(ctx context.Context, shipmentID int64, note string) error {
	if err := validate.Required("note", note); err != nil {
		return err
	}
	return s.advance(ctx, shipmentID, StatusDispatched, StatusReturned, s.now().UTC(), note)
}

func (s *Service) advance(ctx context.Context, id int64, from, to Status, at time.Time, note string) error {
	if err := s.repo.SetStatus(ctx, id, from, to, at); err != nil {
		return fmt.Errorf("shipment %d to %s: %w", id, to, err)
	}
	if err := s.repo.AddEvent(ctx, Event{ShipmentID: id, Status: to, Note: note, At: at}); err != nil {
		return fmt.Errorf("record %s event of shipment %d: %w", to, id, err)
	}
	return nil
}

// Track returns a shipment with its history.
func (s *Service) Track(ctx context.Context, id int64) (Shipment, []Event, error) {
	sh, err := s.repo.ByID(ctx, id)
	if err != nil {
		return Shipment{}, nil, err
	}
	events, err := s.repo.Events(ctx, id)
	if err != nil {
		return Shipment{}, nil, fmt.Errorf("events of shipment %d: %w", id, err)
	}
	return sh, events, nil
}
