// Package store configures module-wide naming the way gogs does: GORM with
// singular, prefixed table names and xorm with the Gonic mapper.
package store

import (
	"gorm.io/gorm"
	"gorm.io/gorm/schema"
	"xorm.io/xorm"
	"xorm.io/xorm/names"
)

// PublicKey is stored through GORM.
type PublicKey struct{ ID int64 }

// APIToken is stored through xorm.
type APIToken struct{ ID int64 }

const prefix = "app_"

// Open wires both ORMs.
func Open(d gorm.Dialector) (*gorm.DB, *xorm.Engine, error) {
	db, err := gorm.Open(d, &gorm.Config{NamingStrategy: schema.NamingStrategy{SingularTable: true, TablePrefix: prefix}})
	if err != nil {
		return nil, nil, err
	}
	x, err := xorm.NewEngine("postgres", "")
	if err != nil {
		return nil, nil, err
	}
	x.SetMapper(names.GonicMapper{})
	return db, x, nil
}

// Keys lists keys through GORM.
func Keys(db *gorm.DB) ([]PublicKey, error) {
	var ks []PublicKey
	return ks, db.Find(&ks).Error // want "read app_public_key"
}

// AddToken stores a token through xorm.
func AddToken(x *xorm.Engine, t *APIToken) error {
	_, err := x.Insert(t) // want "write api_token"
	return err
}
