package handlers

import (
	"context"
	"net/http"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/platform/httpx"
	"example.com/musicstream/internal/services"
)

// AccountAPI is what the account endpoints need from the account service.
type AccountAPI interface {
	Register(ctx context.Context, in services.RegisterInput) (*models.User, error)
	Login(ctx context.Context, in services.LoginInput) (*services.LoginResult, error)
	DeleteAccount(ctx context.Context, id int64, password string) error
}

// AccountHandler serves sign-up, sign-in and the profile.
type AccountHandler struct {
	svc AccountAPI
}

// NewAccountHandler returns the account endpoints.
func NewAccountHandler(svc AccountAPI) *AccountHandler { return &AccountHandler{svc: svc} }

// Register mounts the routes.
func (h *AccountHandler) Register(mux *http.ServeMux, auth httpx.Middleware) {
	mux.Handle("POST /accounts", httpx.HandlerFunc(h.register))
	mux.Handle("POST /sessions", httpx.HandlerFunc(h.login))
	mux.Handle("DELETE /me", auth(httpx.UserHandlerFunc(h.deleteMe)))
}

func (h *AccountHandler) register(w http.ResponseWriter, r *http.Request) error {
	var in services.RegisterInput
	if err := httpx.DecodeJSON(w, r, &in); err != nil {
		return err
	}
	u, err := h.svc.Register(r.Context(), in)
	if err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusCreated, u)
}

func (h *AccountHandler) login(w http.ResponseWriter, r *http.Request) error {
	var in services.LoginInput
	if err := httpx.DecodeJSON(w, r, &in); err != nil {
		return err
	}
	in.UserAgent = r.UserAgent()
	in.IP = httpx.ClientIP(r)
	res, err := h.svc.Login(r.Context(), in)
	if err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusCreated, res)
}

func (h *AccountHandler) deleteMe(w http.ResponseWriter, r *http.Request, userID int64) error {
	var body struct {
		Password string `json:"password"`
	}
	if err := httpx.DecodeJSON(w, r, &body); err != nil {
		return err
	}
	if err := h.svc.DeleteAccount(r.Context(), userID, body.Password); err != nil {
		return err
	}
	return httpx.JSON(w, http.StatusNoContent, nil)
}
