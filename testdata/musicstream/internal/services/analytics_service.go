package services

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/repositories"
)

// AnalyticsService stores listening events and serves listening figures.
type AnalyticsService struct {
	events  *repositories.EventRepository
	stats   *repositories.StatsRepository
	catalog *CatalogService
	log     *slog.Logger
	now     func() time.Time
}

// NewAnalyticsService wires the analytics domain.
func NewAnalyticsService(events *repositories.EventRepository, stats *repositories.StatsRepository, catalog *CatalogService, log *slog.Logger) *AnalyticsService {
	return &AnalyticsService{events: events, stats: stats, catalog: catalog, log: log, now: time.Now}
}

// RecordEvent validates and stores one event.
func (s *AnalyticsService) RecordEvent(ctx context.Context, ev models.ListeningEvent) error {
	switch ev.Type {
	case models.EventPlayStart, models.EventPlayEnd, models.EventSkip, models.EventSeek, models.EventShare:
	default:
		return &ValidationError{Field: "type", Reason: fmt.Sprintf("unknown event type %q", ev.Type)}
	}
	if ev.TrackID <= 0 {
		return &ValidationError{Field: "trackId", Reason: "required"}
	}
	if ev.At.IsZero() || ev.At.After(s.now().Add(5*time.Minute)) {
		ev.At = s.now().UTC()
	}
	return s.events.Insert(ctx, &ev)
}

// History returns a user's newest events.
func (s *AnalyticsService) History(ctx context.Context, userID int64, limit int) ([]models.ListeningEvent, error) {
	return s.events.ForUser(ctx, userID, int64(limit))
}

// ForgetEvent removes one event from a user's history.
func (s *AnalyticsService) ForgetEvent(ctx context.Context, userID int64, eventID string) error {
	return s.events.Forget(ctx, userID, eventID)
}

// Charts returns the most played tracks of the last days.
func (s *AnalyticsService) Charts(ctx context.Context, days, limit int) ([]models.TrackCount, error) {
	return s.events.TopTracks(ctx, s.now().AddDate(0, 0, -days), limit)
}

// TrackInsights is what an artist dashboard shows about one track.
type TrackInsights struct {
	TrackID         int64                   `json:"trackId"`
	Title           string                  `json:"title"`
	Plays           int64                   `json:"plays"`
	Skips           int64                   `json:"skips"`
	Saves           int64                   `json:"saves"`
	UniqueListeners int64                   `json:"uniqueListeners"`
	CompletionRate  float64                 `json:"completionRate"`
	AvgListenMs     int                     `json:"avgListenMs"`
	LastPlayedAt    *time.Time              `json:"lastPlayedAt,omitempty"`
	Daily           []models.DailyTrackStat `json:"daily"`
}

// TrackInsights combines the track's counters with its daily series.
func (s *AnalyticsService) TrackInsights(ctx context.Context, trackID int64, days int) (*TrackInsights, error) {
	t, err := s.catalog.GetTrack(ctx, trackID)
	if err != nil {
		return nil, err
	}
	daily, err := s.stats.ForTrack(ctx, trackID, s.now().AddDate(0, 0, -days))
	if err != nil {
		return nil, err
	}
	return &TrackInsights{
		TrackID: trackID, Title: t.Title, Plays: t.PlayCount, Skips: t.SkipCount, Saves: t.SaveCount,
		UniqueListeners: t.UniqueListeners, CompletionRate: t.CompletionRate, AvgListenMs: t.AvgListenMs,
		LastPlayedAt: t.LastPlayedAt, Daily: daily,
	}, nil
}

// RollupRow is one track's figures for one day, as the rollup job computes them.
type RollupRow struct {
	TrackID         int64
	Plays           int64
	Skips           int64
	Completed       int64
	UniqueListeners int64
	MsPlayed        int64
	DurationMs      int
	TopCountry      string
	LastPlayedAt    time.Time
}

// StoreRollup stores a day's rollup and refreshes the tracks' counters.
func (s *AnalyticsService) StoreRollup(ctx context.Context, day time.Time, rows []RollupRow) error {
	var errs []error
	for _, r := range rows {
		stat := &models.DailyTrackStat{
			Day: day, TrackID: r.TrackID, Plays: r.Plays, UniqueListeners: r.UniqueListeners,
			Skips: r.Skips, MsPlayed: r.MsPlayed, TopCountry: r.TopCountry,
		}
		if err := s.stats.UpsertDaily(ctx, stat); err != nil {
			errs = append(errs, err)
			continue
		}
		last := r.LastPlayedAt
		counters := &models.Track{
			ID:              r.TrackID,
			SkipCount:       r.Skips,
			CompletionRate:  ratio(r.Completed, r.Plays),
			AvgListenMs:     int(ratio(r.MsPlayed, r.Plays)),
			UniqueListeners: r.UniqueListeners,
			LastPlayedAt:    &last,
			TrendingScore:   trendingScore(r.Plays, r.UniqueListeners, r.Skips),
		}
		if err := s.stats.UpdateTrackCounters(ctx, counters); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("store rollup of %s: %d of %d rows failed: %w", day.Format(time.DateOnly), len(errs), len(rows), errors.Join(errs...))
	}
	s.log.Info("rollup stored", "day", day.Format(time.DateOnly), "tracks", len(rows))
	return nil
}
