package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"

	"example.com/musicstream/internal/services"
)

// digestRecipientsSQL reads the accounts table directly: the digest was a
// cron script before the notification service existed.
const digestRecipientsSQL = `SELECT id, email, display_name, locale FROM users
WHERE status = 'active' AND email_verified AND marketing_opt_in ORDER BY id`

// DigestJob e-mails the weekly digest to every opted-in user.
type DigestJob struct {
	db            *sql.DB
	notifications *services.NotificationService
	log           *slog.Logger
}

// NewDigestJob returns the digest worker.
func NewDigestJob(pool *sql.DB, notifications *services.NotificationService, log *slog.Logger) *DigestJob {
	return &DigestJob{db: pool, notifications: notifications, log: log}
}

// Name implements Job.
func (j *DigestJob) Name() string { return "weekly-digest" }

// Run sends the digests; one failed recipient does not stop the others.
func (j *DigestJob) Run(ctx context.Context) error {
	rows, err := j.db.QueryContext(ctx, digestRecipientsSQL)
	if err != nil {
		return fmt.Errorf("digest recipients: %w", err)
	}
	var recipients []services.DigestRecipient
	for rows.Next() {
		var r services.DigestRecipient
		if err := rows.Scan(&r.UserID, &r.Email, &r.DisplayName, &r.Locale); err != nil {
			rows.Close()
			return fmt.Errorf("scan digest recipient: %w", err)
		}
		recipients = append(recipients, r)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return fmt.Errorf("digest recipients: %w", err)
	}
	failed := 0
	for _, r := range recipients {
		if err := j.notifications.SendDigest(ctx, r); err != nil {
			failed++
			j.log.Warn("digest", "user_id", r.UserID, "err", err)
		}
	}
	if failed > 0 {
		return fmt.Errorf("digest: %d of %d recipients failed", failed, len(recipients))
	}
	return nil
}
