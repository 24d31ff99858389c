package services

import (
	"context"
	"fmt"
	"strings"

	"example.com/tinyutils/internal/ptrx"
	"example.com/tinyutils/internal/repox"
	"example.com/tinyutils/internal/store"
)

// IssueService implements the issue tracker rules.
type IssueService struct {
	issues store.IssueStore
}

// NewIssueService returns an issue service.
func NewIssueService(s store.IssueStore) *IssueService { return &IssueService{issues: s} }

// Open files a new issue in repo, optionally assigned.
func (s *IssueService) Open(ctx context.Context, repo, author, title, body, assignee string) (*store.Issue, error) {
	owner, name, err := repox.Split(repo)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if title = strings.TrimSpace(title); title == "" || len(title) > 255 {
		return nil, fmt.Errorf("%w: title must be 1-255 characters", ErrInvalid)
	}
	is := &store.Issue{Repo: repox.FullName(owner, name), Title: title, Body: body, Author: author,
		Assignee: ptrx.NilIfZero(strings.TrimSpace(assignee))}
	return is, s.issues.Create(ctx, is)
}

// Close closes an issue; only its author or assignee may do so.
func (s *IssueService) Close(ctx context.Context, repo string, number int, actor string) error {
	is, err := s.issues.Get(ctx, repo, number)
	if err != nil {
		return err
	}
	if actor != is.Author && actor != ptrx.Deref(is.Assignee, "") {
		return ErrForbidden
	}
	return s.issues.SetClosed(ctx, is.ID, true)
}

// Get returns one issue by number.
func (s *IssueService) Get(ctx context.Context, repo string, number int) (*store.Issue, error) {
	return s.issues.Get(ctx, repo, number)
}

// List returns a page of open or closed issues.
func (s *IssueService) List(ctx context.Context, repo string, closed bool, limit, offset int) ([]*store.Issue, error) {
	return s.issues.List(ctx, repo, closed, limit, offset)
}
