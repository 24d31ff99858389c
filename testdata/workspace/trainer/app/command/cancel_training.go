package command

import (
	"context"
	"time"

	"example.com/ws/common/decorator"
	"example.com/ws/trainer/domain/hour"
)

type CancelTraining struct{ Hour time.Time }

type CancelTrainingHandler decorator.CommandHandler[CancelTraining]

type cancelTrainingHandler struct{ hours hour.Repository }

func NewCancelTrainingHandler(hours hour.Repository) CancelTrainingHandler {
	return decorator.Apply[CancelTraining](cancelTrainingHandler{hours: hours})
}

func (h cancelTrainingHandler) Handle(ctx context.Context, cmd CancelTraining) error {
	return h.hours.UpdateHour(ctx, cmd.Hour, func(h *hour.Hour) (*hour.Hour, error) {
		return h, h.CancelTraining()
	})
}
