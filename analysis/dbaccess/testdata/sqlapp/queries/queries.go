// Package queries holds SQL in constants used from other packages.
package queries

// ListOrders is used by the users package.
const ListOrders = "SELECT id, total FROM orders WHERE user_id = $1"

// OrdersTable names a table for fmt templates.
const OrdersTable = "orders"

const selectFrom = "SELECT * FROM "

// ActiveUsers is a concatenation of constants.
const ActiveUsers = selectFrom + "users WHERE active"
