// Package billing bills.
package billing

import "example.com/seams/billing/models"

// Open opens an invoice.
func Open(id int) models.Invoice { return models.Invoice{ID: id} }
