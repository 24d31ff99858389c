// Package api exposes checkout and order history over HTTP.
package api

import (
	"net/http"

	"example.com/shopdomains/internal/orders"
	"example.com/shopdomains/internal/payments"
	"example.com/shopdomains/internal/platform/httpx"
	"example.com/shopdomains/internal/platform/validate"
)

// Handler serves /orders.
type Handler struct {
	orders   *orders.Service
	payments *payments.Service
}

// New returns the orders HTTP handler.
func New(o *orders.Service, p *payments.Service) *Handler {
	return &Handler{orders: o, payments: p}
}

// Register mounts the routes on mux.
func (h *Handler) Register(mux *http.ServeMux) {
	mux.HandleFunc("POST /orders", h.place)
	mux.HandleFunc("GET /orders/{id}", h.get)
	mux.HandleFunc("POST /orders/{id}/cancel", h.cancel)
	mux.HandleFunc("GET /orders/{id}/payment", h.payment)
	mux.HandleFunc("GET /customers/{id}/orders", h.history)
}

func (h *Handler) place(w http.ResponseWriter, r *http.Request) {
	var req orders.PlaceRequest
	if err := httpx.Decode(w, r, &req); err != nil {
		httpx.Error(w, r, err)
		return
	}
	o, err := h.orders.Place(r.Context(), req)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, http.StatusCreated, o)
}

func (h *Handler) get(w http.ResponseWriter, r *http.Request) {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	o, err := h.orders.Get(r.Context(), id)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, http.StatusOK, o)
}

func (h *Handler) cancel(w http.ResponseWriter, r *http.Request) {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	var body struct {
		Reason string `json:"reason"`
	}
	if err := httpx.Decode(w, r, &body); err != nil {
		httpx.Error(w, r, err)
		return
	}
	if err := validate.Required("reason", body.Reason); err != nil {
		httpx.Error(w, r, err)
		return
	}
	if err := h.orders.Cancel(r.Context(), id, body.Reason); err != nil {
		httpx.Error(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// payment shows the order's payment and refunds; support staff use it.
func (h *Handler) payment(w http.ResponseWriter, r *http.Request) {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	p, refunds, err := h.payments.ForOrder(r.Context(), id)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, http.StatusOK, map[string]any{"payment": p, "refunds": refunds})
}

func (h *Handler) history(w http.ResponseWriter, r *http.Request) {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	limit, err := httpx.QueryInt(r, "limit", 20, 1, 100)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	list, err := h.orders.History(r.Context(), id, limit)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, http.StatusOK, list)
}
