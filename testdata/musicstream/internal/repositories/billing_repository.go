package repositories

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/platform/db"
)

// PlanRepository reads subscription plans through GORM.
type PlanRepository struct {
	db *gorm.DB
}

// NewPlanRepository returns a repository on the shared GORM handle.
func NewPlanRepository(g *gorm.DB) *PlanRepository {
	return &PlanRepository{db: g}
}

// GetByCode loads a plan by its public code ("premium", "family", ...).
func (r *PlanRepository) GetByCode(ctx context.Context, code string) (*models.Plan, error) {
	var p models.Plan
	if err := r.db.WithContext(ctx).Where("code = ?", code).First(&p).Error; err != nil {
		return nil, db.NotFound(err, fmt.Sprintf("plan %q", code))
	}
	return &p, nil
}

// Get loads a plan by ID.
func (r *PlanRepository) Get(ctx context.Context, id int64) (*models.Plan, error) {
	var p models.Plan
	if err := r.db.WithContext(ctx).First(&p, id).Error; err != nil {
		return nil, db.NotFound(err, fmt.Sprintf("plan %d", id))
	}
	return &p, nil
}

// List returns the plans cheapest first.
func (r *PlanRepository) List(ctx context.Context) ([]models.Plan, error) {
	var ps []models.Plan
	if err := r.db.WithContext(ctx).Order("price_cents").Find(&ps).Error; err != nil {
		return nil, fmt.Errorf("list plans: %w", err)
	}
	return ps, nil
}

// Save creates or updates a plan; plans are edited by the pricing team.
func (r *PlanRepository) Save(ctx context.Context, p *models.Plan) error {
	if err := r.db.WithContext(ctx).Save(p).Error; err != nil {
		return fmt.Errorf("save plan %q: %w", p.Code, err)
	}
	return nil
}

// SubscriptionRepository persists subscriptions through GORM.
type SubscriptionRepository struct {
	db *gorm.DB
}

// NewSubscriptionRepository returns a repository on the shared GORM handle.
func NewSubscriptionRepository(g *gorm.DB) *SubscriptionRepository {
	return &SubscriptionRepository{db: g}
}

// Current returns the user's live subscription (trialing, active or past due).
func (r *SubscriptionRepository) Current(ctx context.Context, userID int64) (*models.Subscription, error) {
	var s models.Subscription
	err := r.db.WithContext(ctx).
		Where("user_id = ? AND status IN ?", userID, []string{models.SubscriptionTrialing, models.SubscriptionActive, models.SubscriptionPastDue}).
		Order("current_period_end DESC").
		First(&s).Error
	if err != nil {
		return nil, db.NotFound(err, fmt.Sprintf("subscription of user %d", userID))
	}
	return &s, nil
}

// Get loads a subscription by ID.
func (r *SubscriptionRepository) Get(ctx context.Context, id int64) (*models.Subscription, error) {
	var s models.Subscription
	if err := r.db.WithContext(ctx).First(&s, id).Error; err != nil {
		return nil, db.NotFound(err, fmt.Sprintf("subscription %d", id))
	}
	return &s, nil
}

// Create inserts a subscription.
func (r *SubscriptionRepository) Create(ctx context.Context, s *models.Subscription) error {
	if err := r.db.WithContext(ctx).Create(s).Error; err != nil {
		return fmt.Errorf("create subscription: %w", err)
	}
	return nil
}

// Save writes every column of a subscription.
func (r *SubscriptionRepository) Save(ctx context.Context, s *models.Subscription) error {
	if err := r.db.WithContext(ctx).Save(s).Error; err != nil {
		return fmt.Errorf("save subscription %d: %w", s.ID, err)
	}
	return nil
}

// CancelAllForUser cancels every live subscription of a user at once.
func (r *SubscriptionRepository) CancelAllForUser(ctx context.Context, userID int64, at time.Time) (int64, error) {
	res := r.db.WithContext(ctx).Model(&models.Subscription{}).
		Where("user_id = ? AND status <> ?", userID, models.SubscriptionCanceled).
		Updates(map[string]any{"status": models.SubscriptionCanceled, "canceled_at": at})
	if res.Error != nil {
		return 0, fmt.Errorf("cancel subscriptions of user %d: %w", userID, res.Error)
	}
	return res.RowsAffected, nil
}

// InvoiceRepository persists invoices through GORM.
type InvoiceRepository struct {
	db *gorm.DB
}

// NewInvoiceRepository returns a repository on the shared GORM handle.
func NewInvoiceRepository(g *gorm.DB) *InvoiceRepository {
	return &InvoiceRepository{db: g}
}

// Create inserts an invoice.
func (r *InvoiceRepository) Create(ctx context.Context, inv *models.Invoice) error {
	if err := r.db.WithContext(ctx).Create(inv).Error; err != nil {
		return fmt.Errorf("create invoice %s: %w", inv.Number, err)
	}
	return nil
}

// SetStatus moves an invoice to paid or failed.
func (r *InvoiceRepository) SetStatus(ctx context.Context, id int64, status string, paidAt *time.Time) error {
	err := r.db.WithContext(ctx).Model(&models.Invoice{}).Where("id = ?", id).
		Updates(map[string]any{"status": status, "paid_at": paidAt}).Error
	if err != nil {
		return fmt.Errorf("set invoice %d %s: %w", id, status, err)
	}
	return nil
}

// PaymentRepository records charge attempts through GORM.
type PaymentRepository struct {
	db *gorm.DB
}

// NewPaymentRepository returns a repository on the shared GORM handle.
func NewPaymentRepository(g *gorm.DB) *PaymentRepository {
	return &PaymentRepository{db: g}
}

// Record stores a charge attempt.
func (r *PaymentRepository) Record(ctx context.Context, p *models.Payment) error {
	if err := r.db.WithContext(ctx).Create(p).Error; err != nil {
		return fmt.Errorf("record payment for invoice %d: %w", p.InvoiceID, err)
	}
	return nil
}

// RoyaltyRepository reads track rights and stores royalty statements.
type RoyaltyRepository struct {
	db *gorm.DB
}

// NewRoyaltyRepository returns a repository on the shared GORM handle.
func NewRoyaltyRepository(g *gorm.DB) *RoyaltyRepository {
	return &RoyaltyRepository{db: g}
}

// TrackRights reads the rights columns of the given tracks straight from
// the catalog's table: the royalty run predates the catalog service and
// never went through it.
func (r *RoyaltyRepository) TrackRights(ctx context.Context, ids []int64) (map[int64]models.Track, error) {
	out := make(map[int64]models.Track, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := r.db.WithContext(ctx).Raw(
		"SELECT id, label_id, rights_holder, license_type, royalty_rate_pct, publisher_split_pct FROM tracks WHERE id IN ?", ids,
	).Rows()
	if err != nil {
		return nil, fmt.Errorf("read rights of %d tracks: %w", len(ids), err)
	}
	defer rows.Close()
	for rows.Next() {
		var t models.Track
		if err := rows.Scan(&t.ID, &t.LabelID, &t.RightsHolder, &t.LicenseType, &t.RoyaltyRatePct, &t.PublisherSplitPct); err != nil {
			return nil, fmt.Errorf("scan track rights: %w", err)
		}
		out[t.ID] = t
	}
	return out, rows.Err()
}

// SaveStatements stores a period's statements in one batch.
func (r *RoyaltyRepository) SaveStatements(ctx context.Context, stmts []models.RoyaltyStatement) error {
	if len(stmts) == 0 {
		return nil
	}
	if err := r.db.WithContext(ctx).Create(&stmts).Error; err != nil {
		return fmt.Errorf("save %d royalty statements: %w", len(stmts), err)
	}
	return nil
}
