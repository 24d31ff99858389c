package models

import "time"

// Listening event types.
const (
	EventPlayStart = "play_start"
	EventPlayEnd   = "play_end"
	EventSkip      = "skip"
	EventSeek      = "seek"
	EventShare     = "share"
)

// ListeningEvent is a raw client or server event, stored in MongoDB because
// its properties vary by client version.
type ListeningEvent struct {
	ID       string            `bson:"_id,omitempty" json:"id,omitempty"`
	UserID   int64             `bson:"user_id" json:"userId"`
	TrackID  int64             `bson:"track_id" json:"trackId"`
	Type     string            `bson:"type" json:"type"`
	At       time.Time         `bson:"at" json:"at"`
	MsPlayed int               `bson:"ms_played,omitempty" json:"msPlayed,omitempty"`
	Country  string            `bson:"country,omitempty" json:"country,omitempty"`
	Device   string            `bson:"device,omitempty" json:"device,omitempty"`
	Props    map[string]string `bson:"props,omitempty" json:"props,omitempty"`
}

// DailyTrackStat is one track's listening figures for one day.
type DailyTrackStat struct {
	Day             time.Time `json:"day"`
	TrackID         int64     `json:"trackId"`
	Plays           int64     `json:"plays"`
	UniqueListeners int64     `json:"uniqueListeners"`
	Skips           int64     `json:"skips"`
	MsPlayed        int64     `json:"msPlayed"`
	TopCountry      string    `json:"topCountry"`
}

// TrackCount is a track with a count, the shape of chart queries.
type TrackCount struct {
	TrackID int64 `bson:"_id" json:"trackId"`
	Count   int64 `bson:"count" json:"count"`
}
