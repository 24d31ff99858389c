// Package gorm is a stand-in for gorm.io/gorm with the real names and
// signatures of the methods the fixture calls.
package gorm

import "context"

// Model is gorm's conventional embedded base.
type Model struct{ ID uint }

// DB is a database handle; every chain method returns a new one.
type DB struct{ Error error }

func (db *DB) WithContext(ctx context.Context) *DB                  { return db }
func (db *DB) Model(value any) *DB                                  { return db }
func (db *DB) Table(name string, args ...any) *DB                   { return db }
func (db *DB) Where(query any, args ...any) *DB                     { return db }
func (db *DB) Select(query any, args ...any) *DB                    { return db }
func (db *DB) Order(value any) *DB                                  { return db }
func (db *DB) Joins(query string, args ...any) *DB                  { return db }
func (db *DB) Preload(query string, args ...any) *DB                { return db }
func (db *DB) Raw(sql string, values ...any) *DB                    { return db }
func (db *DB) Exec(sql string, values ...any) *DB                   { return db }
func (db *DB) Find(dest any, conds ...any) *DB                      { return db }
func (db *DB) First(dest any, conds ...any) *DB                     { return db }
func (db *DB) Take(dest any, conds ...any) *DB                      { return db }
func (db *DB) Last(dest any, conds ...any) *DB                      { return db }
func (db *DB) Create(value any) *DB                                 { return db }
func (db *DB) Save(value any) *DB                                   { return db }
func (db *DB) Update(column string, value any) *DB                  { return db }
func (db *DB) Updates(values any) *DB                               { return db }
func (db *DB) Delete(value any, conds ...any) *DB                   { return db }
func (db *DB) Count(count *int64) *DB                               { return db }
func (db *DB) Pluck(column string, dest any) *DB                    { return db }
func (db *DB) Scan(dest any) *DB                                    { return db }
func (db *DB) FirstOrCreate(dest any, conds ...any) *DB             { return db }
func (db *DB) AutoMigrate(dst ...any) error                         { return nil }
func (db *DB) Transaction(fc func(tx *DB) error, opts ...any) error { return nil }

// Interface is the generic API's query interface.
type Interface[T any] interface {
	Where(query any, args ...any) Interface[T]
	First(ctx context.Context) (T, error)
	Find(ctx context.Context) ([]T, error)
	Create(ctx context.Context, r *T) error
	Delete(ctx context.Context) (int, error)
}

// G starts a generic query on T.
func G[T any](db *DB, opts ...any) Interface[T] { return nil }

func (db *DB) Or(query any, args ...any) *DB     { return db }
func (db *DB) Not(query any, args ...any) *DB    { return db }
func (db *DB) Having(query any, args ...any) *DB { return db }
