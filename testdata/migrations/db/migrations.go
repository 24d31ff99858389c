// Package db holds the schema: every migration, run in order by Migrate.
package db

import "database/sql"

var migrations = []func(tx *sql.Tx) error{
	func(tx *sql.Tx) error {
		_, err := tx.Exec("CREATE TABLE users (id int, name text)")
		return err
	},
	func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE users SET name = '' WHERE name IS NULL")
		return err
	},
	func(tx *sql.Tx) error {
		_, err := tx.Exec("CREATE TABLE orders (id int, name text)")
		return err
	},
	func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE orders SET name = '' WHERE name IS NULL")
		return err
	},
	func(tx *sql.Tx) error {
		_, err := tx.Exec("CREATE TABLE items (id int, name text)")
		return err
	},
	func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE items SET name = '' WHERE name IS NULL")
		return err
	},
	func(tx *sql.Tx) error {
		_, err := tx.Exec("CREATE TABLE carts (id int, name text)")
		return err
	},
	func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE carts SET name = '' WHERE name IS NULL")
		return err
	},
	func(tx *sql.Tx) error {
		_, err := tx.Exec("CREATE TABLE payments (id int, name text)")
		return err
	},
	func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE payments SET name = '' WHERE name IS NULL")
		return err
	},
	func(tx *sql.Tx) error {
		_, err := tx.Exec("CREATE TABLE reviews (id int, name text)")
		return err
	},
	func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE reviews SET name = '' WHERE name IS NULL")
		return err
	},
}
