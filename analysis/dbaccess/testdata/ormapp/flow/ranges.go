package flow

import (
	"gorm.io/gorm"
	"xorm.io/xorm"

	"example.com/ormapp/models"
)

// legacyTables is ranged over elsewhere.
var legacyTables = []any{new(models.Product), new(models.APIToken)} // want "read product" "read a_p_i_token"

// tablesOf returns a literal of models.
func tablesOf() []any {
	return []any{&models.Category{}} // want "read categories"
}

// DeleteUser ranges over a literal of structs holding a model, by field.
func DeleteUser(tx *gorm.DB, id uint) {
	for _, t := range []struct {
		table any
		where string
	}{
		{&models.Person{}, "owner_id = ?"}, // want "write people"
		{&models.APIKey{}, "user_id = ?"},  // want "write api_keys"
	} {
		tx.Where(t.where, id).Delete(t.table)
	}
}

// PurgeByIndex reads a local slice of models by index.
func PurgeByIndex(db *gorm.DB) {
	beans := []any{&models.Order{}, &models.OrderItem{}} // want "write orders" "write order_items"
	for i := range beans {
		db.Delete(beans[i])
	}
}

// Dump reads a package-level list and a returned one.
func Dump(x *xorm.Engine) {
	for _, t := range legacyTables {
		x.Count(t)
	}
	for _, t := range tablesOf() {
		x.Count(t)
	}
}

// page is given its rows and a condition bean: the rows name the table.
func page(s *xorm.Session, rows, cond any) { s.Find(rows, cond) }

// ListCategories pages categories with a product as condition.
func ListCategories(s *xorm.Session) {
	page(s, &[]models.Category{}, &models.Product{}) // want "read categories"
}
