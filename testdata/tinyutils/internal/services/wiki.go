package services

import (
	"context"
	"fmt"
	"strings"

	"example.com/tinyutils/internal/ptrx"
	"example.com/tinyutils/internal/repox"
	"example.com/tinyutils/internal/store"
)

// WikiService edits repository wikis.
type WikiService struct {
	pages store.WikiStore
}

// NewWikiService returns a wiki service.
func NewWikiService(s store.WikiStore) *WikiService { return &WikiService{pages: s} }

// Edit creates or updates a page; the slug is derived from the title.
func (s *WikiService) Edit(ctx context.Context, repo, title, content, editor string, message *string) (*store.WikiPage, error) {
	if _, _, err := repox.Split(repo); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	slug := strings.ToLower(strings.Join(strings.Fields(title), "-"))
	if slug == "" {
		return nil, fmt.Errorf("%w: empty page title", ErrInvalid)
	}
	if msg := ptrx.Deref(message, ""); msg != "" {
		content = strings.TrimRight(content, "\n") + "\n\n<!-- " + msg + " -->"
	}
	p := &store.WikiPage{Repo: repo, Slug: slug, Title: title, Content: content, EditedBy: editor}
	return p, s.pages.Save(ctx, p)
}

// Page returns one page, falling back to "home".
func (s *WikiService) Page(ctx context.Context, repo, slug string) (*store.WikiPage, error) {
	if slug == "" {
		slug = "home"
	}
	return s.pages.Get(ctx, repo, slug)
}
