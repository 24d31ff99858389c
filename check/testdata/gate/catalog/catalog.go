// Package catalog owns the items.
package catalog

import (
	"database/sql"

	"example.com/gate/platform/db"
)

// Item is a thing for sale.
type Item struct {
	ID    int
	Price int
}

// Repo loads items.
type Repo struct{ DB *sql.DB }

// Get loads one item.
func (r *Repo) Get(id int) (Item, error) {
	var it Item
	err := r.DB.QueryRow("SELECT id, price FROM items WHERE id = ?", id).Scan(&it.ID, &it.Price)
	return it, db.Wrap(err)
}

// Price is an item's price.
func Price(it Item) int { return it.Price }
