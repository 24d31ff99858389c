// Package store is the persistence layer of the forge.
package store

import (
	"database/sql"
	"errors"
)

// ErrNotFound is returned when a row does not exist.
var ErrNotFound = errors.New("store: not found")

// firstRow reports ErrNotFound when rows is empty.
func firstRow(rows *sql.Rows) error {
	if rows.Next() {
		return nil
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return ErrNotFound
}

// firstNonNil returns the first non-nil error.
func firstNonNil(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
