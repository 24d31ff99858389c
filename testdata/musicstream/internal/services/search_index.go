package services

import (
	"sync"
	"time"

	"example.com/musicstream/internal/models"
)

// Index is an in-memory inverted index of tracks. It is safe for
// concurrent use: searches take a read lock, refreshes a write lock.
type Index struct {
	mu        sync.RWMutex
	docs      map[int64]models.SearchDocument
	postings  map[string]map[int64]bool
	synonyms  map[string][]string
	watermark time.Time
}

// Hit is a document with its relevance score.
type Hit struct {
	Doc    models.SearchDocument `json:"track"`
	Score  float64               `json:"score"`
	Locked bool                  `json:"locked"`
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{docs: map[int64]models.SearchDocument{}, postings: map[string]map[int64]bool{}, synonyms: map[string][]string{}}
}

// Upsert replaces the given documents and advances the watermark.
func (ix *Index) Upsert(docs []models.SearchDocument, watermark time.Time) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, d := range docs {
		if old, ok := ix.docs[d.TrackID]; ok {
			for _, term := range documentTerms(old) {
				delete(ix.postings[term], d.TrackID)
			}
		}
		ix.docs[d.TrackID] = d
		for _, term := range documentTerms(d) {
			if ix.postings[term] == nil {
				ix.postings[term] = map[int64]bool{}
			}
			ix.postings[term][d.TrackID] = true
		}
	}
	if watermark.After(ix.watermark) {
		ix.watermark = watermark
	}
}

// SetSynonyms replaces the synonym table.
func (ix *Index) SetSynonyms(syn map[string][]string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.synonyms = syn
}

// Watermark is the time of the last refresh.
func (ix *Index) Watermark() time.Time {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.watermark
}

// Len returns the number of documents.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.docs)
}

// Search returns up to limit hits, best first. Every query term (or one of
// its synonyms) must match.
func (ix *Index) Search(query string, limit int) []Hit {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	terms := tokenize(query)
	if len(terms) == 0 {
		return nil
	}
	var candidates map[int64]bool
	for _, term := range terms {
		matched := map[int64]bool{}
		for _, variant := range append([]string{term}, ix.synonyms[term]...) {
			for id := range ix.postings[variant] {
				matched[id] = true
			}
		}
		if candidates == nil {
			candidates = matched
			continue
		}
		for id := range candidates {
			if !matched[id] {
				delete(candidates, id)
			}
		}
	}
	hits := make([]Hit, 0, len(candidates))
	for id := range candidates {
		d := ix.docs[id]
		hits = append(hits, Hit{Doc: d, Score: scoreDocument(d, terms)})
	}
	sortHits(hits)
	if len(hits) > limit {
		hits = hits[:limit]
	}
	return hits
}
