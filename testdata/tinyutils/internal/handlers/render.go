// Package handlers is the HTTP layer of the forge.
package handlers

import (
	"encoding/json"
	"errors"
	"html/template"
	"net/http"

	"example.com/tinyutils/internal/services"
	"example.com/tinyutils/internal/store"
	"example.com/tinyutils/public"
	"example.com/tinyutils/templates"
)

// AppName is shown in page titles.
var AppName = "Forge"

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, err error) {
	status := http.StatusInternalServerError
	switch {
	case errors.Is(err, store.ErrNotFound):
		status = http.StatusNotFound
	case errors.Is(err, services.ErrInvalid):
		status = http.StatusUnprocessableEntity
	case errors.Is(err, services.ErrForbidden):
		status = http.StatusForbidden
	}
	writeJSON(w, status, map[string]string{"message": err.Error()})
}

func renderPage(w http.ResponseWriter, title string, body template.HTML) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	d := templates.Data{App: AppName, Title: title, Assets: public.AssetNames(), Body: body}
	if err := templates.Render(w, d); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func repoOf(r *http.Request) string { return r.PathValue("owner") + "/" + r.PathValue("repo") }
