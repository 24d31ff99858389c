package server

import (
	"net/http"

	"example.com/shipping/tracking"
)

type trackingHandler struct {
	s *tracking.Service
}

func (h *trackingHandler) register(mux *http.ServeMux) {
	mux.HandleFunc("GET /tracking/v1/cargos/{id}", h.track)
}

func (h *trackingHandler) track(w http.ResponseWriter, r *http.Request) {
	c, err := h.s.Track(r.PathValue("id"))
	if err != nil {
		encodeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]tracking.Cargo{"cargo": c})
}
