// Package payments authorizes, captures and refunds card payments for
// orders through an external payment provider and keeps the ledger of what
// was charged.
package payments

import (
	"context"
	"errors"
	"fmt"
	"time"

	"example.com/shopdomains/internal/notifications"
	"example.com/shopdomains/internal/platform/money"
	"example.com/shopdomains/internal/platform/validate"
)

// Status is a payment's lifecycle state.
type Status string

// Payment states.
const (
	StatusPending    Status = "pending"
	StatusAuthorized Status = "authorized"
	StatusCaptured   Status = "captured"
	StatusVoided     Status = "voided"
	StatusDeclined   Status = "declined"
)

// Payment is one charge against a customer's card for one order.
type Payment struct {
	ID            int64       `json:"id"`
	OrderID       int64       `json:"orderId"`
	Amount        money.Cents `json:"amount"`
	Refunded      money.Cents `json:"refunded"`
	Status        Status      `json:"status"`
	ProviderRef   string      `json:"-"`
	FailureReason string      `json:"failureReason,omitempty"`
	CreatedAt     time.Time   `json:"createdAt"`
	UpdatedAt     time.Time   `json:"updatedAt"`
}

// Refund is a (partial) refund of a captured payment.
type Refund struct {
	ID        int64       `json:"id"`
	PaymentID int64       `json:"paymentId"`
	Amount    money.Cents `json:"amount"`
	Reason    string      `json:"reason"`
	CreatedAt time.Time   `json:"createdAt"`
}

// AuthRequest asks the provider to hold an amount on a card.
type AuthRequest struct {
	Reference string
	Amount    money.Cents
	Currency  string
	CardToken string
}

// AuthResult is the provider's answer; Approved false carries a decline reason.
type AuthResult struct {
	Approved    bool
	ProviderRef string
	Reason      string
}

// Gateway is the payment provider.
type Gateway interface {
	Authorize(ctx context.Context, req AuthRequest) (AuthResult, error)
	Capture(ctx context.Context, providerRef string, amount money.Cents) error
	Void(ctx context.Context, providerRef string) error
	Refund(ctx context.Context, providerRef string, amount money.Cents) error
	Status(ctx context.Context, providerRef string) (Status, error)
}

// Repository is the payments ledger.
type Repository interface {
	Create(ctx context.Context, p Payment) (int64, error)
	ByID(ctx context.Context, id int64) (Payment, error)
	ByOrder(ctx context.Context, orderID int64) (Payment, error)
	UpdateStatus(ctx context.Context, p Payment) error
	AddRefund(ctx context.Context, r Refund) (int64, error)
	Refunds(ctx context.Context, paymentID int64) ([]Refund, error)
	StalePending(ctx context.Context, before time.Time, limit int) ([]Payment, error)
}

// DeclinedError is returned when the provider refuses the card.
type DeclinedError struct{ Reason string }

func (e *DeclinedError) Error() string { return "payment declined: " + e.Reason }

// Conflict makes the HTTP edge answer 409.
func (e *DeclinedError) Conflict() bool { return true }

// StateError is returned for operations not allowed in the payment's state.
type StateError struct {
	ID     int64
	Status Status
	Op     string
}

func (e *StateError) Error() string {
	return fmt.Sprintf("cannot %s payment %d in state %s", e.Op, e.ID, e.Status)
}

// Conflict makes the HTTP edge answer 409.
func (e *StateError) Conflict() bool { return true }

// Service is the payments application service.
type Service struct {
	repo     Repository
	gateway  Gateway
	notify   *notifications.Service
	currency string
	now      func() time.Time
}

// NewService wires the ledger, the provider and customer notifications.
func NewService(repo Repository, gw Gateway, notify *notifications.Service, currency string) *Service {
	return &Service{repo: repo, gateway: gw, notify: notify, currency: currency, now: time.Now}
}

// Authorize holds the order total on the customer's card. A decline is
// recorded, the customer is told, and a *DeclinedError is returned.
func (s *Service) Authorize(ctx context.Context, orderID int64, email string, amount money.Cents, cardToken string) (Payment, error) {
	if err := validate.First(
		validate.Positive("orderId", orderID),
		validate.Positive("amount", int64(amount)),
		validate.Required("cardToken", cardToken),
	); err != nil {
		return Payment{}, err
	}
	now := s.now().UTC()
	p := Payment{OrderID: orderID, Amount: amount, Status: StatusPending, CreatedAt: now, UpdatedAt: now}
	id, err := s.repo.Create(ctx, p)
	if err != nil {
		return Payment{}, fmt.Errorf("record payment for order %d: %w", orderID, err)
	}
	p.ID = id
	res, err := s.gateway.Authorize(ctx, AuthRequest{
		Reference: fmt.Sprintf("order-%d-payment-%d", orderID, id),
		Amount:    amount,
		Currency:  s.currency,
		CardToken: cardToken,
	})
	if err != nil {
		return Payment{}, fmt.Errorf("authorize payment %d: %w", id, err)
	}
	p.ProviderRef = res.ProviderRef
	p.UpdatedAt = s.now().UTC()
	if !res.Approved {
		p.Status, p.FailureReason = StatusDeclined, res.Reason
		if err := s.repo.UpdateStatus(ctx, p); err != nil {
			return Payment{}, fmt.Errorf("record decline of payment %d: %w", id, err)
		}
		if err := s.notify.PaymentFailed(ctx, email, orderID, res.Reason); err != nil {
			return Payment{}, fmt.Errorf("notify decline of payment %d: %w", id, err)
		}
		return p, &DeclinedError{Reason: res.Reason}
	}
	p.Status = StatusAuthorized
	if err := s.repo.UpdateStatus(ctx, p); err != nil {
		return Payment{}, fmt.Errorf("record authorization of payment %d: %w", id, err)
	}
	return p, nil
}

// Capture takes the authorized money, at dispatch time.
func (s *Service) Capture(ctx context.Context, orderID int64) error {
	p, err := s.repo.ByOrder(ctx, orderID)
	if err != nil {
		return fmt.Errorf("payment of order %d: %w", orderID, err)
	}
	if p.Status != StatusAuthorized {
		return &StateError{ID: p.ID, Status: p.Status, Op: "capture"}
	}
	if err := s.gateway.Capture(ctx, p.ProviderRef, p.Amount); err != nil {
		return fmt.Errorf("capture payment %d: %w", p.ID, err)
	}
	p.Status, p.UpdatedAt = StatusCaptured, s.now().UTC()
	return s.repo.UpdateStatus(ctx, p)
}

// Cancel releases the money of an order that will not ship: an open
// authorization is voided, a captured payment is refunded in full.
func (s *Service) Cancel(ctx context.Context, orderID int64, reason string) error {
	p, err := s.repo.ByOrder(ctx, orderID)
	if err != nil {
		return fmt.Errorf("payment of order %d: %w", orderID, err)
	}
	switch p.Status {
	case StatusAuthorized:
		if err := s.gateway.Void(ctx, p.ProviderRef); err != nil {
			return fmt.Errorf("void payment %d: %w", p.ID, err)
		}
		p.Status, p.UpdatedAt = StatusVoided, s.now().UTC()
		return s.repo.UpdateStatus(ctx, p)
	case StatusCaptured:
		_, err := s.Refund(ctx, p.ID, p.Amount-p.Refunded, reason)
		return err
	case StatusDeclined, StatusVoided:
		return nil
	default:
		return &StateError{ID: p.ID, Status: p.Status, Op: "cancel"}
	}
}

// Refund returns part of a captured payment; the total refunded never
// exceeds what was captured.
func (s *Service) Refund(ctx context.Context, paymentID int64, amount money.Cents, reason string) (Refund, error) {
	if err := validate.First(validate.Positive("amount", int64(amount)), validate.Required("reason", reason)); err != nil {
		return Refund{}, err
	}
	p, err := s.repo.ByID(ctx, paymentID)
	if err != nil {
		return Refund{}, err
	}
	if p.Status != StatusCaptured {
		return Refund{}, &StateError{ID: p.ID, Status: p.Status, Op: "refund"}
	}
	if left := p.Amount - p.Refunded; amount > left {
		return Refund{}, validate.Errorf("amount", "only %s of payment %d is left to refund", left, p.ID)
	}
	if err := s.gateway.Refund(ctx, p.ProviderRef, amount); err != nil {
		return Refund{}, fmt.Errorf("refund payment %d: %w", p.ID, err)
	}
	r := Refund{PaymentID: p.ID, Amount: amount, Reason: reason, CreatedAt: s.now().UTC()}
	if r.ID, err = s.repo.AddRefund(ctx, r); err != nil {
		return Refund{}, fmt.Errorf("record refund of payment %d: %w", p.ID, err)
	}
	return r, nil
}

// ForOrder returns the payment of an order with its refunds.
func (s *Service) ForOrder(ctx context.Context, orderID int64) (Payment, []Refund, error) {
	p, err := s.repo.ByOrder(ctx, orderID)
	if err != nil {
		return Payment{}, nil, err
	}
	refunds, err := s.repo.Refunds(ctx, p.ID)
	if err != nil {
		return Payment{}, nil, fmt.Errorf("refunds of payment %d: %w", p.ID, err)
	}
	return p, refunds, nil
}

// Reconcile asks the provider about payments stuck in pending (the process
// died between recording and authorizing) and records the answer.
func (s *Service) Reconcile(ctx context.Context, olderThan time.Duration, limit int) (int, error) {
	stale, err := s.repo.StalePending(ctx, s.now().Add(-olderThan).UTC(), limit)
	if err != nil {
		return 0, fmt.Errorf("list stale payments: %w", err)
	}
	fixed := 0
	var errs []error
	for _, p := range stale {
		if p.ProviderRef == "" {
			p.Status, p.FailureReason = StatusDeclined, "never reached the provider"
		} else {
			st, err := s.gateway.Status(ctx, p.ProviderRef)
			if err != nil {
				errs = append(errs, fmt.Errorf("status of payment %d: %w", p.ID, err))
				continue
			}
			p.Status = st
		}
		p.UpdatedAt = s.now().UTC()
		if err := s.repo.UpdateStatus(ctx, p); err != nil {
			errs = append(errs, fmt.Errorf("update payment %d: %w", p.ID, err))
			continue
		}
		fixed++
	}
	return fixed, errors.Join(errs...)
}
