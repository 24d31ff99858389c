module example.com/mongoapp

go 1.26

require (
	go.mongodb.org/mongo-driver v1.17.1
	go.mongodb.org/mongo-driver/v2 v2.0.0
)

replace (
	go.mongodb.org/mongo-driver => ./third_party/mongo1
	go.mongodb.org/mongo-driver/v2 => ./third_party/mongo2
)
