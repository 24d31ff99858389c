package handlers

import (
	"context"
	"net/http"
	"strings"

	"example.com/musicstream/internal/platform/httpx"
	"example.com/musicstream/internal/services"
)

// PlaybackAPI is what the player endpoints need from the playback service.
type PlaybackAPI interface {
	StartStream(ctx context.Context, userID, trackID int64, req services.StreamRequest) (*services.StreamGrant, error)
	EndStream(ctx context.Context, userID int64, sessionID string, end services.StreamEnd) error
}

// PlaybackHandler serves the player endpoints.
type PlaybackHandler struct {
	svc PlaybackAPI
}

// NewPlaybackHandler returns the player endpoints.
func NewPlaybackHandler(svc PlaybackAPI) *PlaybackHandler { return &PlaybackHandler{svc: svc} }

// Register mounts the routes; every one needs a signed-in user.
func (h *PlaybackHandler) Register(mux *http.ServeMux, auth httpx.Middleware) {
	mux.Handle("POST /tracks/{id}/stream", auth(httpx.UserHandlerFunc(h.start)))
	mux.Handle("POST /streams/{sid}/end", auth(httpx.UserHandlerFunc(h.end)))
}

func (h *PlaybackHandler) start(w http.ResponseWriter, r *http.Request, userID int64) error {
	trackID, err := httpx.PathID(r, "id")
	if err != nil {
		return err
	}
	var req services.StreamRequest
	if err := httpx.DecodeJSON(w, r, &req); err != nil {
		return err
	}
	req.Country = strings.ToUpper(r.Header.Get("CF-IPCountry"))
	req.IP = httpx.ClientIP(r)
	grant, err := h.svc.StartStream(r.Context(), userID, trackID, req)
	if err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusCreated, grant)
}

func (h *PlaybackHandler) end(w http.ResponseWriter, r *http.Request, userID int64) error {
	var end services.StreamEnd
	if err := httpx.DecodeJSON(w, r, &end); err != nil {
		return err
	}
	if err := h.svc.EndStream(r.Context(), userID, r.PathValue("sid"), end); err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusNoContent, nil)
}
