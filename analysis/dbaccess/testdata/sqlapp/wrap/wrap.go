// Package wrap calls SQL through module types: an interface mirroring
// database/sql, a wrapper function, and a cache whose Get is not SQL.
package wrap

import (
	"context"
	"database/sql"
)

// Execer is the subset of *sql.DB the service needs.
type Execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Cache is a key-value store; its Get takes keys, not SQL.
type Cache struct{}

// Get returns a cached value.
func (Cache) Get(key string) string { return key }

// Exec runs a statement on db; the statement comes from the caller.
func Exec(db *sql.DB, query string) {
	db.Exec(query)
}

func Use(ctx context.Context, e Execer, db *sql.DB, c Cache) {
	e.ExecContext(ctx, "UPDATE quotas SET used = used + 1") // want "write quotas"
	Exec(db, "DELETE FROM quotas WHERE used > 100")         // want "write quotas"
	c.Get("select-cache-key")
	c.Get("user:42")
}

// fetch runs whatever SQL its callers give it.
func fetch(db *sql.DB, query string, args ...any) {
	db.Query(query, args...)
}

// relay hands its SQL on to fetch.
func relay(db *sql.DB, q string) { fetch(db, q) }

// orphan runs SQL that no caller gives: it stays a warning.
func orphan(db *sql.DB, q string) { db.Query(q) }

// Helpers calls the helpers with the SQL they run.
func Helpers(db *sql.DB, q string) {
	fetch(db, "SELECT * FROM users WHERE id = ?", 1) // want "read users"
	fetch(db, "SELECT * FROM accounts")              // want "read accounts"
	relay(db, "DELETE FROM sessions")                // want "write sessions"
	orphan(db, q)
}
