package flow

import (
	"gorm.io/gorm"

	"example.com/ormapp/models"
)

// starred is a subquery built by a helper.
func starred(db *gorm.DB, uid uint) *gorm.DB {
	return db.Table("star").Select("repo_id").Where("uid = ?", uid)
}

// Recount reads each subquery's table where it is given.
func Recount(tx *gorm.DB, id uint) {
	// As the value of an update.
	tx.Model(&models.Order{}).Where("id = ?", id).
		Update("items", tx.Model(&models.OrderItem{}).Select("COUNT(*)").Where("order_id = ?", id)) // want "write orders" "read order_items"

	// Through a local variable.
	sub := tx.Table("watch").Select("repo_id")
	tx.Where("id IN (?)", sub).Find(&[]models.Order{}) // want "read watch" "read orders"

	// Built by a helper.
	tx.Where("id IN (?)", starred(tx, id)).Delete(&models.Person{}) // want "read star" "write people"
}
