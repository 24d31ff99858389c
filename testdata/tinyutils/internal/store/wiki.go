package store

import (
	"context"
	"database/sql"
	"time"
)

// WikiPage is one revision-tracked page of a repository wiki.
type WikiPage struct {
	Repo     string
	Slug     string
	Title    string
	Content  string
	Revision int
	EditedBy string
	Edited   time.Time
}

// WikiStore persists wiki pages.
type WikiStore interface {
	Save(ctx context.Context, p *WikiPage) error
	Get(ctx context.Context, repo, slug string) (*WikiPage, error)
}

type wikiStore struct{ db *sql.DB }

// NewWikiStore returns the SQL wiki store.
func NewWikiStore(db *sql.DB) WikiStore { return &wikiStore{db: db} }

func (s *wikiStore) Save(ctx context.Context, p *WikiPage) error {
	rows, err := s.db.QueryContext(ctx,
		`INSERT INTO wiki_pages (repo, slug, title, content, revision, edited_by)
		 VALUES ($1, $2, $3, $4, 1, $5)
		 ON CONFLICT (repo, slug) DO UPDATE SET title = EXCLUDED.title, content = EXCLUDED.content,
		   revision = wiki_pages.revision + 1, edited_by = EXCLUDED.edited_by, edited = now()
		 RETURNING revision, edited`, p.Repo, p.Slug, p.Title, p.Content, p.EditedBy)
	if err != nil {
		return err
	}
	defer rows.Close()
	if err := firstRow(rows); err != nil {
		return err
	}
	if err := rows.Scan(&p.Revision, &p.Edited); err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx,
		`INSERT INTO wiki_revisions (repo, slug, revision, content) VALUES ($1, $2, $3, $4)`,
		p.Repo, p.Slug, p.Revision, p.Content)
	return err
}

func (s *wikiStore) Get(ctx context.Context, repo, slug string) (*WikiPage, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT repo, slug, title, content, revision, edited_by, edited FROM wiki_pages
		 WHERE repo = $1 AND slug = $2`, repo, slug)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if err := firstRow(rows); err != nil {
		return nil, err
	}
	p := new(WikiPage)
	return p, rows.Scan(&p.Repo, &p.Slug, &p.Title, &p.Content, &p.Revision, &p.EditedBy, &p.Edited)
}
