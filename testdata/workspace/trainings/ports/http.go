package ports

import (
	"context"
	"time"

	"example.com/ws/common/auth"
	"example.com/ws/trainings/app"
	"example.com/ws/trainings/app/command"
)

type HTTPServer struct{ app app.Application }

func NewHTTPServer(a app.Application) HTTPServer { return HTTPServer{app: a} }

func (s HTTPServer) CreateTraining(ctx context.Context, uuid string, at time.Time) error {
	u, _ := auth.UserFromCtx(ctx)
	return s.app.Commands.ScheduleTraining.Handle(ctx, command.ScheduleTraining{UUID: uuid, UserUUID: u.UUID, Time: at})
}

func (s HTTPServer) CancelTraining(ctx context.Context, uuid string) error {
	return s.app.Commands.CancelTraining.Handle(ctx, command.CancelTraining{UUID: uuid})
}

func (s HTTPServer) RescheduleTraining(ctx context.Context, uuid string, at time.Time) error {
	u, _ := auth.UserFromCtx(ctx)
	return s.app.Commands.RequestTrainingReschedule.Handle(ctx, command.RequestTrainingReschedule{UUID: uuid, By: u.Role, NewTime: at})
}

func (s HTTPServer) ApproveRescheduleTraining(ctx context.Context, uuid string) error {
	return s.app.Commands.ApproveTrainingReschedule.Handle(ctx, command.ApproveTrainingReschedule{UUID: uuid})
}
