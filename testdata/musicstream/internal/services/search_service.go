package services

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/repositories"
)

// SearchService answers track searches from an in-memory index that a
// background job refreshes from the catalog tables.
type SearchService struct {
	repo    *repositories.SearchRepository
	billing *BillingService
	index   *Index
	log     *slog.Logger
	now     func() time.Time
}

// NewSearchService wires the search domain with an empty index.
func NewSearchService(repo *repositories.SearchRepository, billing *BillingService, log *slog.Logger) *SearchService {
	return &SearchService{repo: repo, billing: billing, index: NewIndex(), log: log, now: time.Now}
}

// SearchResult is one page of hits with the logged query's ID, which
// relevance reports join clicks on.
type SearchResult struct {
	QueryID int64 `json:"queryId"`
	Total   int   `json:"total"`
	Hits    []Hit `json:"hits"`
}

// Reindex loads the tracks changed since the last run into the index.
func (s *SearchService) Reindex(ctx context.Context) (int, error) {
	started := s.now().UTC()
	changed, err := s.repo.ChangedTracks(ctx, s.index.Watermark())
	if err != nil {
		return 0, err
	}
	docs := make([]models.SearchDocument, 0, len(changed))
	for _, it := range changed {
		t := it.Track
		docs = append(docs, models.SearchDocument{
			TrackID:     t.ID,
			Title:       t.Title,
			ArtistName:  it.ArtistName,
			AlbumTitle:  it.AlbumTitle,
			Genre:       t.Genre,
			Language:    t.Language,
			Keywords:    t.Keywords,
			Boost:       t.SearchBoost,
			Popularity:  t.TrendingScore,
			Explicit:    t.Explicit,
			PremiumOnly: t.PremiumOnly,
			Editorial:   t.EditorialPick,
		})
	}
	syn, err := s.repo.Synonyms(ctx)
	if err != nil {
		return 0, err
	}
	s.index.SetSynonyms(syn)
	s.index.Upsert(docs, started)
	return len(docs), nil
}

// Search runs a query for a user. Premium-only tracks are ranked lower for
// free users rather than hidden, so they can discover what an upgrade gets.
func (s *SearchService) Search(ctx context.Context, userID int64, query string, limit int, explicitOK bool) (*SearchResult, error) {
	q := strings.TrimSpace(query)
	if len([]rune(q)) < 2 || len(q) > 200 {
		return nil, &ValidationError{Field: "q", Reason: "between 2 and 200 characters"}
	}
	premium, err := s.billing.HasPremium(ctx, userID)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	hits := s.index.Search(q, limit*3)
	out := hits[:0]
	for _, h := range hits {
		if h.Doc.Explicit && !explicitOK {
			continue
		}
		if h.Doc.PremiumOnly && !premium {
			h.Score *= 0.5
			h.Locked = true
		}
		out = append(out, h)
	}
	sortHits(out)
	if len(out) > limit {
		out = out[:limit]
	}
	logged := &models.SearchQuery{UserID: userID, Query: q, Results: len(out), CreatedAt: s.now().UTC()}
	if err := s.repo.LogQuery(ctx, logged); err != nil {
		s.log.Warn("log search query", "err", err)
	}
	return &SearchResult{QueryID: logged.ID, Total: len(out), Hits: out}, nil
}

// AddSynonyms makes a term also match its synonyms from the next reindex on.
func (s *SearchService) AddSynonyms(ctx context.Context, term string, synonyms []string) error {
	term = strings.ToLower(strings.TrimSpace(term))
	if term == "" || len(synonyms) == 0 {
		return &ValidationError{Field: "term", Reason: "a term and at least one synonym are required"}
	}
	for _, syn := range synonyms {
		if err := s.repo.AddSynonym(ctx, term, strings.ToLower(strings.TrimSpace(syn))); err != nil {
			return err
		}
	}
	return nil
}

// Lookup finds tracks by an exact field, for support tools.
func (s *SearchService) Lookup(ctx context.Context, field, value string, limit int) ([]repositories.LookupHit, error) {
	if strings.TrimSpace(value) == "" {
		return nil, &ValidationError{Field: "value", Reason: "required"}
	}
	return s.repo.Lookup(ctx, field, value, limit)
}
