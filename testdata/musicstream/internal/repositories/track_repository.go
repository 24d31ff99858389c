// Package repositories is the data-access layer: one repository per
// aggregate, some on GORM and some on database/sql depending on which team
// wrote them and when.
package repositories

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/platform/db"
)

// TrackRepository persists catalog tracks through GORM.
type TrackRepository struct {
	db *gorm.DB
}

// NewTrackRepository returns a repository on the shared GORM handle.
func NewTrackRepository(g *gorm.DB) *TrackRepository {
	return &TrackRepository{db: g}
}

// Get loads one track by ID.
func (r *TrackRepository) Get(ctx context.Context, id int64) (*models.Track, error) {
	var t models.Track
	if err := r.db.WithContext(ctx).First(&t, id).Error; err != nil {
		return nil, db.NotFound(err, fmt.Sprintf("track %d", id))
	}
	return &t, nil
}

// GetMany loads the tracks with the given IDs, in no particular order.
func (r *TrackRepository) GetMany(ctx context.Context, ids []int64) ([]models.Track, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var ts []models.Track
	if err := r.db.WithContext(ctx).Where("id IN ?", ids).Find(&ts).Error; err != nil {
		return nil, fmt.Errorf("load %d tracks: %w", len(ids), err)
	}
	return ts, nil
}

// ListByAlbum returns an album's visible tracks in disc and track order;
// unpublished albums only list for editors.
func (r *TrackRepository) ListByAlbum(ctx context.Context, albumID int64, publishedOnly bool) ([]models.Track, error) {
	var ts []models.Track
	q := r.db.WithContext(ctx).
		Joins("JOIN albums ON albums.id = tracks.album_id").
		Where("tracks.album_id = ? AND tracks.hidden = ?", albumID, false)
	if publishedOnly {
		q = q.Where("albums.published = ?", true)
	}
	err := q.Order("tracks.disc_number, tracks.track_number").Find(&ts).Error
	if err != nil {
		return nil, fmt.Errorf("list tracks of album %d: %w", albumID, err)
	}
	return ts, nil
}

// Create inserts a new track and fills in its ID.
func (r *TrackRepository) Create(ctx context.Context, t *models.Track) error {
	if err := r.db.WithContext(ctx).Create(t).Error; err != nil {
		return fmt.Errorf("create track: %w", err)
	}
	return nil
}

// Save writes every column of an existing track.
func (r *TrackRepository) Save(ctx context.Context, t *models.Track) error {
	if err := r.db.WithContext(ctx).Save(t).Error; err != nil {
		return fmt.Errorf("save track: %w", err)
	}
	return nil
}

// Delete removes a track.
func (r *TrackRepository) Delete(ctx context.Context, id int64) error {
	res := r.db.WithContext(ctx).Delete(&models.Track{}, id)
	if res.Error != nil {
		return fmt.Errorf("delete track %d: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("delete track %d: %w", id, db.ErrNotFound)
	}
	return nil
}

// SetModeration records a review outcome; removal also hides the track.
func (r *TrackRepository) SetModeration(ctx context.Context, id int64, status models.ModerationStatus, reason string) error {
	err := r.db.WithContext(ctx).Model(&models.Track{}).Where("id = ?", id).Updates(map[string]any{
		"moderation_status": status,
		"takedown_reason":   reason,
		"hidden":            status == models.ModerationRemoved,
	}).Error
	if err != nil {
		return fmt.Errorf("moderate track %d: %w", id, err)
	}
	return nil
}

// FlagForReview counts a listener report against a track.
func (r *TrackRepository) FlagForReview(ctx context.Context, id int64) error {
	err := r.db.WithContext(ctx).Model(&models.Track{}).Where("id = ?", id).
		Update("flag_count", gorm.Expr("flag_count + ?", 1)).Error
	if err != nil {
		return fmt.Errorf("flag track %d: %w", id, err)
	}
	return nil
}
