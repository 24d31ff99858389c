// Package store holds SQL whose table names try to break out of every
// report format: decomp must print them as text, never as markup.
package store

import (
	"database/sql"
	"net/http"
)

// Hostile reads and writes tables with hostile names.
func Hostile(db *sql.DB) {
	db.Query(`SELECT * FROM "<script>window.__xss=1</script>"`)
	db.Exec(`INSERT INTO """><img src=x onerror=window.__xss=2>" (a) VALUES (1)`)
	db.Query(`SELECT * FROM "</script><script>window.__xss=3</script>"`)
	db.Query("SELECT * FROM `javascript:window.__xss=4`")
}

// Label is a string literal in the code, read by nothing but kept honest.
const Label = "<script>window.__xss=5</script>"

// Routes registers a route whose pattern is hostile too.
func Routes() {
	http.HandleFunc("<img src=x onerror=window.__xss=6>|| /p\\|q", Handler)
}

// Handler serves it.
func Handler(w http.ResponseWriter, r *http.Request) {}
