// Package odd holds statements the parsers reject and constructs that
// must not crash the extractor.
package odd

import (
	"database/sql"
	"fmt"
)

// Template holes and truncated statements are rejected by both parsers;
// the tolerant scanner still finds the tables.
func Rejected(db *sql.DB) {
	db.Query("SELECT * FROM reports WHERE id = {{.ID}}")    // want `read reports \(best effort\)`
	db.Exec("UPDATE ledger SET amount = amount + WHERE id") // want `write ledger \(best effort\)`
	db.Query("")
	db.Query("   ")
	db.Query("SELECT 1")
}

// Recursion and self-reference must end.
func Loops(db *sql.DB, n int) {
	q := "SELECT * FROM a"
	q = q + " JOIN b ON true"
	q = q
	db.Query(q) // want "read a" "read b"
	s := ""
	for i := 0; i < n; i++ {
		s += fmt.Sprintf(" UNION SELECT * FROM t%d", i)
	}
	db.Query("SELECT * FROM base" + s) // want `read base \(best effort\)`
	db.Query(recur(n))                 // want "read leaf_table"
}

func recur(n int) string {
	if n == 0 {
		return "SELECT * FROM leaf_table"
	}
	return recur(n - 1)
}

// A method value is not a call we can read; a spread of a literal is.
func Spread(db *sql.DB, args []any) {
	f := db.Query
	f("SELECT * FROM via_method_value")
	db.Exec("DELETE FROM spread_target", args...) // want "write spread_target"
	var fmtArgs = []any{"x"}
	db.Query(fmt.Sprintf("SELECT * FROM %s", fmtArgs...)) // want "read x"
}

// Legal quoted names are tables like any other, spaces, parentheses and
// doubled quotes included.
func Quoted(db *sql.DB) {
	db.Exec(`DELETE FROM "order items" WHERE id = $1`, 1) // want `write order items`
	db.Exec(`INSERT INTO "a(b)" (x) VALUES ($1)`, 1)      // want `write a\(b\)`
	db.Query(`SELECT x FROM "say ""hi""" WHERE x > 0`)    // want `read say "hi"`
}
