// Package postgres is an offline stand-in for gorm.io/driver/postgres.
package postgres

import "gorm.io/gorm"

// Config configures the PostgreSQL dialector.
type Config struct {
	DSN                  string
	PreferSimpleProtocol bool
	Conn                 gorm.ConnPool
}

// Dialector is the PostgreSQL dialector.
type Dialector struct {
	*Config
}

// New returns a dialector for config.
func New(config Config) gorm.Dialector { return &Dialector{Config: &config} }

// Open returns a dialector for a DSN.
func Open(dsn string) gorm.Dialector { return &Dialector{Config: &Config{DSN: dsn}} }

// Name implements gorm.Dialector.
func (d Dialector) Name() string { return "postgres" }

// Initialize implements gorm.Dialector.
func (d Dialector) Initialize(db *gorm.DB) error { return nil }
