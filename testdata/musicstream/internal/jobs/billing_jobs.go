package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"example.com/musicstream/internal/repositories"
	"example.com/musicstream/internal/services"
)

// RenewalJob charges the subscriptions whose period is ending.
type RenewalJob struct {
	db      *sql.DB
	billing *services.BillingService
	batch   int
}

// NewRenewalJob returns the renewal worker.
func NewRenewalJob(pool *sql.DB, billing *services.BillingService) *RenewalJob {
	return &RenewalJob{db: pool, billing: billing, batch: 500}
}

// Name implements Job.
func (j *RenewalJob) Name() string { return "subscription-renewal" }

// Run renews one batch of due subscriptions; failures of single
// subscriptions do not stop the batch.
func (j *RenewalJob) Run(ctx context.Context) error {
	rows, err := j.db.QueryContext(ctx, repositories.QueryDueRenewals, time.Now().UTC().Add(time.Hour), j.batch)
	if err != nil {
		return fmt.Errorf("due renewals: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id, userID, planID int64
		var periodEnd time.Time
		if err := rows.Scan(&id, &userID, &planID, &periodEnd); err != nil {
			rows.Close()
			return fmt.Errorf("scan due renewal: %w", err)
		}
		ids = append(ids, id)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return fmt.Errorf("due renewals: %w", err)
	}
	var errs []error
	for _, id := range ids {
		if err := j.billing.Renew(ctx, id); err != nil {
			errs = append(errs, fmt.Errorf("subscription %d: %w", id, err))
		}
	}
	return errors.Join(errs...)
}

// RoyaltyJob writes the royalty statements of the previous month.
type RoyaltyJob struct {
	calc *services.RoyaltyCalculator
	now  func() time.Time
}

// NewRoyaltyJob returns the monthly royalty worker.
func NewRoyaltyJob(calc *services.RoyaltyCalculator) *RoyaltyJob {
	return &RoyaltyJob{calc: calc, now: time.Now}
}

// Name implements Job.
func (j *RoyaltyJob) Name() string { return "royalty-statements" }

// Run computes last month's statements on the first day of a month.
func (j *RoyaltyJob) Run(ctx context.Context) error {
	now := j.now().UTC()
	if now.Day() != 1 {
		return nil
	}
	end := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	_, err := j.calc.Run(ctx, end.AddDate(0, -1, 0), end)
	return err
}
