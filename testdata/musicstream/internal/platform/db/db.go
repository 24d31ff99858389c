// Package db opens the server's data stores and holds the error values every
// repository reports, so handlers can map them to HTTP statuses without
// knowing which store a domain uses.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	// Registers the "postgres" database/sql driver.
	_ "github.com/lib/pq"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"go.mongodb.org/mongo-driver/mongo/readpref"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"example.com/musicstream/internal/platform/config"
)

// ErrNotFound is returned by repositories when no row matches.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned when a write breaks a uniqueness rule.
var ErrConflict = errors.New("conflict")

// OpenPostgres opens the shared PostgreSQL pool and checks it answers.
func OpenPostgres(ctx context.Context, cfg config.PostgresConfig) (*sql.DB, error) {
	pool, err := sql.Open("postgres", cfg.DSN)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	pool.SetMaxOpenConns(cfg.MaxOpenConns)
	pool.SetMaxIdleConns(cfg.MaxOpenConns / 4)
	pool.SetConnMaxLifetime(30 * time.Minute)
	pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := pool.PingContext(pingCtx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("ping postgres: %w", err)
	}
	return pool, nil
}

// OpenGORM wraps the shared pool in a GORM handle, so the ORM-based domains
// use the same connections and transactions limits as the SQL-based ones.
func OpenGORM(pool *sql.DB) (*gorm.DB, error) {
	g, err := gorm.Open(postgres.New(postgres.Config{Conn: pool}), &gorm.Config{SkipDefaultTransaction: true})
	if err != nil {
		return nil, fmt.Errorf("open gorm: %w", err)
	}
	return g, nil
}

// OpenMongo connects to the event store and returns its database handle.
func OpenMongo(ctx context.Context, cfg config.MongoConfig) (*mongo.Client, *mongo.Database, error) {
	opts := options.Client().ApplyURI(cfg.URI).SetAppName("musicstream").SetConnectTimeout(5 * time.Second)
	client, err := mongo.Connect(ctx, opts)
	if err != nil {
		return nil, nil, fmt.Errorf("connect mongo: %w", err)
	}
	if err := client.Ping(ctx, readpref.Primary()); err != nil {
		_ = client.Disconnect(ctx)
		return nil, nil, fmt.Errorf("ping mongo: %w", err)
	}
	return client, client.Database(cfg.Database), nil
}

// NotFound turns sql.ErrNoRows and gorm.ErrRecordNotFound into ErrNotFound
// and wraps everything else with what was being done.
func NotFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) || errors.Is(err, gorm.ErrRecordNotFound) || errors.Is(err, mongo.ErrNoDocuments) {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// NullTime converts an optional time to a column value.
func NullTime(t *time.Time) sql.NullTime {
	if t == nil {
		return sql.NullTime{}
	}
	return sql.NullTime{Time: *t, Valid: true}
}

// TimePtr converts a nullable column back to an optional time.
func TimePtr(nt sql.NullTime) *time.Time {
	if !nt.Valid {
		return nil
	}
	t := nt.Time
	return &t
}
