package command

import (
	"context"
	"time"
)

type TrainerService interface {
	ScheduleTraining(ctx context.Context, at time.Time) error
	CancelTraining(ctx context.Context, at time.Time) error
}

type UserService interface {
	UpdateTrainingBalance(ctx context.Context, userID string, delta int) error
}
