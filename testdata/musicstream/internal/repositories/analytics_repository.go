package repositories

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/platform/db"
)

// listeningEventsCollection holds raw listening events in MongoDB.
const listeningEventsCollection = "listening_events"

// EventRepository stores raw listening events in MongoDB.
type EventRepository struct {
	db *mongo.Database
}

// NewEventRepository returns a repository on the event database.
func NewEventRepository(m *mongo.Database) *EventRepository {
	return &EventRepository{db: m}
}

// Insert stores one event.
func (r *EventRepository) Insert(ctx context.Context, ev *models.ListeningEvent) error {
	if _, err := r.db.Collection(listeningEventsCollection).InsertOne(ctx, ev); err != nil {
		return fmt.Errorf("insert %s event: %w", ev.Type, err)
	}
	return nil
}

// ForUser returns a user's newest events.
func (r *EventRepository) ForUser(ctx context.Context, userID int64, limit int64) ([]models.ListeningEvent, error) {
	opts := options.Find().SetSort(bson.D{{Key: "at", Value: -1}}).SetLimit(limit)
	cur, err := r.db.Collection(listeningEventsCollection).Find(ctx, bson.M{"user_id": userID}, opts)
	if err != nil {
		return nil, fmt.Errorf("events of user %d: %w", userID, err)
	}
	defer cur.Close(ctx)
	var out []models.ListeningEvent
	if err := cur.All(ctx, &out); err != nil {
		return nil, fmt.Errorf("decode events of user %d: %w", userID, err)
	}
	return out, nil
}

// TopTracks counts play_end events per track since a time, most played first.
func (r *EventRepository) TopTracks(ctx context.Context, since time.Time, limit int) ([]models.TrackCount, error) {
	pipeline := bson.A{
		bson.M{"$match": bson.M{"type": models.EventPlayEnd, "at": bson.M{"$gte": since}}},
		bson.M{"$group": bson.M{"_id": "$track_id", "count": bson.M{"$sum": 1}}},
		bson.M{"$sort": bson.D{{Key: "count", Value: -1}, {Key: "_id", Value: 1}}},
		bson.M{"$limit": limit},
	}
	cur, err := r.db.Collection(listeningEventsCollection).Aggregate(ctx, pipeline, options.Aggregate().SetAllowDiskUse(true))
	if err != nil {
		return nil, fmt.Errorf("aggregate top tracks: %w", err)
	}
	defer cur.Close(ctx)
	var out []models.TrackCount
	if err := cur.All(ctx, &out); err != nil {
		return nil, fmt.Errorf("decode top tracks: %w", err)
	}
	return out, nil
}

// Forget deletes one event a user asked to remove from their history.
func (r *EventRepository) Forget(ctx context.Context, userID int64, eventID string) error {
	res, err := r.db.Collection(listeningEventsCollection).DeleteOne(ctx, bson.M{"_id": eventID, "user_id": userID})
	if err != nil {
		return fmt.Errorf("forget event %s: %w", eventID, err)
	}
	if res.DeletedCount == 0 {
		return fmt.Errorf("forget event %s: %w", eventID, db.ErrNotFound)
	}
	return nil
}

// StatsRepository persists the daily rollups with hand-written SQL.
type StatsRepository struct {
	db *sql.DB
}

// NewStatsRepository returns a repository on the shared pool.
func NewStatsRepository(pool *sql.DB) *StatsRepository {
	return &StatsRepository{db: pool}
}

// UpsertDaily stores one track-day, replacing an earlier run's figures.
func (r *StatsRepository) UpsertDaily(ctx context.Context, s *models.DailyTrackStat) error {
	_, err := r.db.ExecContext(ctx,
		`INSERT INTO daily_track_stats (day, track_id, plays, unique_listeners, skips, ms_played, top_country)
		 VALUES ($1, $2, $3, $4, $5, $6, $7)
		 ON CONFLICT (day, track_id) DO UPDATE SET plays = EXCLUDED.plays, unique_listeners = EXCLUDED.unique_listeners,
		     skips = EXCLUDED.skips, ms_played = EXCLUDED.ms_played, top_country = EXCLUDED.top_country`,
		s.Day, s.TrackID, s.Plays, s.UniqueListeners, s.Skips, s.MsPlayed, s.TopCountry)
	if err != nil {
		return fmt.Errorf("upsert stats of track %d on %s: %w", s.TrackID, s.Day.Format(time.DateOnly), err)
	}
	return nil
}

// ForTrack returns a track's daily figures since a day, oldest first.
func (r *StatsRepository) ForTrack(ctx context.Context, trackID int64, since time.Time) ([]models.DailyTrackStat, error) {
	rows, err := r.db.QueryContext(ctx,
		`SELECT day, track_id, plays, unique_listeners, skips, ms_played, top_country
		 FROM daily_track_stats WHERE track_id = $1 AND day >= $2 ORDER BY day`, trackID, since)
	if err != nil {
		return nil, fmt.Errorf("stats of track %d: %w", trackID, err)
	}
	defer rows.Close()
	var out []models.DailyTrackStat
	for rows.Next() {
		var s models.DailyTrackStat
		if err := rows.Scan(&s.Day, &s.TrackID, &s.Plays, &s.UniqueListeners, &s.Skips, &s.MsPlayed, &s.TopCountry); err != nil {
			return nil, fmt.Errorf("scan daily stat: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// UpdateTrackCounters writes the rolled-up listening figures back onto the
// catalog's track row, where the apps read them with the rest of the track.
func (r *StatsRepository) UpdateTrackCounters(ctx context.Context, t *models.Track) error {
	_, err := r.db.ExecContext(ctx,
		`UPDATE tracks SET skip_count = $2, completion_rate = $3, avg_listen_ms = $4, unique_listeners = $5,
		     last_played_at = $6, trending_score = $7
		 WHERE id = $1`,
		t.ID, t.SkipCount, t.CompletionRate, t.AvgListenMs, t.UniqueListeners, db.NullTime(t.LastPlayedAt), t.TrendingScore)
	if err != nil {
		return fmt.Errorf("update counters of track %d: %w", t.ID, err)
	}
	return nil
}
