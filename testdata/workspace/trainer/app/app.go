package app

import (
	"example.com/ws/trainer/app/command"
	"example.com/ws/trainer/app/query"
)

type Application struct {
	Commands Commands
	Queries  Queries
}

type Commands struct {
	CancelTraining       command.CancelTrainingHandler
	ScheduleTraining     command.ScheduleTrainingHandler
	MakeHoursAvailable   command.MakeHoursAvailableHandler
	MakeHoursUnavailable command.MakeHoursUnavailableHandler
}

type Queries struct {
	HourAvailability query.HourAvailabilityHandler
}
