package main

import (
	"database/sql"

	"example.com/migrations/carts"
	"example.com/migrations/db"
	"example.com/migrations/items"
	"example.com/migrations/orders"
	"example.com/migrations/payments"
	"example.com/migrations/reviews"
	"example.com/migrations/users"
)

func main() {
	d, _ := sql.Open("x", "")
	_ = db.Migrate(d)
	(&users.Store{DB: d}).Rename(1, "a")
	(&orders.Store{DB: d}).Rename(1, "a")
	(&items.Store{DB: d}).Rename(1, "a")
	(&carts.Store{DB: d}).Rename(1, "a")
	(&payments.Store{DB: d}).Rename(1, "a")
	(&reviews.Store{DB: d}).Rename(1, "a")
}
