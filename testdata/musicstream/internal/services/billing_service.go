package services

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"gorm.io/gorm"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/platform/cache"
	"example.com/musicstream/internal/platform/db"
	"example.com/musicstream/internal/repositories"
)

// BillingService sells subscriptions and decides what each user is entitled to.
type BillingService struct {
	plans    *repositories.PlanRepository
	subs     *repositories.SubscriptionRepository
	invoices *repositories.InvoiceRepository
	payments *repositories.PaymentRepository
	gateway  PaymentGateway
	notifier *NotificationService
	orm      *gorm.DB
	ents     *cache.Cache[int64, Entitlements]
	log      *slog.Logger
	now      func() time.Time
}

// NewBillingService wires the billing domain. The notifier is set later
// with SetNotifier because notifications depend on accounts, which depend
// on billing.
func NewBillingService(plans *repositories.PlanRepository, subs *repositories.SubscriptionRepository,
	invoices *repositories.InvoiceRepository, payments *repositories.PaymentRepository,
	gateway PaymentGateway, orm *gorm.DB, log *slog.Logger) *BillingService {
	return &BillingService{plans: plans, subs: subs, invoices: invoices, payments: payments, gateway: gateway,
		orm: orm, ents: cache.New[int64, Entitlements](time.Minute, 100_000), log: log, now: time.Now}
}

// SetNotifier completes the wiring once the notification service exists.
func (s *BillingService) SetNotifier(n *NotificationService) { s.notifier = n }

// Entitlements are the features a user's plan unlocks.
type Entitlements struct {
	Premium          bool   `json:"premium"`
	HiFi             bool   `json:"hiFi"`
	OfflineDownloads bool   `json:"offlineDownloads"`
	MaxDevices       int    `json:"maxDevices"`
	PlanCode         string `json:"planCode"`
}

// freeTier is what users without a subscription get.
func freeTier() Entitlements { return Entitlements{MaxDevices: 1, PlanCode: "free"} }

// Plans lists the plans on sale.
func (s *BillingService) Plans(ctx context.Context) ([]models.Plan, error) {
	return s.plans.List(ctx)
}

// SavePlan creates or updates a plan on sale.
func (s *BillingService) SavePlan(ctx context.Context, p *models.Plan) error {
	if p.Code == "" || p.PriceCents <= 0 || p.IntervalMonths <= 0 || len(p.Currency) != 3 {
		return &ValidationError{Field: "plan", Reason: "code, positive price and interval, and an ISO currency are required"}
	}
	return s.plans.Save(ctx, p)
}

// Entitlements returns what a user's current plan unlocks.
func (s *BillingService) Entitlements(ctx context.Context, userID int64) (Entitlements, error) {
	if e, ok := s.ents.Get(userID); ok {
		return e, nil
	}
	sub, err := s.subs.Current(ctx, userID)
	if errors.Is(err, db.ErrNotFound) {
		s.ents.Set(userID, freeTier())
		return freeTier(), nil
	}
	if err != nil {
		return Entitlements{}, err
	}
	plan, err := s.plans.Get(ctx, sub.PlanID)
	if err != nil {
		return Entitlements{}, fmt.Errorf("plan of subscription %d: %w", sub.ID, err)
	}
	e := Entitlements{Premium: plan.Premium, HiFi: plan.HiFi, OfflineDownloads: plan.OfflineDownloads, MaxDevices: plan.MaxDevices, PlanCode: plan.Code}
	s.ents.Set(userID, e)
	return e, nil
}

// HasPremium reports whether a user may play premium-only content.
func (s *BillingService) HasPremium(ctx context.Context, userID int64) (bool, error) {
	e, err := s.Entitlements(ctx, userID)
	if err != nil {
		return false, err
	}
	return e.Premium, nil
}

// Subscribe starts a paid plan and charges its first period.
func (s *BillingService) Subscribe(ctx context.Context, userID int64, planCode, paymentToken string) (*models.Subscription, error) {
	if paymentToken == "" {
		return nil, &ValidationError{Field: "paymentToken", Reason: "required"}
	}
	plan, err := s.plans.GetByCode(ctx, planCode)
	if err != nil {
		return nil, err
	}
	if cur, err := s.subs.Current(ctx, userID); err == nil {
		return nil, fmt.Errorf("user %d already has subscription %d: %w", userID, cur.ID, db.ErrConflict)
	} else if !errors.Is(err, db.ErrNotFound) {
		return nil, err
	}
	now := s.now().UTC()
	sub := &models.Subscription{
		UserID:             userID,
		PlanID:             plan.ID,
		Status:             models.SubscriptionActive,
		CurrentPeriodStart: now,
		CurrentPeriodEnd:   now.AddDate(0, plan.IntervalMonths, 0),
		PaymentToken:       paymentToken,
	}
	if err := s.subs.Create(ctx, sub); err != nil {
		return nil, err
	}
	inv, err := s.chargePeriod(ctx, sub, plan)
	if err != nil {
		return nil, err
	}
	if inv.Status != models.InvoicePaid {
		sub.Status = models.SubscriptionPastDue
		if err := s.subs.Save(ctx, sub); err != nil {
			return nil, err
		}
		return nil, &ValidationError{Field: "paymentToken", Reason: "the payment was declined"}
	}
	s.ents.Delete(userID)
	return sub, nil
}

// Renew charges the next period of a subscription; a declined charge puts
// it past due and tells the user.
func (s *BillingService) Renew(ctx context.Context, subID int64) error {
	sub, err := s.subs.Get(ctx, subID)
	if err != nil {
		return err
	}
	if sub.Status != models.SubscriptionActive || sub.CancelAtPeriodEnd {
		return nil
	}
	plan, err := s.plans.Get(ctx, sub.PlanID)
	if err != nil {
		return err
	}
	inv, err := s.chargePeriod(ctx, sub, plan)
	if err != nil {
		return err
	}
	if inv.Status == models.InvoicePaid {
		sub.CurrentPeriodStart = sub.CurrentPeriodEnd
		sub.CurrentPeriodEnd = sub.CurrentPeriodEnd.AddDate(0, plan.IntervalMonths, 0)
	} else {
		sub.Status = models.SubscriptionPastDue
		if s.notifier != nil {
			err := s.notifier.Notify(ctx, sub.UserID, models.NotifyPaymentFailed, "Payment failed",
				"We could not renew your "+plan.Name+" plan. Please update your payment method.",
				"musicstream://settings/billing", "payment_failed:"+inv.Number)
			if err != nil {
				s.log.Warn("payment failure notification", "subscription_id", sub.ID, "err", err)
			}
		}
	}
	s.ents.Delete(sub.UserID)
	return s.subs.Save(ctx, sub)
}

// chargePeriod issues an invoice for one period and charges it.
func (s *BillingService) chargePeriod(ctx context.Context, sub *models.Subscription, plan *models.Plan) (*models.Invoice, error) {
	now := s.now().UTC()
	tax := plan.PriceCents * 20 / 100
	inv := &models.Invoice{
		Number:         fmt.Sprintf("MS-%s-%d", now.Format("200601"), sub.ID),
		SubscriptionID: sub.ID,
		UserID:         sub.UserID,
		AmountCents:    plan.PriceCents + tax,
		TaxCents:       tax,
		Currency:       plan.Currency,
		Status:         models.InvoiceOpen,
		IssuedAt:       now,
		DueAt:          now.Add(72 * time.Hour),
	}
	if err := s.invoices.Create(ctx, inv); err != nil {
		return nil, err
	}
	res, err := s.gateway.Charge(ctx, sub.PaymentToken, inv.AmountCents, inv.Currency, inv.Number)
	if err != nil {
		return nil, fmt.Errorf("charge invoice %s: %w", inv.Number, err)
	}
	pay := &models.Payment{
		InvoiceID: inv.ID, AmountCents: inv.AmountCents, Currency: inv.Currency, Provider: s.gateway.Name(),
		ProviderChargeID: res.ChargeID, Status: res.Status, FailureCode: res.FailureCode, CreatedAt: now,
	}
	if err := s.payments.Record(ctx, pay); err != nil {
		return nil, err
	}
	if res.Status == "succeeded" {
		inv.Status, inv.PaidAt = models.InvoicePaid, &now
	} else {
		inv.Status = models.InvoiceFailed
	}
	if err := s.invoices.SetStatus(ctx, inv.ID, inv.Status, inv.PaidAt); err != nil {
		return nil, err
	}
	return inv, nil
}

// CancelAll cancels every live subscription of a user immediately.
func (s *BillingService) CancelAll(ctx context.Context, userID int64) error {
	n, err := s.subs.CancelAllForUser(ctx, userID, s.now().UTC())
	if err != nil {
		return err
	}
	s.ents.Delete(userID)
	s.log.Info("subscriptions canceled", "user_id", userID, "count", n)
	return nil
}

// PlanRevenue is one plan's paid revenue.
type PlanRevenue struct {
	PlanCode     string `json:"planCode"`
	Invoices     int64  `json:"invoices"`
	RevenueCents int64  `json:"revenueCents"`
}

// RevenueByPlan sums paid invoices per plan since a time. It queries the
// tables directly: finance wanted it the same afternoon.
func (s *BillingService) RevenueByPlan(ctx context.Context, since time.Time) ([]PlanRevenue, error) {
	var out []PlanRevenue
	err := s.orm.WithContext(ctx).Raw(`SELECT p.code AS plan_code, count(*) AS invoices, sum(i.amount_cents - i.tax_cents) AS revenue_cents
		FROM invoices i
		JOIN subscriptions s ON s.id = i.subscription_id
		JOIN plans p ON p.id = s.plan_id
		WHERE i.status = 'paid' AND i.paid_at >= ?
		GROUP BY p.code ORDER BY revenue_cents DESC`, since).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("revenue since %s: %w", since.Format(time.DateOnly), err)
	}
	return out, nil
}
