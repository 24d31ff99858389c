package command

import (
	"context"
	"time"

	"example.com/ws/common/decorator"
	"example.com/ws/trainer/domain/hour"
)

type MakeHoursAvailable struct{ Hour time.Time }

type MakeHoursAvailableHandler decorator.CommandHandler[MakeHoursAvailable]

type makeHoursAvailableHandler struct{ hours hour.Repository }

func NewMakeHoursAvailableHandler(hours hour.Repository) MakeHoursAvailableHandler {
	return decorator.Apply[MakeHoursAvailable](makeHoursAvailableHandler{hours: hours})
}

func (h makeHoursAvailableHandler) Handle(ctx context.Context, cmd MakeHoursAvailable) error {
	return h.hours.UpdateHour(ctx, cmd.Hour, func(h *hour.Hour) (*hour.Hour, error) {
		h.MakeAvailable()
		return h, nil
	})
}
