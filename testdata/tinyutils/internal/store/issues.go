package store

import (
	"context"
	"database/sql"
	"time"
)

// Issue is a bug report or task in a repository.
type Issue struct {
	ID       int64
	Repo     string
	Number   int
	Title    string
	Body     string
	Author   string
	Assignee *string
	Closed   bool
	Created  time.Time
}

// IssueStore persists issues.
type IssueStore interface {
	Create(ctx context.Context, is *Issue) error
	Get(ctx context.Context, repo string, number int) (*Issue, error)
	List(ctx context.Context, repo string, closed bool, limit, offset int) ([]*Issue, error)
	SetClosed(ctx context.Context, id int64, closed bool) error
}

type issueStore struct{ db *sql.DB }

// NewIssueStore returns the SQL issue store.
func NewIssueStore(db *sql.DB) IssueStore { return &issueStore{db: db} }

func (s *issueStore) Create(ctx context.Context, is *Issue) error {
	rows, err := s.db.QueryContext(ctx,
		`INSERT INTO issues (repo, number, title, body, author, assignee)
		 VALUES ($1, (SELECT COALESCE(MAX(number), 0) + 1 FROM issues WHERE repo = $1), $2, $3, $4, $5)
		 RETURNING id, number, created`, is.Repo, is.Title, is.Body, is.Author, is.Assignee)
	if err != nil {
		return err
	}
	defer rows.Close()
	if err := firstRow(rows); err != nil {
		return err
	}
	return rows.Scan(&is.ID, &is.Number, &is.Created)
}

func (s *issueStore) Get(ctx context.Context, repo string, number int) (*Issue, error) {
	list, err := s.query(ctx, `WHERE repo = $1 AND number = $2`, repo, number)
	if err != nil || len(list) == 0 {
		return nil, firstNonNil(err, ErrNotFound)
	}
	return list[0], nil
}

func (s *issueStore) List(ctx context.Context, repo string, closed bool, limit, offset int) ([]*Issue, error) {
	return s.query(ctx, `WHERE repo = $1 AND closed = $2 ORDER BY number DESC LIMIT $3 OFFSET $4`,
		repo, closed, limit, offset)
}

func (s *issueStore) SetClosed(ctx context.Context, id int64, closed bool) error {
	_, err := s.db.ExecContext(ctx, `UPDATE issues SET closed = $2 WHERE id = $1`, id, closed)
	return err
}

func (s *issueStore) query(ctx context.Context, where string, args ...any) ([]*Issue, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, repo, number, title, body, author, assignee, closed, created FROM issues `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Issue
	for rows.Next() {
		is := new(Issue)
		if err := rows.Scan(&is.ID, &is.Repo, &is.Number, &is.Title, &is.Body, &is.Author,
			&is.Assignee, &is.Closed, &is.Created); err != nil {
			return nil, err
		}
		out = append(out, is)
	}
	return out, rows.Err()
}
