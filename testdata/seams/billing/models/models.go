// Package models holds billing's records: the same package name as
// catalog's, so a seam needs an alias.
package models

// Invoice bills items.
type Invoice struct {
	ID    int
	Total int
}
