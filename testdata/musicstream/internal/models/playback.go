package models

import "time"

// Play is one listen, recorded when a stream ends.
type Play struct {
	ID         int64     `json:"id"`
	UserID     int64     `json:"userId"`
	TrackID    int64     `json:"trackId"`
	SessionID  string    `json:"sessionId"`
	StartedAt  time.Time `json:"startedAt"`
	MsPlayed   int       `json:"msPlayed"`
	Completed  bool      `json:"completed"`
	Skipped    bool      `json:"skipped"`
	Source     string    `json:"source"`
	Country    string    `json:"country"`
	DeviceType string    `json:"deviceType"`
	Offline    bool      `json:"offline"`
}

// StreamSession is the server-side state of one stream, from the grant of
// a signed URL to the last heartbeat. Only playback reads or writes it.
type StreamSession struct {
	ID                  string
	UserID              int64
	TrackID             int64
	DeviceID            int64
	DeviceType          string
	ClientVersion       string
	Country             string
	IPAddress           string
	Source              string
	ContextURI          string
	Quality             string
	Codec               string
	BitrateKbps         int
	CDNNode             string
	SignedURLExpiresAt  time.Time
	DRMLicenseIssued    bool
	Offline             bool
	PremiumAtStart      bool
	StartedAt           time.Time
	LastHeartbeatAt     time.Time
	EndedAt             *time.Time
	PositionMs          int
	MsPlayed            int
	BufferEvents        int
	BufferMs            int
	BitrateSwitches     int
	StartupLatencyMs    int
	BytesServed         int64
	ErrorCode           string
	EndReason           string
	Shuffle             bool
	Repeat              bool
	CrossfadeMs         int
	VolumeNormalization bool
}
