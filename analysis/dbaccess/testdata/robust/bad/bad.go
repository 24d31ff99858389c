// Package bad does not type-check; what can be read is still extracted.
package bad

import "database/sql"

func Query(db *sql.DB) {
	db.Query("SELECT * FROM users") // want "read users"
	undefinedFunc()
	db.Query(undefinedConst)
	var x int = "not an int"
	_ = x
	missing.Thing(db).Query("SELECT * FROM nowhere")
}
