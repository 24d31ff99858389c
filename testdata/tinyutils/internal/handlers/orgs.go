package handlers

import (
	"net/http"
	"strconv"

	"example.com/tinyutils/internal/services"
)

// OrgHandler serves organisation management.
type OrgHandler struct {
	svc *services.OrgService
}

// NewOrgHandler returns an org handler.
func NewOrgHandler(svc *services.OrgService) *OrgHandler { return &OrgHandler{svc: svc} }

// Routes mounts the org endpoints.
func (h *OrgHandler) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /-/orgs", h.create)
	mux.HandleFunc("POST /-/orgs/{id}/members", h.invite)
}

func (h *OrgHandler) create(w http.ResponseWriter, r *http.Request) {
	o, err := h.svc.Create(r.Context(), r.FormValue("name"), r.FormValue("display_name"),
		r.FormValue("website"), r.Header.Get("X-Forge-User"))
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, o)
}

func (h *OrgHandler) invite(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.Error(w, "bad org id", http.StatusBadRequest)
		return
	}
	if err := h.svc.Invite(r.Context(), id, r.Header.Get("X-Forge-User"),
		r.FormValue("user"), r.FormValue("role")); err != nil {
		writeError(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
