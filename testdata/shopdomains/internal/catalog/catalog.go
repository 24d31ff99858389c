// Package catalog owns what the shop sells: products, their categories and
// their price history. Other domains ask it for prices instead of reading
// the price table themselves.
package catalog

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"time"

	"example.com/shopdomains/internal/platform/money"
	"example.com/shopdomains/internal/platform/validate"
)

// Product is a sellable item.
type Product struct {
	ID          int64     `json:"id"`
	SKU         string    `json:"sku"`
	Name        string    `json:"name"`
	Description string    `json:"description"`
	CategoryID  int64     `json:"categoryId"`
	Active      bool      `json:"active"`
	CreatedAt   time.Time `json:"createdAt"`
}

// Price is one entry of a product's price history.
type Price struct {
	SKU       string      `json:"sku"`
	Amount    money.Cents `json:"amount"`
	Currency  string      `json:"currency"`
	ValidFrom time.Time   `json:"validFrom"`
}

// Category groups products for browsing and for category-wide promotions.
type Category struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	ParentID int64  `json:"parentId,omitempty"`
}

// ErrInactive is returned when someone tries to price a withdrawn product.
var ErrInactive = errors.New("product is not for sale")

// Repository is the storage the catalog needs.
type Repository interface {
	ProductBySKU(ctx context.Context, sku string) (Product, error)
	ListProducts(ctx context.Context, categoryID int64, limit, offset int) ([]Product, error)
	CreateProduct(ctx context.Context, p Product) (int64, error)
	SetActive(ctx context.Context, sku string, active bool) error
	CurrentPrice(ctx context.Context, sku string, at time.Time) (Price, error)
	SetPrice(ctx context.Context, p Price) error
	DropScheduledPrices(ctx context.Context, sku string, after time.Time) (int64, error)
	Categories(ctx context.Context) ([]Category, error)
	CreateCategory(ctx context.Context, c Category) (int64, error)
}

var skuPattern = regexp.MustCompile(`^[A-Z0-9]{3,8}-[A-Z0-9]{2,12}$`)

// Service is the catalog's application service.
type Service struct {
	repo     Repository
	currency string
	now      func() time.Time
}

// NewService returns a catalog pricing in the shop's single currency.
func NewService(repo Repository, currency string) *Service {
	return &Service{repo: repo, currency: currency, now: time.Now}
}

// ValidateSKU checks the shop's SKU format, e.g. "SHOE-RED42".
func ValidateSKU(sku string) error {
	if !skuPattern.MatchString(sku) {
		return validate.Errorf("sku", "%q does not look like PREFIX-CODE", sku)
	}
	return nil
}

// Product returns one product by SKU.
func (s *Service) Product(ctx context.Context, sku string) (Product, error) {
	if err := ValidateSKU(sku); err != nil {
		return Product{}, err
	}
	return s.repo.ProductBySKU(ctx, sku)
}

// List pages through active products, optionally within one category.
func (s *Service) List(ctx context.Context, categoryID int64, limit, offset int) ([]Product, error) {
	if limit <= 0 || limit > 200 {
		return nil, validate.Errorf("limit", "must be in [1, 200]")
	}
	if offset < 0 {
		return nil, validate.Errorf("offset", "must not be negative")
	}
	return s.repo.ListProducts(ctx, categoryID, limit, offset)
}

// AddProduct creates a product together with its first price.
func (s *Service) AddProduct(ctx context.Context, p Product, price money.Cents) (Product, error) {
	if err := validate.First(
		ValidateSKU(p.SKU),
		validate.Required("name", p.Name),
		validate.MaxLen("name", p.Name, 120),
		validate.MaxLen("description", p.Description, 4000),
		validate.Positive("categoryId", p.CategoryID),
		validate.Positive("price", int64(price)),
	); err != nil {
		return Product{}, err
	}
	p.Active = true
	p.CreatedAt = s.now().UTC()
	id, err := s.repo.CreateProduct(ctx, p)
	if err != nil {
		return Product{}, fmt.Errorf("create product %s: %w", p.SKU, err)
	}
	p.ID = id
	if err := s.repo.SetPrice(ctx, Price{SKU: p.SKU, Amount: price, Currency: s.currency, ValidFrom: p.CreatedAt}); err != nil {
		return Product{}, fmt.Errorf("set first price of %s: %w", p.SKU, err)
	}
	return p, nil
}

// ChangePrice schedules a new price; a price in the past takes effect now.
// Prices scheduled after the new one are dropped, since they were planned
// against the old price.
func (s *Service) ChangePrice(ctx context.Context, sku string, amount money.Cents, from time.Time) error {
	if err := validate.First(ValidateSKU(sku), validate.Positive("amount", int64(amount))); err != nil {
		return err
	}
	if now := s.now().UTC(); from.Before(now) {
		from = now
	}
	if _, err := s.repo.DropScheduledPrices(ctx, sku, from); err != nil {
		return fmt.Errorf("drop scheduled prices of %s: %w", sku, err)
	}
	if err := s.repo.SetPrice(ctx, Price{SKU: sku, Amount: amount, Currency: s.currency, ValidFrom: from}); err != nil {
		return fmt.Errorf("change price of %s: %w", sku, err)
	}
	return nil
}

// Withdraw stops selling a product without deleting its history.
func (s *Service) Withdraw(ctx context.Context, sku string) error {
	if err := ValidateSKU(sku); err != nil {
		return err
	}
	return s.repo.SetActive(ctx, sku, false)
}

// PriceOf returns the current unit price of an active product. Orders call
// it through their PriceLookup interface.
func (s *Service) PriceOf(ctx context.Context, sku string) (money.Cents, error) {
	p, err := s.Product(ctx, sku)
	if err != nil {
		return 0, err
	}
	if !p.Active {
		return 0, fmt.Errorf("price %s: %w", sku, ErrInactive)
	}
	price, err := s.repo.CurrentPrice(ctx, sku, s.now().UTC())
	if err != nil {
		return 0, fmt.Errorf("price %s: %w", sku, err)
	}
	return price.Amount, nil
}

// CategoryOf returns a product's category; promotions use it for
// category-wide discounts.
func (s *Service) CategoryOf(ctx context.Context, sku string) (int64, error) {
	p, err := s.Product(ctx, sku)
	if err != nil {
		return 0, err
	}
	return p.CategoryID, nil
}

// Categories lists every category.
func (s *Service) Categories(ctx context.Context) ([]Category, error) {
	return s.repo.Categories(ctx)
}

// AddCategory creates a category under an optional parent.
func (s *Service) AddCategory(ctx context.Context, c Category) (Category, error) {
	if err := validate.First(validate.Required("name", c.Name), validate.MaxLen("name", c.Name, 80)); err != nil {
		return Category{}, err
	}
	id, err := s.repo.CreateCategory(ctx, c)
	if err != nil {
		return Category{}, fmt.Errorf("create category %q: %w", c.Name, err)
	}
	c.ID = id
	return c, nil
}
