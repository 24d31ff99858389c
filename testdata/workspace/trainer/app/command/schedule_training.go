package command

import (
	"context"
	"time"

	"example.com/ws/common/decorator"
	"example.com/ws/trainer/domain/hour"
)

type ScheduleTraining struct{ Hour time.Time }

type ScheduleTrainingHandler decorator.CommandHandler[ScheduleTraining]

type scheduleTrainingHandler struct{ hours hour.Repository }

func NewScheduleTrainingHandler(hours hour.Repository) ScheduleTrainingHandler {
	return decorator.Apply[ScheduleTraining](scheduleTrainingHandler{hours: hours})
}

func (h scheduleTrainingHandler) Handle(ctx context.Context, cmd ScheduleTraining) error {
	return h.hours.UpdateHour(ctx, cmd.Hour, func(h *hour.Hour) (*hour.Hour, error) {
		return h, h.ScheduleTraining()
	})
}
