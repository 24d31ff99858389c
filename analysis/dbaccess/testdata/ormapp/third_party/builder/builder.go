// Package builder is a stand-in for xorm.io/builder, xorm's SQL builder.
package builder

// Builder builds one statement.
type Builder struct{}

// Cond is a condition.
type Cond interface{ IsValid() bool }

// Eq is a column = value condition.
type Eq map[string]any

func (Eq) IsValid() bool { return true }

func Select(cols ...string) *Builder                                      { return &Builder{} }
func Insert(eq ...any) *Builder                                           { return &Builder{} }
func Update(updates ...Cond) *Builder                                     { return &Builder{} }
func Delete(conds ...Cond) *Builder                                       { return &Builder{} }
func Dialect(dialect string) *Builder                                     { return &Builder{} }
func In(col string, values ...any) Cond                                   { return Eq{} }
func (b *Builder) Select(cols ...string) *Builder                         { return b }
func (b *Builder) From(subject any, alias ...string) *Builder             { return b }
func (b *Builder) Into(tableName string) *Builder                         { return b }
func (b *Builder) Where(cond Cond) *Builder                               { return b }
func (b *Builder) Join(joinType string, joinTable, joinCond any) *Builder { return b }
func (b *Builder) LeftJoin(joinTable, joinCond any) *Builder              { return b }
func (b *Builder) InnerJoin(joinTable, joinCond any) *Builder             { return b }
func (b *Builder) ToSQL() (string, []any, error)                          { return "", nil, nil }
