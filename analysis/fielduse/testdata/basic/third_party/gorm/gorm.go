// Package gorm is a stand-in for gorm.io/gorm with the few methods the
// fixture calls.
package gorm

// Model is gorm's conventional embedded base.
type Model struct {
	ID        uint
	CreatedAt int64
	deletedAt int64
}

// DB is a database handle.
type DB struct{}

// Save stores a value.
func (db *DB) Save(value any) *DB { return db }

// First loads a value.
func (db *DB) First(dest any, conds ...any) *DB { return db }

// Model scopes a query to a model.
func (db *DB) Model(value any) *DB { return db }

// Where adds a condition.
func (db *DB) Where(query any, args ...any) *DB { return db }
