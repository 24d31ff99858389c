package handlers

import (
	"html/template"
	"net/http"

	"example.com/tinyutils/internal/markup"
	"example.com/tinyutils/internal/services"
)

// WikiHandler serves repository wikis.
type WikiHandler struct {
	svc *services.WikiService
}

// NewWikiHandler returns a wiki handler.
func NewWikiHandler(svc *services.WikiService) *WikiHandler { return &WikiHandler{svc: svc} }

// Routes mounts the wiki endpoints.
func (h *WikiHandler) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /{owner}/{repo}/wiki/{slug...}", h.page)
	mux.HandleFunc("POST /{owner}/{repo}/wiki", h.edit)
}

func (h *WikiHandler) page(w http.ResponseWriter, r *http.Request) {
	p, err := h.svc.Page(r.Context(), repoOf(r), r.PathValue("slug"))
	if err != nil {
		writeError(w, err)
		return
	}
	renderPage(w, p.Title, template.HTML(markup.Render(p.Content, "/"+p.Repo)))
}

func (h *WikiHandler) edit(w http.ResponseWriter, r *http.Request) {
	var msg *string
	if m := r.FormValue("message"); m != "" {
		msg = &m
	}
	p, err := h.svc.Edit(r.Context(), repoOf(r), r.FormValue("title"), r.FormValue("content"),
		r.Header.Get("X-Forge-User"), msg)
	if err != nil {
		writeError(w, err)
		return
	}
	http.Redirect(w, r, "/"+p.Repo+"/wiki/"+p.Slug, http.StatusSeeOther)
}
