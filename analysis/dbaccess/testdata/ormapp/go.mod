module example.com/ormapp

go 1.26

require (
	github.com/go-ozzo/ozzo-dbx v1.5.0
	entgo.io/ent v0.14.1
	github.com/uptrace/bun v1.2.5
	gorm.io/gorm v1.30.0
	xorm.io/builder v0.3.13
	xorm.io/xorm v1.3.9
)

replace (
	github.com/go-ozzo/ozzo-dbx => ./third_party/dbx
	entgo.io/ent => ./third_party/ent
	github.com/uptrace/bun => ./third_party/bun
	gorm.io/gorm => ./third_party/gorm
	xorm.io/builder => ./third_party/builder
	xorm.io/xorm => ./third_party/xorm
)
