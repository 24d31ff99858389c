module example.com/basic

go 1.26

require gorm.io/gorm v0.0.0

replace gorm.io/gorm => ./third_party/gorm
