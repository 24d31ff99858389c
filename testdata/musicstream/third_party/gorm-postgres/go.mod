module gorm.io/driver/postgres

go 1.24

require gorm.io/gorm v1.25.12

replace gorm.io/gorm => ../gorm
