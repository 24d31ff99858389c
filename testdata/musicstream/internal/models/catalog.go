package models

import "time"

// Album groups tracks released together.
type Album struct {
	ID          int64     `json:"id"`
	ArtistID    int64     `json:"artistId"`
	Title       string    `json:"title"`
	UPC         string    `json:"upc"`
	ReleaseDate time.Time `json:"releaseDate"`
	CoverURL    string    `json:"coverUrl"`
	TrackCount  int       `json:"trackCount"`
	Label       string    `json:"label"`
	Published   bool      `json:"published"`
	Audit
}

// Artist is a performer or band.
type Artist struct {
	ID               int64  `json:"id"`
	Name             string `json:"name"`
	Country          string `json:"country"`
	Bio              string `json:"bio"`
	ImageURL         string `json:"imageUrl"`
	Verified         bool   `json:"verified"`
	MonthlyListeners int64  `json:"monthlyListeners"`
	Audit
}
