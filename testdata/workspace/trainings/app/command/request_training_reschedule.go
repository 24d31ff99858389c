package command

import (
	"context"
	"time"

	"example.com/ws/common/decorator"
	"example.com/ws/trainings/domain/training"
)

type RequestTrainingReschedule struct {
	UUID, By string
	NewTime  time.Time
}

type RequestTrainingRescheduleHandler decorator.CommandHandler[RequestTrainingReschedule]

type requestTrainingRescheduleHandler struct {
	repo    training.Repository
	trainer TrainerService
	users   UserService
}

func NewRequestTrainingRescheduleHandler(repo training.Repository, trainer TrainerService, users UserService) RequestTrainingRescheduleHandler {
	return decorator.Apply[RequestTrainingReschedule](requestTrainingRescheduleHandler{repo: repo, trainer: trainer, users: users})
}

func (h requestTrainingRescheduleHandler) Handle(ctx context.Context, cmd RequestTrainingReschedule) error {
	return h.repo.UpdateTraining(ctx, cmd.UUID, func(t *training.Training) (*training.Training, error) {
		t.ProposeReschedule(cmd.NewTime, cmd.By)
		return t, nil
	})
}
