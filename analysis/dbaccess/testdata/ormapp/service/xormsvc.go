package service

import (
	"xorm.io/xorm"

	"example.com/ormapp/models"
)

func Xorm(e *xorm.Engine, id int64) {
	e.Insert(&models.Product{})                   // want "write product"
	e.Where("id = ?", id).Get(&models.APIToken{}) // want "read a_p_i_token"
	var cats []models.Category
	e.Find(&cats)                                                                          // want "read categories"
	e.ID(id).Update(&models.Product{})                                                     // want "write product"
	e.Table("stock_levels").Where("qty < 1").Count()                                       // want "read stock_levels"
	e.Table(&models.Category{}).Delete()                                                   // want "write categories"
	e.SQL("SELECT * FROM product WHERE id = ?", id).Find(&[]models.Product{})              // want "read product"
	e.Exec("UPDATE product SET stock = 0")                                                 // want "write product"
	e.QueryString("SELECT * FROM suppliers")                                               // want "read suppliers"
	e.Join("INNER", "warehouses", "warehouses.id = product.wid").Find(&[]models.Product{}) // want "read warehouses" "read product"
	s := e.NewSession()
	s.Join("LEFT", []string{"regions", "r"}, "r.id = product.rid").Count(&models.Product{}) // want "read regions" "read product"
}

// Engine is the application's own interface over xorm, which *xorm.Engine
// and *xorm.Session both satisfy.
type Engine interface {
	Insert(beans ...any) (int64, error)
	Where(query any, args ...any) *xorm.Session
	Exec(sqlOrArgs ...any) (any, error)
	Find(beans any, condiBeans ...any) error
}

var _ Engine = (*xorm.Engine)(nil)

// Wrapped calls xorm through the application's interface.
func Wrapped(e Engine, id int64) {
	e.Insert(&models.Product{})                   // want "write product"
	e.Exec("UPDATE suppliers SET ok = 1")         // want "write suppliers"
	e.Where("id = ?", id).Get(&models.APIToken{}) // want "read a_p_i_token"
	var cats []models.Category
	e.Find(&cats) // want "read categories"
}

// Purge deletes every model it lists, and several beans in one call.
func Purge(e *xorm.Engine) {
	for _, bean := range []any{&models.Product{}, &models.Category{}} { // want "write product" "write categories"
		e.NewSession().Delete(bean)
	}
	e.NewSession().Delete(&models.Product{}, &models.APIToken{}) // want "write product" "write a_p_i_token"
}

// deleteBeans deletes every bean its callers give it.
func deleteBeans(e *xorm.Engine, beans ...any) {
	for _, b := range beans {
		e.NewSession().Delete(b)
	}
}

// deleteAll hands its beans on in one call.
func deleteAll(e *xorm.Engine, beans ...any) { e.NewSession().Delete(beans...) }

// Cleanup calls the helpers with the models they delete.
func Cleanup(e *xorm.Engine) {
	deleteBeans(e, &models.Product{}, &models.Category{}) // want "write product" "write categories"
	deleteAll(e, &models.APIToken{})                      // want "write a_p_i_token"
}
