// Package service uses every ORM.
package service

import (
	"context"

	"gorm.io/gorm"

	"example.com/ormapp/models"
)

// Repo wraps a *gorm.DB.
type Repo struct{ db *gorm.DB }

func (r *Repo) conn(ctx context.Context) *gorm.DB { return r.db.WithContext(ctx) }

func (r *Repo) Gorm(ctx context.Context, id uint) error {
	var u models.User
	r.db.First(&u, id) // want "read users"
	var users []models.User
	r.db.Where("name LIKE ?", "a%").Find(&users) // want "read users"
	r.db.Create(&models.UserProfile{UserID: id}) // want "write user_profiles"
	r.db.Model(&models.User{}).
		Where("id = ?", id).
		Update("name", "x") // want "write users"
	r.db.Save(&models.APIKey{})       // want "write api_keys"
	r.db.Delete(&models.Person{}, id) // want "write people"
	var n int64
	r.db.Model(&models.Account{}).Count(&n)                   // want "read accounts_v2"
	r.db.Find(&[]*models.Legacy{})                            // want "read legacy_things"
	r.db.Table("audit_entries").Count(&n)                     // want "read audit_entries"
	r.db.Table("users u").Where("u.id = ?", id).Scan(&u)      // want "read users"
	r.db.Raw("SELECT * FROM users WHERE id = ?", id).Scan(&u) // want "read users"
	r.db.Exec("DELETE FROM sessions WHERE user_id = ?", id)   // want "write sessions"
	r.db.Model(&models.Order{}).
		Joins("JOIN refunds ON refunds.order_id = orders.id"). // want "read refunds"
		Preload("Items").                                      // want "read order_items"
		Preload("Customer").                                   // want "read users"
		Find(&[]models.Order{})                                // want "read orders"
	r.db.FirstOrCreate(&u)   // want "read users" "write users"
	r.conn(ctx).Find(&users) // want "read users"

	// A chain built in steps through a local variable.
	q := r.db.Model(&models.Order{})
	if id > 0 {
		q = q.Where("id = ?", id)
	}
	q.Updates(map[string]any{"status": "paid"}) // want "write orders"

	// GORM's generic API.
	gorm.G[models.User](r.db).Where("id = ?", id).First(ctx) // want "read users"

	// The destination is an interface holding a known model.
	var dest any = &u
	r.db.Find(dest) // want "read users"
	return r.db.Transaction(func(tx *gorm.DB) error {
		return tx.Create(&models.Order{}).Error // want "write orders"
	})
}

// PurgeGorm deletes every model a literal lists.
func (r *Repo) PurgeGorm() {
	for _, m := range []any{&models.Person{}, &models.APIKey{}} { // want "write people" "write api_keys"
		r.db.Delete(m)
	}
}

// FindAny finds whatever its callers give; nothing in the module calls it,
// so the destination is only known at run time.
func (r *Repo) FindAny(dest any) error {
	return r.db.Find(dest).Error
}
