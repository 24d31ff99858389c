package handlers

import (
	"html/template"
	"net/http"
	"strconv"

	"example.com/tinyutils/internal/markup"
	"example.com/tinyutils/internal/services"
	"example.com/tinyutils/internal/tool"
)

// IssueHandler serves the issue tracker.
type IssueHandler struct {
	svc      *services.IssueService
	pageSize int
}

// NewIssueHandler returns an issue handler.
func NewIssueHandler(svc *services.IssueService, pageSize int) *IssueHandler {
	return &IssueHandler{svc: svc, pageSize: pageSize}
}

// Routes mounts the issue endpoints.
func (h *IssueHandler) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /{owner}/{repo}/issues", h.list)
	mux.HandleFunc("POST /{owner}/{repo}/issues", h.open)
	mux.HandleFunc("GET /{owner}/{repo}/issues/{number}", h.show)
	mux.HandleFunc("POST /{owner}/{repo}/issues/{number}/close", h.close)
}

func (h *IssueHandler) list(w http.ResponseWriter, r *http.Request) {
	limit, offset := tool.Paginate(r.URL.Query().Get("page"), h.pageSize)
	issues, err := h.svc.List(r.Context(), repoOf(r), r.URL.Query().Get("state") == "closed", limit, offset)
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, issues)
}

func (h *IssueHandler) open(w http.ResponseWriter, r *http.Request) {
	is, err := h.svc.Open(r.Context(), repoOf(r), r.Header.Get("X-Forge-User"),
		r.FormValue("title"), r.FormValue("body"), r.FormValue("assignee"))
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, is)
}

func (h *IssueHandler) show(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.PathValue("number"))
	is, err := h.svc.Get(r.Context(), repoOf(r), n)
	if err != nil {
		writeError(w, err)
		return
	}
	renderPage(w, is.Title, template.HTML(markup.Render(is.Body, "/"+is.Repo)))
}

func (h *IssueHandler) close(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.PathValue("number"))
	if err := h.svc.Close(r.Context(), repoOf(r), n, r.Header.Get("X-Forge-User")); err != nil {
		writeError(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
