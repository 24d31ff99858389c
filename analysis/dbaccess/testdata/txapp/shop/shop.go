// Package shop opens transactions the ways the libraries allow, and hands
// them to helpers.
package shop

import (
	"database/sql"

	"gorm.io/gorm"
	"xorm.io/xorm"
)

// Engine is the module's interface over xorm's engine and session.
type Engine interface {
	Insert(beans ...any) (int64, error)
	Delete(beans ...any) (int64, error)
}

// Order and Invoice are models.
type (
	Order   struct{ ID int64 }
	Invoice struct{ ID int64 }
)

// PlaceSQL: database/sql's handle is Begin's first result.
func PlaceSQL(db *sql.DB) error {
	tx, err := db.Begin() // want "tx sql: shop.PlaceSQL, shop.insertInvoice, shop.insertOrder"
	if err != nil {
		return err
	}
	audit(db)
	if err := insertOrder(tx); err != nil {
		return err
	}
	return insertInvoice(1, tx)
}

func insertOrder(tx *sql.Tx) error {
	_, err := tx.Exec("INSERT INTO orders(id) VALUES (1)")
	return err
}

func insertInvoice(id int64, tx *sql.Tx) error {
	_, err := tx.Exec("INSERT INTO invoices(id) VALUES (?)", id)
	return err
}

// audit gets the database, not the transaction: outside the scope.
func audit(db *sql.DB) { _, _ = db.Exec("INSERT INTO audit(x) VALUES (1)") }

// PlaceXorm: xorm's session is the handle, through the module's interface
// and two helpers.
func PlaceXorm(x *xorm.Engine) error {
	sess := x.NewSession()
	defer sess.Close()
	if err := sess.Begin(); err != nil { // want "tx xorm: shop.PlaceXorm, shop.createOrder, shop.deleteDraft"
		return err
	}
	if err := createOrder(sess, &Order{}); err != nil {
		return err
	}
	return sess.Commit()
}

func createOrder(e Engine, o *Order) error {
	if _, err := e.Insert(o); err != nil {
		return err
	}
	return deleteDraft(e)
}

func deleteDraft(e Engine) error {
	_, err := e.Delete(&Invoice{})
	return err
}

// Store uses GORM.
type Store struct{ db *gorm.DB }

// Place: the literal's parameter holds the handle.
func (s *Store) Place() error {
	return s.db.Transaction(func(tx *gorm.DB) error { // want "tx gorm: shop.\\(\\*Store\\).Place, shop.saveInvoice"
		tx.Create(&Order{})
		return saveInvoice(tx)
	})
}

// PlaceAll: a method value runs inside the transaction whole.
func (s *Store) PlaceAll() error {
	return s.db.Transaction(s.placeBoth) // want "tx gorm: shop.\\(\\*Store\\).PlaceAll, shop.\\(\\*Store\\).placeBoth, shop.saveInvoice"
}

func (s *Store) placeBoth(tx *gorm.DB) error {
	tx.Create(&Order{})
	return saveInvoice(tx)
}

func saveInvoice(tx *gorm.DB) error { return tx.Create(&Invoice{}).Error }
