// Package api exposes registration and address management over HTTP.
package api

import (
	"net/http"

	"example.com/shopdomains/internal/customers"
	"example.com/shopdomains/internal/platform/httpx"
)

// Handler serves /customers.
type Handler struct {
	svc *customers.Service
}

// New returns the customers HTTP handler.
func New(svc *customers.Service) *Handler { return &Handler{svc: svc} }

// Register mounts the routes on mux.
func (h *Handler) Register(mux *http.ServeMux) {
	mux.HandleFunc("POST /customers", h.register)
	mux.HandleFunc("GET /customers/{id}", h.get)
	mux.HandleFunc("POST /customers/{id}/addresses", h.addAddress)
}

func (h *Handler) register(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Email string `json:"email"`
		Name  string `json:"name"`
	}
	if err := httpx.Decode(w, r, &body); err != nil {
		httpx.Error(w, r, err)
		return
	}
	c, err := h.svc.Register(r.Context(), body.Email, body.Name)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, http.StatusCreated, c)
}

func (h *Handler) get(w http.ResponseWriter, r *http.Request) {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	c, err := h.svc.Get(r.Context(), id)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, http.StatusOK, c)
}

func (h *Handler) addAddress(w http.ResponseWriter, r *http.Request) {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	var a customers.Address
	if err := httpx.Decode(w, r, &a); err != nil {
		httpx.Error(w, r, err)
		return
	}
	a.CustomerID = id
	a, err = h.svc.AddAddress(r.Context(), a)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, http.StatusCreated, a)
}
