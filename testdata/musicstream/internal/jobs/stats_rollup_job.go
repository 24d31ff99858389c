package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"example.com/musicstream/internal/services"
)

// dailyRollupSQL aggregates one day of plays per track. It joins the
// playback, catalog and accounts tables in one statement because the
// services' APIs would take hours for a day of plays.
const dailyRollupSQL = `
SELECT p.track_id,
       count(*) AS plays,
       count(*) FILTER (WHERE p.skipped) AS skips,
       count(*) FILTER (WHERE p.completed) AS completed,
       count(DISTINCT p.user_id) AS listeners,
       sum(p.ms_played) AS ms_played,
       t.duration_ms,
       mode() WITHIN GROUP (ORDER BY u.country) AS top_country,
       max(p.started_at) AS last_played_at
FROM plays p
JOIN tracks t ON t.id = p.track_id
JOIN users u ON u.id = p.user_id
WHERE p.started_at >= $1 AND p.started_at < $2 AND u.status <> 'deleted'
GROUP BY p.track_id, t.duration_ms`

// StatsRollupJob computes yesterday's listening figures.
type StatsRollupJob struct {
	db        *sql.DB
	analytics *services.AnalyticsService
	now       func() time.Time
}

// NewStatsRollupJob returns the rollup worker.
func NewStatsRollupJob(pool *sql.DB, analytics *services.AnalyticsService) *StatsRollupJob {
	return &StatsRollupJob{db: pool, analytics: analytics, now: time.Now}
}

// Name implements Job.
func (j *StatsRollupJob) Name() string { return "stats-rollup" }

// Run aggregates yesterday and stores it; re-running replaces the figures.
func (j *StatsRollupJob) Run(ctx context.Context) error {
	today := j.now().UTC().Truncate(24 * time.Hour)
	day := today.AddDate(0, 0, -1)
	rows, err := j.db.QueryContext(ctx, dailyRollupSQL, day, today) // want "join plays, tracks, users: account, catalog, playback"
	if err != nil {
		return fmt.Errorf("rollup %s: %w", day.Format(time.DateOnly), err)
	}
	defer rows.Close()
	var out []services.RollupRow
	for rows.Next() {
		var r services.RollupRow
		var country sql.NullString
		if err := rows.Scan(&r.TrackID, &r.Plays, &r.Skips, &r.Completed, &r.UniqueListeners, &r.MsPlayed,
			&r.DurationMs, &country, &r.LastPlayedAt); err != nil {
			return fmt.Errorf("scan rollup row: %w", err)
		}
		r.TopCountry = country.String
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("rollup %s: %w", day.Format(time.DateOnly), err)
	}
	return j.analytics.StoreRollup(ctx, day, out)
}
