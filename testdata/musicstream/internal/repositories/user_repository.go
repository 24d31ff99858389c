package repositories

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/platform/db"
)

const userColumns = "id, email, display_name, password_hash, country, birth_year, locale, email_verified, marketing_opt_in, explicit_filter, status, last_login_at, created_at, updated_at"

// UserRepository persists accounts with hand-written SQL.
type UserRepository struct {
	db *sql.DB
}

// NewUserRepository returns a repository on the shared pool.
func NewUserRepository(pool *sql.DB) *UserRepository {
	return &UserRepository{db: pool}
}

// GetByID loads one user.
func (r *UserRepository) GetByID(ctx context.Context, id int64) (*models.User, error) {
	u, err := scanUser(r.db.QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE id = $1", id))
	if err != nil {
		return nil, db.NotFound(err, fmt.Sprintf("user %d", id))
	}
	return u, nil
}

// GetByEmail loads a user by normalised e-mail address.
func (r *UserRepository) GetByEmail(ctx context.Context, email string) (*models.User, error) {
	u, err := scanUser(r.db.QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE email = $1", email))
	if err != nil {
		return nil, db.NotFound(err, "user by email")
	}
	return u, nil
}

// Create inserts a user; a taken e-mail address is a conflict.
func (r *UserRepository) Create(ctx context.Context, u *models.User) error {
	err := r.db.QueryRowContext(ctx,
		`INSERT INTO users (email, display_name, password_hash, country, birth_year, locale, email_verified, marketing_opt_in, explicit_filter, status, created_at, updated_at)
		 VALUES ($1, $2, $3, $4, $5, $6, false, $7, $8, 'active', now(), now()) RETURNING id, created_at`,
		u.Email, u.DisplayName, u.PasswordHash, u.Country, u.BirthYear, u.Locale, u.MarketingOptIn, u.ExplicitFilter,
	).Scan(&u.ID, &u.CreatedAt)
	if err != nil {
		if strings.Contains(err.Error(), "users_email_key") {
			return fmt.Errorf("create user: %w", db.ErrConflict)
		}
		return fmt.Errorf("create user: %w", err)
	}
	u.Status = models.UserActive
	return nil
}

// MarkLogin stamps the last sign-in.
func (r *UserRepository) MarkLogin(ctx context.Context, id int64, at time.Time) error {
	if _, err := r.db.ExecContext(ctx, "UPDATE users SET last_login_at = $2 WHERE id = $1", id, at); err != nil {
		return fmt.Errorf("mark login of user %d: %w", id, err)
	}
	return nil
}

// Anonymize erases personal data but keeps the row, so plays and invoices
// keep a valid foreign key.
func (r *UserRepository) Anonymize(ctx context.Context, id int64) error {
	_, err := r.db.ExecContext(ctx,
		`UPDATE users SET email = 'deleted-' || id || '@invalid', display_name = 'Deleted user', password_hash = '',
		 birth_year = NULL, marketing_opt_in = false, status = 'deleted', updated_at = now() WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("anonymize user %d: %w", id, err)
	}
	return nil
}

func scanUser(row *sql.Row) (*models.User, error) {
	var u models.User
	var birth sql.NullInt64
	var lastLogin sql.NullTime
	err := row.Scan(&u.ID, &u.Email, &u.DisplayName, &u.PasswordHash, &u.Country, &birth, &u.Locale,
		&u.EmailVerified, &u.MarketingOptIn, &u.ExplicitFilter, &u.Status, &lastLogin, &u.CreatedAt, &u.UpdatedAt)
	if err != nil {
		return nil, err
	}
	u.BirthYear = int(birth.Int64)
	u.LastLoginAt = db.TimePtr(lastLogin)
	return &u, nil
}

// SessionRepository persists sign-in sessions.
type SessionRepository struct {
	db *sql.DB
}

// NewSessionRepository returns a repository on the shared pool.
func NewSessionRepository(pool *sql.DB) *SessionRepository {
	return &SessionRepository{db: pool}
}

// Create stores a new session.
func (r *SessionRepository) Create(ctx context.Context, s *models.Session) error {
	err := r.db.QueryRowContext(ctx,
		`INSERT INTO sessions (user_id, device_id, token_hash, user_agent, ip, expires_at, created_at)
		 VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING id, created_at`,
		s.UserID, s.DeviceID, s.TokenHash, s.UserAgent, s.IP, s.ExpiresAt,
	).Scan(&s.ID, &s.CreatedAt)
	if err != nil {
		return fmt.Errorf("create session: %w", err)
	}
	return nil
}

// ActiveUser returns the user of a live session whose account is active.
func (r *SessionRepository) ActiveUser(ctx context.Context, tokenHash string, now time.Time) (int64, error) {
	var userID int64
	err := r.db.QueryRowContext(ctx,
		`SELECT s.user_id FROM sessions s JOIN users u ON u.id = s.user_id
		 WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.status = 'active'`,
		tokenHash, now).Scan(&userID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, db.ErrNotFound
	}
	if err != nil {
		return 0, fmt.Errorf("look up session: %w", err)
	}
	return userID, nil
}

// RevokeAllForUser ends every session of a user.
func (r *SessionRepository) RevokeAllForUser(ctx context.Context, userID int64) error {
	if _, err := r.db.ExecContext(ctx, "UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL", userID); err != nil {
		return fmt.Errorf("revoke sessions of user %d: %w", userID, err)
	}
	return nil
}

// DeviceRepository persists the devices users sign in from.
type DeviceRepository struct {
	db *sql.DB
}

// NewDeviceRepository returns a repository on the shared pool.
func NewDeviceRepository(pool *sql.DB) *DeviceRepository {
	return &DeviceRepository{db: pool}
}

// Upsert records a device sighting and returns the device ID.
func (r *DeviceRepository) Upsert(ctx context.Context, d *models.Device) error {
	err := r.db.QueryRowContext(ctx,
		`INSERT INTO devices (user_id, fingerprint, platform, model, app_version, last_seen_at)
		 VALUES ($1, $2, $3, $4, $5, $6)
		 ON CONFLICT (user_id, fingerprint) DO UPDATE
		 SET platform = EXCLUDED.platform, model = EXCLUDED.model, app_version = EXCLUDED.app_version, last_seen_at = EXCLUDED.last_seen_at
		 RETURNING id`,
		d.UserID, d.Fingerprint, d.Platform, d.Model, d.AppVersion, d.LastSeenAt,
	).Scan(&d.ID)
	if err != nil {
		return fmt.Errorf("upsert device: %w", err)
	}
	return nil
}
