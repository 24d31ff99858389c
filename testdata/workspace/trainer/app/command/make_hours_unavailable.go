package command

import (
	"context"
	"time"

	"example.com/ws/common/decorator"
	"example.com/ws/trainer/domain/hour"
)

type MakeHoursUnavailable struct{ Hour time.Time }

type MakeHoursUnavailableHandler decorator.CommandHandler[MakeHoursUnavailable]

type makeHoursUnavailableHandler struct{ hours hour.Repository }

func NewMakeHoursUnavailableHandler(hours hour.Repository) MakeHoursUnavailableHandler {
	return decorator.Apply[MakeHoursUnavailable](makeHoursUnavailableHandler{hours: hours})
}

func (h makeHoursUnavailableHandler) Handle(ctx context.Context, cmd MakeHoursUnavailable) error {
	return h.hours.UpdateHour(ctx, cmd.Hour, func(h *hour.Hour) (*hour.Hour, error) {
		h.MakeNotAvailable()
		return h, nil
	})
}
