// Package promotions runs coupons and flash sales. Coupons are priced
// against the cart at checkout; flash sales temporarily cut catalog prices.
package promotions

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"example.com/shopdomains/internal/catalog"
	"example.com/shopdomains/internal/platform/money"
	"example.com/shopdomains/internal/platform/validate"
)

// Kind is how a promotion computes its discount.
type Kind string

// Promotion kinds.
const (
	KindPercent Kind = "percent" // Value is basis points of the eligible amount
	KindFixed   Kind = "fixed"   // Value is cents off the order
)

// Promotion is a coupon code with its rules.
type Promotion struct {
	ID             int64       `json:"id"`
	Code           string      `json:"code"`
	Kind           Kind        `json:"kind"`
	Value          int64       `json:"value"`
	CategoryID     int64       `json:"categoryId,omitempty"` // 0: whole cart
	MinSubtotal    money.Cents `json:"minSubtotal"`
	MaxRedemptions int         `json:"maxRedemptions"` // 0: unlimited
	OncePerUser    bool        `json:"oncePerUser"`
	StartsAt       time.Time   `json:"startsAt"`
	EndsAt         time.Time   `json:"endsAt"`
}

// FlashSale cuts the price of a set of SKUs for a time window.
type FlashSale struct {
	SKUs        []string  `json:"skus"`
	BasisPoints int       `json:"basisPoints"`
	StartsAt    time.Time `json:"startsAt"`
	EndsAt      time.Time `json:"endsAt"`
}

// ErrNotApplicable is returned, wrapped with the reason, when a coupon exists
// but does not apply to this cart or customer.
var ErrNotApplicable = errors.New("coupon does not apply")

// Repository is the storage promotions need.
type Repository interface {
	Create(ctx context.Context, p Promotion) (int64, error)
	ByCode(ctx context.Context, code string) (Promotion, error)
	Redemptions(ctx context.Context, promotionID, customerID int64) (total, byCustomer int, err error)
	Redeem(ctx context.Context, promotionID, customerID, orderID int64, at time.Time) error
	SchedulePrice(ctx context.Context, sku, currency string, sale, regular money.Cents, from, until time.Time) error
}

// Service is the promotions application service.
type Service struct {
	repo     Repository
	catalog  *catalog.Service
	currency string
	now      func() time.Time
}

// NewService wires the repository and the catalog used for category rules
// and base prices; currency is the shop's single currency.
func NewService(repo Repository, cat *catalog.Service, currency string) *Service {
	return &Service{repo: repo, catalog: cat, currency: currency, now: time.Now}
}

// Create validates and stores a promotion.
func (s *Service) Create(ctx context.Context, p Promotion) (Promotion, error) {
	p.Code = normalize(p.Code)
	if err := validate.First(
		validate.Required("code", p.Code),
		validate.MaxLen("code", p.Code, 32),
		validate.Positive("value", p.Value),
	); err != nil {
		return Promotion{}, err
	}
	if p.Kind != KindPercent && p.Kind != KindFixed {
		return Promotion{}, validate.Errorf("kind", "must be %q or %q", KindPercent, KindFixed)
	}
	if p.Kind == KindPercent && p.Value > 10000 {
		return Promotion{}, validate.Errorf("value", "a percentage cannot exceed 10000 basis points")
	}
	if !p.EndsAt.After(p.StartsAt) {
		return Promotion{}, validate.Errorf("endsAt", "must be after startsAt")
	}
	id, err := s.repo.Create(ctx, p)
	if err != nil {
		return Promotion{}, fmt.Errorf("create promotion %s: %w", p.Code, err)
	}
	p.ID = id
	return p, nil
}

// Discount prices a coupon for a cart; orders call it through their
// Discounter interface.
func (s *Service) Discount(ctx context.Context, code string, customerID int64, subtotal money.Cents, skus []string) (money.Cents, error) {
	p, err := s.applicable(ctx, code, customerID, subtotal)
	if err != nil {
		return 0, err
	}
	eligible := subtotal
	if p.CategoryID != 0 {
		inCategory := false
		for _, sku := range skus {
			cat, err := s.catalog.CategoryOf(ctx, sku)
			if err != nil {
				return 0, fmt.Errorf("category of %s: %w", sku, err)
			}
			if cat == p.CategoryID {
				inCategory = true
				break
			}
		}
		if !inCategory {
			return 0, fmt.Errorf("%s: no item in category %d: %w", p.Code, p.CategoryID, ErrNotApplicable)
		}
	}
	switch p.Kind {
	case KindPercent:
		return eligible.BasisPoints(int(p.Value)), nil
	default:
		return money.Min(money.Cents(p.Value), eligible), nil
	}
}

// Redeem records that an order used a coupon.
func (s *Service) Redeem(ctx context.Context, code string, customerID, orderID int64) error {
	p, err := s.repo.ByCode(ctx, normalize(code))
	if err != nil {
		return err
	}
	if err := s.repo.Redeem(ctx, p.ID, customerID, orderID, s.now().UTC()); err != nil {
		return fmt.Errorf("redeem %s for order %d: %w", p.Code, orderID, err)
	}
	return nil
}

func (s *Service) applicable(ctx context.Context, code string, customerID int64, subtotal money.Cents) (Promotion, error) {
	p, err := s.repo.ByCode(ctx, normalize(code))
	if err != nil {
		return Promotion{}, err
	}
	now := s.now()
	if now.Before(p.StartsAt) || !now.Before(p.EndsAt) {
		return Promotion{}, fmt.Errorf("%s: outside its validity window: %w", p.Code, ErrNotApplicable)
	}
	if subtotal < p.MinSubtotal {
		return Promotion{}, fmt.Errorf("%s: needs a subtotal of %s: %w", p.Code, p.MinSubtotal, ErrNotApplicable)
	}
	total, mine, err := s.repo.Redemptions(ctx, p.ID, customerID)
	if err != nil {
		return Promotion{}, fmt.Errorf("count redemptions of %s: %w", p.Code, err)
	}
	if p.MaxRedemptions > 0 && total >= p.MaxRedemptions {
		return Promotion{}, fmt.Errorf("%s: used up: %w", p.Code, ErrNotApplicable)
	}
	if p.OncePerUser && mine > 0 {
		return Promotion{}, fmt.Errorf("%s: already used: %w", p.Code, ErrNotApplicable)
	}
	return p, nil
}

// RunFlashSale schedules the reduced prices of a flash sale. It writes the
// price rows itself, bypassing the catalog, because the catalog API cannot
// express a price with an end date.
func (s *Service) RunFlashSale(ctx context.Context, sale FlashSale) (int, error) {
	if sale.BasisPoints <= 0 || sale.BasisPoints >= 10000 {
		return 0, validate.Errorf("basisPoints", "must be in (0, 10000)")
	}
	if !sale.EndsAt.After(sale.StartsAt) {
		return 0, validate.Errorf("endsAt", "must be after startsAt")
	}
	n := 0
	for _, sku := range sale.SKUs {
		base, err := s.catalog.PriceOf(ctx, sku)
		if err != nil {
			return n, fmt.Errorf("base price of %s: %w", sku, err)
		}
		cut := base - base.BasisPoints(sale.BasisPoints)
		if err := s.repo.SchedulePrice(ctx, sku, s.currency, cut, base, sale.StartsAt, sale.EndsAt); err != nil {
			return n, fmt.Errorf("flash price of %s: %w", sku, err)
		}
		n++
	}
	return n, nil
}

func normalize(code string) string { return strings.ToUpper(strings.TrimSpace(code)) }
