// Package models holds the persisted entities of every domain. It grew as
// one package because the first version of the service had one schema and
// one ORM setup; the domains share it to this day.
package models

import "time"

// Audit carries the bookkeeping timestamps persisted rows have; it is
// embedded so GORM maps the columns without each model repeating them.
type Audit struct {
	CreatedAt time.Time `gorm:"column:created_at;autoCreateTime" json:"createdAt"`
	UpdatedAt time.Time `gorm:"column:updated_at;autoUpdateTime" json:"updatedAt"`
}
