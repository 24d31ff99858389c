package services

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/platform/config"
	"example.com/musicstream/internal/platform/db"
	"example.com/musicstream/internal/platform/httpx"
	"example.com/musicstream/internal/repositories"
)

// incrementPlayCountSQL bumps the catalog's play counter as soon as a
// stream ends; the nightly rollup corrects it later.
const incrementPlayCountSQL = "UPDATE tracks SET play_count = play_count + 1, updated_at = now() WHERE id = $1"

// PlaybackService grants streams, tracks them while they play and records
// the listen when they end.
type PlaybackService struct {
	db        *sql.DB
	plays     *repositories.PlayRepository
	sessions  *repositories.StreamSessionRepository
	billing   *BillingService
	analytics *AnalyticsService
	cfg       config.StreamingConfig
	log       *slog.Logger
	now       func() time.Time
}

// NewPlaybackService wires the playback domain.
func NewPlaybackService(pool *sql.DB, plays *repositories.PlayRepository, sessions *repositories.StreamSessionRepository,
	billing *BillingService, analytics *AnalyticsService, cfg config.StreamingConfig, log *slog.Logger) *PlaybackService {
	return &PlaybackService{db: pool, plays: plays, sessions: sessions, billing: billing, analytics: analytics, cfg: cfg, log: log, now: time.Now}
}

// StreamRequest is what a player asks for.
type StreamRequest struct {
	DeviceID      int64  `json:"deviceId"`
	DeviceType    string `json:"deviceType"`
	ClientVersion string `json:"clientVersion"`
	Quality       string `json:"quality"`
	Source        string `json:"source"`
	ContextURI    string `json:"contextUri"`
	Offline       bool   `json:"offline"`
	Shuffle       bool   `json:"shuffle"`
	Repeat        bool   `json:"repeat"`
	CrossfadeMs   int    `json:"crossfadeMs"`
	Normalize     bool   `json:"normalize"`
	Country       string `json:"-"`
	IP            string `json:"-"`
}

// StreamGrant is a signed URL and what the player needs to decode it.
type StreamGrant struct {
	SessionID    string    `json:"sessionId"`
	URL          string    `json:"url"`
	ExpiresAt    time.Time `json:"expiresAt"`
	Codec        string    `json:"codec"`
	BitrateKbps  int       `json:"bitrateKbps"`
	SampleRateHz int       `json:"sampleRateHz"`
	Channels     int       `json:"channels"`
	GainDB       float64   `json:"gainDb"`
	DRMKeyID     string    `json:"drmKeyId,omitempty"`
	PreviewOnly  bool      `json:"previewOnly"`
	StartMs      int       `json:"startMs"`
	DurationMs   int       `json:"durationMs"`
}

// StreamEnd is how a stream finished.
type StreamEnd struct {
	MsPlayed  int    `json:"msPlayed"`
	Reason    string `json:"reason"`
	ErrorCode string `json:"errorCode"`
}

// StartStream checks rights and limits and grants a signed stream URL.
func (s *PlaybackService) StartStream(ctx context.Context, userID, trackID int64, req StreamRequest) (*StreamGrant, error) {
	t, err := s.plays.StreamInfo(ctx, trackID)
	if err != nil {
		return nil, err
	}
	if !t.Streamable() {
		return nil, fmt.Errorf("track %d: %w", trackID, db.ErrNotFound)
	}
	if !regionAllowed(t.AvailableRegions, req.Country) {
		return nil, httpx.Forbidden("this track is not available in your country")
	}
	ent, err := s.billing.Entitlements(ctx, userID)
	if err != nil {
		return nil, fmt.Errorf("entitlements of user %d: %w", userID, err)
	}
	if req.Offline && !ent.OfflineDownloads {
		return nil, httpx.Forbidden("offline listening needs a premium plan")
	}
	now := s.now().UTC()
	live, err := s.sessions.CountLive(ctx, userID, now.Add(-2*time.Minute))
	if err != nil {
		return nil, err
	}
	if live >= min(s.cfg.MaxConcurrent, max(ent.MaxDevices, 1)) {
		return nil, httpx.Forbidden("your plan allows no more simultaneous streams")
	}
	quality, bitrate := pickQuality(req.Quality, ent.HiFi, t.HiResAvailable, t.BitrateKbps)
	grant := &StreamGrant{
		SessionID:    newStreamID(),
		ExpiresAt:    now.Add(s.cfg.URLTTL),
		Codec:        t.Codec,
		BitrateKbps:  bitrate,
		SampleRateHz: t.SampleRateHz,
		Channels:     t.Channels,
		DRMKeyID:     t.DRMKeyID,
		DurationMs:   t.DurationMs,
	}
	if req.Normalize {
		grant.GainDB = normalizationGain(t.LoudnessLUFS)
	}
	if t.PremiumOnly && !ent.Premium {
		grant.PreviewOnly = true
		grant.StartMs = t.PreviewStartMs
		grant.DurationMs = t.PreviewDurationMs
	}
	grant.URL = signStreamURL(s.cfg.CDNBaseURL, t.StoragePath, quality, grant.ExpiresAt, s.cfg.SigningKey)
	sess := &models.StreamSession{
		ID: grant.SessionID, UserID: userID, TrackID: trackID, DeviceID: req.DeviceID, DeviceType: req.DeviceType,
		ClientVersion: req.ClientVersion, Country: req.Country, IPAddress: req.IP, Source: req.Source, ContextURI: req.ContextURI,
		Quality: quality, Codec: t.Codec, BitrateKbps: bitrate, CDNNode: "edge-" + strings.ToLower(req.Country),
		SignedURLExpiresAt: grant.ExpiresAt, DRMLicenseIssued: t.DRMKeyID != "", Offline: req.Offline,
		PremiumAtStart: ent.Premium, StartedAt: now, LastHeartbeatAt: now,
		Shuffle: req.Shuffle, Repeat: req.Repeat, CrossfadeMs: req.CrossfadeMs, VolumeNormalization: req.Normalize,
	}
	if err := s.sessions.Create(ctx, sess); err != nil {
		return nil, err
	}
	return grant, nil
}

// EndStream closes a stream, records the play, bumps the track's play
// counter and forwards the event to analytics.
func (s *PlaybackService) EndStream(ctx context.Context, userID int64, sessionID string, end StreamEnd) error {
	sess, err := s.ownedSession(ctx, userID, sessionID)
	if err != nil {
		return err
	}
	if sess.EndedAt != nil {
		return nil
	}
	now := s.now().UTC()
	sess.EndedAt = &now
	sess.MsPlayed = max(sess.MsPlayed, end.MsPlayed)
	sess.EndReason = end.Reason
	sess.ErrorCode = end.ErrorCode
	if err := s.sessions.End(ctx, sess); err != nil {
		return err
	}
	play := &models.Play{
		UserID: userID, TrackID: sess.TrackID, SessionID: sess.ID, StartedAt: sess.StartedAt, MsPlayed: sess.MsPlayed,
		Completed: end.Reason == "completed", Skipped: end.Reason == "skipped" && sess.MsPlayed < 30_000,
		Source: sess.Source, Country: sess.Country, DeviceType: sess.DeviceType, Offline: sess.Offline,
	}
	if err := s.plays.Insert(ctx, play); err != nil {
		return err
	}
	if play.MsPlayed >= 30_000 {
		if _, err := s.db.ExecContext(ctx, incrementPlayCountSQL, play.TrackID); err != nil {
			return fmt.Errorf("count play of track %d: %w", play.TrackID, err)
		}
	}
	evType := models.EventPlayEnd
	if play.Skipped {
		evType = models.EventSkip
	}
	ev := models.ListeningEvent{UserID: userID, TrackID: play.TrackID, Type: evType, At: now, MsPlayed: play.MsPlayed, Country: play.Country, Device: play.DeviceType}
	if err := s.analytics.RecordEvent(ctx, ev); err != nil {
		s.log.Warn("forward listening event", "session_id", sess.ID, "err", err)
	}
	return nil
}

// StreamCounts returns the qualified streams per track in [from, to).
func (s *PlaybackService) StreamCounts(ctx context.Context, from, to time.Time) (map[int64]int64, error) {
	rows, err := s.plays.QualifiedStreams(ctx, from, to)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]int64, len(rows))
	for _, r := range rows {
		out[r.TrackID] = r.Streams
	}
	return out, nil
}

func (s *PlaybackService) ownedSession(ctx context.Context, userID int64, sessionID string) (*models.StreamSession, error) {
	sess, err := s.sessions.Get(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	if sess.UserID != userID {
		return nil, fmt.Errorf("stream session %s: %w", sessionID, db.ErrNotFound)
	}
	return sess, nil
}
