package handlers

import (
	"log/slog"
	"net/http"

	"example.com/musicstream/internal/platform/httpx"
)

// Routes is every endpoint group the server mounts.
type Routes struct {
	Tracks        *TrackHandler
	Playback      *PlaybackHandler
	Accounts      *AccountHandler
	Billing       *BillingHandler
	Search        *SearchHandler
	Playlists     *PlaylistHandler
	Social        *SocialHandler
	Notifications *NotificationHandler
	Analytics     *AnalyticsHandler
}

// NewRouter mounts every group on one mux behind the common middleware.
func NewRouter(rt Routes, auth httpx.Authenticator, logger *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	requireAuth := httpx.RequireAuth(auth)
	rt.Tracks.Register(mux, requireAuth)
	rt.Playback.Register(mux, requireAuth)
	rt.Accounts.Register(mux, requireAuth)
	rt.Billing.Register(mux, requireAuth)
	rt.Search.Register(mux, requireAuth)
	rt.Playlists.Register(mux, requireAuth)
	rt.Social.Register(mux, requireAuth)
	rt.Notifications.Register(mux, requireAuth)
	rt.Analytics.Register(mux, requireAuth)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		httpx.WriteJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	return httpx.Chain(mux, httpx.Recover, httpx.RequestLog(logger))
}
