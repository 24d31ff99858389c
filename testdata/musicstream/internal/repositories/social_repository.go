package repositories

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/platform/db"
)

// PlaylistRepository persists playlists and their entries through GORM.
type PlaylistRepository struct {
	db *gorm.DB
}

// NewPlaylistRepository returns a repository on the shared GORM handle.
func NewPlaylistRepository(g *gorm.DB) *PlaylistRepository {
	return &PlaylistRepository{db: g}
}

// Get loads one playlist.
func (r *PlaylistRepository) Get(ctx context.Context, id int64) (*models.Playlist, error) {
	var p models.Playlist
	if err := r.db.WithContext(ctx).First(&p, id).Error; err != nil {
		return nil, db.NotFound(err, fmt.Sprintf("playlist %d", id))
	}
	return &p, nil
}

// Create inserts a playlist.
func (r *PlaylistRepository) Create(ctx context.Context, p *models.Playlist) error {
	if err := r.db.WithContext(ctx).Create(p).Error; err != nil {
		return fmt.Errorf("create playlist: %w", err)
	}
	return nil
}

// Save writes every column of a playlist.
func (r *PlaylistRepository) Save(ctx context.Context, p *models.Playlist) error {
	if err := r.db.WithContext(ctx).Save(p).Error; err != nil {
		return fmt.Errorf("save playlist %d: %w", p.ID, err)
	}
	return nil
}

// Entries returns a playlist's entries in order.
func (r *PlaylistRepository) Entries(ctx context.Context, playlistID int64) ([]models.PlaylistTrack, error) {
	var out []models.PlaylistTrack
	err := r.db.WithContext(ctx).Table("playlist_tracks").Where("playlist_id = ?", playlistID).Order("position").Find(&out).Error
	if err != nil {
		return nil, fmt.Errorf("entries of playlist %d: %w", playlistID, err)
	}
	return out, nil
}

// AddTrack appends a track and bumps the playlist's and the track's counters.
func (r *PlaylistRepository) AddTrack(ctx context.Context, e *models.PlaylistTrack) error {
	return r.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(e).Error; err != nil {
			return fmt.Errorf("add track %d to playlist %d: %w", e.TrackID, e.PlaylistID, err)
		}
		if err := tx.Model(&models.Playlist{}).Where("id = ?", e.PlaylistID).
			Update("track_count", gorm.Expr("track_count + 1")).Error; err != nil {
			return fmt.Errorf("count tracks of playlist %d: %w", e.PlaylistID, err)
		}
		// The catalog's popularity counter is bumped here, in the same
		// transaction, because the charts need it to be exact.
		if err := tx.Model(&models.Track{}).Where("id = ?", e.TrackID).
			Update("playlist_add_count", gorm.Expr("playlist_add_count + 1")).Error; err != nil {
			return fmt.Errorf("count playlist adds of track %d: %w", e.TrackID, err)
		}
		return nil
	})
}

// SocialGraphRepository persists follows, likes and comments through GORM.
type SocialGraphRepository struct {
	db *gorm.DB
}

// NewSocialGraphRepository returns a repository on the shared GORM handle.
func NewSocialGraphRepository(g *gorm.DB) *SocialGraphRepository {
	return &SocialGraphRepository{db: g}
}

// Follow records a follow; following twice is not an error.
func (r *SocialGraphRepository) Follow(ctx context.Context, f *models.Follow) error {
	var n int64
	if err := r.db.WithContext(ctx).Model(&models.Follow{}).Where("follower_id = ? AND followee_id = ? AND followee_type = ?",
		f.FollowerID, f.FolloweeID, f.FolloweeType).Count(&n).Error; err != nil || n > 0 {
		return err
	}
	if err := r.db.WithContext(ctx).Create(f).Error; err != nil {
		return fmt.Errorf("follow %s %d: %w", f.FolloweeType, f.FolloweeID, err)
	}
	return nil
}

// SetLike likes or unlikes a track and keeps the track's like counter in step.
func (r *SocialGraphRepository) SetLike(ctx context.Context, userID, trackID int64, liked bool) error {
	return r.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var res *gorm.DB
		delta := 1
		if liked {
			res = tx.Create(&models.Like{UserID: userID, TrackID: trackID, CreatedAt: time.Now().UTC()})
		} else {
			res = tx.Where("user_id = ? AND track_id = ?", userID, trackID).Delete(&models.Like{})
			delta = -1
		}
		if res.Error != nil {
			return fmt.Errorf("set like of track %d: %w", trackID, res.Error)
		}
		if res.RowsAffected == 0 {
			return nil
		}
		return tx.Model(&models.Track{}).Where("id = ?", trackID).
			Update("like_count", gorm.Expr("like_count + ?", delta)).Error
	})
}

// AddComment stores a comment and counts it on the track.
func (r *SocialGraphRepository) AddComment(ctx context.Context, c *models.Comment) error {
	return r.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(c).Error; err != nil {
			return fmt.Errorf("add comment on track %d: %w", c.TrackID, err)
		}
		return tx.Model(&models.Track{}).Where("id = ?", c.TrackID).
			Update("comment_count", gorm.Expr("comment_count + 1")).Error
	})
}
