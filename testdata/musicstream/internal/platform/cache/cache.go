// Package cache is a small in-process TTL cache for hot read paths (track
// metadata, entitlements) where a few seconds of staleness is acceptable.
package cache

import (
	"sync"
	"time"
)

// Cache maps keys to values that expire after a fixed TTL. It is safe for
// concurrent use; the zero value is not usable, call New.
type Cache[K comparable, V any] struct {
	mu      sync.Mutex
	ttl     time.Duration
	max     int
	now     func() time.Time
	entries map[K]entry[V]
}

type entry[V any] struct {
	value   V
	expires time.Time
}

// New returns a cache holding at most max entries for ttl each.
func New[K comparable, V any](ttl time.Duration, max int) *Cache[K, V] {
	if max <= 0 {
		max = 1024
	}
	return &Cache[K, V]{ttl: ttl, max: max, now: time.Now, entries: make(map[K]entry[V])}
}

// Get returns the cached value and whether it was present and fresh.
func (c *Cache[K, V]) Get(key K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || c.now().After(e.expires) {
		var zero V
		if ok {
			delete(c.entries, key)
		}
		return zero, false
	}
	return e.value, true
}

// Set stores a value; a full cache first drops arbitrary entries until
// there is room, which is good enough for hot-key caches.
func (c *Cache[K, V]) Set(key K, value V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.entries {
		if len(c.entries) < c.max {
			break
		}
		delete(c.entries, k)
	}
	c.entries[key] = entry[V]{value: value, expires: c.now().Add(c.ttl)}
}

// Delete drops a key, after a write made its value stale.
func (c *Cache[K, V]) Delete(key K) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.entries, key)
}
