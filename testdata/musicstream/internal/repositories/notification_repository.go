package repositories

import (
	"context"
	"database/sql"
	"fmt"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/platform/db"
)

// NotificationRepository persists inbox entries with hand-written SQL.
type NotificationRepository struct {
	db *sql.DB
}

// NewNotificationRepository returns a repository on the shared pool.
func NewNotificationRepository(pool *sql.DB) *NotificationRepository {
	return &NotificationRepository{db: pool}
}

// Insert stores a notification unless one with the same dedup key exists;
// it reports whether a row was written.
func (r *NotificationRepository) Insert(ctx context.Context, n *models.Notification) (bool, error) {
	res, err := r.db.ExecContext(ctx,
		`INSERT INTO notifications (user_id, kind, title, body, link, dedup_key, created_at)
		 VALUES ($1, $2, $3, $4, $5, $6, $7)
		 ON CONFLICT (user_id, dedup_key) DO NOTHING`,
		n.UserID, n.Kind, n.Title, n.Body, n.Link, n.DedupKey, n.CreatedAt)
	if err != nil {
		return false, fmt.Errorf("insert %s notification for user %d: %w", n.Kind, n.UserID, err)
	}
	rows, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("insert notification: %w", err)
	}
	return rows > 0, nil
}

// Inbox returns a user's newest notifications, optionally unread only.
func (r *NotificationRepository) Inbox(ctx context.Context, userID int64, unreadOnly bool, limit int) ([]models.Notification, error) {
	rows, err := r.db.QueryContext(ctx,
		`SELECT id, user_id, kind, title, body, link, read_at, created_at FROM notifications
		 WHERE user_id = $1 AND (NOT $2 OR read_at IS NULL) ORDER BY created_at DESC LIMIT $3`,
		userID, unreadOnly, limit)
	if err != nil {
		return nil, fmt.Errorf("inbox of user %d: %w", userID, err)
	}
	defer rows.Close()
	var out []models.Notification
	for rows.Next() {
		var n models.Notification
		var readAt sql.NullTime
		if err := rows.Scan(&n.ID, &n.UserID, &n.Kind, &n.Title, &n.Body, &n.Link, &readAt, &n.CreatedAt); err != nil {
			return nil, fmt.Errorf("scan notification: %w", err)
		}
		n.ReadAt = db.TimePtr(readAt)
		out = append(out, n)
	}
	return out, rows.Err()
}

// ArtistFollowers lists the users following an artist. It reads the social
// domain's follows table directly: fan-out of release notifications was too
// slow through the social service's paginated API.
func (r *NotificationRepository) ArtistFollowers(ctx context.Context, artistID int64) ([]int64, error) {
	rows, err := r.db.QueryContext(ctx,
		"SELECT follower_id FROM follows WHERE followee_type = 'artist' AND followee_id = $1", artistID)
	if err != nil {
		return nil, fmt.Errorf("followers of artist %d: %w", artistID, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("scan follower: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// PushTokenRepository persists device push registrations.
type PushTokenRepository struct {
	db *sql.DB
}

// NewPushTokenRepository returns a repository on the shared pool.
func NewPushTokenRepository(pool *sql.DB) *PushTokenRepository {
	return &PushTokenRepository{db: pool}
}

// Upsert registers or refreshes a device's token.
func (r *PushTokenRepository) Upsert(ctx context.Context, t *models.PushToken) error {
	_, err := r.db.ExecContext(ctx,
		`INSERT INTO push_tokens (user_id, device_id, token, platform, updated_at)
		 VALUES ($1, $2, $3, $4, $5)
		 ON CONFLICT (device_id) DO UPDATE SET user_id = EXCLUDED.user_id, token = EXCLUDED.token, platform = EXCLUDED.platform, updated_at = EXCLUDED.updated_at`,
		t.UserID, t.DeviceID, t.Token, t.Platform, t.UpdatedAt)
	if err != nil {
		return fmt.Errorf("upsert push token of device %d: %w", t.DeviceID, err)
	}
	return nil
}

// ForUser returns a user's push tokens.
func (r *PushTokenRepository) ForUser(ctx context.Context, userID int64) ([]models.PushToken, error) {
	rows, err := r.db.QueryContext(ctx, "SELECT user_id, device_id, token, platform, updated_at FROM push_tokens WHERE user_id = $1", userID)
	if err != nil {
		return nil, fmt.Errorf("push tokens of user %d: %w", userID, err)
	}
	defer rows.Close()
	var out []models.PushToken
	for rows.Next() {
		var t models.PushToken
		if err := rows.Scan(&t.UserID, &t.DeviceID, &t.Token, &t.Platform, &t.UpdatedAt); err != nil {
			return nil, fmt.Errorf("scan push token: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// Delete drops a token the push provider reported as invalid.
func (r *PushTokenRepository) Delete(ctx context.Context, token string) error {
	if _, err := r.db.ExecContext(ctx, "DELETE FROM push_tokens WHERE token = $1", token); err != nil {
		return fmt.Errorf("delete push token: %w", err)
	}
	return nil
}
