package command

import (
	"context"

	"example.com/ws/common/decorator"
	"example.com/ws/trainings/domain/training"
)

type CancelTraining struct {
	UUID string
}

type CancelTrainingHandler decorator.CommandHandler[CancelTraining]

type cancelTrainingHandler struct {
	repo    training.Repository
	trainer TrainerService
	users   UserService
}

func NewCancelTrainingHandler(repo training.Repository, trainer TrainerService, users UserService) CancelTrainingHandler {
	return decorator.Apply[CancelTraining](cancelTrainingHandler{repo: repo, trainer: trainer, users: users})
}

func (h cancelTrainingHandler) Handle(ctx context.Context, cmd CancelTraining) error {
	return h.repo.UpdateTraining(ctx, cmd.UUID, func(t *training.Training) (*training.Training, error) {
		if err := t.Cancel(); err != nil {
			return nil, err
		}
		if err := h.users.UpdateTrainingBalance(ctx, t.UserUUID, 1); err != nil {
			return nil, err
		}
		return t, h.trainer.CancelTraining(ctx, t.Time)
	})
}
