package db

import "database/sql"

// Migrate runs the migrations the schema has not seen yet, in one
// transaction, and records the new version.
func Migrate(db *sql.DB) error {
	var version int
	if err := db.QueryRow("SELECT version FROM schema_version").Scan(&version); err != nil {
		return err
	}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	for i := version; i < len(migrations); i++ {
		if err := migrations[i](tx); err != nil {
			tx.Rollback()
			return err
		}
	}
	if _, err := tx.Exec("UPDATE schema_version SET version = $1", len(migrations)); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
