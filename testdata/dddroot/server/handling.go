package server

import (
	"encoding/json"
	"net/http"
	"time"

	shipping "example.com/shipping"
	"example.com/shipping/handling"
)

var eventTypes = map[string]shipping.HandlingEventType{
	"RECEIVE": shipping.Receive, "LOAD": shipping.Load, "UNLOAD": shipping.Unload,
	"CLAIM": shipping.Claim, "CUSTOMS": shipping.Customs,
}

type handlingHandler struct {
	s *handling.Service
}

func (h *handlingHandler) register(mux *http.ServeMux) {
	mux.HandleFunc("POST /handling/v1/incidents", h.registerIncident)
}

func (h *handlingHandler) registerIncident(w http.ResponseWriter, r *http.Request) {
	var in struct {
		CompletionTime time.Time `json:"completion_time"`
		TrackingID     string    `json:"tracking_id"`
		VoyageNumber   string    `json:"voyage"`
		Location       string    `json:"location"`
		EventType      string    `json:"event_type"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	typ, ok := eventTypes[in.EventType]
	if !ok {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "unknown event type " + in.EventType})
		return
	}
	err := h.s.RegisterHandlingEvent(in.CompletionTime, shipping.TrackingID(in.TrackingID),
		shipping.VoyageNumber(in.VoyageNumber), shipping.UNLocode(in.Location), typ)
	if err != nil {
		encodeError(w, err)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}
