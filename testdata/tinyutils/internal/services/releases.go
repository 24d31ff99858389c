package services

import (
	"context"
	"fmt"
	"regexp"

	"example.com/tinyutils/internal/process"
	"example.com/tinyutils/internal/ptrx"
	"example.com/tinyutils/internal/repox"
	"example.com/tinyutils/internal/store"
)

var semverTag = regexp.MustCompile(`^v\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$`)

// ReleaseService publishes releases and builds their source archives.
type ReleaseService struct {
	releases store.ReleaseStore
	baseURL  string
}

// NewReleaseService returns a release service.
func NewReleaseService(s store.ReleaseStore, baseURL string) *ReleaseService {
	return &ReleaseService{releases: s, baseURL: baseURL}
}

// Publish creates a release for a semver tag and starts its archive build.
func (s *ReleaseService) Publish(ctx context.Context, repo, tag, name, notes string, draft *bool) (*store.Release, error) {
	owner, repoName, err := repox.Split(repo)
	if err != nil || !semverTag.MatchString(tag) {
		return nil, fmt.Errorf("%w: need owner/name and a vX.Y.Z tag", ErrInvalid)
	}
	r := &store.Release{Repo: repox.FullName(owner, repoName), Tag: tag, Name: name, Notes: notes,
		Draft: ptrx.Deref(draft, false)}
	if err := s.releases.Create(ctx, r); err != nil {
		return nil, err
	}
	go s.buildArchive(context.WithoutCancel(ctx), r)
	return r, nil
}

func (s *ReleaseService) buildArchive(ctx context.Context, r *store.Release) {
	_, done := process.Add("archive " + r.Repo + "@" + r.Tag)
	defer done()
	url := fmt.Sprintf("%s/%s/archive/%s.tar.gz", s.baseURL, r.Repo, r.Tag)
	_ = s.releases.SetArchive(ctx, r.ID, url)
}

// Latest returns the newest published release.
func (s *ReleaseService) Latest(ctx context.Context, repo string) (*store.Release, error) {
	return s.releases.Latest(ctx, repo)
}
