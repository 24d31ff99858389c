// Package billing owns the invoices.
package billing

import (
	"database/sql"

	"example.com/gate/catalog"
)

// Invoice bills one item.
type Invoice struct {
	ItemID int
	Total  int
}

// Service bills.
type Service struct{ DB *sql.DB }

// Charge bills an item; the call to catalog.Price is accepted in the baseline.
func (s *Service) Charge(it catalog.Item) (Invoice, error) {
	total := catalog.Price(it)
	_, err := s.DB.Exec("INSERT INTO invoices (item_id, total) VALUES (?, ?)", it.ID, total)
	return Invoice{ItemID: it.ID, Total: total}, err
}
