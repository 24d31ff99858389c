// Package port declares interfaces whose first methods share names but
// not signatures.
package port

// Getter gets by number.
type Getter interface {
	Get(id int) (string, error)
}

// Finder gets by name: the same first method name as Getter, another
// signature.
type Finder interface {
	Get(name string) (string, error)
}

// Store needs two methods.
type Store interface {
	Close() error
	Get(id int) (string, error)
}
