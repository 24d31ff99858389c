// Package sqlx is a stand-in for github.com/jmoiron/sqlx with the real
// names and signatures of the methods the fixture calls.
package sqlx

import (
	"context"
	"database/sql"
)

// DB wraps *sql.DB; its Query, Exec, ... are promoted.
type DB struct{ *sql.DB }

// Tx wraps *sql.Tx.
type Tx struct{ *sql.Tx }

// Rows wraps *sql.Rows.
type Rows struct{ *sql.Rows }

// Row is a single-row result.
type Row struct{}

// Stmt wraps *sql.Stmt.
type Stmt struct{ *sql.Stmt }

// Queryer is what the package functions accept.
type Queryer interface {
	Query(query string, args ...any) (*sql.Rows, error)
	Queryx(query string, args ...any) (*Rows, error)
	QueryRowx(query string, args ...any) *Row
}

func Open(driverName, dataSourceName string) (*DB, error)    { return nil, nil }
func (db *DB) Get(dest any, query string, args ...any) error { return nil }
func (db *DB) GetContext(ctx context.Context, dest any, query string, args ...any) error {
	return nil
}
func (db *DB) Select(dest any, query string, args ...any) error    { return nil }
func (db *DB) NamedExec(query string, arg any) (sql.Result, error) { return nil, nil }
func (db *DB) NamedQuery(query string, arg any) (*Rows, error)     { return nil, nil }
func (db *DB) Queryx(query string, args ...any) (*Rows, error)     { return nil, nil }
func (db *DB) QueryRowx(query string, args ...any) *Row            { return nil }
func (db *DB) MustExec(query string, args ...any) sql.Result       { return nil }
func (db *DB) Preparex(query string) (*Stmt, error)                { return nil, nil }
func (db *DB) Rebind(query string) string                          { return query }
func (db *DB) Beginx() (*Tx, error)                                { return nil, nil }
func (tx *Tx) Select(dest any, query string, args ...any) error    { return nil }
func (tx *Tx) MustExec(query string, args ...any) sql.Result       { return nil }
func (tx *Tx) NamedExec(query string, arg any) (sql.Result, error) { return nil, nil }
func (s *Stmt) Get(dest any, args ...any) error                    { return nil }
func Get(q Queryer, dest any, query string, args ...any) error     { return nil }
func Select(q Queryer, dest any, query string, args ...any) error  { return nil }
func In(query string, args ...any) (string, []any, error)          { return query, args, nil }
