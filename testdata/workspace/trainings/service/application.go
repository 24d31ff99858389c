package service

import (
	"example.com/ws/trainings/adapters"
	"example.com/ws/trainings/app"
	"example.com/ws/trainings/app/command"
	"example.com/ws/trainings/app/query"
)

func NewApplication(trainer adapters.TrainerClient, users adapters.UsersClient) app.Application {
	repo := adapters.NewMemoryTrainingRepository()
	return app.Application{
		Commands: app.Commands{
			ScheduleTraining:          command.NewScheduleTrainingHandler(repo, trainer, users),
			CancelTraining:            command.NewCancelTrainingHandler(repo, trainer, users),
			RequestTrainingReschedule: command.NewRequestTrainingRescheduleHandler(repo, trainer, users),
			ApproveTrainingReschedule: command.NewApproveTrainingRescheduleHandler(repo, trainer, users),
		},
		Queries: app.Queries{TrainingByUUID: query.NewTrainingByUUIDHandler(repo)},
	}
}
