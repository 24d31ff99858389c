// Package orders owns the checkout: it turns a cart into an order, reserves
// the stock, authorizes the payment, and drives the order through its
// lifecycle until it ships or is cancelled.
package orders

import (
	"context"
	"fmt"
	"time"

	"example.com/shopdomains/internal/platform/money"
)

// Status is an order's lifecycle state.
type Status string

// Order states. Pending orders are being checked out; failed orders never
// got stock or payment.
const (
	StatusPending   Status = "pending"
	StatusConfirmed Status = "confirmed"
	StatusShipped   Status = "shipped"
	StatusCancelled Status = "cancelled"
	StatusFailed    Status = "failed"
)

// Order is a customer's purchase.
type Order struct {
	ID         int64       `json:"id"`
	CustomerID int64       `json:"customerId"`
	Status     Status      `json:"status"`
	Items      []Item      `json:"items"`
	Subtotal   money.Cents `json:"subtotal"`
	Discount   money.Cents `json:"discount"`
	Total      money.Cents `json:"total"`
	CouponCode string      `json:"couponCode,omitempty"`
	CreatedAt  time.Time   `json:"createdAt"`
	UpdatedAt  time.Time   `json:"updatedAt"`
}

// Item is one order line, priced at checkout time.
type Item struct {
	SKU       string      `json:"sku"`
	Quantity  int         `json:"quantity"`
	UnitPrice money.Cents `json:"unitPrice"`
}

// PlaceRequest is what a customer submits at checkout.
type PlaceRequest struct {
	CustomerID int64         `json:"customerId"`
	Items      []ItemRequest `json:"items"`
	CouponCode string        `json:"couponCode,omitempty"`
	CardToken  string        `json:"cardToken"`
}

// ItemRequest is one cart line.
type ItemRequest struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
}

// Ref is the reference other domains use for an order, e.g. for stock reservations.
func Ref(id int64) string { return fmt.Sprintf("order-%d", id) }

// TransitionError is returned when an order is not in a state that allows
// the requested change.
type TransitionError struct {
	ID   int64
	From Status
	To   Status
}

func (e *TransitionError) Error() string {
	return fmt.Sprintf("order %d cannot go from %s to %s", e.ID, e.From, e.To)
}

// Conflict makes the HTTP edge answer 409.
func (e *TransitionError) Conflict() bool { return true }

// allowed lists the legal status transitions.
var allowed = map[Status][]Status{
	StatusPending:   {StatusConfirmed, StatusFailed, StatusCancelled},
	StatusConfirmed: {StatusShipped, StatusCancelled},
}

// CanTransition reports whether an order may move from one state to another.
func CanTransition(from, to Status) bool {
	for _, s := range allowed[from] {
		if s == to {
			return true
		}
	}
	return false
}

// PriceLookup prices products; the catalog implements it.
type PriceLookup interface {
	PriceOf(ctx context.Context, sku string) (money.Cents, error)
}

// CustomerDirectory tells whether a customer may order and where to write to
// them; the customers domain implements it.
type CustomerDirectory interface {
	Contact(ctx context.Context, customerID int64) (string, error)
}

// Discounter prices and redeems coupons; the promotions domain implements it.
type Discounter interface {
	Discount(ctx context.Context, code string, customerID int64, subtotal money.Cents, skus []string) (money.Cents, error)
	Redeem(ctx context.Context, code string, customerID, orderID int64) error
}

// Repository is the storage orders need.
type Repository interface {
	Create(ctx context.Context, o Order) (int64, error)
	ByID(ctx context.Context, id int64) (Order, error)
	ByCustomer(ctx context.Context, customerID int64, limit int) ([]Order, error)
	// Transition moves an order from one status to another and fails with
	// a *TransitionError when the order is no longer in status from.
	Transition(ctx context.Context, id int64, from, to Status, at time.Time) error
}
