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

// Each runs a callback: the call graph resolves f() to the function
// literal Visit passes, a closure, which is no call of Visit itself.
func Each(f func(n int, s *Store) bool) bool {
	return f(1, nil) // want "dynamic example.com/basic/store.Visit \\(closure\\)"
}

// Visit passes Each a callback.
func Visit() bool {
	return Each(func(n int, s *Store) bool { return n > 0 }) // want "static example.com/basic/store.Each"
}
