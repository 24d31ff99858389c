package models

import "time"

// Track is one recording as the whole platform sees it. Catalog owns its
// metadata, but playback, billing, search, social and analytics each keep
// their own columns on the same row, which is why the struct is this wide.
type Track struct {
	// Identity.
	ID       int64  `gorm:"column:id;primaryKey" json:"id"`
	ArtistID int64  `gorm:"column:artist_id;index" json:"artistId"`
	AlbumID  int64  `gorm:"column:album_id;index" json:"albumId"`
	LabelID  int64  `gorm:"column:label_id" json:"labelId"`
	ISRC     string `gorm:"column:isrc;uniqueIndex" json:"isrc"`

	// Descriptive metadata.
	Title           string    `gorm:"column:title" json:"title"`
	Version         string    `gorm:"column:version" json:"version,omitempty"`
	TrackNumber     int       `gorm:"column:track_number" json:"trackNumber"`
	DiscNumber      int       `gorm:"column:disc_number" json:"discNumber"`
	DurationMs      int       `gorm:"column:duration_ms" json:"durationMs"`
	ReleaseDate     time.Time `gorm:"column:release_date" json:"releaseDate"`
	Genre           string    `gorm:"column:genre" json:"genre"`
	Language        string    `gorm:"column:language" json:"language"`
	Explicit        bool      `gorm:"column:explicit" json:"explicit"`
	BPM             int       `gorm:"column:bpm" json:"bpm,omitempty"`
	MusicalKey      string    `gorm:"column:musical_key" json:"musicalKey,omitempty"`
	LyricsAvailable bool      `gorm:"column:lyrics_available" json:"lyricsAvailable"`

	// Audio and encoding.
	StoragePath       string  `gorm:"column:storage_path" json:"-"`
	Codec             string  `gorm:"column:codec" json:"codec"`
	BitrateKbps       int     `gorm:"column:bitrate_kbps" json:"bitrateKbps"`
	SampleRateHz      int     `gorm:"column:sample_rate_hz" json:"sampleRateHz"`
	BitDepth          int     `gorm:"column:bit_depth" json:"bitDepth"`
	Channels          int     `gorm:"column:channels" json:"channels"`
	LoudnessLUFS      float64 `gorm:"column:loudness_lufs" json:"loudnessLufs"`
	FileSizeBytes     int64   `gorm:"column:file_size_bytes" json:"-"`
	PreviewStartMs    int     `gorm:"column:preview_start_ms" json:"previewStartMs"`
	PreviewDurationMs int     `gorm:"column:preview_duration_ms" json:"previewDurationMs"`
	HiResAvailable    bool    `gorm:"column:hi_res_available" json:"hiResAvailable"`
	DRMKeyID          string  `gorm:"column:drm_key_id" json:"-"`

	// Licensing and rights.
	RightsHolder      string     `gorm:"column:rights_holder" json:"rightsHolder"`
	LicenseType       string     `gorm:"column:license_type" json:"licenseType"`
	LicenseExpiresAt  *time.Time `gorm:"column:license_expires_at" json:"licenseExpiresAt,omitempty"`
	AvailableRegions  string     `gorm:"column:available_regions" json:"availableRegions"` // comma-separated ISO 3166 codes, "*" for worldwide
	RoyaltyRatePct    float64    `gorm:"column:royalty_rate_pct" json:"-"`
	PublisherSplitPct float64    `gorm:"column:publisher_split_pct" json:"-"`
	PremiumOnly       bool       `gorm:"column:premium_only" json:"premiumOnly"`

	// Pricing for downloads.
	PriceCents  int64  `gorm:"column:price_cents" json:"priceCents"`
	Currency    string `gorm:"column:currency" json:"currency"`
	DiscountPct int    `gorm:"column:discount_pct" json:"discountPct"`

	// Popularity counters, denormalised from plays, likes and comments.
	PlayCount        int64   `gorm:"column:play_count" json:"playCount"`
	SkipCount        int64   `gorm:"column:skip_count" json:"skipCount"`
	LikeCount        int64   `gorm:"column:like_count" json:"likeCount"`
	CommentCount     int64   `gorm:"column:comment_count" json:"commentCount"`
	ShareCount       int64   `gorm:"column:share_count" json:"shareCount"`
	PlaylistAddCount int64   `gorm:"column:playlist_add_count" json:"playlistAddCount"`
	TrendingScore    float64 `gorm:"column:trending_score" json:"trendingScore"`

	// Search tuning.
	SearchBoost   float64 `gorm:"column:search_boost" json:"-"`
	Keywords      string  `gorm:"column:keywords" json:"-"`
	EditorialPick bool    `gorm:"column:editorial_pick" json:"editorialPick"`

	// Moderation.
	ModerationStatus ModerationStatus `gorm:"column:moderation_status" json:"moderationStatus"`
	FlagCount        int              `gorm:"column:flag_count" json:"-"`
	TakedownReason   string           `gorm:"column:takedown_reason" json:"-"`
	Hidden           bool             `gorm:"column:hidden" json:"-"`
	AllowComments    bool             `gorm:"column:allow_comments" json:"allowComments"`

	// Listening analytics, rolled up nightly.
	CompletionRate  float64    `gorm:"column:completion_rate" json:"-"`
	AvgListenMs     int        `gorm:"column:avg_listen_ms" json:"-"`
	SaveCount       int64      `gorm:"column:save_count" json:"-"`
	UniqueListeners int64      `gorm:"column:unique_listeners" json:"-"`
	LastPlayedAt    *time.Time `gorm:"column:last_played_at" json:"-"`

	// Internal bookkeeping.
	InternalNotes    string `gorm:"column:internal_notes" json:"-"`
	LegacyCatalogRef string `gorm:"column:legacy_catalog_ref" json:"-"`
	MigrationBatch   string `gorm:"column:migration_batch" json:"-"`

	Audit
}

// TableName pins the table; the struct predates GORM's naming strategy.
func (Track) TableName() string { return "tracks" }

// Streamable reports whether moderation lets the track be played at all.
func (t *Track) Streamable() bool {
	return !t.Hidden && t.ModerationStatus != ModerationRemoved
}
