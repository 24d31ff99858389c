// Package catalog is called from shop with every kind of signature a seam
// must handle.
package catalog

import (
	"net/http"

	billing "example.com/seams/billing/models"
	"example.com/seams/catalog/models"
)

// Map is generic: no interface method can have type parameters.
func Map[T any](xs []T, f func(T) T) []T {
	for i := range xs {
		xs[i] = f(xs[i])
	}
	return xs
}

type item struct{ price int }

// PickItem returns an unexported type.
func PickItem(p int) *item { return &item{price: p} }

// Price is a method of an unexported type.
func (i *item) Price() int { return i.price }

type hidden int

// Secret mentions an unexported type.
func Secret() hidden { return 1 }

// Tag is variadic.
func Tag(name string, labels ...string) string { return name + string(rune(len(labels))) }

// Raw has unnamed parameters.
func Raw(int, string) error { return nil }

// Convert mentions two packages named models.
func Convert(x models.Item, y billing.Invoice) billing.Invoice {
	y.Total += x.Price
	return y
}

// Repo and Cache both have Get: the seam must tell them apart.
type Repo struct{}

// Get reads an item.
func (r *Repo) Get(id int) (models.Item, error) { return models.Item{ID: id}, nil }

// Cache caches items.
type Cache struct{}

// Get reads a cached item.
func (c Cache) Get(id int) (models.Item, error) { return models.Item{ID: id}, nil }

// Store is already an interface.
type Store interface{ Find(id int) models.Item }

// NotFound is an error: its methods are no service operation.
type NotFound struct{ ID int }

func (e *NotFound) Error() string { return "not found" }

// Missing is a method of an error.
func (e *NotFound) Missing() int { return e.ID }

// NewQuery is a constructor.
func NewQuery() *Query { return &Query{} }

// Query is a builder: its methods return it.
type Query struct{ limit int }

// Limit is a builder's method.
func (q *Query) Limit(n int) *Query { q.limit = n; return q }

// String is a plain method of the builder.
func (q *Query) String() string { return "" }

// Serve passes HTTP handles.
func Serve(w http.ResponseWriter, r *http.Request) { _, _ = w, r }

// Shelf is reached through a Repo: r.Shelf().Get(id) reroutes both calls.
type Shelf struct{}

// Shelf returns the repository's shelf.
func (r *Repo) Shelf() *Shelf { return &Shelf{} }

// Get reads an item from the shelf.
func (s *Shelf) Get(id int) (models.Item, error) { return models.Item{ID: id}, nil }
