module example.com/namingapp

go 1.26

require (
	gorm.io/gorm v1.30.0
	xorm.io/xorm v1.3.9
)

replace (
	gorm.io/gorm => ./third_party/gorm
	xorm.io/xorm => ./third_party/xorm
)
