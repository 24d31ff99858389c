package query

import (
	"context"

	"example.com/ws/trainings/domain/training"
)

type TrainingByUUID struct{ UUID string }

type TrainingByUUIDHandler struct{ repo training.Repository }

func NewTrainingByUUIDHandler(repo training.Repository) TrainingByUUIDHandler {
	return TrainingByUUIDHandler{repo: repo}
}

func (h TrainingByUUIDHandler) Handle(ctx context.Context, q TrainingByUUID) (*training.Training, error) {
	return h.repo.GetTraining(ctx, q.UUID)
}
