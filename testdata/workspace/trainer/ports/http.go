package ports

import (
	"context"
	"time"

	"example.com/ws/common/auth"
	"example.com/ws/trainer/app"
	"example.com/ws/trainer/app/command"
)

type HTTPServer struct{ app app.Application }

func NewHTTPServer(a app.Application) HTTPServer { return HTTPServer{app: a} }

func (s HTTPServer) MakeHourAvailable(ctx context.Context, at time.Time) error {
	if _, ok := auth.UserFromCtx(ctx); !ok {
		return nil
	}
	return s.app.Commands.MakeHoursAvailable.Handle(ctx, command.MakeHoursAvailable{Hour: at})
}

func (s HTTPServer) MakeHourUnavailable(ctx context.Context, at time.Time) error {
	return s.app.Commands.MakeHoursUnavailable.Handle(ctx, command.MakeHoursUnavailable{Hour: at})
}
