package handlers

import (
	"net/http"
	"strconv"

	"example.com/tinyutils/internal/process"
	"example.com/tinyutils/internal/services"
)

// ReleaseHandler serves releases.
type ReleaseHandler struct {
	svc *services.ReleaseService
}

// NewReleaseHandler returns a release handler.
func NewReleaseHandler(svc *services.ReleaseService) *ReleaseHandler {
	return &ReleaseHandler{svc: svc}
}

// Routes mounts the release endpoints.
func (h *ReleaseHandler) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /{owner}/{repo}/releases/latest", h.latest)
	mux.HandleFunc("POST /{owner}/{repo}/releases", h.publish)
	mux.HandleFunc("GET /-/admin/archives", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, process.List())
	})
}

func (h *ReleaseHandler) latest(w http.ResponseWriter, r *http.Request) {
	rel, err := h.svc.Latest(r.Context(), repoOf(r))
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, rel)
}

func (h *ReleaseHandler) publish(w http.ResponseWriter, r *http.Request) {
	var draft *bool
	if v, err := strconv.ParseBool(r.FormValue("draft")); err == nil {
		draft = &v
	}
	rel, err := h.svc.Publish(r.Context(), repoOf(r), r.FormValue("tag"), r.FormValue("name"),
		r.FormValue("notes"), draft)
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, rel)
}
