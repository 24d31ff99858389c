// Package db is shared infrastructure.
package db

import "fmt"

// Wrap adds context to a database error.
func Wrap(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("db: %w", err)
}
