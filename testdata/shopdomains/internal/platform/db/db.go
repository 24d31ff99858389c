// Package db holds the database/sql plumbing every domain store shares:
// opening the pool, running a function in a transaction, and mapping
// "no rows" to one not-found error the HTTP edge understands.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ErrNotFound is what stores return, wrapped, when a row does not exist.
var ErrNotFound = errors.New("not found")

// DBTX is the part of *sql.DB and *sql.Tx the stores use, so a store method
// can run either inside or outside a transaction.
type DBTX interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Config is the pool configuration read from flags.
type Config struct {
	Driver       string
	DSN          string
	MaxOpenConns int
	MaxIdleTime  time.Duration
}

// Open opens the pool and checks that the database answers.
func Open(ctx context.Context, cfg Config) (*sql.DB, error) {
	if cfg.Driver == "" || cfg.DSN == "" {
		return nil, errors.New("db: driver and dsn are required")
	}
	pool, err := sql.Open(cfg.Driver, cfg.DSN)
	if err != nil {
		return nil, fmt.Errorf("db: open %s: %w", cfg.Driver, err)
	}
	if cfg.MaxOpenConns > 0 {
		pool.SetMaxOpenConns(cfg.MaxOpenConns)
	}
	if cfg.MaxIdleTime > 0 {
		pool.SetConnMaxIdleTime(cfg.MaxIdleTime)
	}
	pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := pool.PingContext(pingCtx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("db: ping: %w", err)
	}
	return pool, nil
}

// InTx runs fn in a transaction, committing when fn succeeds and rolling back
// otherwise (including when fn panics, after which the panic continues).
func InTx(ctx context.Context, pool *sql.DB, fn func(tx *sql.Tx) error) (err error) {
	tx, err := pool.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("db: begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
		if err != nil {
			if rbErr := tx.Rollback(); rbErr != nil && !errors.Is(rbErr, sql.ErrTxDone) {
				err = errors.Join(err, fmt.Errorf("db: rollback: %w", rbErr))
			}
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("db: commit: %w", err)
	}
	return nil
}

// NotFound turns sql.ErrNoRows into ErrNotFound naming what was looked up,
// and wraps any other error with the same context.
func NotFound(err error, what string, key any) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s %v: %w", what, key, ErrNotFound)
	}
	return fmt.Errorf("load %s %v: %w", what, key, err)
}

// Affected checks that an UPDATE or DELETE touched at least one row.
func Affected(res sql.Result, what string, key any) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("rows affected for %s %v: %w", what, key, err)
	}
	if n == 0 {
		return fmt.Errorf("%s %v: %w", what, key, ErrNotFound)
	}
	return nil
}
