// Package users reads and writes through database/sql and sqlx.
package users

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"

	"example.com/sqlapp/queries"
)

const insertUser = `INSERT INTO users (name) VALUES ($1)`

var archiveSQL = "INSERT INTO users_archive SELECT * FROM users WHERE deleted"

// Store uses database/sql.
type Store struct {
	db *sql.DB
	x  *sqlx.DB
}

// Literals, constants from this and other packages, concatenations.
func (s *Store) Basics(ctx context.Context, id int) {
	rows, _ := s.db.Query("SELECT * FROM users u JOIN orders o ON o.user_id = u.id") // want "read orders" "read users"
	defer rows.Close()
	s.db.QueryRowContext(ctx, queries.ListOrders, id)                 // want "read orders"
	s.db.ExecContext(ctx, insertUser, "ann")                          // want "write users"
	s.db.Query(queries.ActiveUsers)                                   // want "read users"
	s.db.Exec("DELETE FROM "+"sessions"+" WHERE user_id = $1", id)    // want "write sessions"
	s.db.Exec(archiveSQL)                                             // want "write users_archive" "read users"
	stmt, _ := s.db.PrepareContext(ctx, "UPDATE users SET name = $1") // want "write users"
	_ = stmt
}

// A local variable assigned once, and one assigned in two branches.
func (s *Store) Locals(admin bool) {
	q := "SELECT name FROM profiles WHERE id = $1"
	s.db.Query(q, 1) // want "read profiles"
	table := "SELECT * FROM members"
	if admin {
		table = "SELECT * FROM admins"
	}
	s.db.Query(table) // want "read admins" "read members"
}

// fmt.Sprintf templates: constant arguments are substituted, others are not
// known and make the statement best effort.
func (s *Store) Templates(ids string, limit int) {
	s.db.Query(fmt.Sprintf("SELECT * FROM %s WHERE paid", queries.OrdersTable))             // want "read orders"
	s.db.Query(fmt.Sprintf("SELECT * FROM invoices WHERE id IN (%s) LIMIT %d", ids, limit)) // want `read invoices \(best effort\)`
	s.db.Query(fmt.Sprintf("SELECT * FROM %s", ids))                                        // unresolved: the table is only known at run time
}

// Dynamic SQL: += and strings.Builder keep their constant fragments.
func (s *Store) Dynamic(name string, sorted bool) {
	q := "SELECT * FROM customers WHERE 1=1"
	if name != "" {
		q += " AND name = '" + name + "'"
	}
	if sorted {
		q += " ORDER BY name"
	}
	s.db.Query(q) // want `read customers \(best effort\)`

	var b strings.Builder
	b.WriteString("UPDATE carts SET total = 0")
	fmt.Fprintf(&b, " WHERE owner = '%s'", name)
	s.db.Exec(b.String()) // want `write carts \(best effort\)`
}

// A query handed in from outside is not known here: counted, not guessed.
func (s *Store) Passthrough(query string) {
	s.db.Exec(query)
}

// Transactions.
func (s *Store) Tx(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	tx.ExecContext(ctx, "UPDATE accounts SET balance = balance - 1") // want "write accounts"
	return tx.Commit()
}

// sqlx, including the *sql.DB methods it promotes.
func (s *Store) X(ctx context.Context) {
	var names []string
	s.x.Select(&names, "SELECT name FROM tags")                               // want "read tags"
	s.x.GetContext(ctx, &names, "SELECT name FROM labels WHERE id = $1", 1)   // want "read labels"
	s.x.NamedExec("INSERT INTO tags (name) VALUES (:name)", map[string]any{}) // want "write tags"
	s.x.MustExec("DELETE FROM labels")                                        // want "write labels"
	s.x.Queryx("SELECT * FROM notes")                                         // want "read notes"
	s.x.QueryRow("SELECT 1 FROM notes")                                       // want "read notes"
	s.x.Query(s.x.Rebind("SELECT * FROM reminders WHERE id = ?"), 1)          // want "read reminders"
	sqlx.Get(s.x, &names, "SELECT name FROM badges")                          // want "read badges"
	q, args, _ := sqlx.In("SELECT * FROM notes WHERE id IN (?)", []int{1})
	_ = args
	_ = q
	tx, _ := s.x.Beginx()
	tx.MustExec("UPDATE badges SET n = n + 1") // want "write badges"
}
