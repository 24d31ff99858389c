package services

import (
	"fmt"
	"regexp"
	"strings"

	"example.com/musicstream/internal/models"
)

// flagEscalationThreshold is the number of listener reports after which an
// approved track goes back to review.
const flagEscalationThreshold = 5

// isrcPattern matches a normalised ISRC: country, registrant, year, designation.
const isrcPattern = `^[A-Z]{2}[A-Z0-9]{3}[0-9]{2}[0-9]{5}$`

func validateTrackInput(in TrackInput) error {
	switch {
	case strings.TrimSpace(in.Title) == "":
		return &ValidationError{Field: "title", Reason: "required"}
	case in.ArtistID <= 0 || in.AlbumID <= 0:
		return &ValidationError{Field: "artistId", Reason: "artist and album are required"}
	case !regexp.MustCompile(isrcPattern).MatchString(normalizeISRC(in.ISRC)):
		return &ValidationError{Field: "isrc", Reason: "not a valid ISRC"}
	case in.DurationMs <= 0 || in.DurationMs > 4*60*60*1000:
		return &ValidationError{Field: "durationMs", Reason: "must be between 1 ms and 4 hours"}
	case in.TrackNumber <= 0 || in.DiscNumber < 0:
		return &ValidationError{Field: "trackNumber", Reason: "must be positive"}
	case in.RoyaltyRatePct < 0 || in.RoyaltyRatePct > 100 || in.PublisherSplitPct < 0 || in.PublisherSplitPct > 100:
		return &ValidationError{Field: "royaltyRatePct", Reason: "percentages must be within 0..100"}
	case in.Codec != "" && in.Codec != "aac" && in.Codec != "flac" && in.Codec != "opus" && in.Codec != "mp3":
		return &ValidationError{Field: "codec", Reason: "unsupported codec " + in.Codec}
	}
	for _, r := range in.Regions {
		if r != "*" && (len(r) != 2 || strings.ToUpper(r) != r) {
			return &ValidationError{Field: "regions", Reason: fmt.Sprintf("%q is not an ISO 3166 code", r)}
		}
	}
	return nil
}

// normalizeISRC strips the dashes and spaces ISRCs are often written with.
func normalizeISRC(s string) string {
	return strings.ToUpper(strings.NewReplacer("-", "", " ", "").Replace(strings.TrimSpace(s)))
}

// applyTrackInput copies the editable fields onto a track.
func applyTrackInput(t *models.Track, in TrackInput) {
	t.LabelID = in.LabelID
	t.Title = strings.TrimSpace(in.Title)
	t.Version = strings.TrimSpace(in.Version)
	t.TrackNumber = in.TrackNumber
	t.DiscNumber = max(in.DiscNumber, 1)
	t.DurationMs = in.DurationMs
	t.ReleaseDate = in.ReleaseDate
	t.Genre = strings.ToLower(in.Genre)
	t.Language = strings.ToLower(in.Language)
	t.Explicit = in.Explicit
	t.BPM = in.BPM
	t.MusicalKey = in.MusicalKey
	t.LyricsAvailable = in.LyricsAvailable
	t.StoragePath = in.StoragePath
	t.Codec = in.Codec
	t.BitrateKbps = in.BitrateKbps
	t.SampleRateHz = in.SampleRateHz
	t.BitDepth = in.BitDepth
	t.Channels = in.Channels
	t.FileSizeBytes = in.FileSizeBytes
	t.HiResAvailable = in.BitDepth >= 24 && in.SampleRateHz > 48000
	t.RightsHolder = in.RightsHolder
	t.LicenseType = in.LicenseType
	t.LicenseExpiresAt = in.LicenseExpiresAt
	t.AvailableRegions = joinRegions(in.Regions)
	t.RoyaltyRatePct = in.RoyaltyRatePct
	t.PublisherSplitPct = in.PublisherSplitPct
	t.PremiumOnly = in.PremiumOnly
	t.AllowComments = in.AllowComments
}

// joinRegions stores regions as the comma-separated column value; no
// regions means worldwide.
func joinRegions(regions []string) string {
	if len(regions) == 0 {
		return "*"
	}
	return strings.Join(regions, ",")
}
