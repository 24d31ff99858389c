package adapters

import (
	"context"
	"errors"
	"sync"

	"example.com/ws/trainings/domain/training"
)

type MemoryTrainingRepository struct {
	mu        sync.Mutex
	trainings map[string]training.Training
}

func NewMemoryTrainingRepository() *MemoryTrainingRepository {
	return &MemoryTrainingRepository{trainings: map[string]training.Training{}}
}

func (m *MemoryTrainingRepository) AddTraining(_ context.Context, t *training.Training) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.trainings[t.UUID] = *t
	return nil
}

func (m *MemoryTrainingRepository) GetTraining(_ context.Context, uuid string) (*training.Training, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	t, ok := m.trainings[uuid]
	if !ok {
		return nil, errors.New("training not found")
	}
	return &t, nil
}

func (m *MemoryTrainingRepository) UpdateTraining(ctx context.Context, uuid string, update func(t *training.Training) (*training.Training, error)) error {
	t, err := m.GetTraining(ctx, uuid)
	if err != nil {
		return err
	}
	u, err := update(t)
	if err != nil {
		return err
	}
	return m.AddTraining(ctx, u)
}
