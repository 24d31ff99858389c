package store

import (
	"context"
	"database/sql"
)

// Org is an organisation owning repositories.
type Org struct {
	ID          int64
	Name        string
	DisplayName string
	Website     *string
}

// Member is a user's role in an organisation.
type Member struct {
	User string
	Role string
}

// OrgStore persists organisations and their members.
type OrgStore interface {
	Create(ctx context.Context, o *Org, owner string) error
	AddMember(ctx context.Context, orgID int64, m Member) error
	Members(ctx context.Context, orgID int64) ([]Member, error)
}

type orgStore struct{ db *sql.DB }

// NewOrgStore returns the SQL org store.
func NewOrgStore(db *sql.DB) OrgStore { return &orgStore{db: db} }

func (s *orgStore) Create(ctx context.Context, o *Org, owner string) error {
	rows, err := s.db.QueryContext(ctx,
		`INSERT INTO orgs (name, display_name, website) VALUES ($1, $2, $3) RETURNING id`,
		o.Name, o.DisplayName, o.Website)
	if err != nil {
		return err
	}
	defer rows.Close()
	if err := firstRow(rows); err != nil {
		return err
	}
	if err := rows.Scan(&o.ID); err != nil {
		return err
	}
	return s.AddMember(ctx, o.ID, Member{User: owner, Role: "owner"})
}

func (s *orgStore) AddMember(ctx context.Context, orgID int64, m Member) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO org_members (org_id, username, role) VALUES ($1, $2, $3)
		 ON CONFLICT (org_id, username) DO UPDATE SET role = EXCLUDED.role`, orgID, m.User, m.Role)
	return err
}

func (s *orgStore) Members(ctx context.Context, orgID int64) ([]Member, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT username, role FROM org_members WHERE org_id = $1 ORDER BY username`, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		var m Member
		if err := rows.Scan(&m.User, &m.Role); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
