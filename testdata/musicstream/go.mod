module example.com/musicstream

go 1.24

require (
	github.com/lib/pq v1.10.9
	go.mongodb.org/mongo-driver v1.17.1
	gorm.io/driver/postgres v1.5.11
	gorm.io/gorm v1.25.12
)

// The fixture must build offline: these stand-ins keep the real import paths
// and the signatures the code calls, with bodies that do nothing useful.
replace (
	github.com/lib/pq => ./third_party/pq
	go.mongodb.org/mongo-driver => ./third_party/mongo-driver
	gorm.io/driver/postgres => ./third_party/gorm-postgres
	gorm.io/gorm => ./third_party/gorm
)
