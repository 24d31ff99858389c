package handlers

import (
	"context"
	"net/http"

	"example.com/musicstream/internal/platform/httpx"
	"example.com/musicstream/internal/repositories"
	"example.com/musicstream/internal/services"
)

// SearchAPI is what the search endpoints need from the search service.
type SearchAPI interface {
	Search(ctx context.Context, userID int64, query string, limit int, explicitOK bool) (*services.SearchResult, error)
	Lookup(ctx context.Context, field, value string, limit int) ([]repositories.LookupHit, error)
	AddSynonyms(ctx context.Context, term string, synonyms []string) error
}

// SearchHandler serves search and exact lookups.
type SearchHandler struct {
	svc SearchAPI
}

// NewSearchHandler returns the search endpoints.
func NewSearchHandler(svc SearchAPI) *SearchHandler { return &SearchHandler{svc: svc} }

// Register mounts the routes.
func (h *SearchHandler) Register(mux *http.ServeMux, auth httpx.Middleware) {
	mux.Handle("GET /search", auth(httpx.UserHandlerFunc(h.search)))
	mux.Handle("GET /admin/lookup", auth(httpx.HandlerFunc(h.lookup)))
	mux.Handle("POST /admin/synonyms", auth(httpx.HandlerFunc(h.synonyms)))
}

func (h *SearchHandler) search(w http.ResponseWriter, r *http.Request, userID int64) error {
	limit, err := httpx.QueryInt(r, "limit", 20, 50)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	res, err := h.svc.Search(r.Context(), userID, q.Get("q"), limit, q.Get("explicit") != "false")
	if err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusOK, res)
}

func (h *SearchHandler) lookup(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	hits, err := h.svc.Lookup(r.Context(), q.Get("field"), q.Get("value"), 50)
	if err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusOK, hits)
}

func (h *SearchHandler) synonyms(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		Term     string   `json:"term"`
		Synonyms []string `json:"synonyms"`
	}
	if err := httpx.DecodeJSON(w, r, &body); err != nil {
		return err
	}
	if err := h.svc.AddSynonyms(r.Context(), body.Term, body.Synonyms); err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusNoContent, nil)
}
