package models

import "time"

// Playlist is a user-curated list of tracks.
type Playlist struct {
	ID            int64  `gorm:"primaryKey" json:"id"`
	OwnerID       int64  `gorm:"index" json:"ownerId"`
	Title         string `json:"title"`
	Description   string `json:"description"`
	Public        bool   `json:"public"`
	Collaborative bool   `json:"collaborative"`
	CoverURL      string `json:"coverUrl"`
	TrackCount    int    `json:"trackCount"`
	FollowerCount int64  `json:"followerCount"`
	Audit
}

// TableName is explicit because an old "playlist" view still exists.
func (Playlist) TableName() string { return "playlists" }

// PlaylistTrack places a track in a playlist; GORM maps it to "playlist_tracks".
type PlaylistTrack struct {
	PlaylistID int64     `gorm:"primaryKey" json:"playlistId"`
	TrackID    int64     `gorm:"primaryKey" json:"trackId"`
	Position   int       `json:"position"`
	AddedBy    int64     `json:"addedBy"`
	AddedAt    time.Time `json:"addedAt"`
}

// Follow is a user following an artist, a user or a playlist; GORM maps it
// to "follows".
type Follow struct {
	FollowerID   int64     `gorm:"primaryKey" json:"followerId"`
	FolloweeID   int64     `gorm:"primaryKey" json:"followeeId"`
	FolloweeType string    `gorm:"primaryKey" json:"followeeType"`
	CreatedAt    time.Time `json:"createdAt"`
}

// Like is a user saving a track; GORM maps it to "likes".
type Like struct {
	UserID    int64     `gorm:"primaryKey" json:"userId"`
	TrackID   int64     `gorm:"primaryKey" json:"trackId"`
	CreatedAt time.Time `json:"createdAt"`
}

// Comment is a user's comment on a track; GORM maps it to "comments".
type Comment struct {
	ID        int64     `gorm:"primaryKey" json:"id"`
	TrackID   int64     `gorm:"index" json:"trackId"`
	UserID    int64     `json:"userId"`
	ParentID  *int64    `json:"parentId,omitempty"`
	Body      string    `json:"body"`
	Hidden    bool      `json:"-"`
	CreatedAt time.Time `json:"createdAt"`
}

// Followee types.
const (
	FollowArtist   = "artist"
	FollowUser     = "user"
	FollowPlaylist = "playlist"
)
