package models

import "time"

// SearchQuery is one logged search, kept for suggestions and relevance tuning.
type SearchQuery struct {
	ID             int64     `json:"id"`
	UserID         int64     `json:"userId"`
	Query          string    `json:"query"`
	Results        int       `json:"results"`
	ClickedTrackID *int64    `json:"clickedTrackId,omitempty"`
	CreatedAt      time.Time `json:"createdAt"`
}

// SearchDocument is a track as the in-memory search index holds it.
type SearchDocument struct {
	TrackID     int64   `json:"trackId"`
	Title       string  `json:"title"`
	ArtistName  string  `json:"artistName"`
	AlbumTitle  string  `json:"albumTitle"`
	Genre       string  `json:"genre"`
	Language    string  `json:"language"`
	Keywords    string  `json:"-"`
	Boost       float64 `json:"-"`
	Popularity  float64 `json:"-"`
	Explicit    bool    `json:"explicit"`
	PremiumOnly bool    `json:"premiumOnly"`
	Editorial   bool    `json:"editorial"`
}
