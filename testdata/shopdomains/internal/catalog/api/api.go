// Package api exposes the catalog over HTTP: browsing for shoppers and
// product and price management for merchandisers.
package api

import (
	"context"
	"net/http"
	"time"

	"example.com/shopdomains/internal/catalog"
	"example.com/shopdomains/internal/platform/httpx"
	"example.com/shopdomains/internal/platform/money"
)

// Stock tells how many units can be sold; the inventory service implements it.
type Stock interface {
	Availability(ctx context.Context, sku string) (int, error)
}

// Handler serves /products and /categories.
type Handler struct {
	svc   *catalog.Service
	stock Stock
}

// New returns the catalog HTTP handler.
func New(svc *catalog.Service, stock Stock) *Handler { return &Handler{svc: svc, stock: stock} }

// Register mounts the routes on mux.
func (h *Handler) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /products", h.list)
	mux.HandleFunc("GET /products/{sku}", h.get)
	mux.HandleFunc("POST /products", h.create)
	mux.HandleFunc("PUT /products/{sku}/price", h.price)
	mux.HandleFunc("DELETE /products/{sku}", h.withdraw)
	mux.HandleFunc("GET /categories", h.categories)
	mux.HandleFunc("POST /categories", h.createCategory)
}

// productView is a product as shown in the shop, with price and stock.
type productView struct {
	catalog.Product
	Price     money.Cents `json:"price"`
	Available int         `json:"available"`
}

func (h *Handler) list(w http.ResponseWriter, r *http.Request) {
	limit, err := httpx.QueryInt(r, "limit", 50, 1, 200)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	offset, err := httpx.QueryInt(r, "offset", 0, 0, 1_000_000)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	category, err := httpx.QueryInt(r, "category", 0, 0, 1<<31-1)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	products, err := h.svc.List(r.Context(), int64(category), limit, offset)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, http.StatusOK, products)
}

func (h *Handler) get(w http.ResponseWriter, r *http.Request) {
	sku := r.PathValue("sku")
	p, err := h.svc.Product(r.Context(), sku)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	view := productView{Product: p}
	if p.Active {
		if view.Price, err = h.svc.PriceOf(r.Context(), sku); err != nil {
			httpx.Error(w, r, err)
			return
		}
		if view.Available, err = h.stock.Availability(r.Context(), sku); err != nil {
			httpx.Error(w, r, err)
			return
		}
	}
	httpx.JSON(w, http.StatusOK, view)
}

func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	var body struct {
		catalog.Product
		Price money.Cents `json:"price"`
	}
	if err := httpx.Decode(w, r, &body); err != nil {
		httpx.Error(w, r, err)
		return
	}
	p, err := h.svc.AddProduct(r.Context(), body.Product, body.Price)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, http.StatusCreated, p)
}

func (h *Handler) price(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Amount money.Cents `json:"amount"`
		From   time.Time   `json:"from"`
	}
	if err := httpx.Decode(w, r, &body); err != nil {
		httpx.Error(w, r, err)
		return
	}
	if err := h.svc.ChangePrice(r.Context(), r.PathValue("sku"), body.Amount, body.From); err != nil {
		httpx.Error(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) withdraw(w http.ResponseWriter, r *http.Request) {
	if err := h.svc.Withdraw(r.Context(), r.PathValue("sku")); err != nil {
		httpx.Error(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) categories(w http.ResponseWriter, r *http.Request) {
	list, err := h.svc.Categories(r.Context())
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, http.StatusOK, list)
}

func (h *Handler) createCategory(w http.ResponseWriter, r *http.Request) {
	var c catalog.Category
	if err := httpx.Decode(w, r, &c); err != nil {
		httpx.Error(w, r, err)
		return
	}
	c, err := h.svc.AddCategory(r.Context(), c)
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, http.StatusCreated, c)
}
