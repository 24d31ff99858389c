// Package xorm is a stand-in for xorm.io/xorm.
package xorm

// Engine is the database handle.
type Engine struct{}

// Session is a chain of conditions.
type Session struct{}

func (e *Engine) Table(tableNameOrBean any) *Session                                  { return nil }
func (e *Engine) Where(query any, args ...any) *Session                               { return nil }
func (e *Engine) ID(id any) *Session                                                  { return nil }
func (e *Engine) SQL(query any, args ...any) *Session                                 { return nil }
func (e *Engine) Join(op string, tablename any, condition any, args ...any) *Session  { return nil }
func (e *Engine) Insert(beans ...any) (int64, error)                                  { return 0, nil }
func (e *Engine) Find(beans any, condiBeans ...any) error                             { return nil }
func (e *Engine) Get(beans ...any) (bool, error)                                      { return false, nil }
func (e *Engine) Count(bean ...any) (int64, error)                                    { return 0, nil }
func (e *Engine) Exec(sqlOrArgs ...any) (any, error)                                  { return nil, nil }
func (e *Engine) QueryString(sqlOrArgs ...any) ([]map[string]string, error)           { return nil, nil }
func (e *Engine) NewSession() *Session                                                { return nil }
func (s *Session) Where(query any, args ...any) *Session                              { return s }
func (s *Session) Table(tableNameOrBean any) *Session                                 { return s }
func (s *Session) Join(op string, tablename any, condition any, args ...any) *Session { return s }
func (s *Session) Find(beans any, condiBeans ...any) error                            { return nil }
func (s *Session) Get(beans ...any) (bool, error)                                     { return false, nil }
func (s *Session) Update(bean any, condiBean ...any) (int64, error)                   { return 0, nil }
func (s *Session) Delete(beans ...any) (int64, error)                                 { return 0, nil }
func (s *Session) Count(bean ...any) (int64, error)                                   { return 0, nil }
func (s *Session) Insert(beans ...any) (int64, error)                                 { return 0, nil }

func (s *Session) And(query any, args ...any) *Session                { return s }
func (s *Session) Or(query any, args ...any) *Session                 { return s }
func (e *Engine) Query(sqlOrArgs ...any) ([]map[string][]byte, error) { return nil, nil }

func (s *Session) Begin() error  { return nil }
func (s *Session) Commit() error { return nil }
func (s *Session) Close()        {}
