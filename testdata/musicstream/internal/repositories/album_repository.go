package repositories

import (
	"context"
	"database/sql"
	"fmt"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/platform/db"
)

const albumColumns = "a.id, a.artist_id, a.title, a.upc, a.release_date, a.cover_url, a.track_count, a.label, a.published, a.created_at, a.updated_at"

// AlbumRepository persists albums with hand-written SQL.
type AlbumRepository struct {
	db *sql.DB
}

// NewAlbumRepository returns a repository on the shared pool.
func NewAlbumRepository(pool *sql.DB) *AlbumRepository {
	return &AlbumRepository{db: pool}
}

// Get loads one album.
func (r *AlbumRepository) Get(ctx context.Context, id int64) (*models.Album, error) {
	row := r.db.QueryRowContext(ctx, "SELECT "+albumColumns+" FROM albums a WHERE a.id = $1", id)
	a, err := scanAlbum(row)
	if err != nil {
		return nil, db.NotFound(err, fmt.Sprintf("album %d", id))
	}
	return a, nil
}

// Publish makes an album visible.
func (r *AlbumRepository) Publish(ctx context.Context, id int64) error {
	res, err := r.db.ExecContext(ctx, "UPDATE albums SET published = true, updated_at = now() WHERE id = $1", id)
	if err != nil {
		return fmt.Errorf("publish album %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("publish album %d: %w", id, db.ErrNotFound)
	}
	return nil
}

// ArtistRepository persists artists with hand-written SQL.
type ArtistRepository struct {
	db *sql.DB
}

// NewArtistRepository returns a repository on the shared pool.
func NewArtistRepository(pool *sql.DB) *ArtistRepository {
	return &ArtistRepository{db: pool}
}

// Get loads one artist.
func (r *ArtistRepository) Get(ctx context.Context, id int64) (*models.Artist, error) {
	var a models.Artist
	err := r.db.QueryRowContext(ctx,
		"SELECT id, name, country, bio, image_url, verified, monthly_listeners, created_at, updated_at FROM artists WHERE id = $1", id,
	).Scan(&a.ID, &a.Name, &a.Country, &a.Bio, &a.ImageURL, &a.Verified, &a.MonthlyListeners, &a.CreatedAt, &a.UpdatedAt)
	if err != nil {
		return nil, db.NotFound(err, fmt.Sprintf("artist %d", id))
	}
	return &a, nil
}

// Create inserts an artist.
func (r *ArtistRepository) Create(ctx context.Context, a *models.Artist) error {
	err := r.db.QueryRowContext(ctx,
		"INSERT INTO artists (name, country, bio, image_url, verified, created_at, updated_at) VALUES ($1, $2, $3, $4, false, now(), now()) RETURNING id",
		a.Name, a.Country, a.Bio, a.ImageURL,
	).Scan(&a.ID)
	if err != nil {
		return fmt.Errorf("create artist %q: %w", a.Name, err)
	}
	return nil
}
