package query

import (
	"context"
	"time"

	"example.com/ws/trainer/domain/hour"
)

type HourAvailability struct{ Hour time.Time }

type HourAvailabilityHandler struct{ hours hour.Repository }

func NewHourAvailabilityHandler(hours hour.Repository) HourAvailabilityHandler {
	return HourAvailabilityHandler{hours: hours}
}

func (h HourAvailabilityHandler) Handle(ctx context.Context, q HourAvailability) (bool, error) {
	hr, err := h.hours.GetHour(ctx, q.Hour)
	if err != nil {
		return false, err
	}
	return hr.Availability == hour.Available, nil
}
