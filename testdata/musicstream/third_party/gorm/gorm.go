// Package gorm is an offline stand-in for gorm.io/gorm. It keeps the real
// package path, type names and method signatures the musicstream fixture
// calls; the bodies only return the receiver, so nothing reaches a database.
package gorm

import (
	"context"
	"database/sql"
	"errors"

	"gorm.io/gorm/clause"
)

// ErrRecordNotFound is returned by First, Take and Last when no row matches.
var ErrRecordNotFound = errors.New("record not found")

// Dialector is the database-specific part of a connection.
type Dialector interface {
	Name() string
	Initialize(*DB) error
}

// Option configures a DB on Open.
type Option interface {
	Apply(*Config) error
	AfterInitialize(*DB) error
}

// Config holds the settings of a DB.
type Config struct {
	SkipDefaultTransaction bool
	PrepareStmt            bool
	Dialector
}

// Apply implements Option.
func (c *Config) Apply(config *Config) error {
	if config != c {
		*config = *c
	}
	return nil
}

// AfterInitialize implements Option.
func (c *Config) AfterInitialize(db *DB) error { return nil }

// ConnPool is what a dialector runs statements on (a *sql.DB or *sql.Tx).
type ConnPool interface {
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
	ExecContext(ctx context.Context, query string, args ...interface{}) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...interface{}) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...interface{}) *sql.Row
}

// Statement is the statement being built by a chain of calls.
type Statement struct {
	Table   string
	Model   interface{}
	Context context.Context
	SQL     string
	Vars    []interface{}
}

// DB is a GORM handle; every chain method returns a *DB carrying Error.
type DB struct {
	*Config
	Error        error
	RowsAffected int64
	Statement    *Statement
}

// Open initialises a DB with a dialector.
func Open(dialector Dialector, opts ...Option) (*DB, error) {
	config := &Config{Dialector: dialector}
	for _, opt := range opts {
		if err := opt.Apply(config); err != nil {
			return nil, err
		}
	}
	db := &DB{Config: config, Statement: &Statement{Context: context.Background()}}
	if dialector != nil {
		if err := dialector.Initialize(db); err != nil {
			return nil, err
		}
	}
	return db, nil
}

// Expr builds a raw SQL expression, for example gorm.Expr("count + ?", 1).
func Expr(expr string, args ...interface{}) clause.Expr {
	return clause.Expr{SQL: expr, Vars: args}
}

// DB returns the underlying connection pool.
func (db *DB) DB() (*sql.DB, error) { return nil, errors.New("gorm stand-in: no connection") }

// WithContext sets the context of the statements that follow.
func (db *DB) WithContext(ctx context.Context) *DB { return db }

// Model names the model whose table the statement works on.
func (db *DB) Model(value interface{}) *DB { return db }

// Table names the table the statement works on.
func (db *DB) Table(name string, args ...interface{}) *DB { return db }

// Select restricts the columns read or written.
func (db *DB) Select(query interface{}, args ...interface{}) *DB { return db }

// Where adds a condition.
func (db *DB) Where(query interface{}, args ...interface{}) *DB { return db }

// Or adds an alternative condition.
func (db *DB) Or(query interface{}, args ...interface{}) *DB { return db }

// Joins adds a join clause.
func (db *DB) Joins(query string, args ...interface{}) *DB { return db }

// Preload loads an association with the records.
func (db *DB) Preload(query string, args ...interface{}) *DB { return db }

// Order adds an ORDER BY clause.
func (db *DB) Order(value interface{}) *DB { return db }

// Group adds a GROUP BY clause.
func (db *DB) Group(name string) *DB { return db }

// Limit caps the number of records.
func (db *DB) Limit(limit int) *DB { return db }

// Offset skips records.
func (db *DB) Offset(offset int) *DB { return db }

// Find loads every matching record into dest.
func (db *DB) Find(dest interface{}, conds ...interface{}) *DB { return db }

// First loads the first matching record by primary key order.
func (db *DB) First(dest interface{}, conds ...interface{}) *DB { return db }

// Take loads one matching record in no particular order.
func (db *DB) Take(dest interface{}, conds ...interface{}) *DB { return db }

// Count counts the matching records.
func (db *DB) Count(count *int64) *DB { return db }

// Pluck loads one column into a slice.
func (db *DB) Pluck(column string, dest interface{}) *DB { return db }

// Scan copies the result into dest.
func (db *DB) Scan(dest interface{}) *DB { return db }

// Rows runs the statement and returns the raw rows.
func (db *DB) Rows() (*sql.Rows, error) { return nil, errors.New("gorm stand-in: no connection") }

// Create inserts value.
func (db *DB) Create(value interface{}) *DB { return db }

// Save inserts or updates every field of value.
func (db *DB) Save(value interface{}) *DB { return db }

// Updates updates the given attributes (a map or a struct).
func (db *DB) Updates(values interface{}) *DB { return db }

// Update updates one column.
func (db *DB) Update(column string, value interface{}) *DB { return db }

// UpdateColumn updates one column without hooks or time tracking.
func (db *DB) UpdateColumn(column string, value interface{}) *DB { return db }

// Delete deletes the matching records.
func (db *DB) Delete(value interface{}, conds ...interface{}) *DB { return db }

// Raw sets a raw SQL statement to be scanned.
func (db *DB) Raw(sql string, values ...interface{}) *DB { return db }

// Exec runs a raw SQL statement.
func (db *DB) Exec(sql string, values ...interface{}) *DB { return db }

// Transaction runs fc in a transaction, committing when it returns nil.
func (db *DB) Transaction(fc func(tx *DB) error, opts ...*sql.TxOptions) error { return fc(db) }
