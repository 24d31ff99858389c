// Package models holds the ORM models.
package models

import (
	"github.com/uptrace/bun"
	"gorm.io/gorm"

	"example.com/ormapp/schema"
)

// User gets GORM's default table name: users.
type User struct {
	gorm.Model
	Name    string
	Profile UserProfile
}

// UserProfile: user_profiles.
type UserProfile struct {
	ID     uint
	UserID uint
}

// APIKey: GORM folds the initialism: api_keys.
type APIKey struct{ ID uint }

// Person: an irregular plural, people.
type Person struct{ ID uint }

// Account names its table.
type Account struct{ ID uint }

// TableName overrides GORM's default.
func (Account) TableName() string { return "accounts_v2" }

// Legacy names its table with a constant from another package.
type Legacy struct{ ID uint }

// TableName returns the constant.
func (*Legacy) TableName() string { return schema.LegacyTable }

// Order has associations.
type Order struct {
	ID       uint
	Items    []OrderItem
	Customer *User
}

// OrderItem: order_items.
type OrderItem struct{ ID uint }

// Product is an xorm bean: xorm's SnakeMapper keeps it singular.
type Product struct{ ID int64 }

// APIToken: xorm puts an underscore before every capital: a_p_i_token.
type APIToken struct{ ID int64 }

// Category names its table for xorm too.
type Category struct{ ID int64 }

// TableName is honoured by xorm.
func (Category) TableName() string { return "categories" }

// Invoice is a bun model with a table tag.
type Invoice struct {
	bun.BaseModel `bun:"table:billing_invoices,alias:i"`
	ID            int64
}

// LineItem is a bun model with bun's default name: line_items.
type LineItem struct{ ID int64 }

// BunAPIKey: bun keeps capital runs together: bun_api_keys.
type BunAPIKey struct{ ID int64 }

// Unused has a TableName but is never queried; Tables still lists it.
type Unused struct{}

// TableName of an unused model.
func (Unused) TableName() string { return "unused_things" }
