package services

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/platform/httpx"
	"example.com/musicstream/internal/repositories"
)

// SocialService manages playlists, follows, likes and comments.
type SocialService struct {
	playlists *repositories.PlaylistRepository
	graph     *repositories.SocialGraphRepository
	catalog   *CatalogService
	accounts  *AccountService
	log       *slog.Logger
	now       func() time.Time
}

// NewSocialService wires the social domain.
func NewSocialService(playlists *repositories.PlaylistRepository, graph *repositories.SocialGraphRepository,
	catalog *CatalogService, accounts *AccountService, log *slog.Logger) *SocialService {
	return &SocialService{playlists: playlists, graph: graph, catalog: catalog, accounts: accounts, log: log, now: time.Now}
}

// PlaylistInput is what an owner may set on a playlist.
type PlaylistInput struct {
	Title         string `json:"title"`
	Description   string `json:"description"`
	Public        bool   `json:"public"`
	Collaborative bool   `json:"collaborative"`
}

// PlaylistView is a playlist with its owner and tracks.
type PlaylistView struct {
	Playlist models.Playlist `json:"playlist"`
	Owner    PublicProfile   `json:"owner"`
	Tracks   []models.Track  `json:"tracks"`
}

// Engagement is a track's social counters.
type Engagement struct {
	TrackID      int64 `json:"trackId"`
	Likes        int64 `json:"likes"`
	Comments     int64 `json:"comments"`
	Shares       int64 `json:"shares"`
	PlaylistAdds int64 `json:"playlistAdds"`
}

// CreatePlaylist creates a playlist owned by the user.
func (s *SocialService) CreatePlaylist(ctx context.Context, ownerID int64, in PlaylistInput) (*models.Playlist, error) {
	if err := validatePlaylistInput(in); err != nil {
		return nil, err
	}
	now := s.now().UTC()
	p := &models.Playlist{
		OwnerID: ownerID, Title: strings.TrimSpace(in.Title), Description: in.Description,
		Public: in.Public, Collaborative: in.Collaborative && !in.Public,
		Audit: models.Audit{CreatedAt: now, UpdatedAt: now},
	}
	if err := s.playlists.Create(ctx, p); err != nil {
		return nil, err
	}
	return p, nil
}

// Playlist returns a playlist the user may see, with owner and tracks.
func (s *SocialService) Playlist(ctx context.Context, userID, id int64) (*PlaylistView, error) {
	p, err := s.playlists.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if !p.Public && p.OwnerID != userID && !p.Collaborative {
		return nil, httpx.Forbidden("this playlist is private")
	}
	entries, err := s.playlists.Entries(ctx, id)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(entries))
	for i, e := range entries {
		ids[i] = e.TrackID
	}
	tracks, err := s.catalog.GetTracks(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("tracks of playlist %d: %w", id, err)
	}
	owner, err := s.accounts.PublicProfile(ctx, p.OwnerID)
	if err != nil {
		return nil, fmt.Errorf("owner of playlist %d: %w", id, err)
	}
	return &PlaylistView{Playlist: *p, Owner: owner, Tracks: tracks}, nil
}

// AddToPlaylist appends a visible track to a playlist the user may edit.
func (s *SocialService) AddToPlaylist(ctx context.Context, userID, playlistID, trackID int64) error {
	p, err := s.playlists.Get(ctx, playlistID)
	if err != nil {
		return err
	}
	if p.OwnerID != userID && !p.Collaborative {
		return httpx.Forbidden("you cannot edit this playlist")
	}
	if p.TrackCount >= 10_000 {
		return &ValidationError{Field: "trackId", Reason: "playlists hold at most 10000 tracks"}
	}
	t, err := s.catalog.GetTrack(ctx, trackID)
	if err != nil {
		return err
	}
	if t.Hidden {
		return &ValidationError{Field: "trackId", Reason: "track is not available"}
	}
	return s.playlists.AddTrack(ctx, &models.PlaylistTrack{
		PlaylistID: playlistID, TrackID: trackID, Position: p.TrackCount, AddedBy: userID, AddedAt: s.now().UTC(),
	})
}

// Follow follows an artist, a user or a playlist.
func (s *SocialService) Follow(ctx context.Context, userID, followeeID int64, followeeType string) error {
	if err := validateFolloweeType(followeeType); err != nil {
		return err
	}
	if followeeType == models.FollowUser && followeeID == userID {
		return &ValidationError{Field: "followeeId", Reason: "you cannot follow yourself"}
	}
	return s.graph.Follow(ctx, &models.Follow{FollowerID: userID, FolloweeID: followeeID, FolloweeType: followeeType, CreatedAt: s.now().UTC()})
}

// SetLike likes or unlikes a track.
func (s *SocialService) SetLike(ctx context.Context, userID, trackID int64, liked bool) error {
	return s.graph.SetLike(ctx, userID, trackID, liked)
}

// Comment posts a comment on a track that allows comments.
func (s *SocialService) Comment(ctx context.Context, userID, trackID int64, body string, parentID *int64) (*models.Comment, error) {
	clean, err := sanitizeComment(body)
	if err != nil {
		return nil, err
	}
	t, err := s.catalog.GetTrack(ctx, trackID)
	if err != nil {
		return nil, err
	}
	if !t.AllowComments || t.Hidden {
		return nil, httpx.Forbidden("comments are closed on this track")
	}
	c := &models.Comment{TrackID: trackID, UserID: userID, ParentID: parentID, Body: clean, CreatedAt: s.now().UTC()}
	if err := s.graph.AddComment(ctx, c); err != nil {
		return nil, err
	}
	return c, nil
}

// Engagement returns a track's social counters.
func (s *SocialService) Engagement(ctx context.Context, trackID int64) (*Engagement, error) {
	t, err := s.catalog.GetTrack(ctx, trackID)
	if err != nil {
		return nil, err
	}
	return &Engagement{TrackID: trackID, Likes: t.LikeCount, Comments: t.CommentCount, Shares: t.ShareCount, PlaylistAdds: t.PlaylistAddCount}, nil
}

func (s *SocialService) ownedPlaylist(ctx context.Context, userID, id int64) (*models.Playlist, error) {
	p, err := s.playlists.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if p.OwnerID != userID {
		return nil, httpx.Forbidden("only the owner may change this playlist")
	}
	return p, nil
}
