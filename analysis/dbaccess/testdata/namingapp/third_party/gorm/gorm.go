// Package gorm is a stand-in for gorm.io/gorm with the names the fixture uses.
package gorm

import "gorm.io/gorm/schema"

// Config is gorm's configuration.
type Config struct{ NamingStrategy schema.Namer }

// Dialector opens a connection.
type Dialector interface{ Name() string }

// DB is a database handle.
type DB struct{ Error error }

// Open connects.
func Open(d Dialector, c *Config) (*DB, error) { return &DB{}, nil }

func (db *DB) Find(dest any, conds ...any) *DB { return db }
func (db *DB) Create(value any) *DB            { return db }
