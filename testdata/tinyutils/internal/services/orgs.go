package services

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"example.com/tinyutils/internal/ptrx"
	"example.com/tinyutils/internal/store"
)

var orgName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,38}$`)

var roles = map[string]bool{"owner": true, "admin": true, "member": true}

// OrgService manages organisations and their membership.
type OrgService struct {
	orgs store.OrgStore
}

// NewOrgService returns an org service.
func NewOrgService(s store.OrgStore) *OrgService { return &OrgService{orgs: s} }

// Create registers an organisation owned by creator.
func (s *OrgService) Create(ctx context.Context, name, displayName, website, creator string) (*store.Org, error) {
	name = strings.ToLower(name)
	if !orgName.MatchString(name) {
		return nil, fmt.Errorf("%w: org name %q", ErrInvalid, name)
	}
	o := &store.Org{Name: name, DisplayName: displayName, Website: ptrx.NilIfZero(website)}
	return o, s.orgs.Create(ctx, o, creator)
}

// Invite adds or re-roles a member; only owners and admins may invite.
func (s *OrgService) Invite(ctx context.Context, orgID int64, actor, user, role string) error {
	if !roles[role] {
		return fmt.Errorf("%w: role %q", ErrInvalid, role)
	}
	members, err := s.orgs.Members(ctx, orgID)
	if err != nil {
		return err
	}
	for _, m := range members {
		if m.User == actor && (m.Role == "owner" || m.Role == "admin") {
			return s.orgs.AddMember(ctx, orgID, store.Member{User: user, Role: role})
		}
	}
	return ErrForbidden
}
