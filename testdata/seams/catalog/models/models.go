// Package models holds catalog's records.
package models

// Item is for sale.
type Item struct {
	ID    int
	Price int
}
