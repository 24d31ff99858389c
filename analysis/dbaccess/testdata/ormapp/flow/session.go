package flow

import (
	"xorm.io/xorm"

	"example.com/ormapp/models"
)

// pageOf finishes the session its caller gives: the caller may have set its
// table, which then wins over the rows' model.
func pageOf(s *xorm.Session, rows any) { s.Find(rows) }

// ListStock pages three sessions.
func ListStock(e *xorm.Engine) {
	pageOf(e.Table("stock_levels"), &[]models.Product{}) // want "read stock_levels"
	pageOf(e.NewSession(), &[]models.Category{})         // want "read categories"

	// A table set on the session by a statement of its own.
	s := e.NewSession()
	s.Table("audit_entries") // want "read audit_entries"
	s.Find(&[]models.Product{})
}

// ListLate sets a table after the session ran: the rows' model names the
// table the Find reads.
func ListLate(e *xorm.Engine) {
	s := e.NewSession()
	s.Find(&[]models.Category{}) // want "read categories"
	s.Table("late_entries")
}

// findAll is generic: its call has one SSA instruction per instantiation,
// and one in the generic body, whose model is a type parameter.
func findAll[T any](s *xorm.Session) []T {
	var out []T
	s.Find(&out) // want "read product"
	return out
}

// ListGeneric instantiates findAll.
func ListGeneric(e *xorm.Engine) []models.Product { return findAll[models.Product](e.NewSession()) }
