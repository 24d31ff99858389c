package handlers

import (
	"context"
	"net/http"
	"time"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/platform/httpx"
	"example.com/musicstream/internal/services"
)

// BillingAPI is what the billing endpoints need from the billing service.
type BillingAPI interface {
	Plans(ctx context.Context) ([]models.Plan, error)
	SavePlan(ctx context.Context, p *models.Plan) error
	Subscribe(ctx context.Context, userID int64, planCode, paymentToken string) (*models.Subscription, error)
	RevenueByPlan(ctx context.Context, since time.Time) ([]services.PlanRevenue, error)
}

// BillingHandler serves plans, subscriptions and revenue reports.
type BillingHandler struct {
	svc BillingAPI
}

// NewBillingHandler returns the billing endpoints.
func NewBillingHandler(svc BillingAPI) *BillingHandler { return &BillingHandler{svc: svc} }

// Register mounts the routes.
func (h *BillingHandler) Register(mux *http.ServeMux, auth httpx.Middleware) {
	mux.Handle("GET /plans", httpx.HandlerFunc(h.plans))
	mux.Handle("PUT /admin/plans", auth(httpx.HandlerFunc(h.savePlan)))
	mux.Handle("POST /me/subscription", auth(httpx.UserHandlerFunc(h.subscribe)))
	mux.Handle("GET /admin/revenue", auth(httpx.HandlerFunc(h.revenue)))
}

func (h *BillingHandler) plans(w http.ResponseWriter, r *http.Request) error {
	ps, err := h.svc.Plans(r.Context())
	if err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusOK, ps)
}

func (h *BillingHandler) savePlan(w http.ResponseWriter, r *http.Request) error {
	var p models.Plan
	if err := httpx.DecodeJSON(w, r, &p); err != nil {
		return err
	}
	if err := h.svc.SavePlan(r.Context(), &p); err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusOK, p)
}

func (h *BillingHandler) subscribe(w http.ResponseWriter, r *http.Request, userID int64) error {
	var body struct {
		Plan         string `json:"plan"`
		PaymentToken string `json:"paymentToken"`
	}
	if err := httpx.DecodeJSON(w, r, &body); err != nil {
		return err
	}
	sub, err := h.svc.Subscribe(r.Context(), userID, body.Plan, body.PaymentToken)
	if err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusCreated, sub)
}

func (h *BillingHandler) revenue(w http.ResponseWriter, r *http.Request) error {
	days, err := httpx.QueryInt(r, "days", 30, 366)
	if err != nil {
		return err
	}
	rows, err := h.svc.RevenueByPlan(r.Context(), time.Now().AddDate(0, 0, -days))
	if err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusOK, rows)
}
