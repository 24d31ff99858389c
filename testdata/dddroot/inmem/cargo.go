// Package inmem provides in-memory implementations of the domain
// repositories, for development and tests.
package inmem

import (
	"sort"
	"sync"

	shipping "example.com/shipping"
)

type cargoRepository struct {
	mu     sync.RWMutex
	cargos map[shipping.TrackingID]shipping.Cargo
}

// NewCargoRepository returns an empty in-memory cargo repository.
func NewCargoRepository() shipping.CargoRepository {
	return &cargoRepository{cargos: make(map[shipping.TrackingID]shipping.Cargo)}
}

func (r *cargoRepository) Store(c *shipping.Cargo) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cargos[c.TrackingID] = *c
	return nil
}

func (r *cargoRepository) Find(id shipping.TrackingID) (*shipping.Cargo, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	c, ok := r.cargos[id]
	if !ok {
		return nil, shipping.ErrUnknownCargo
	}
	return &c, nil
}

func (r *cargoRepository) FindAll() []*shipping.Cargo {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]*shipping.Cargo, 0, len(r.cargos))
	for _, c := range r.cargos {
		c := c
		out = append(out, &c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].TrackingID < out[j].TrackingID })
	return out
}
