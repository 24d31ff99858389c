package bad

import (
	"gorm.io/gorm"
	"xorm.io/builder"
	"xorm.io/xorm"
)

// Row is a model.
type Row struct{ ID int }

// ORM passes expressions that do not type-check to the condition and
// builder methods: the calls are still read, nothing panics.
func ORM(s *xorm.Session, db *gorm.DB) {
	s.Where(undefinedCond).Find(&[]Row{})  // want "read row"
	db.Where(undefinedCond).Find(&[]Row{}) // want "read rows"
	builder.Select("x").From(undefinedTable)
	builder.Select("x").From("audit") // want "read audit"
}
