package repositories

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"example.com/musicstream/internal/models"
)

// trackLookupTemplate is filled with a condition from lookupFilter; the filter text
// never comes from the request, only the bind variables do.
const trackLookupTemplate = `SELECT t.id, t.title, ar.name FROM tracks t JOIN artists ar ON ar.id = t.artist_id
WHERE %s AND NOT t.hidden ORDER BY t.trending_score DESC LIMIT $2`

// indexSourceSQL is everything the search index needs about changed tracks.
const indexSourceSQL = `SELECT t.id, t.title, t.genre, t.language, t.keywords, t.search_boost, t.editorial_pick,
       t.explicit, t.premium_only, t.trending_score, ar.name, al.title
FROM tracks t
JOIN artists ar ON ar.id = t.artist_id
JOIN albums al ON al.id = t.album_id
WHERE t.updated_at > $1 AND NOT t.hidden`

// SearchRepository reads the catalog tables for indexing and keeps the
// query log, with hand-written SQL.
type SearchRepository struct {
	db *sql.DB
}

// NewSearchRepository returns a repository on the shared pool.
func NewSearchRepository(pool *sql.DB) *SearchRepository {
	return &SearchRepository{db: pool}
}

// IndexedTrack is a track row with the names the index stores beside it.
type IndexedTrack struct {
	Track      models.Track
	ArtistName string
	AlbumTitle string
}

// ChangedTracks returns the visible tracks changed since the given time.
func (r *SearchRepository) ChangedTracks(ctx context.Context, since time.Time) ([]IndexedTrack, error) {
	rows, err := r.db.QueryContext(ctx, indexSourceSQL, since) // want "join albums, artists, tracks: catalog, search"
	if err != nil {
		return nil, fmt.Errorf("read tracks changed since %s: %w", since.Format(time.RFC3339), err)
	}
	defer rows.Close()
	var out []IndexedTrack
	for rows.Next() {
		var it IndexedTrack
		t := &it.Track
		if err := rows.Scan(&t.ID, &t.Title, &t.Genre, &t.Language, &t.Keywords, &t.SearchBoost, &t.EditorialPick,
			&t.Explicit, &t.PremiumOnly, &t.TrendingScore, &it.ArtistName, &it.AlbumTitle); err != nil {
			return nil, fmt.Errorf("scan indexed track: %w", err)
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// LookupHit is a row of an exact lookup.
type LookupHit struct {
	TrackID    int64  `json:"trackId"`
	Title      string `json:"title"`
	ArtistName string `json:"artistName"`
}

// lookupFilter returns the WHERE condition for an exact lookup field.
func lookupFilter(field string) (string, bool) {
	switch field {
	case "isrc":
		return "t.isrc = $1", true
	case "artist":
		return "lower(ar.name) = lower($1)", true
	case "title":
		return "lower(t.title) = lower($1)", true
	}
	return "", false
}

// Lookup finds tracks by an exact field (isrc, artist or title), bypassing
// the fuzzy index for support tools.
func (r *SearchRepository) Lookup(ctx context.Context, field, value string, limit int) ([]LookupHit, error) {
	filter, ok := lookupFilter(field)
	if !ok {
		return nil, fmt.Errorf("lookup by %q: unsupported field", field)
	}
	rows, err := r.db.QueryContext(ctx, fmt.Sprintf(trackLookupTemplate, filter), value, limit) // want "join artists, tracks: catalog, search"
	if err != nil {
		return nil, fmt.Errorf("lookup by %s: %w", field, err)
	}
	defer rows.Close()
	var out []LookupHit
	for rows.Next() {
		var h LookupHit
		if err := rows.Scan(&h.TrackID, &h.Title, &h.ArtistName); err != nil {
			return nil, fmt.Errorf("scan lookup hit: %w", err)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// LogQuery records a search and returns its ID for click attribution.
func (r *SearchRepository) LogQuery(ctx context.Context, q *models.SearchQuery) error {
	err := r.db.QueryRowContext(ctx,
		"INSERT INTO search_queries (user_id, query, results, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
		q.UserID, q.Query, q.Results, q.CreatedAt,
	).Scan(&q.ID)
	if err != nil {
		return fmt.Errorf("log search query: %w", err)
	}
	return nil
}

// AddSynonym stores a curated synonym pair; repeats are ignored.
func (r *SearchRepository) AddSynonym(ctx context.Context, term, synonym string) error {
	_, err := r.db.ExecContext(ctx,
		"INSERT INTO search_synonyms (term, synonym) VALUES ($1, $2) ON CONFLICT (term, synonym) DO NOTHING", term, synonym)
	if err != nil {
		return fmt.Errorf("add synonym %q for %q: %w", synonym, term, err)
	}
	return nil
}

// Synonyms returns the curated synonym pairs.
func (r *SearchRepository) Synonyms(ctx context.Context) (map[string][]string, error) {
	rows, err := r.db.QueryContext(ctx, "SELECT term, synonym FROM search_synonyms ORDER BY term, synonym")
	if err != nil {
		return nil, fmt.Errorf("load synonyms: %w", err)
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var term, syn string
		if err := rows.Scan(&term, &syn); err != nil {
			return nil, fmt.Errorf("scan synonym: %w", err)
		}
		out[term] = append(out[term], syn)
	}
	return out, rows.Err()
}
