// Package store implements port's interfaces without naming them.
package store

// DB implements port.Getter and port.Store through its pointer.
type DB struct{}

// Get gets by number.
func (*DB) Get(int) (string, error) { return "", nil }

// Close closes.
func (*DB) Close() error { return nil }

// Names implements port.Finder.
type Names struct{}

// Get gets by name.
func (Names) Get(string) (string, error) { return "", nil }
