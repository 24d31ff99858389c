package service

import (
	"example.com/ws/trainer/adapters"
	"example.com/ws/trainer/app"
	"example.com/ws/trainer/app/command"
	"example.com/ws/trainer/app/query"
)

func NewApplication() app.Application {
	hours := adapters.NewMemoryHourRepository()
	return app.Application{
		Commands: app.Commands{
			CancelTraining:       command.NewCancelTrainingHandler(hours),
			ScheduleTraining:     command.NewScheduleTrainingHandler(hours),
			MakeHoursAvailable:   command.NewMakeHoursAvailableHandler(hours),
			MakeHoursUnavailable: command.NewMakeHoursUnavailableHandler(hours),
		},
		Queries: app.Queries{HourAvailability: query.NewHourAvailabilityHandler(hours)},
	}
}
