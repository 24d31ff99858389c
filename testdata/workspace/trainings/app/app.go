package app

import (
	"example.com/ws/trainings/app/command"
	"example.com/ws/trainings/app/query"
)

type Application struct {
	Commands Commands
	Queries  Queries
}

type Commands struct {
	ScheduleTraining          command.ScheduleTrainingHandler
	CancelTraining            command.CancelTrainingHandler
	RequestTrainingReschedule command.RequestTrainingRescheduleHandler
	ApproveTrainingReschedule command.ApproveTrainingRescheduleHandler
}

type Queries struct {
	TrainingByUUID query.TrainingByUUIDHandler
}
