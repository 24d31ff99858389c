package handlers

import (
	"context"
	"net/http"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/platform/httpx"
)

// NotificationAPI is what the inbox endpoints need from the notification service.
type NotificationAPI interface {
	Inbox(ctx context.Context, userID int64, unreadOnly bool, limit int) ([]models.Notification, error)
	RegisterPushToken(ctx context.Context, userID, deviceID int64, token, platform string) error
}

// NotificationHandler serves the inbox and push registration.
type NotificationHandler struct {
	svc NotificationAPI
}

// NewNotificationHandler returns the inbox endpoints.
func NewNotificationHandler(svc NotificationAPI) *NotificationHandler {
	return &NotificationHandler{svc: svc}
}

// Register mounts the routes.
func (h *NotificationHandler) Register(mux *http.ServeMux, auth httpx.Middleware) {
	mux.Handle("GET /me/notifications", auth(httpx.UserHandlerFunc(h.inbox)))
	mux.Handle("PUT /me/push-token", auth(httpx.UserHandlerFunc(h.pushToken)))
}

func (h *NotificationHandler) inbox(w http.ResponseWriter, r *http.Request, userID int64) error {
	limit, err := httpx.QueryInt(r, "limit", 30, 100)
	if err != nil {
		return err
	}
	items, err := h.svc.Inbox(r.Context(), userID, r.URL.Query().Get("unread") == "true", limit)
	if err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusOK, items)
}

func (h *NotificationHandler) pushToken(w http.ResponseWriter, r *http.Request, userID int64) error {
	var body struct {
		DeviceID int64  `json:"deviceId"`
		Token    string `json:"token"`
		Platform string `json:"platform"`
	}
	if err := httpx.DecodeJSON(w, r, &body); err != nil {
		return err
	}
	if err := h.svc.RegisterPushToken(r.Context(), userID, body.DeviceID, body.Token, body.Platform); err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusNoContent, nil)
}
