// Package customers owns customer accounts and their addresses. Orders and
// shipping learn about customers only through this package's service.
package customers

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"example.com/shopdomains/internal/notifications"
	"example.com/shopdomains/internal/platform/validate"
)

// Customer is a registered buyer.
type Customer struct {
	ID        int64     `json:"id"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	Blocked   bool      `json:"blocked"`
	CreatedAt time.Time `json:"createdAt"`
}

// Address is a delivery address.
type Address struct {
	ID         int64  `json:"id"`
	CustomerID int64  `json:"customerId"`
	Line1      string `json:"line1"`
	Line2      string `json:"line2,omitempty"`
	City       string `json:"city"`
	PostalCode string `json:"postalCode"`
	Country    string `json:"country"`
	Default    bool   `json:"default"`
}

// ErrBlocked is returned for customers that may not place orders.
var ErrBlocked = errors.New("customer is blocked")

// ErrEmailTaken is returned when registering an e-mail that already has an account.
var ErrEmailTaken = errors.New("e-mail already registered")

// Repository is the storage customers need.
type Repository interface {
	Create(ctx context.Context, c Customer) (int64, error)
	ByID(ctx context.Context, id int64) (Customer, error)
	EmailExists(ctx context.Context, email string) (bool, error)
	SetBlocked(ctx context.Context, id int64, blocked bool) error
	AddAddress(ctx context.Context, a Address) (int64, error)
	DefaultAddress(ctx context.Context, customerID int64) (Address, error)
}

// Service is the customers application service.
type Service struct {
	repo   Repository
	notify *notifications.Service
	now    func() time.Time
}

// NewService wires the repository and the welcome-mail sender.
func NewService(repo Repository, notify *notifications.Service) *Service {
	return &Service{repo: repo, notify: notify, now: time.Now}
}

// Register creates an account and queues a welcome e-mail.
func (s *Service) Register(ctx context.Context, email, name string) (Customer, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if err := validate.First(
		validate.Email("email", email),
		validate.Required("name", name),
		validate.MaxLen("name", name, 100),
	); err != nil {
		return Customer{}, err
	}
	taken, err := s.repo.EmailExists(ctx, email)
	if err != nil {
		return Customer{}, fmt.Errorf("check e-mail: %w", err)
	}
	if taken {
		return Customer{}, validate.Errorf("email", "%v", ErrEmailTaken)
	}
	c := Customer{Email: email, Name: strings.TrimSpace(name), CreatedAt: s.now().UTC()}
	if c.ID, err = s.repo.Create(ctx, c); err != nil {
		return Customer{}, fmt.Errorf("create customer: %w", err)
	}
	if err := s.notify.Welcome(ctx, c.Email, c.Name); err != nil {
		return Customer{}, fmt.Errorf("welcome customer %d: %w", c.ID, err)
	}
	return c, nil
}

// Get returns a customer.
func (s *Service) Get(ctx context.Context, id int64) (Customer, error) {
	if err := validate.Positive("id", id); err != nil {
		return Customer{}, err
	}
	return s.repo.ByID(ctx, id)
}

// Contact returns the e-mail to notify for a customer who may order; orders
// call it through their CustomerDirectory interface.
func (s *Service) Contact(ctx context.Context, id int64) (string, error) {
	c, err := s.Get(ctx, id)
	if err != nil {
		return "", err
	}
	if c.Blocked {
		return "", fmt.Errorf("customer %d: %w", id, ErrBlocked)
	}
	return c.Email, nil
}

// Block stops a customer from ordering, e.g. after chargebacks.
func (s *Service) Block(ctx context.Context, id int64) error {
	if err := validate.Positive("id", id); err != nil {
		return err
	}
	return s.repo.SetBlocked(ctx, id, true)
}

// AddAddress validates and stores a delivery address.
func (s *Service) AddAddress(ctx context.Context, a Address) (Address, error) {
	a.Country = strings.ToUpper(strings.TrimSpace(a.Country))
	if err := validate.First(
		validate.Positive("customerId", a.CustomerID),
		validate.Required("line1", a.Line1),
		validate.Required("city", a.City),
		validate.Required("postalCode", a.PostalCode),
	); err != nil {
		return Address{}, err
	}
	if len(a.Country) != 2 {
		return Address{}, validate.Errorf("country", "must be an ISO 3166 alpha-2 code")
	}
	id, err := s.repo.AddAddress(ctx, a)
	if err != nil {
		return Address{}, fmt.Errorf("add address for customer %d: %w", a.CustomerID, err)
	}
	a.ID = id
	return a, nil
}

// ShippingAddress returns where to send a customer's parcels.
func (s *Service) ShippingAddress(ctx context.Context, customerID int64) (Address, error) {
	a, err := s.repo.DefaultAddress(ctx, customerID)
	if err != nil {
		return Address{}, fmt.Errorf("shipping address of customer %d: %w", customerID, err)
	}
	return a, nil
}
