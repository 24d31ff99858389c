// Package process keeps a registry of long-running background tasks.
package process

import (
	"sort"
	"sync"
	"time"
)

// Process is one running task.
type Process struct {
	ID          int64
	Description string
	Start       time.Time
}

var (
	mu    sync.Mutex
	next  int64
	procs = map[int64]*Process{}
)

// Add registers a task and returns a function that removes it.
func Add(desc string) (id int64, done func()) {
	mu.Lock()
	defer mu.Unlock()
	next++
	id = next
	procs[id] = &Process{ID: id, Description: desc, Start: time.Now()}
	return id, func() { mu.Lock(); delete(procs, id); mu.Unlock() }
}

// List returns the running tasks ordered by id.
func List() []Process {
	mu.Lock()
	defer mu.Unlock()
	out := make([]Process, 0, len(procs))
	for _, p := range procs {
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
