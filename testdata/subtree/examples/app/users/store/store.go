// Package store persists user accounts.
package store

import (
	"context"
	"database/sql"
	"errors"
)

// ErrNotFound is returned for unknown users.
var ErrNotFound = errors.New("user not found")

// User is a registered shopper.
type User struct {
	ID          int64
	Email       string
	DisplayName string
	Banned      bool
}

// UserStore reads and writes the users table.
type UserStore struct {
	db *sql.DB
}

// New returns a UserStore.
func New(db *sql.DB) *UserStore { return &UserStore{db: db} }

// Create inserts a user and returns its id.
func (s *UserStore) Create(ctx context.Context, u User) (int64, error) {
	rows, err := s.db.QueryContext(ctx,
		`INSERT INTO users (email, display_name) VALUES ($1, $2) RETURNING id`, u.Email, u.DisplayName)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var id int64
	if rows.Next() {
		err = rows.Scan(&id)
	}
	return id, err
}

// ByEmail finds a user by normalised e-mail.
func (s *UserStore) ByEmail(ctx context.Context, email string) (User, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, email, display_name, banned FROM users WHERE email = $1`, email)
	if err != nil {
		return User{}, err
	}
	defer rows.Close()
	if !rows.Next() {
		return User{}, ErrNotFound
	}
	var u User
	return u, rows.Scan(&u.ID, &u.Email, &u.DisplayName, &u.Banned)
}

// Ban blocks a user.
func (s *UserStore) Ban(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, `UPDATE users SET banned = TRUE WHERE id = $1`, id)
	return err
}
