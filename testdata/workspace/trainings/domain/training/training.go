// Package training is a scheduled training and its reschedule requests.
package training

import (
	"context"
	"errors"
	"time"
)

type Training struct {
	UUID            string
	UserUUID        string
	Time            time.Time
	Canceled        bool
	ProposedNewTime time.Time
	MoveProposedBy  string
}

func (t *Training) Cancel() error {
	if t.Canceled {
		return errors.New("already canceled")
	}
	t.Canceled = true
	return nil
}

func (t *Training) ProposeReschedule(at time.Time, by string) {
	t.ProposedNewTime, t.MoveProposedBy = at, by
}

func (t *Training) ApproveReschedule() error {
	if t.ProposedNewTime.IsZero() {
		return errors.New("no reschedule proposed")
	}
	t.Time, t.ProposedNewTime, t.MoveProposedBy = t.ProposedNewTime, time.Time{}, ""
	return nil
}

type Repository interface {
	AddTraining(ctx context.Context, t *Training) error
	GetTraining(ctx context.Context, uuid string) (*Training, error)
	UpdateTraining(ctx context.Context, uuid string, update func(t *Training) (*Training, error)) error
}
