// Package store is the callee side of the fixture.
package store

// Store saves things.
type Store struct{ n int }

// Saver is implemented by Store and by svc.memSaver.
type Saver interface{ Save(v string) error }

// New makes a Store.
func New() *Store { return &Store{} }

// Save records v.
func (s *Store) Save(v string) error {
	s.n += len(v)
	return s.check() // want "static example.com/basic/store.\\(\\*Store\\).check"
}

func (s *Store) check() error { return nil }

// Generic is instantiated by callers; calls map to the generic origin.
func Generic[T any](v T) T { return v }
