// Package handlers is the HTTP API. Each handler talks to its service
// through a small interface declared here, so handlers can be tested with
// fakes and do not see repositories.
package handlers

import (
	"context"
	"net/http"
	"strings"
	"time"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/platform/httpx"
	"example.com/musicstream/internal/services"
)

// CatalogAPI is what the catalog endpoints need from the catalog service.
type CatalogAPI interface {
	GetTrack(ctx context.Context, id int64) (*models.Track, error)
	CreateTrack(ctx context.Context, in services.TrackInput) (*models.Track, error)
	UpdateTrack(ctx context.Context, id int64, in services.TrackInput) (*models.Track, error)
	DeleteTrack(ctx context.Context, id int64) error
	ModerateTrack(ctx context.Context, id int64, status models.ModerationStatus, reason string) error
	ReportTrack(ctx context.Context, id int64) error
	GetAlbum(ctx context.Context, id int64) (*services.AlbumView, error)
	PublishAlbum(ctx context.Context, id int64) error
	CreateArtist(ctx context.Context, a *models.Artist) error
}

// TrackHandler serves the track and album endpoints.
type TrackHandler struct {
	svc CatalogAPI
}

// NewTrackHandler returns the catalog endpoints.
func NewTrackHandler(svc CatalogAPI) *TrackHandler { return &TrackHandler{svc: svc} }

// Register mounts the routes; editor routes are behind auth.
func (h *TrackHandler) Register(mux *http.ServeMux, auth httpx.Middleware) {
	mux.Handle("GET /tracks/{id}", httpx.HandlerFunc(h.get))
	mux.Handle("POST /tracks", auth(httpx.HandlerFunc(h.create)))
	mux.Handle("PUT /tracks/{id}", auth(httpx.HandlerFunc(h.update)))
	mux.Handle("DELETE /tracks/{id}", auth(httpx.HandlerFunc(h.delete)))
	mux.Handle("POST /tracks/{id}/moderation", auth(httpx.HandlerFunc(h.moderate)))
	mux.Handle("POST /tracks/{id}/reports", auth(httpx.HandlerFunc(h.report)))
	mux.Handle("GET /albums/{id}", httpx.HandlerFunc(h.album))
	mux.Handle("POST /albums/{id}/publish", auth(httpx.HandlerFunc(h.publish)))
	mux.Handle("POST /artists", auth(httpx.HandlerFunc(h.createArtist)))
}

func (h *TrackHandler) get(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		return err
	}
	t, err := h.svc.GetTrack(r.Context(), id)
	if err != nil {
		return err
	}
	if t.Hidden {
		return httpx.JSON(w, http.StatusGone, map[string]string{"reason": "taken down"})
	}
	return httpx.JSON(w, http.StatusOK, toTrackResponse(t, r.URL.Query().Get("view") == "admin"))
}

func (h *TrackHandler) create(w http.ResponseWriter, r *http.Request) error {
	var in services.TrackInput
	if err := httpx.DecodeJSON(w, r, &in); err != nil {
		return err
	}
	t, err := h.svc.CreateTrack(r.Context(), in)
	if err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusCreated, toTrackResponse(t, true))
}

func (h *TrackHandler) update(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		return err
	}
	var in services.TrackInput
	if err := httpx.DecodeJSON(w, r, &in); err != nil {
		return err
	}
	t, err := h.svc.UpdateTrack(r.Context(), id, in)
	if err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusOK, toTrackResponse(t, true))
}

func (h *TrackHandler) delete(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := h.svc.DeleteTrack(r.Context(), id); err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusNoContent, nil)
}

func (h *TrackHandler) moderate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		return err
	}
	var body struct {
		Status string `json:"status"`
		Reason string `json:"reason"`
	}
	if err := httpx.DecodeJSON(w, r, &body); err != nil {
		return err
	}
	status, err := models.ParseModerationStatus(body.Status)
	if err != nil {
		return httpx.BadRequest("%v", err)
	}
	if err := h.svc.ModerateTrack(r.Context(), id, status, strings.TrimSpace(body.Reason)); err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusNoContent, nil)
}

func (h *TrackHandler) report(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := h.svc.ReportTrack(r.Context(), id); err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusAccepted, nil)
}

func (h *TrackHandler) album(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		return err
	}
	view, err := h.svc.GetAlbum(r.Context(), id)
	if err != nil {
		return err
	}
	tracks := make([]trackResponse, 0, len(view.Tracks))
	for i := range view.Tracks {
		tracks = append(tracks, toTrackResponse(&view.Tracks[i], false))
	}
	return httpx.JSON(w, http.StatusOK, map[string]any{"album": view.Album, "artist": view.Artist, "tracks": tracks})
}

func (h *TrackHandler) publish(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := h.svc.PublishAlbum(r.Context(), id); err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusNoContent, nil)
}

func (h *TrackHandler) createArtist(w http.ResponseWriter, r *http.Request) error {
	var a models.Artist
	if err := httpx.DecodeJSON(w, r, &a); err != nil {
		return err
	}
	if err := h.svc.CreateArtist(r.Context(), &a); err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusCreated, a)
}

// trackAdminExt is what editors see beyond the public fields.
type trackAdminExt struct {
	LabelID           int64      `json:"labelId"`
	StoragePath       string     `json:"storagePath"`
	FileSizeBytes     int64      `json:"fileSizeBytes"`
	RightsHolder      string     `json:"rightsHolder"`
	LicenseType       string     `json:"licenseType"`
	LicenseExpiresAt  *time.Time `json:"licenseExpiresAt,omitempty"`
	RoyaltyRatePct    float64    `json:"royaltyRatePct"`
	PublisherSplitPct float64    `json:"publisherSplitPct"`
	FlagCount         int        `json:"flagCount"`
	TakedownReason    string     `json:"takedownReason,omitempty"`
	Hidden            bool       `json:"hidden"`
}

// trackResponse is the JSON shape of a track: the model's own tags plus
// the moderation state by name and, for editors, the internal columns.
type trackResponse struct {
	*models.Track
	Moderation     string         `json:"moderation"`
	EffectivePrice int64          `json:"effectivePriceCents"`
	New            bool           `json:"new"`
	Admin          *trackAdminExt `json:"admin,omitempty"`
}

func toTrackResponse(t *models.Track, admin bool) trackResponse {
	resp := trackResponse{
		Track:          t,
		Moderation:     t.ModerationStatus.String(),
		EffectivePrice: t.PriceCents * int64(100-t.DiscountPct) / 100,
		New:            time.Since(t.CreatedAt) < 14*24*time.Hour,
	}
	if admin {
		resp.Admin = &trackAdminExt{
			LabelID: t.LabelID, StoragePath: t.StoragePath, FileSizeBytes: t.FileSizeBytes,
			RightsHolder: t.RightsHolder, LicenseType: t.LicenseType, LicenseExpiresAt: t.LicenseExpiresAt,
			RoyaltyRatePct: t.RoyaltyRatePct, PublisherSplitPct: t.PublisherSplitPct,
			FlagCount: t.FlagCount, TakedownReason: t.TakedownReason, Hidden: t.Hidden,
		}
	}
	return resp
}
