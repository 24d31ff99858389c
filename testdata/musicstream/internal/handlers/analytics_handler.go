package handlers

import (
	"context"
	"net/http"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/platform/httpx"
	"example.com/musicstream/internal/services"
)

// AnalyticsAPI is what the analytics endpoints need from the analytics service.
type AnalyticsAPI interface {
	History(ctx context.Context, userID int64, limit int) ([]models.ListeningEvent, error)
	ForgetEvent(ctx context.Context, userID int64, eventID string) error
	Charts(ctx context.Context, days, limit int) ([]models.TrackCount, error)
	TrackInsights(ctx context.Context, trackID int64, days int) (*services.TrackInsights, error)
}

// AnalyticsHandler serves listening history, charts and insights.
type AnalyticsHandler struct {
	svc AnalyticsAPI
}

// NewAnalyticsHandler returns the analytics endpoints.
func NewAnalyticsHandler(svc AnalyticsAPI) *AnalyticsHandler { return &AnalyticsHandler{svc: svc} }

// Register mounts the routes.
func (h *AnalyticsHandler) Register(mux *http.ServeMux, auth httpx.Middleware) {
	mux.Handle("GET /me/history", auth(httpx.UserHandlerFunc(h.history)))
	mux.Handle("DELETE /me/history/{eventID}", auth(httpx.UserHandlerFunc(h.forget)))
	mux.Handle("GET /charts", httpx.HandlerFunc(h.charts))
	mux.Handle("GET /admin/tracks/{id}/insights", auth(httpx.HandlerFunc(h.insights)))
}

func (h *AnalyticsHandler) history(w http.ResponseWriter, r *http.Request, userID int64) error {
	limit, err := httpx.QueryInt(r, "limit", 50, 500)
	if err != nil {
		return err
	}
	evs, err := h.svc.History(r.Context(), userID, limit)
	if err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusOK, evs)
}

func (h *AnalyticsHandler) forget(w http.ResponseWriter, r *http.Request, userID int64) error {
	if err := h.svc.ForgetEvent(r.Context(), userID, r.PathValue("eventID")); err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusNoContent, nil)
}

func (h *AnalyticsHandler) charts(w http.ResponseWriter, r *http.Request) error {
	days, err := httpx.QueryInt(r, "days", 7, 90)
	if err != nil {
		return err
	}
	top, err := h.svc.Charts(r.Context(), days, 100)
	if err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusOK, top)
}

func (h *AnalyticsHandler) insights(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		return err
	}
	days, err := httpx.QueryInt(r, "days", 28, 365)
	if err != nil {
		return err
	}
	ins, err := h.svc.TrackInsights(r.Context(), id, days)
	if err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusOK, ins)
}
