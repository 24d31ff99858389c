// Package api exposes the warehouse's shipping operations over HTTP.
package api

import (
	"net/http"

	"example.com/shopdomains/internal/platform/httpx"
	"example.com/shopdomains/internal/shipping"
)

// Handler serves /shipments.
type Handler struct {
	svc *shipping.Service
}

// New returns the shipping HTTP handler.
func New(svc *shipping.Service) *Handler { return &Handler{svc: svc} }

// Register mounts the routes on mux.
func (h *Handler) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /shipments/ready", h.ready)
	mux.HandleFunc("POST /shipments", h.create)
	mux.HandleFunc("GET /shipments/{id}", h.track)
	mux.HandleFunc("POST /shipments/{id}/dispatch", h.dispatch)
	mux.HandleFunc("POST /shipments/{id}/delivered", h.delivered)
}

func (h *Handler) ready(w http.ResponseWriter, r *http.Request) {
	limit, err := httpx.QueryInt(r, "limit", 100, 1, 500)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	list, err := h.svc.ReadyToShip(r.Context(), limit)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, http.StatusOK, list)
}

func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	var body struct {
		OrderID     int64 `json:"orderId"`
		WeightGrams int   `json:"weightGrams"`
	}
	if err := httpx.Decode(w, r, &body); err != nil {
		httpx.Error(w, r, err)
		return
	}
	sh, err := h.svc.CreateLabel(r.Context(), body.OrderID, body.WeightGrams)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, http.StatusCreated, sh)
}

func (h *Handler) track(w http.ResponseWriter, r *http.Request) {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	sh, events, err := h.svc.Track(r.Context(), id)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, http.StatusOK, map[string]any{"shipment": sh, "events": events})
}

func (h *Handler) dispatch(w http.ResponseWriter, r *http.Request) {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	if err := h.svc.Dispatch(r.Context(), id); err != nil {
		httpx.Error(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) delivered(w http.ResponseWriter, r *http.Request) {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	var body struct {
		Note string `json:"note"`
	}
	if err := httpx.Decode(w, r, &body); err != nil {
		httpx.Error(w, r, err)
		return
	}
	if err := h.svc.Delivered(r.Context(), id, body.Note); err != nil {
		httpx.Error(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
