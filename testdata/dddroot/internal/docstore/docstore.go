// Package docstore is the minimal document-database API the mongo adapters
// are written against. A driver registers itself with Register.
package docstore

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// ErrNoDocuments is returned by FindOne when nothing matches.
var ErrNoDocuments = errors.New("docstore: no documents in result")

// Filter selects documents by field equality, e.g. Filter{"_id": id}.
type Filter map[string]any

// Cursor iterates over a query result.
type Cursor interface {
	Next(ctx context.Context) bool
	Decode(v any) error
	Close(ctx context.Context) error
}

// Collection is a named set of documents.
type Collection interface {
	InsertOne(ctx context.Context, doc any) error
	FindOne(ctx context.Context, filter Filter, out any) error
	UpdateOne(ctx context.Context, filter Filter, doc any, upsert bool) error
	Find(ctx context.Context, filter Filter) (Cursor, error)
}

// Database hands out collections.
type Database interface {
	Collection(name string) Collection
}

var (
	mu      sync.Mutex
	drivers = map[string]func(uri string) (Database, error){}
)

// Register makes a driver available under a URI scheme.
func Register(scheme string, open func(uri string) (Database, error)) {
	mu.Lock()
	defer mu.Unlock()
	drivers[scheme] = open
}

// Open connects to the database at uri using the driver for scheme.
func Open(scheme, uri string) (Database, error) {
	mu.Lock()
	open, ok := drivers[scheme]
	mu.Unlock()
	if !ok {
		return nil, fmt.Errorf("docstore: no driver for %q", scheme)
	}
	return open(uri)
}
