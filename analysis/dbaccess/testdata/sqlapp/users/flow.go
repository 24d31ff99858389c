package users

import (
	"fmt"
	"strings"
)

// Reassigned: each execution sees the value the query has at that point,
// not an earlier statement's.
func (s *Store) Reassigned() {
	query := "SELECT * FROM alpha"
	s.db.Query(query) // want "read alpha"
	query = "DELETE FROM beta"
	s.db.Exec(query) // want "write beta"
}

// TwoValues: a Sprintf argument set in an if takes either value.
func (s *Store) TwoValues(archived bool) {
	table := "live_orders"
	if archived {
		table = "archived_orders"
	}
	s.db.Query(fmt.Sprintf("SELECT * FROM %s", table)) // want "read archived_orders" "read live_orders"
}

// quoteIdent is the module's small quoting helper.
func quoteIdent(name string) string { return `"` + name + `"` }

// Quoted: SQL whose table goes through the quoting helper, directly and in
// a strings.Builder.
func (s *Store) Quoted() {
	s.db.Exec("DELETE FROM " + quoteIdent("gamma")) // want "write gamma"
	var b strings.Builder
	b.WriteString("UPDATE ")
	b.WriteString(quoteIdent("delta"))
	b.WriteString(" SET x = 1")
	s.db.Exec(b.String()) // want "write delta.*"
}

func colType(n int) string {
	if n > 8 {
		return "TEXT"
	}
	return fmt.Sprintf("CHAR(%d)", n)
}

// LongDDL: a statement of many concatenated parts keeps its table.
func (s *Store) LongDDL() {
	ddl := `CREATE TABLE invites (
		a ` + colType(1) + ` NOT NULL, b ` + colType(2) + ` NOT NULL, c ` + colType(3) + ` NOT NULL,
		d ` + colType(4) + ` NOT NULL, e ` + colType(5) + ` NOT NULL, f ` + colType(6) + ` NOT NULL,
		g ` + colType(7) + ` NOT NULL, h ` + colType(9) + ` NOT NULL)`
	s.db.Exec(ddl) // want "write invites"
}
