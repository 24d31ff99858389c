// Package mocks has in-memory fakes of the store interfaces for tests.
package mocks

import (
	"context"

	"example.com/tinyutils/internal/store"
)

// IssueStore is a fake store.IssueStore keyed by repo and number.
type IssueStore struct{ Issues []*store.Issue }

func (m *IssueStore) Create(_ context.Context, is *store.Issue) error {
	is.ID, is.Number = int64(len(m.Issues)+1), len(m.Issues)+1
	m.Issues = append(m.Issues, is)
	return nil
}

func (m *IssueStore) Get(_ context.Context, repo string, n int) (*store.Issue, error) {
	for _, is := range m.Issues {
		if is.Repo == repo && is.Number == n {
			return is, nil
		}
	}
	return nil, store.ErrNotFound
}

func (m *IssueStore) List(context.Context, string, bool, int, int) ([]*store.Issue, error) {
	return m.Issues, nil
}

func (m *IssueStore) SetClosed(_ context.Context, id int64, closed bool) error {
	m.Issues[id-1].Closed = closed
	return nil
}

// WikiStore is a fake store.WikiStore.
type WikiStore struct{ Pages map[string]*store.WikiPage }

func (m *WikiStore) Save(_ context.Context, p *store.WikiPage) error {
	if m.Pages == nil {
		m.Pages = map[string]*store.WikiPage{}
	}
	m.Pages[p.Repo+"/"+p.Slug] = p
	return nil
}

func (m *WikiStore) Get(_ context.Context, repo, slug string) (*store.WikiPage, error) {
	if p, ok := m.Pages[repo+"/"+slug]; ok {
		return p, nil
	}
	return nil, store.ErrNotFound
}

// ReleaseStore is a fake store.ReleaseStore.
type ReleaseStore struct{ Releases []*store.Release }

func (m *ReleaseStore) Create(_ context.Context, r *store.Release) error {
	m.Releases = append(m.Releases, r)
	return nil
}

func (m *ReleaseStore) Latest(context.Context, string) (*store.Release, error) {
	if len(m.Releases) == 0 {
		return nil, store.ErrNotFound
	}
	return m.Releases[len(m.Releases)-1], nil
}

func (m *ReleaseStore) SetArchive(context.Context, int64, string) error { return nil }

// OrgStore is a fake store.OrgStore.
type OrgStore struct{ ByOrg map[int64][]store.Member }

func (m *OrgStore) Create(ctx context.Context, o *store.Org, owner string) error {
	o.ID = int64(len(m.ByOrg) + 1)
	return m.AddMember(ctx, o.ID, store.Member{User: owner, Role: "owner"})
}

func (m *OrgStore) AddMember(_ context.Context, id int64, mem store.Member) error {
	if m.ByOrg == nil {
		m.ByOrg = map[int64][]store.Member{}
	}
	m.ByOrg[id] = append(m.ByOrg[id], mem)
	return nil
}

func (m *OrgStore) Members(_ context.Context, id int64) ([]store.Member, error) {
	return m.ByOrg[id], nil
}
