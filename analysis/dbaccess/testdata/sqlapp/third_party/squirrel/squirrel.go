// Package squirrel is a stand-in for github.com/Masterminds/squirrel.
package squirrel

// PlaceholderFormat formats placeholders.
type PlaceholderFormat interface {
	ReplacePlaceholders(sql string) (string, error)
}

type dollar struct{}

func (dollar) ReplacePlaceholders(sql string) (string, error) { return sql, nil }

// Dollar is the $n format.
var Dollar PlaceholderFormat = dollar{}

// Eq is an equality condition.
type Eq map[string]any

// StatementBuilderType builds statements with shared settings.
type StatementBuilderType struct{}

// StatementBuilder is the default builder.
var StatementBuilder = StatementBuilderType{}

func (b StatementBuilderType) PlaceholderFormat(f PlaceholderFormat) StatementBuilderType { return b }
func (b StatementBuilderType) Select(columns ...string) SelectBuilder                     { return SelectBuilder{} }
func (b StatementBuilderType) Insert(into string) InsertBuilder                           { return InsertBuilder{} }
func (b StatementBuilderType) Update(table string) UpdateBuilder                          { return UpdateBuilder{} }
func (b StatementBuilderType) Delete(from string) DeleteBuilder                           { return DeleteBuilder{} }

func Select(columns ...string) SelectBuilder { return SelectBuilder{} }
func Insert(into string) InsertBuilder       { return InsertBuilder{} }
func Replace(into string) InsertBuilder      { return InsertBuilder{} }
func Update(table string) UpdateBuilder      { return UpdateBuilder{} }
func Delete(from string) DeleteBuilder       { return DeleteBuilder{} }

// SelectBuilder builds SELECT.
type SelectBuilder struct{}

func (b SelectBuilder) From(from string) SelectBuilder                  { return b }
func (b SelectBuilder) Join(join string, rest ...any) SelectBuilder     { return b }
func (b SelectBuilder) LeftJoin(join string, rest ...any) SelectBuilder { return b }
func (b SelectBuilder) JoinClause(pred any, args ...any) SelectBuilder  { return b }
func (b SelectBuilder) Where(pred any, args ...any) SelectBuilder       { return b }
func (b SelectBuilder) Columns(columns ...string) SelectBuilder         { return b }
func (b SelectBuilder) ToSql() (string, []any, error)                   { return "", nil, nil }

// InsertBuilder builds INSERT.
type InsertBuilder struct{}

func (b InsertBuilder) Into(from string) InsertBuilder          { return b }
func (b InsertBuilder) Columns(columns ...string) InsertBuilder { return b }
func (b InsertBuilder) Values(values ...any) InsertBuilder      { return b }
func (b InsertBuilder) ToSql() (string, []any, error)           { return "", nil, nil }

// UpdateBuilder builds UPDATE.
type UpdateBuilder struct{}

func (b UpdateBuilder) Table(table string) UpdateBuilder           { return b }
func (b UpdateBuilder) Set(column string, value any) UpdateBuilder { return b }
func (b UpdateBuilder) From(from string) UpdateBuilder             { return b }
func (b UpdateBuilder) Where(pred any, args ...any) UpdateBuilder  { return b }
func (b UpdateBuilder) ToSql() (string, []any, error)              { return "", nil, nil }

// DeleteBuilder builds DELETE.
type DeleteBuilder struct{}

func (b DeleteBuilder) From(from string) DeleteBuilder            { return b }
func (b DeleteBuilder) Where(pred any, args ...any) DeleteBuilder { return b }
func (b DeleteBuilder) ToSql() (string, []any, error)             { return "", nil, nil }
