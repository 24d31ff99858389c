package repositories

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/platform/db"
)

// qualifiedStreamsSQL counts streams of at least 30 seconds per track, the
// industry threshold for a royalty-bearing play.
const qualifiedStreamsSQL = `
WITH qualified AS (
    SELECT track_id, user_id
    FROM plays
    WHERE started_at >= $1 AND started_at < $2 AND ms_played >= 30000
)
SELECT track_id, count(*) AS streams, count(DISTINCT user_id) AS listeners
FROM qualified
GROUP BY track_id`

// PlayRepository records listens with hand-written SQL.
type PlayRepository struct {
	db *sql.DB
}

// NewPlayRepository returns a repository on the shared pool.
func NewPlayRepository(pool *sql.DB) *PlayRepository {
	return &PlayRepository{db: pool}
}

// Insert records a finished listen.
func (r *PlayRepository) Insert(ctx context.Context, p *models.Play) error {
	err := r.db.QueryRowContext(ctx,
		`INSERT INTO plays (user_id, track_id, session_id, started_at, ms_played, completed, skipped, source, country, device_type, offline)
		 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
		p.UserID, p.TrackID, p.SessionID, p.StartedAt, p.MsPlayed, p.Completed, p.Skipped, p.Source, p.Country, p.DeviceType, p.Offline,
	).Scan(&p.ID)
	if err != nil {
		return fmt.Errorf("insert play of track %d: %w", p.TrackID, err)
	}
	return nil
}

// StreamCount is one track's qualified streams in a period.
type StreamCount struct {
	TrackID   int64
	Streams   int64
	Listeners int64
}

// QualifiedStreams counts royalty-bearing streams per track in [from, to).
func (r *PlayRepository) QualifiedStreams(ctx context.Context, from, to time.Time) ([]StreamCount, error) {
	rows, err := r.db.QueryContext(ctx, qualifiedStreamsSQL, from, to)
	if err != nil {
		return nil, fmt.Errorf("count streams %s..%s: %w", from.Format(time.DateOnly), to.Format(time.DateOnly), err)
	}
	defer rows.Close()
	var out []StreamCount
	for rows.Next() {
		var c StreamCount
		if err := rows.Scan(&c.TrackID, &c.Streams, &c.Listeners); err != nil {
			return nil, fmt.Errorf("scan stream count: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// StreamInfo reads what the player needs about a track: where the audio is,
// how it is encoded and where it may be played.
func (r *PlayRepository) StreamInfo(ctx context.Context, trackID int64) (*models.Track, error) {
	var t models.Track
	err := r.db.QueryRowContext(ctx,
		`SELECT id, duration_ms, storage_path, codec, bitrate_kbps, sample_rate_hz, channels, loudness_lufs,
		        preview_start_ms, preview_duration_ms, hi_res_available, drm_key_id, available_regions, premium_only,
		        hidden, moderation_status
		 FROM tracks WHERE id = $1`, trackID,
	).Scan(&t.ID, &t.DurationMs, &t.StoragePath, &t.Codec, &t.BitrateKbps, &t.SampleRateHz, &t.Channels, &t.LoudnessLUFS,
		&t.PreviewStartMs, &t.PreviewDurationMs, &t.HiResAvailable, &t.DRMKeyID, &t.AvailableRegions, &t.PremiumOnly,
		&t.Hidden, &t.ModerationStatus)
	if err != nil {
		return nil, db.NotFound(err, fmt.Sprintf("stream info of track %d", trackID))
	}
	return &t, nil
}

// StreamSessionRepository keeps the server-side state of live streams.
type StreamSessionRepository struct {
	db *sql.DB
}

// NewStreamSessionRepository returns a repository on the shared pool.
func NewStreamSessionRepository(pool *sql.DB) *StreamSessionRepository {
	return &StreamSessionRepository{db: pool}
}

// Create stores a newly granted stream.
func (r *StreamSessionRepository) Create(ctx context.Context, s *models.StreamSession) error {
	_, err := r.db.ExecContext(ctx,
		`INSERT INTO stream_sessions (id, user_id, track_id, device_id, device_type, client_version, country, ip_address,
		     source, context_uri, quality, codec, bitrate_kbps, cdn_node, signed_url_expires_at, drm_license_issued,
		     offline, premium_at_start, started_at, last_heartbeat_at, shuffle, repeat, crossfade_ms, volume_normalization)
		 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19, $20, $21, $22, $23)`,
		s.ID, s.UserID, s.TrackID, s.DeviceID, s.DeviceType, s.ClientVersion, s.Country, s.IPAddress,
		s.Source, s.ContextURI, s.Quality, s.Codec, s.BitrateKbps, s.CDNNode, s.SignedURLExpiresAt, s.DRMLicenseIssued,
		s.Offline, s.PremiumAtStart, s.StartedAt, s.Shuffle, s.Repeat, s.CrossfadeMs, s.VolumeNormalization)
	if err != nil {
		return fmt.Errorf("create stream session: %w", err)
	}
	return nil
}

// Get loads a stream session.
func (r *StreamSessionRepository) Get(ctx context.Context, id string) (*models.StreamSession, error) {
	var s models.StreamSession
	var ended sql.NullTime
	err := r.db.QueryRowContext(ctx,
		`SELECT id, user_id, track_id, device_type, country, source, quality, started_at, last_heartbeat_at, ended_at,
		        position_ms, ms_played, buffer_events, buffer_ms, bitrate_switches, bytes_served
		 FROM stream_sessions WHERE id = $1`, id,
	).Scan(&s.ID, &s.UserID, &s.TrackID, &s.DeviceType, &s.Country, &s.Source, &s.Quality, &s.StartedAt, &s.LastHeartbeatAt, &ended,
		&s.PositionMs, &s.MsPlayed, &s.BufferEvents, &s.BufferMs, &s.BitrateSwitches, &s.BytesServed)
	if err != nil {
		return nil, db.NotFound(err, fmt.Sprintf("stream session %s", id))
	}
	s.EndedAt = db.TimePtr(ended)
	return &s, nil
}

// End closes a stream session.
func (r *StreamSessionRepository) End(ctx context.Context, s *models.StreamSession) error {
	_, err := r.db.ExecContext(ctx,
		"UPDATE stream_sessions SET ended_at = $2, ms_played = $3, end_reason = $4, error_code = $5 WHERE id = $1",
		s.ID, db.NullTime(s.EndedAt), s.MsPlayed, s.EndReason, s.ErrorCode)
	if err != nil {
		return fmt.Errorf("end stream %s: %w", s.ID, err)
	}
	return nil
}

// CountLive counts a user's streams that sent a heartbeat since the cutoff.
func (r *StreamSessionRepository) CountLive(ctx context.Context, userID int64, since time.Time) (int, error) {
	var n int
	err := r.db.QueryRowContext(ctx,
		"SELECT count(*) FROM stream_sessions WHERE user_id = $1 AND ended_at IS NULL AND last_heartbeat_at > $2", userID, since,
	).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count live streams of user %d: %w", userID, err)
	}
	return n, nil
}
