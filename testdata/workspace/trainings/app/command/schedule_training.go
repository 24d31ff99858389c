package command

import (
	"context"
	"time"

	"example.com/ws/common/decorator"
	"example.com/ws/trainings/domain/training"
)

type ScheduleTraining struct {
	UUID, UserUUID string
	Time           time.Time
}

type ScheduleTrainingHandler decorator.CommandHandler[ScheduleTraining]

type scheduleTrainingHandler struct {
	repo    training.Repository
	trainer TrainerService
	users   UserService
}

func NewScheduleTrainingHandler(repo training.Repository, trainer TrainerService, users UserService) ScheduleTrainingHandler {
	return decorator.Apply[ScheduleTraining](scheduleTrainingHandler{repo: repo, trainer: trainer, users: users})
}

func (h scheduleTrainingHandler) Handle(ctx context.Context, cmd ScheduleTraining) error {
	if err := h.trainer.ScheduleTraining(ctx, cmd.Time); err != nil {
		return err
	}
	if err := h.users.UpdateTrainingBalance(ctx, cmd.UserUUID, -1); err != nil {
		return err
	}
	return h.repo.AddTraining(ctx, &training.Training{UUID: cmd.UUID, UserUUID: cmd.UserUUID, Time: cmd.Time})
}
