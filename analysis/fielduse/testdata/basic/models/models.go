// Package models holds the fixture's shared models.
package models

import (
	"database/sql"
	"time"

	"gorm.io/gorm"
)

// Audit is embedded in Track.
type Audit struct {
	CreatedAt time.Time
	UpdatedAt time.Time
	Stamp
}

// Stamp is embedded two levels down.
type Stamp struct {
	By string
}

// Track is the oversized model.
type Track struct {
	ID     int64 `json:"id" gorm:"primaryKey"`
	Title  string
	Audit  `json:"audit"`
	Artist *Artist
	Tags   []string
	Plays  int
	Price  int64
	Notes  sql.NullString
	Meta   Meta
	Rating float64
	Label  string
}

// Artist is reached through a pointer.
type Artist struct {
	ID   int64
	Name string
}

// Meta is a nested struct field.
type Meta struct {
	Lang string
}

// Song embeds gorm.Model: its unexported deletedAt is not promoted.
type Song struct {
	gorm.Model
	Title string
}

// Ambiguous embeds two structs that both have ID: ID is not promoted.
type Ambiguous struct {
	Track
	Artist
}

// TableName tells gorm the table.
func (Track) TableName() string { return "tracks" }

// Rename writes through a pointer receiver.
func (t *Track) Rename(s string) {
	t.Title = s // want "write Track.Title in models.\\(\\*Track\\).Rename"
}

// Display reads through a value receiver and a pointer field.
func (t Track) Display() string {
	return t.Title + " by " + t.Artist.Name // want "read Track.Title" "read Track.Artist" "read Artist.Name"
}

// Touch is a method promoted from Audit.
func (a *Audit) Touch(now time.Time) {
	a.UpdatedAt = now // want "write Audit.UpdatedAt"
}

// Defaults is set in an init-time variable.
var Defaults = Track{Title: "untitled", Plays: 0} // want "write Track.Title in models.init" "write Track.Plays in models.init"

// Page is generic: uses of an instantiation count on the generic type.
type Page[T any] struct {
	Items []T
	Total int
}

// Node embeds a pointer to itself: flattening must stop.
type Node struct {
	*Node
	Value int
}
