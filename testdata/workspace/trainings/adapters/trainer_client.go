package adapters

import (
	"context"
	"time"
)

// TrainerClient calls the trainer service.
type TrainerClient struct {
	call func(ctx context.Context, method string, at time.Time) error
}

func (c TrainerClient) ScheduleTraining(ctx context.Context, at time.Time) error {
	return c.call(ctx, "ScheduleTraining", at)
}

func (c TrainerClient) CancelTraining(ctx context.Context, at time.Time) error {
	return c.call(ctx, "CancelTraining", at)
}

// UsersClient calls the users service.
type UsersClient struct {
	call func(ctx context.Context, user string, delta int) error
}

func (c UsersClient) UpdateTrainingBalance(ctx context.Context, user string, delta int) error {
	return c.call(ctx, user, delta)
}
