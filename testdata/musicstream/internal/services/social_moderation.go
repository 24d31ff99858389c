package services

import (
	"strings"
	"unicode/utf8"

	"example.com/musicstream/internal/models"
)

// blockedWords are rejected in comments; the trust and safety team keeps
// the real list in the moderation console, this is the offline fallback.
const blockedWords = "spam-link,free-followers,buy-streams"

// maxCommentRunes bounds comment length.
const maxCommentRunes = 1000

// sanitizeComment trims a comment and rejects empty, oversized or
// blocked-word comments.
func sanitizeComment(body string) (string, error) {
	clean := strings.TrimSpace(strings.ReplaceAll(body, "\r\n", "\n"))
	switch {
	case clean == "":
		return "", &ValidationError{Field: "body", Reason: "required"}
	case utf8.RuneCountInString(clean) > maxCommentRunes:
		return "", &ValidationError{Field: "body", Reason: "at most 1000 characters"}
	}
	lower := strings.ToLower(clean)
	for _, w := range strings.Split(blockedWords, ",") {
		if strings.Contains(lower, w) {
			return "", &ValidationError{Field: "body", Reason: "contains blocked content"}
		}
	}
	return clean, nil
}

func validatePlaylistInput(in PlaylistInput) error {
	title := strings.TrimSpace(in.Title)
	if title == "" || utf8.RuneCountInString(title) > 100 {
		return &ValidationError{Field: "title", Reason: "1 to 100 characters"}
	}
	if utf8.RuneCountInString(in.Description) > 300 {
		return &ValidationError{Field: "description", Reason: "at most 300 characters"}
	}
	return nil
}

func validateFolloweeType(t string) error {
	switch t {
	case models.FollowArtist, models.FollowUser, models.FollowPlaylist:
		return nil
	}
	return &ValidationError{Field: "followeeType", Reason: "artist, user or playlist"}
}
