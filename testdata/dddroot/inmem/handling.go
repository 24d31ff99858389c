package inmem

import (
	"sync"

	shipping "example.com/shipping"
)

type handlingEventRepository struct {
	mu     sync.RWMutex
	events map[shipping.TrackingID][]shipping.HandlingEvent
}

// NewHandlingEventRepository returns an empty in-memory event repository.
func NewHandlingEventRepository() shipping.HandlingEventRepository {
	return &handlingEventRepository{events: make(map[shipping.TrackingID][]shipping.HandlingEvent)}
}

func (r *handlingEventRepository) Store(e shipping.HandlingEvent) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events[e.TrackingID] = append(r.events[e.TrackingID], e)
	return nil
}

func (r *handlingEventRepository) QueryHandlingHistory(id shipping.TrackingID) shipping.HandlingHistory {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return shipping.HandlingHistory{Events: append([]shipping.HandlingEvent(nil), r.events[id]...)}
}
