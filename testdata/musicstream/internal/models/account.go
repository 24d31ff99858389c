package models

import "time"

// User statuses.
const (
	UserActive    = "active"
	UserSuspended = "suspended"
	UserDeleted   = "deleted"
)

// User is a listener account.
type User struct {
	ID             int64      `json:"id"`
	Email          string     `json:"email"`
	DisplayName    string     `json:"displayName"`
	PasswordHash   string     `json:"-"`
	Country        string     `json:"country"`
	BirthYear      int        `json:"birthYear,omitempty"`
	Locale         string     `json:"locale"`
	EmailVerified  bool       `json:"emailVerified"`
	MarketingOptIn bool       `json:"marketingOptIn"`
	ExplicitFilter bool       `json:"explicitFilter"`
	Status         string     `json:"status"`
	LastLoginAt    *time.Time `json:"lastLoginAt,omitempty"`
	Audit
}

// Session is a signed-in device; only the token's hash is stored.
type Session struct {
	ID        int64      `json:"id"`
	UserID    int64      `json:"userId"`
	DeviceID  int64      `json:"deviceId"`
	TokenHash string     `json:"-"`
	UserAgent string     `json:"userAgent"`
	IP        string     `json:"ip"`
	ExpiresAt time.Time  `json:"expiresAt"`
	RevokedAt *time.Time `json:"revokedAt,omitempty"`
	CreatedAt time.Time  `json:"createdAt"`
}

// Device is a client installation a user signed in from.
type Device struct {
	ID          int64     `json:"id"`
	UserID      int64     `json:"userId"`
	Fingerprint string    `json:"-"`
	Platform    string    `json:"platform"`
	Model       string    `json:"model"`
	AppVersion  string    `json:"appVersion"`
	LastSeenAt  time.Time `json:"lastSeenAt"`
}
