// Package other reads one of the hostile tables too, so it is shared.
package other

import "database/sql"

// Peek reads the hostile table.
func Peek(db *sql.DB) {
	db.Query(`SELECT * FROM "<script>window.__xss=1</script>"`)
}
