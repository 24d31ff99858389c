package jobs

import (
	"context"

	"example.com/musicstream/internal/services"
)

// ReindexJob refreshes the search index from the catalog tables.
type ReindexJob struct {
	search *services.SearchService
}

// NewReindexJob returns the search refresh worker.
func NewReindexJob(search *services.SearchService) *ReindexJob { return &ReindexJob{search: search} }

// Name implements Job.
func (j *ReindexJob) Name() string { return "search-reindex" }

// Run loads the tracks changed since the last refresh.
func (j *ReindexJob) Run(ctx context.Context) error {
	_, err := j.search.Reindex(ctx)
	return err
}
