// Package model declares what app refers to.
package model

// Status is an enum-like type.
type Status int

// Statuses.
const (
	Active Status = iota
	Closed
)

// MaxItems has no named type.
const MaxItems = 10

// Registry is a package-level variable of a module type.
var Registry = &Order{}

// Order is a model.
type Order struct {
	ID     int
	Status Status
	Items  []Item
}

// Item is a line.
type Item struct{ SKU string }
