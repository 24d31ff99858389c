// Package xorm is a stand-in for xorm.io/xorm.
package xorm

import "xorm.io/xorm/names"

// Engine is a database handle.
type Engine struct{}

// NewEngine connects.
func NewEngine(driver, dsn string) (*Engine, error) { return &Engine{}, nil }

// SetMapper sets the table and column name mapper.
func (e *Engine) SetMapper(m names.Mapper) {}

func (e *Engine) Insert(beans ...any) (int64, error) { return 0, nil }
func (e *Engine) Find(beans any, conds ...any) error { return nil }
