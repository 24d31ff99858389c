// Package dbx is a stand-in for github.com/go-ozzo/ozzo-dbx.
package dbx

// Params are column values.
type Params map[string]any

// Expression is a condition.
type Expression interface{ Build() string }

// Builder is what a DB and a transaction offer.
type Builder interface {
	NewQuery(string) *Query
	Select(...string) *SelectQuery
	Model(any) *ModelQuery
	Insert(table string, cols Params) *Query
	Update(table string, cols Params, where Expression) *Query
	Delete(table string, where Expression) *Query
}

// DB is the database handle.
type DB struct{ Builder }

// Query is one statement.
type Query struct{}

// SelectQuery builds a SELECT.
type SelectQuery struct{}

// ModelQuery writes one model.
type ModelQuery struct{}

func (q *Query) Execute() (any, error)                                           { return nil, nil }
func (s *SelectQuery) From(tables ...string) *SelectQuery                        { return s }
func (s *SelectQuery) InnerJoin(table string, on Expression) *SelectQuery        { return s }
func (s *SelectQuery) Join(typ string, table string, on Expression) *SelectQuery { return s }
func (s *SelectQuery) OrderBy(cols ...string) *SelectQuery                       { return s }
func (s *SelectQuery) One(a any) error                                           { return nil }
func (s *SelectQuery) All(slice any) error                                       { return nil }
func (s *SelectQuery) Model(pk, model any) error                                 { return nil }
func (s *SelectQuery) Row(a ...any) error                                        { return nil }
func (q *ModelQuery) Insert(attrs ...string) error                               { return nil }
func (q *ModelQuery) Update(attrs ...string) error                               { return nil }
func (q *ModelQuery) Delete() error                                              { return nil }
