package store

import (
	"context"
	"database/sql"
	"time"
)

// Release is a tagged, published version of a repository.
type Release struct {
	ID         int64
	Repo       string
	Tag        string
	Name       string
	Notes      string
	Draft      bool
	ArchiveURL *string
	Published  time.Time
}

// ReleaseStore persists releases.
type ReleaseStore interface {
	Create(ctx context.Context, r *Release) error
	Latest(ctx context.Context, repo string) (*Release, error)
	SetArchive(ctx context.Context, id int64, url string) error
}

type releaseStore struct{ db *sql.DB }

// NewReleaseStore returns the SQL release store.
func NewReleaseStore(db *sql.DB) ReleaseStore { return &releaseStore{db: db} }

func (s *releaseStore) Create(ctx context.Context, r *Release) error {
	rows, err := s.db.QueryContext(ctx,
		`INSERT INTO releases (repo, tag, name, notes, draft) VALUES ($1, $2, $3, $4, $5)
		 RETURNING id, published`, r.Repo, r.Tag, r.Name, r.Notes, r.Draft)
	if err != nil {
		return err
	}
	defer rows.Close()
	if err := firstRow(rows); err != nil {
		return err
	}
	return rows.Scan(&r.ID, &r.Published)
}

func (s *releaseStore) Latest(ctx context.Context, repo string) (*Release, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, repo, tag, name, notes, draft, archive_url, published FROM releases
		 WHERE repo = $1 AND NOT draft ORDER BY published DESC LIMIT 1`, repo)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if err := firstRow(rows); err != nil {
		return nil, err
	}
	r := new(Release)
	return r, rows.Scan(&r.ID, &r.Repo, &r.Tag, &r.Name, &r.Notes, &r.Draft, &r.ArchiveURL, &r.Published)
}

func (s *releaseStore) SetArchive(ctx context.Context, id int64, url string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE releases SET archive_url = $2 WHERE id = $1`, id, url)
	return err
}
