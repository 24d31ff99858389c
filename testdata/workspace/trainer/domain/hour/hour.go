// Package hour is the trainer's availability.
package hour

import (
	"context"
	"errors"
	"time"
)

type Availability int

const (
	Available Availability = iota
	NotAvailable
	TrainingScheduled
)

type Hour struct {
	At           time.Time
	Availability Availability
}

func (h *Hour) ScheduleTraining() error {
	if h.Availability != Available {
		return errors.New("hour not available")
	}
	h.Availability = TrainingScheduled
	return nil
}

func (h *Hour) CancelTraining() error {
	if h.Availability != TrainingScheduled {
		return errors.New("no training scheduled")
	}
	h.Availability = Available
	return nil
}

func (h *Hour) MakeAvailable() { h.Availability = Available }

func (h *Hour) MakeNotAvailable() { h.Availability = NotAvailable }

type Repository interface {
	GetHour(ctx context.Context, at time.Time) (*Hour, error)
	UpdateHour(ctx context.Context, at time.Time, update func(h *Hour) (*Hour, error)) error
}
