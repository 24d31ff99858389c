package service

import (
	"fmt"

	"gorm.io/gorm"
	"xorm.io/builder"
	"xorm.io/xorm"

	"example.com/ormapp/models"
)

// GormSubqueries passes unfinished GORM chains as condition arguments: each
// is a subquery, read where it is passed.
func GormSubqueries(db *gorm.DB) {
	watched := db.Table("watch").Select("repo_id")
	db.Where("id IN (?)", watched).Find(&[]models.User{})                                         // want "read watch" "read users"
	db.Where("id NOT IN (?)", db.Model(&models.Order{}).Select("user_id")).Find(&[]models.User{}) // want "read orders" "read users"
	db.Where("id IN (SELECT user_id FROM stars WHERE n > ?)", 3).Find(&[]models.User{})           // want "read stars" "read users"
}

// XormConditions embeds subqueries in condition strings.
func XormConditions(e *xorm.Engine, s *xorm.Session) {
	s.Where("a = 1").And("question.id NOT IN (SELECT question_id FROM answer WHERE deleted = 0)").Find(&[]models.Product{}) // want "read answer" "read product"
	s.Or("id IN ( select product_id from (select product_id from promo) p )").Count(&models.Product{})                      // want "read promo" "read product"
	s.Where("note = '(select x from nowhere)'").Count(&models.Product{})                                                    // want "read product"
}

// Builders assembles SQL with xorm.io/builder and runs it through xorm.
func Builders(e *xorm.Engine, tag bool) {
	b := builder.Select("q.id").From("`question`", "q"). // want "read question"
								LeftJoin("tag_rel", "tag_rel.object_id = q.id").                      // want "read tag_rel"
								Where(builder.In("q.id", builder.Select("object_id").From("pinned"))) // want "read pinned"
	if tag {
		b = b.Join("INNER", "tag", "tag.id = tag_rel.tag_id") // want "read tag"
	}
	sql, args, _ := b.ToSQL()
	e.Query(append([]any{fmt.Sprintf("SELECT count(*) FROM (%s) c", sql)}, args...)...)
	counted := builder.Select("count(*)").From(builder.Select("id").From("answer"), "c") // want "read answer"
	e.Query(counted)
	builder.Insert(builder.Eq{"id": 1}).Into("audit_log") // want "write audit_log"
	builder.Delete(builder.Eq{"id": 1}).From("sessions")  // want "write sessions"
	builder.Update(builder.Eq{"n": 1}).From("counters")   // want "write counters"
}
