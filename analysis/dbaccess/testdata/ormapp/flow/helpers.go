// Package flow holds the shapes whose models and statements reach the
// executing call through values, not at the call: helpers given them by
// their callers, struct fields of literals, slices of models ranged over,
// subqueries. Each access is expected where the model or statement is
// written.
package flow

import (
	"database/sql"

	"gorm.io/gorm"
	"xorm.io/xorm"

	"example.com/ormapp/models"
)

// Engine is the module's interface over xorm's Engine and Session.
type Engine interface {
	Delete(beans ...any) (int64, error)
	Insert(beans ...any) (int64, error)
	Count(bean ...any) (int64, error)
}

// deleteBeans reads its variadic beans by index.
func deleteBeans(e Engine, beans ...any) error {
	for i := range beans {
		if _, err := e.Delete(beans[i]); err != nil {
			return err
		}
	}
	return nil
}

// insertAll reads them by range value.
func insertAll(s *xorm.Session, beans ...any) {
	for _, b := range beans {
		s.Insert(b)
	}
}

// purge hands its beans on to deleteBeans: two helpers deep.
func purge(e Engine, beans ...any) error { return deleteBeans(e, beans...) }

// destroy takes one model, not a variadic list.
func destroy(db *gorm.DB, m any) { db.Delete(m) }

// DeleteOrganization names the models; the helpers run them.
func DeleteOrganization(x *xorm.Engine, s *xorm.Session, db *gorm.DB) {
	deleteBeans(s, &models.Product{}, &models.Category{}) // want "write product" "write categories"
	insertAll(s, &models.APIToken{})                      // want "write a_p_i_token"
	purge(s, &models.Product{})                           // want "write product"
	destroy(db, &models.Person{})                         // want "write people"
}

// exec runs the statement its caller gives.
func exec(db *sql.DB, q string, args ...any) { db.Exec(q, args...) }

// execTwice hands it on.
func execTwice(db *sql.DB, q string) {
	exec(db, q)
	exec(db, q)
}

// raw runs SQL through GORM.
func raw(db *gorm.DB, q string) { db.Exec(q) }

// countIn builds the statement from its table argument.
func countIn(x *xorm.Engine, table string) { x.QueryString("SELECT COUNT(*) FROM " + table) }

// Maintain gives the helpers their SQL.
func Maintain(db *sql.DB, g *gorm.DB, x *xorm.Engine) {
	exec(db, "DELETE FROM sessions WHERE expired")             // want "write sessions"
	execTwice(db, "UPDATE repo SET num_stars = 0")             // want "write repo"
	raw(g, "INSERT INTO audit_log (what) VALUES ('maintain')") // want "write audit_log"
	countIn(x, "mirror")                                       // want "read mirror"
}
