package services

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"example.com/musicstream/internal/models"
)

// tokenize lower-cases and splits on anything that is not a letter or digit.
func tokenize(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// documentTerms lists the indexed terms of a document.
func documentTerms(d models.SearchDocument) []string {
	var out []string
	for _, field := range []string{d.Title, d.ArtistName, d.AlbumTitle, d.Genre, d.Keywords} {
		out = append(out, tokenize(field)...)
	}
	return out
}

// scoreDocument weighs title matches over artist, album and keyword
// matches, then applies editorial boosts and popularity.
func scoreDocument(d models.SearchDocument, terms []string) float64 {
	title, artist, album := tokenize(d.Title), tokenize(d.ArtistName), tokenize(d.AlbumTitle)
	score := 0.0
	for _, t := range terms {
		switch {
		case slices.Contains(title, t):
			score += 3
		case slices.Contains(artist, t):
			score += 2
		case slices.Contains(album, t):
			score += 1
		default:
			score += 0.5
		}
	}
	if d.Editorial {
		score *= 1.2
	}
	return score*(1+d.Boost) + d.Popularity
}

// sortHits orders hits by score, then by track ID for stable pages.
func sortHits(hits []Hit) {
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].Doc.TrackID < hits[j].Doc.TrackID
	})
}
