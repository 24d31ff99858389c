package server

import (
	"encoding/json"
	"net/http"
	"time"

	shipping "example.com/shipping"
	"example.com/shipping/booking"
)

type bookingHandler struct {
	s *booking.Service
}

func (h *bookingHandler) register(mux *http.ServeMux) {
	mux.HandleFunc("POST /booking/v1/cargos", h.bookCargo)
	mux.HandleFunc("GET /booking/v1/cargos/{id}/request_routes", h.requestRoutes)
	mux.HandleFunc("POST /booking/v1/cargos/{id}/assign_to_route", h.assignToRoute)
	mux.HandleFunc("POST /booking/v1/cargos/{id}/change_destination", h.changeDestination)
	mux.HandleFunc("GET /booking/v1/locations", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, h.s.Locations())
	})
}

func (h *bookingHandler) bookCargo(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Origin      shipping.UNLocode `json:"origin"`
		Destination shipping.UNLocode `json:"destination"`
		Deadline    time.Time         `json:"arrival_deadline"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		encodeError(w, booking.ErrInvalidArgument)
		return
	}
	id, err := h.s.BookNewCargo(in.Origin, in.Destination, in.Deadline)
	if err != nil {
		encodeError(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]shipping.TrackingID{"tracking_id": id})
}

func (h *bookingHandler) requestRoutes(w http.ResponseWriter, r *http.Request) {
	its, err := h.s.RequestPossibleRoutes(shipping.TrackingID(r.PathValue("id")))
	if err != nil {
		encodeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, its)
}

func (h *bookingHandler) assignToRoute(w http.ResponseWriter, r *http.Request) {
	var it shipping.Itinerary
	if err := json.NewDecoder(r.Body).Decode(&it); err != nil {
		encodeError(w, booking.ErrInvalidArgument)
		return
	}
	if err := h.s.AssignCargoToRoute(shipping.TrackingID(r.PathValue("id")), it); err != nil {
		encodeError(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *bookingHandler) changeDestination(w http.ResponseWriter, r *http.Request) {
	dest := shipping.UNLocode(r.FormValue("destination"))
	if err := h.s.ChangeDestination(shipping.TrackingID(r.PathValue("id")), dest); err != nil {
		encodeError(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
