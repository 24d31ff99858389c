// Package reports builds SQL with squirrel.
package reports

import (
	sq "github.com/Masterminds/squirrel"
)

const usersTable = "users"

var psql = sq.StatementBuilder.PlaceholderFormat(sq.Dollar)

func Build(id int) {
	sq.Select("o.id", "u.name").
		From("orders o").                           // want "read orders"
		Join("users u ON u.id = o.user_id").        // want "read users"
		LeftJoin("refunds r ON r.order_id = o.id"). // want "read refunds"
		Where(sq.Eq{"o.id": id}).
		ToSql()
	psql.Insert("audit_log").Columns("msg").Values("x").ToSql()                                          // want "write audit_log"
	psql.Update(usersTable).Set("name", "x").Where(sq.Eq{"id": id}).ToSql()                              // want "write users"
	sq.Delete("sessions").Where("expired").ToSql()                                                       // want "write sessions"
	sq.Delete("").From("tokens").ToSql()                                                                 // want "write tokens"
	sq.Insert("").Into("events").Values(1).ToSql()                                                       // want "write events"
	sq.Select("*").From("(SELECT * FROM payments) AS p").ToSql()                                         // want "read payments"
	sq.Select("*").From("ledger").JoinClause("LEFT JOIN accounts a ON a.id = ledger.account_id").ToSql() // want "read ledger" "read accounts"
}
