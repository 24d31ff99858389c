// Package pq is an offline stand-in for github.com/lib/pq: it registers a
// "postgres" database/sql driver that refuses to connect.
package pq

import (
	"database/sql"
	"database/sql/driver"
	"errors"
)

// Driver is the database/sql driver.
type Driver struct{}

// Open implements driver.Driver.
func (d Driver) Open(name string) (driver.Conn, error) {
	return nil, errors.New("pq stand-in: no connection")
}

func init() {
	sql.Register("postgres", &Driver{})
}
