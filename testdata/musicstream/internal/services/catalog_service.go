// Package services holds the business logic. Services call their own
// repositories and, where the product needed it faster than a clean API
// could be designed, each other.
package services

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/platform/cache"
	"example.com/musicstream/internal/repositories"
)

// CatalogService manages tracks, albums and artists.
type CatalogService struct {
	tracks   *repositories.TrackRepository
	albums   *repositories.AlbumRepository
	artists  *repositories.ArtistRepository
	notifier *NotificationService
	cache    *cache.Cache[int64, models.Track]
	log      *slog.Logger
	now      func() time.Time
}

// NewCatalogService wires the catalog; notifier may be nil in tools that
// must not send anything.
func NewCatalogService(tracks *repositories.TrackRepository, albums *repositories.AlbumRepository,
	artists *repositories.ArtistRepository, notifier *NotificationService, log *slog.Logger) *CatalogService {
	return &CatalogService{
		tracks: tracks, albums: albums, artists: artists, notifier: notifier,
		cache: cache.New[int64, models.Track](30*time.Second, 50_000),
		log:   log, now: time.Now,
	}
}

// TrackInput is what editors may set on a track.
type TrackInput struct {
	ArtistID          int64      `json:"artistId"`
	AlbumID           int64      `json:"albumId"`
	LabelID           int64      `json:"labelId"`
	ISRC              string     `json:"isrc"`
	Title             string     `json:"title"`
	Version           string     `json:"version"`
	TrackNumber       int        `json:"trackNumber"`
	DiscNumber        int        `json:"discNumber"`
	DurationMs        int        `json:"durationMs"`
	ReleaseDate       time.Time  `json:"releaseDate"`
	Genre             string     `json:"genre"`
	Language          string     `json:"language"`
	Explicit          bool       `json:"explicit"`
	BPM               int        `json:"bpm"`
	MusicalKey        string     `json:"musicalKey"`
	LyricsAvailable   bool       `json:"lyricsAvailable"`
	StoragePath       string     `json:"storagePath"`
	Codec             string     `json:"codec"`
	BitrateKbps       int        `json:"bitrateKbps"`
	SampleRateHz      int        `json:"sampleRateHz"`
	BitDepth          int        `json:"bitDepth"`
	Channels          int        `json:"channels"`
	FileSizeBytes     int64      `json:"fileSizeBytes"`
	RightsHolder      string     `json:"rightsHolder"`
	LicenseType       string     `json:"licenseType"`
	LicenseExpiresAt  *time.Time `json:"licenseExpiresAt"`
	Regions           []string   `json:"regions"`
	RoyaltyRatePct    float64    `json:"royaltyRatePct"`
	PublisherSplitPct float64    `json:"publisherSplitPct"`
	PremiumOnly       bool       `json:"premiumOnly"`
	AllowComments     bool       `json:"allowComments"`
}

// AlbumView is an album with its artist and tracks.
type AlbumView struct {
	Album  models.Album
	Artist models.Artist
	Tracks []models.Track
}

// GetTrack returns a track, from a short-lived cache when possible.
func (s *CatalogService) GetTrack(ctx context.Context, id int64) (*models.Track, error) {
	if t, ok := s.cache.Get(id); ok {
		return &t, nil
	}
	t, err := s.tracks.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	s.cache.Set(id, *t)
	return t, nil
}

// GetTracks returns the tracks with the given IDs in the order asked,
// skipping IDs that no longer exist.
func (s *CatalogService) GetTracks(ctx context.Context, ids []int64) ([]models.Track, error) {
	ts, err := s.tracks.GetMany(ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]models.Track, len(ts))
	for _, t := range ts {
		byID[t.ID] = t
	}
	out := make([]models.Track, 0, len(ids))
	for _, id := range ids {
		if t, ok := byID[id]; ok {
			out = append(out, t)
		}
	}
	return out, nil
}

// CreateTrack validates and stores a new track, pending moderation.
func (s *CatalogService) CreateTrack(ctx context.Context, in TrackInput) (*models.Track, error) {
	if err := validateTrackInput(in); err != nil {
		return nil, err
	}
	if _, err := s.albums.Get(ctx, in.AlbumID); err != nil {
		return nil, fmt.Errorf("create track: %w", err)
	}
	now := s.now().UTC()
	t := &models.Track{
		ArtistID:         in.ArtistID,
		AlbumID:          in.AlbumID,
		ISRC:             normalizeISRC(in.ISRC),
		ModerationStatus: models.ModerationPending,
		Currency:         "USD",
		PriceCents:       129,
		Audit:            models.Audit{CreatedAt: now, UpdatedAt: now},
	}
	applyTrackInput(t, in)
	if err := s.tracks.Create(ctx, t); err != nil {
		return nil, err
	}
	s.log.Info("track created", "track_id", t.ID, "isrc", t.ISRC)
	return t, nil
}

// UpdateTrack changes the editable fields of a track.
func (s *CatalogService) UpdateTrack(ctx context.Context, id int64, in TrackInput) (*models.Track, error) {
	if err := validateTrackInput(in); err != nil {
		return nil, err
	}
	t, err := s.tracks.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if normalizeISRC(in.ISRC) != t.ISRC {
		return nil, &ValidationError{Field: "isrc", Reason: "cannot change after creation"}
	}
	applyTrackInput(t, in)
	t.UpdatedAt = s.now().UTC()
	if err := s.tracks.Save(ctx, t); err != nil {
		return nil, err
	}
	s.cache.Delete(id)
	return t, nil
}

// DeleteTrack removes a track that was never released.
func (s *CatalogService) DeleteTrack(ctx context.Context, id int64) error {
	t, err := s.tracks.Get(ctx, id)
	if err != nil {
		return err
	}
	if !t.ReleaseDate.IsZero() && t.ReleaseDate.Before(s.now()) {
		return &ValidationError{Field: "id", Reason: "released tracks are taken down, not deleted"}
	}
	s.cache.Delete(id)
	return s.tracks.Delete(ctx, id)
}

// ModerateTrack records a review decision.
func (s *CatalogService) ModerateTrack(ctx context.Context, id int64, status models.ModerationStatus, reason string) error {
	if status == models.ModerationRemoved && reason == "" {
		return &ValidationError{Field: "reason", Reason: "required when removing a track"}
	}
	if err := s.tracks.SetModeration(ctx, id, status, reason); err != nil {
		return err
	}
	s.cache.Delete(id)
	s.log.Info("track moderated", "track_id", id, "status", status.String())
	return nil
}

// ReportTrack counts a listener's report and escalates when reports pile up.
func (s *CatalogService) ReportTrack(ctx context.Context, id int64) error {
	t, err := s.GetTrack(ctx, id)
	if err != nil {
		return err
	}
	if err := s.tracks.FlagForReview(ctx, id); err != nil {
		return err
	}
	if t.FlagCount+1 >= flagEscalationThreshold && t.ModerationStatus == models.ModerationApproved {
		return s.ModerateTrack(ctx, id, models.ModerationFlagged, "")
	}
	return nil
}

// GetAlbum returns an album with its artist and tracks.
func (s *CatalogService) GetAlbum(ctx context.Context, id int64) (*AlbumView, error) {
	return s.album(ctx, id, true)
}

func (s *CatalogService) album(ctx context.Context, id int64, publishedOnly bool) (*AlbumView, error) {
	a, err := s.albums.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	ar, err := s.artists.Get(ctx, a.ArtistID)
	if err != nil {
		return nil, fmt.Errorf("artist of album %d: %w", id, err)
	}
	ts, err := s.tracks.ListByAlbum(ctx, id, publishedOnly)
	if err != nil {
		return nil, err
	}
	return &AlbumView{Album: *a, Artist: *ar, Tracks: ts}, nil
}

// CreateArtist adds an unverified artist.
func (s *CatalogService) CreateArtist(ctx context.Context, a *models.Artist) error {
	if a.Name = strings.TrimSpace(a.Name); a.Name == "" {
		return &ValidationError{Field: "name", Reason: "required"}
	}
	return s.artists.Create(ctx, a)
}

// PublishAlbum makes an album visible and tells the artist's followers.
func (s *CatalogService) PublishAlbum(ctx context.Context, id int64) error {
	view, err := s.album(ctx, id, false)
	if err != nil {
		return err
	}
	if len(view.Tracks) == 0 {
		return &ValidationError{Field: "id", Reason: "album has no visible tracks"}
	}
	if err := s.albums.Publish(ctx, id); err != nil {
		return err
	}
	if s.notifier == nil {
		return nil
	}
	if err := s.notifier.NotifyNewRelease(ctx, view.Tracks[0], view.Album.Title); err != nil {
		// The album is live; a failed fan-out is retried by the digest.
		s.log.Warn("release notification failed", "album_id", id, "err", err)
	}
	return nil
}
