// Package inventory tracks stock per SKU and holds reservations for orders
// between checkout and dispatch, so two customers cannot buy the last item.
package inventory

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"example.com/shopdomains/internal/platform/validate"
)

// Line is a quantity of one SKU.
type Line struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
}

// Reservation holds stock for one order until it is committed or released.
type Reservation struct {
	ID        int64     `json:"id"`
	OrderRef  string    `json:"orderRef"`
	Lines     []Line    `json:"lines"`
	ExpiresAt time.Time `json:"expiresAt"`
}

// Level is the stock position of a SKU.
type Level struct {
	SKU      string `json:"sku"`
	OnHand   int    `json:"onHand"`
	Reserved int    `json:"reserved"`
}

// Available is what can still be sold.
func (l Level) Available() int { return l.OnHand - l.Reserved }

// InsufficientError names the SKU that ran out, so checkout can tell the customer.
type InsufficientError struct {
	SKU       string
	Requested int
}

func (e *InsufficientError) Error() string {
	return fmt.Sprintf("not enough stock of %s for %d", e.SKU, e.Requested)
}

// Conflict makes the HTTP edge answer 409.
func (e *InsufficientError) Conflict() bool { return true }

// ErrNoStock is returned by Repository.Hold when the guarded update matched no row.
var ErrNoStock = errors.New("insufficient stock")

// Repository is the storage inventory needs. Hold and Unhold must run inside
// the transaction given to WithinTx.
type Repository interface {
	WithinTx(ctx context.Context, fn func(Repository) error) error
	Level(ctx context.Context, sku string) (Level, error)
	Hold(ctx context.Context, sku string, qty int) error
	Unhold(ctx context.Context, sku string, qty int) error
	Consume(ctx context.Context, sku string, qty int) error
	Restock(ctx context.Context, sku string, qty int) error
	SaveReservation(ctx context.Context, r Reservation) (int64, error)
	Reservation(ctx context.Context, orderRef string) (Reservation, error)
	DeleteReservation(ctx context.Context, id int64) error
	Expired(ctx context.Context, at time.Time, limit int) ([]Reservation, error)
}

// Service is inventory's application service.
type Service struct {
	repo Repository
	ttl  time.Duration
	now  func() time.Time
}

// NewService returns a service whose reservations expire after ttl.
func NewService(repo Repository, ttl time.Duration) *Service {
	return &Service{repo: repo, ttl: ttl, now: time.Now}
}

// Reserve holds stock for every line of an order, all or nothing.
// Lines are processed in SKU order so concurrent reservations lock rows in
// the same order and cannot deadlock.
func (s *Service) Reserve(ctx context.Context, orderRef string, lines []Line) (Reservation, error) {
	if err := validate.Required("orderRef", orderRef); err != nil {
		return Reservation{}, err
	}
	merged, err := mergeLines(lines)
	if err != nil {
		return Reservation{}, err
	}
	res := Reservation{OrderRef: orderRef, Lines: merged, ExpiresAt: s.now().Add(s.ttl).UTC()}
	err = s.repo.WithinTx(ctx, func(tx Repository) error {
		for _, l := range merged {
			if err := tx.Hold(ctx, l.SKU, l.Quantity); err != nil {
				if errors.Is(err, ErrNoStock) {
					return &InsufficientError{SKU: l.SKU, Requested: l.Quantity}
				}
				return fmt.Errorf("hold %d of %s: %w", l.Quantity, l.SKU, err)
			}
		}
		id, err := tx.SaveReservation(ctx, res)
		if err != nil {
			return fmt.Errorf("save reservation: %w", err)
		}
		res.ID = id
		return nil
	})
	if err != nil {
		return Reservation{}, fmt.Errorf("reserve for %s: %w", orderRef, err)
	}
	return res, nil
}

// Release gives reserved stock back, e.g. when an order is cancelled.
func (s *Service) Release(ctx context.Context, orderRef string) error {
	return s.settle(ctx, orderRef, func(tx Repository, l Line) error { return tx.Unhold(ctx, l.SKU, l.Quantity) })
}

// Commit turns a reservation into a real stock decrease at dispatch.
func (s *Service) Commit(ctx context.Context, orderRef string) error {
	return s.settle(ctx, orderRef, func(tx Repository, l Line) error { return tx.Consume(ctx, l.SKU, l.Quantity) })
}

func (s *Service) settle(ctx context.Context, orderRef string, apply func(Repository, Line) error) error {
	err := s.repo.WithinTx(ctx, func(tx Repository) error {
		res, err := tx.Reservation(ctx, orderRef)
		if err != nil {
			return err
		}
		for _, l := range res.Lines {
			if err := apply(tx, l); err != nil {
				return fmt.Errorf("%s: %w", l.SKU, err)
			}
		}
		return tx.DeleteReservation(ctx, res.ID)
	})
	if err != nil {
		return fmt.Errorf("settle reservation of %s: %w", orderRef, err)
	}
	return nil
}

// ReleaseExpired frees reservations whose checkout never completed and
// returns how many were released.
func (s *Service) ReleaseExpired(ctx context.Context, batch int) (int, error) {
	expired, err := s.repo.Expired(ctx, s.now().UTC(), batch)
	if err != nil {
		return 0, fmt.Errorf("list expired reservations: %w", err)
	}
	n := 0
	for _, r := range expired {
		if err := s.Release(ctx, r.OrderRef); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// Restock records a delivery from a supplier.
func (s *Service) Restock(ctx context.Context, sku string, qty int) error {
	if err := validate.First(validate.Required("sku", sku), validate.Positive("quantity", int64(qty))); err != nil {
		return err
	}
	return s.repo.Restock(ctx, sku, qty)
}

// Availability returns sellable quantities; catalog pages show it.
func (s *Service) Availability(ctx context.Context, sku string) (int, error) {
	l, err := s.repo.Level(ctx, sku)
	if err != nil {
		return 0, fmt.Errorf("stock level of %s: %w", sku, err)
	}
	return max(l.Available(), 0), nil
}

func mergeLines(lines []Line) ([]Line, error) {
	if len(lines) == 0 {
		return nil, validate.Errorf("lines", "at least one line is required")
	}
	qty := make(map[string]int, len(lines))
	for i, l := range lines {
		if l.SKU == "" {
			return nil, validate.Errorf(fmt.Sprintf("lines[%d].sku", i), "is required")
		}
		if l.Quantity <= 0 {
			return nil, validate.Errorf(fmt.Sprintf("lines[%d].quantity", i), "must be positive")
		}
		qty[l.SKU] += l.Quantity
	}
	out := make([]Line, 0, len(qty))
	for sku, q := range qty {
		out = append(out, Line{SKU: sku, Quantity: q})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SKU < out[j].SKU })
	return out, nil
}
