// Package server exposes the booking, tracking and handling use cases over
// HTTP/JSON.
package server

import (
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"time"

	shipping "example.com/shipping"
	"example.com/shipping/booking"
	"example.com/shipping/handling"
	"example.com/shipping/tracking"
)

// Server is the HTTP front of the application.
type Server struct {
	mux *http.ServeMux
}

// New mounts every handler on a fresh mux.
func New(bs *booking.Service, ts *tracking.Service, hs *handling.Service) *Server {
	s := &Server{mux: http.NewServeMux()}
	(&bookingHandler{s: bs}).register(s.mux)
	(&trackingHandler{s: ts}).register(s.mux)
	(&handlingHandler{s: hs}).register(s.mux)
	return s
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	s.mux.ServeHTTP(w, r)
	log.Printf("%s %s (%s)", r.Method, r.URL.Path, time.Since(start))
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func encodeError(w http.ResponseWriter, err error) {
	status := http.StatusInternalServerError
	switch {
	case errors.Is(err, shipping.ErrUnknownCargo), errors.Is(err, shipping.ErrUnknownLocation),
		errors.Is(err, shipping.ErrUnknownVoyage):
		status = http.StatusNotFound
	case errors.Is(err, booking.ErrInvalidArgument), errors.Is(err, shipping.ErrVoyageRequired):
		status = http.StatusBadRequest
	}
	writeJSON(w, status, map[string]string{"error": err.Error()})
}
