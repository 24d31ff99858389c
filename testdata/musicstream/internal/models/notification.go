package models

import "time"

// Notification kinds.
const (
	NotifyNewRelease    = "new_release"
	NotifyNewFollower   = "new_follower"
	NotifyPaymentFailed = "payment_failed"
	NotifyWeeklyDigest  = "weekly_digest"
)

// Notification is an inbox entry; DedupKey makes re-sends idempotent.
type Notification struct {
	ID        int64      `json:"id"`
	UserID    int64      `json:"userId"`
	Kind      string     `json:"kind"`
	Title     string     `json:"title"`
	Body      string     `json:"body"`
	Link      string     `json:"link,omitempty"`
	DedupKey  string     `json:"-"`
	ReadAt    *time.Time `json:"readAt,omitempty"`
	CreatedAt time.Time  `json:"createdAt"`
}

// PushToken is a device's push registration.
type PushToken struct {
	UserID    int64     `json:"userId"`
	DeviceID  int64     `json:"deviceId"`
	Token     string    `json:"token"`
	Platform  string    `json:"platform"`
	UpdatedAt time.Time `json:"updatedAt"`
}
