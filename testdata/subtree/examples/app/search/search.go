// Package search maintains a full-text index of product reviews so shoppers
// can find products by what other buyers wrote about them.
package search

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"strings"

	"example.com/bigmono/lib/strutil"
)

// Hit is one search result.
type Hit struct {
	ProductID string  `json:"product_id"`
	Snippet   string  `json:"snippet"`
	Rank      float64 `json:"rank"`
}

// Index is the search service.
type Index struct {
	db *sql.DB
}

// NewIndex returns a search index.
func NewIndex(db *sql.DB) *Index { return &Index{db: db} }

// Reindex rebuilds search_documents from the reviews and users tables.
func (ix *Index) Reindex(ctx context.Context) error {
	if _, err := ix.db.ExecContext(ctx, `DELETE FROM search_documents`); err != nil {
		return err
	}
	_, err := ix.db.ExecContext(ctx,
		`INSERT INTO search_documents (product_id, body, tsv)
		 SELECT r.product_id, string_agg(u.display_name || ': ' || r.comment, E'\n'),
		        to_tsvector(string_agg(r.comment, ' '))
		 FROM reviews r JOIN users u ON u.id = r.user_id
		 WHERE NOT u.banned GROUP BY r.product_id`)
	return err
}

// Query returns the best matching products for q.
func (ix *Index) Query(ctx context.Context, q string, limit int) ([]Hit, error) {
	q = strings.Join(strings.Fields(q), " & ")
	rows, err := ix.db.QueryContext(ctx,
		`SELECT product_id, body, ts_rank(tsv, to_tsquery($1)) AS rank FROM search_documents
		 WHERE tsv @@ to_tsquery($1) ORDER BY rank DESC LIMIT $2`, q, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		var h Hit
		if err := rows.Scan(&h.ProductID, &h.Snippet, &h.Rank); err != nil {
			return nil, err
		}
		h.Snippet = strutil.Truncate(h.Snippet, 160)
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// Handler serves GET /search?q=.
func (ix *Index) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits, err := ix.Query(r.Context(), r.URL.Query().Get("q"), 20)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		_ = json.NewEncoder(w).Encode(hits)
	})
}
