package command

import (
	"context"

	"example.com/ws/common/decorator"
	"example.com/ws/trainings/domain/training"
)

type ApproveTrainingReschedule struct {
	UUID string
}

type ApproveTrainingRescheduleHandler decorator.CommandHandler[ApproveTrainingReschedule]

type approveTrainingRescheduleHandler struct {
	repo    training.Repository
	trainer TrainerService
	users   UserService
}

func NewApproveTrainingRescheduleHandler(repo training.Repository, trainer TrainerService, users UserService) ApproveTrainingRescheduleHandler {
	return decorator.Apply[ApproveTrainingReschedule](approveTrainingRescheduleHandler{repo: repo, trainer: trainer, users: users})
}

func (h approveTrainingRescheduleHandler) Handle(ctx context.Context, cmd ApproveTrainingReschedule) error {
	return h.repo.UpdateTraining(ctx, cmd.UUID, func(t *training.Training) (*training.Training, error) {
		old := t.Time
		if err := t.ApproveReschedule(); err != nil {
			return nil, err
		}
		if err := h.trainer.CancelTraining(ctx, old); err != nil {
			return nil, err
		}
		return t, h.trainer.ScheduleTraining(ctx, t.Time)
	})
}
