module example.com/txapp

go 1.26

require (
	gorm.io/gorm v1.30.0
	xorm.io/xorm v1.3.9
)

replace (
	gorm.io/gorm => ../ormapp/third_party/gorm
	xorm.io/xorm => ../ormapp/third_party/xorm
)
