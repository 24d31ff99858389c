package orders

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"example.com/shopdomains/internal/inventory"
	"example.com/shopdomains/internal/notifications"
	"example.com/shopdomains/internal/payments"
	"example.com/shopdomains/internal/platform/money"
	"example.com/shopdomains/internal/platform/validate"
)

// maxItems bounds the size of one order.
const maxItems = 50

// Service is the orders application service.
type Service struct {
	repo      Repository
	prices    PriceLookup
	customers CustomerDirectory
	discounts Discounter
	stock     *inventory.Service
	payments  *payments.Service
	notify    *notifications.Service
	now       func() time.Time
}

// Deps are the collaborators of the orders service.
type Deps struct {
	Repo          Repository
	Prices        PriceLookup
	Customers     CustomerDirectory
	Discounts     Discounter
	Inventory     *inventory.Service
	Payments      *payments.Service
	Notifications *notifications.Service
}

// NewService checks that every collaborator is present.
func NewService(d Deps) (*Service, error) {
	if d.Repo == nil || d.Prices == nil || d.Customers == nil || d.Discounts == nil ||
		d.Inventory == nil || d.Payments == nil || d.Notifications == nil {
		return nil, errors.New("orders: every dependency is required")
	}
	return &Service{
		repo: d.Repo, prices: d.Prices, customers: d.Customers, discounts: d.Discounts,
		stock: d.Inventory, payments: d.Payments, notify: d.Notifications, now: time.Now,
	}, nil
}

// Place checks out a cart: it prices the items, applies the coupon,
// reserves stock and authorizes the card. Whatever fails after the order
// row exists marks the order failed and undoes the reservation.
func (s *Service) Place(ctx context.Context, req PlaceRequest) (Order, error) {
	if err := validatePlace(req); err != nil {
		return Order{}, err
	}
	email, err := s.customers.Contact(ctx, req.CustomerID)
	if err != nil {
		return Order{}, fmt.Errorf("customer %d: %w", req.CustomerID, err)
	}
	o, err := s.price(ctx, req)
	if err != nil {
		return Order{}, err
	}
	if o.ID, err = s.repo.Create(ctx, o); err != nil {
		return Order{}, fmt.Errorf("create order: %w", err)
	}

	lines := make([]inventory.Line, len(o.Items))
	for i, it := range o.Items {
		lines[i] = inventory.Line{SKU: it.SKU, Quantity: it.Quantity}
	}
	if _, err := s.stock.Reserve(ctx, Ref(o.ID), lines); err != nil {
		return Order{}, s.fail(ctx, o, fmt.Errorf("reserve stock: %w", err))
	}
	if _, err := s.payments.Authorize(ctx, o.ID, email, o.Total, req.CardToken); err != nil {
		if relErr := s.stock.Release(ctx, Ref(o.ID)); relErr != nil {
			err = errors.Join(err, fmt.Errorf("release stock: %w", relErr))
		}
		return Order{}, s.fail(ctx, o, fmt.Errorf("authorize payment: %w", err))
	}
	if o.CouponCode != "" {
		if err := s.discounts.Redeem(ctx, o.CouponCode, o.CustomerID, o.ID); err != nil {
			return Order{}, fmt.Errorf("redeem coupon for order %d: %w", o.ID, err)
		}
	}
	if err := s.repo.Transition(ctx, o.ID, StatusPending, StatusConfirmed, s.now().UTC()); err != nil {
		return Order{}, fmt.Errorf("confirm order %d: %w", o.ID, err)
	}
	o.Status = StatusConfirmed
	if err := s.notify.OrderPlaced(ctx, email, o.ID, o.Total.String()); err != nil {
		slog.Warn("order confirmation not queued", "order", o.ID, "err", err)
	}
	return o, nil
}

func validatePlace(req PlaceRequest) error {
	if err := validate.First(
		validate.Positive("customerId", req.CustomerID),
		validate.Required("cardToken", req.CardToken),
		validate.MaxLen("couponCode", req.CouponCode, 32),
	); err != nil {
		return err
	}
	if len(req.Items) == 0 || len(req.Items) > maxItems {
		return validate.Errorf("items", "must hold 1 to %d lines", maxItems)
	}
	for i, it := range req.Items {
		if it.Quantity <= 0 || it.Quantity > 999 {
			return validate.Errorf(fmt.Sprintf("items[%d].quantity", i), "must be in [1, 999]")
		}
	}
	return nil
}

// price builds the pending order with current catalog prices and the coupon discount.
func (s *Service) price(ctx context.Context, req PlaceRequest) (Order, error) {
	now := s.now().UTC()
	o := Order{CustomerID: req.CustomerID, Status: StatusPending, CouponCode: req.CouponCode, CreatedAt: now, UpdatedAt: now}
	skus := make([]string, 0, len(req.Items))
	for _, it := range req.Items {
		unit, err := s.prices.PriceOf(ctx, it.SKU)
		if err != nil {
			return Order{}, fmt.Errorf("price %s: %w", it.SKU, err)
		}
		line, err := unit.Times(it.Quantity)
		if err != nil {
			return Order{}, fmt.Errorf("line %s: %w", it.SKU, err)
		}
		if o.Subtotal, err = money.Add(o.Subtotal, line); err != nil {
			return Order{}, fmt.Errorf("subtotal: %w", err)
		}
		o.Items = append(o.Items, Item{SKU: it.SKU, Quantity: it.Quantity, UnitPrice: unit})
		skus = append(skus, it.SKU)
	}
	if req.CouponCode != "" {
		d, err := s.discounts.Discount(ctx, req.CouponCode, req.CustomerID, o.Subtotal, skus)
		if err != nil {
			return Order{}, fmt.Errorf("coupon %s: %w", req.CouponCode, err)
		}
		o.Discount = money.Min(d, o.Subtotal)
	}
	o.Total = o.Subtotal - o.Discount
	return o, nil
}

// fail marks a pending order failed and returns cause, joined with any
// error from recording the failure.
func (s *Service) fail(ctx context.Context, o Order, cause error) error {
	if err := s.repo.Transition(ctx, o.ID, StatusPending, StatusFailed, s.now().UTC()); err != nil {
		return errors.Join(fmt.Errorf("order %d: %w", o.ID, cause), fmt.Errorf("mark order %d failed: %w", o.ID, err))
	}
	return fmt.Errorf("order %d: %w", o.ID, cause)
}

// Get returns one order with its items.
func (s *Service) Get(ctx context.Context, id int64) (Order, error) {
	if err := validate.Positive("id", id); err != nil {
		return Order{}, err
	}
	return s.repo.ByID(ctx, id)
}

// History lists a customer's newest orders.
func (s *Service) History(ctx context.Context, customerID int64, limit int) ([]Order, error) {
	if err := validate.Positive("customerId", customerID); err != nil {
		return nil, err
	}
	if limit <= 0 || limit > 100 {
		limit = 20
	}
	return s.repo.ByCustomer(ctx, customerID, limit)
}

// Cancel stops an order that has not shipped, releasing its stock and money.
func (s *Service) Cancel(ctx context.Context, id int64, reason string) error {
	o, err := s.Get(ctx, id)
	if err != nil {
		return err
	}
	if !CanTransition(o.Status, StatusCancelled) {
		return &TransitionError{ID: id, From: o.Status, To: StatusCancelled}
	}
	if err := s.stock.Release(ctx, Ref(id)); err != nil {
		return fmt.Errorf("cancel order %d: %w", id, err)
	}
	if err := s.payments.Cancel(ctx, id, reason); err != nil {
		return fmt.Errorf("cancel order %d: %w", id, err)
	}
	if err := s.repo.Transition(ctx, id, o.Status, StatusCancelled, s.now().UTC()); err != nil {
		return fmt.Errorf("cancel order %d: %w", id, err)
	}
	if email, err := s.customers.Contact(ctx, o.CustomerID); err == nil {
		if err := s.notify.OrderCancelled(ctx, email, id, reason); err != nil {
			slog.Warn("cancellation notice not queued", "order", id, "err", err)
		}
	}
	return nil
}

// MarkShipped is called by shipping when a parcel leaves the warehouse: the
// reserved stock is consumed and the payment captured.
func (s *Service) MarkShipped(ctx context.Context, id int64) error {
	o, err := s.Get(ctx, id)
	if err != nil {
		return err
	}
	if !CanTransition(o.Status, StatusShipped) {
		return &TransitionError{ID: id, From: o.Status, To: StatusShipped}
	}
	if err := s.stock.Commit(ctx, Ref(id)); err != nil {
		return fmt.Errorf("ship order %d: %w", id, err)
	}
	if err := s.payments.Capture(ctx, id); err != nil {
		return fmt.Errorf("ship order %d: %w", id, err)
	}
	return s.repo.Transition(ctx, id, StatusConfirmed, StatusShipped, s.now().UTC())
}

// ContactFor returns the e-mail of an order's customer, for shipping notices.
func (s *Service) ContactFor(ctx context.Context, id int64) (string, error) {
	o, err := s.Get(ctx, id)
	if err != nil {
		return "", err
	}
	return s.customers.Contact(ctx, o.CustomerID)
}
