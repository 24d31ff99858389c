package ports

import (
	"context"
	"time"

	"example.com/ws/trainer/app"
	"example.com/ws/trainer/app/command"
)

type GrpcServer struct{ app app.Application }

func (g GrpcServer) ScheduleTraining(ctx context.Context, at time.Time) error {
	return g.app.Commands.ScheduleTraining.Handle(ctx, command.ScheduleTraining{Hour: at})
}

func (g GrpcServer) CancelTraining(ctx context.Context, at time.Time) error {
	return g.app.Commands.CancelTraining.Handle(ctx, command.CancelTraining{Hour: at})
}
