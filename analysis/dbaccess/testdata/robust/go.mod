module example.com/robust

go 1.26

require (
	gorm.io/gorm v1.30.0
	xorm.io/builder v0.3.13
	xorm.io/xorm v1.3.9
)

replace (
	gorm.io/gorm => ../ormapp/third_party/gorm
	xorm.io/builder => ../ormapp/third_party/builder
	xorm.io/xorm => ../ormapp/third_party/xorm
)
