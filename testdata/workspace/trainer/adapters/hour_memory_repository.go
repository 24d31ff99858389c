package adapters

import (
	"context"
	"sync"
	"time"

	"example.com/ws/trainer/domain/hour"
)

type MemoryHourRepository struct {
	mu    sync.Mutex
	hours map[time.Time]hour.Hour
}

func NewMemoryHourRepository() *MemoryHourRepository {
	return &MemoryHourRepository{hours: map[time.Time]hour.Hour{}}
}

func (m *MemoryHourRepository) GetHour(_ context.Context, at time.Time) (*hour.Hour, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	h, ok := m.hours[at]
	if !ok {
		h = hour.Hour{At: at, Availability: hour.NotAvailable}
	}
	return &h, nil
}

func (m *MemoryHourRepository) UpdateHour(ctx context.Context, at time.Time, update func(h *hour.Hour) (*hour.Hour, error)) error {
	h, _ := m.GetHour(ctx, at)
	u, err := update(h)
	if err != nil {
		return err
	}
	m.mu.Lock()
	m.hours[at] = *u
	m.mu.Unlock()
	return nil
}
