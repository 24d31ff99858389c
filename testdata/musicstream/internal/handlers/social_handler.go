package handlers

import (
	"context"
	"net/http"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/platform/httpx"
	"example.com/musicstream/internal/services"
)

// SocialAPI is what the playlist and social endpoints need from the social service.
type SocialAPI interface {
	CreatePlaylist(ctx context.Context, ownerID int64, in services.PlaylistInput) (*models.Playlist, error)
	Playlist(ctx context.Context, userID, id int64) (*services.PlaylistView, error)
	AddToPlaylist(ctx context.Context, userID, playlistID, trackID int64) error
	Follow(ctx context.Context, userID, followeeID int64, followeeType string) error
	SetLike(ctx context.Context, userID, trackID int64, liked bool) error
	Comment(ctx context.Context, userID, trackID int64, body string, parentID *int64) (*models.Comment, error)
	Engagement(ctx context.Context, trackID int64) (*services.Engagement, error)
}

// PlaylistHandler serves playlists.
type PlaylistHandler struct {
	svc SocialAPI
}

// NewPlaylistHandler returns the playlist endpoints.
func NewPlaylistHandler(svc SocialAPI) *PlaylistHandler { return &PlaylistHandler{svc: svc} }

// Register mounts the routes.
func (h *PlaylistHandler) Register(mux *http.ServeMux, auth httpx.Middleware) {
	mux.Handle("POST /playlists", auth(httpx.UserHandlerFunc(h.create)))
	mux.Handle("GET /playlists/{id}", auth(httpx.UserHandlerFunc(h.get)))
	mux.Handle("POST /playlists/{id}/tracks", auth(httpx.UserHandlerFunc(h.addTrack)))
}

func (h *PlaylistHandler) create(w http.ResponseWriter, r *http.Request, userID int64) error {
	var in services.PlaylistInput
	if err := httpx.DecodeJSON(w, r, &in); err != nil {
		return err
	}
	p, err := h.svc.CreatePlaylist(r.Context(), userID, in)
	if err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusCreated, p)
}

func (h *PlaylistHandler) get(w http.ResponseWriter, r *http.Request, userID int64) error {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		return err
	}
	view, err := h.svc.Playlist(r.Context(), userID, id)
	if err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusOK, view)
}

func (h *PlaylistHandler) addTrack(w http.ResponseWriter, r *http.Request, userID int64) error {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		return err
	}
	var body struct {
		TrackID int64 `json:"trackId"`
	}
	if err := httpx.DecodeJSON(w, r, &body); err != nil {
		return err
	}
	if err := h.svc.AddToPlaylist(r.Context(), userID, id, body.TrackID); err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusNoContent, nil)
}

// SocialHandler serves follows, likes and comments.
type SocialHandler struct {
	svc SocialAPI
}

// NewSocialHandler returns the social endpoints.
func NewSocialHandler(svc SocialAPI) *SocialHandler { return &SocialHandler{svc: svc} }

// Register mounts the routes.
func (h *SocialHandler) Register(mux *http.ServeMux, auth httpx.Middleware) {
	mux.Handle("PUT /follows/{type}/{id}", auth(httpx.UserHandlerFunc(h.follow)))
	mux.Handle("PUT /tracks/{id}/like", auth(httpx.UserHandlerFunc(h.like)))
	mux.Handle("DELETE /tracks/{id}/like", auth(httpx.UserHandlerFunc(h.like)))
	mux.Handle("POST /tracks/{id}/comments", auth(httpx.UserHandlerFunc(h.comment)))
	mux.Handle("GET /tracks/{id}/engagement", httpx.HandlerFunc(h.engagement))
}

func (h *SocialHandler) follow(w http.ResponseWriter, r *http.Request, userID int64) error {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := h.svc.Follow(r.Context(), userID, id, r.PathValue("type")); err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusNoContent, nil)
}

func (h *SocialHandler) like(w http.ResponseWriter, r *http.Request, userID int64) error {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := h.svc.SetLike(r.Context(), userID, id, r.Method == http.MethodPut); err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusNoContent, nil)
}

func (h *SocialHandler) comment(w http.ResponseWriter, r *http.Request, userID int64) error {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		return err
	}
	var body struct {
		Body     string `json:"body"`
		ParentID *int64 `json:"parentId"`
	}
	if err := httpx.DecodeJSON(w, r, &body); err != nil {
		return err
	}
	c, err := h.svc.Comment(r.Context(), userID, id, body.Body, body.ParentID)
	if err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusCreated, c)
}

func (h *SocialHandler) engagement(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r, "id")
	if err != nil {
		return err
	}
	e, err := h.svc.Engagement(r.Context(), id)
	if err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusOK, e)
}
