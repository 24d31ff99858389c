package services

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/mail"
	"strings"
	"time"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/platform/db"
	"example.com/musicstream/internal/platform/httpx"
	"example.com/musicstream/internal/repositories"
)

// AccountService manages listener accounts and sessions.
type AccountService struct {
	users      *repositories.UserRepository
	sessions   *repositories.SessionRepository
	devices    *repositories.DeviceRepository
	billing    *BillingService
	log        *slog.Logger
	now        func() time.Time
	sessionTTL time.Duration
}

// NewAccountService wires the accounts domain.
func NewAccountService(users *repositories.UserRepository, sessions *repositories.SessionRepository,
	devices *repositories.DeviceRepository, billing *BillingService, log *slog.Logger) *AccountService {
	return &AccountService{users: users, sessions: sessions, devices: devices, billing: billing, log: log,
		now: time.Now, sessionTTL: 60 * 24 * time.Hour}
}

// RegisterInput is a sign-up form.
type RegisterInput struct {
	Email          string `json:"email"`
	Password       string `json:"password"`
	DisplayName    string `json:"displayName"`
	Country        string `json:"country"`
	BirthYear      int    `json:"birthYear"`
	Locale         string `json:"locale"`
	MarketingOptIn bool   `json:"marketingOptIn"`
}

// LoginInput is a sign-in form with the device it comes from.
type LoginInput struct {
	Email       string `json:"email"`
	Password    string `json:"password"`
	Fingerprint string `json:"deviceFingerprint"`
	Platform    string `json:"platform"`
	Model       string `json:"model"`
	AppVersion  string `json:"appVersion"`
	UserAgent   string `json:"-"`
	IP          string `json:"-"`
}

// LoginResult is a new session's bearer token.
type LoginResult struct {
	Token     string    `json:"token"`
	UserID    int64     `json:"userId"`
	ExpiresAt time.Time `json:"expiresAt"`
}

// Contact is how to reach a user by e-mail.
type Contact struct {
	Email         string
	DisplayName   string
	Locale        string
	EmailVerified bool
}

// PublicProfile is what other users may see of an account.
type PublicProfile struct {
	UserID      int64  `json:"userId"`
	DisplayName string `json:"displayName"`
	Country     string `json:"country"`
}

// Register creates an account.
func (s *AccountService) Register(ctx context.Context, in RegisterInput) (*models.User, error) {
	email, err := normalizeEmail(in.Email)
	if err != nil {
		return nil, &ValidationError{Field: "email", Reason: err.Error()}
	}
	if len(in.Password) < 10 {
		return nil, &ValidationError{Field: "password", Reason: "at least 10 characters"}
	}
	if year := s.now().Year(); in.BirthYear != 0 && (in.BirthYear < 1900 || year-in.BirthYear < 13) {
		return nil, &ValidationError{Field: "birthYear", Reason: "you must be 13 or older"}
	}
	hash, err := hashPassword(in.Password)
	if err != nil {
		return nil, fmt.Errorf("register: %w", err)
	}
	u := &models.User{
		Email:          email,
		DisplayName:    strings.TrimSpace(in.DisplayName),
		PasswordHash:   hash,
		Country:        strings.ToUpper(in.Country),
		BirthYear:      in.BirthYear,
		Locale:         defaultString(in.Locale, "en-US"),
		MarketingOptIn: in.MarketingOptIn,
		ExplicitFilter: in.BirthYear != 0 && s.now().Year()-in.BirthYear < 18,
	}
	if err := s.users.Create(ctx, u); err != nil {
		return nil, err
	}
	s.log.Info("account registered", "user_id", u.ID)
	return u, nil
}

// Login checks credentials, records the device and opens a session.
func (s *AccountService) Login(ctx context.Context, in LoginInput) (*LoginResult, error) {
	email, err := normalizeEmail(in.Email)
	if err != nil {
		return nil, httpx.ErrUnauthenticated
	}
	u, err := s.users.GetByEmail(ctx, email)
	if errors.Is(err, db.ErrNotFound) {
		return nil, httpx.ErrUnauthenticated
	}
	if err != nil {
		return nil, err
	}
	if u.Status != models.UserActive || !verifyPassword(u.PasswordHash, in.Password) {
		return nil, httpx.ErrUnauthenticated
	}
	now := s.now().UTC()
	dev := &models.Device{UserID: u.ID, Fingerprint: in.Fingerprint, Platform: in.Platform, Model: in.Model, AppVersion: in.AppVersion, LastSeenAt: now}
	if err := s.devices.Upsert(ctx, dev); err != nil {
		return nil, err
	}
	token, err := newSessionToken()
	if err != nil {
		return nil, fmt.Errorf("login: %w", err)
	}
	sess := &models.Session{UserID: u.ID, DeviceID: dev.ID, TokenHash: hashToken(token), UserAgent: in.UserAgent, IP: in.IP, ExpiresAt: now.Add(s.sessionTTL)}
	if err := s.sessions.Create(ctx, sess); err != nil {
		return nil, err
	}
	if err := s.users.MarkLogin(ctx, u.ID, now); err != nil {
		s.log.Warn("mark login", "user_id", u.ID, "err", err)
	}
	return &LoginResult{Token: token, UserID: u.ID, ExpiresAt: sess.ExpiresAt}, nil
}

// Authenticate implements httpx.Authenticator.
func (s *AccountService) Authenticate(ctx context.Context, token string) (int64, error) {
	id, err := s.sessions.ActiveUser(ctx, hashToken(token), s.now().UTC())
	if errors.Is(err, db.ErrNotFound) {
		return 0, httpx.ErrUnauthenticated
	}
	return id, err
}

// ContactInfo returns how to e-mail a user.
func (s *AccountService) ContactInfo(ctx context.Context, id int64) (Contact, error) {
	u, err := s.users.GetByID(ctx, id)
	if err != nil {
		return Contact{}, err
	}
	if u.Status != models.UserActive {
		return Contact{}, fmt.Errorf("contact of user %d: %w", id, db.ErrNotFound)
	}
	return Contact{Email: u.Email, DisplayName: u.DisplayName, Locale: u.Locale, EmailVerified: u.EmailVerified}, nil
}

// PublicProfile returns what other users may see.
func (s *AccountService) PublicProfile(ctx context.Context, id int64) (PublicProfile, error) {
	u, err := s.users.GetByID(ctx, id)
	if err != nil {
		return PublicProfile{}, err
	}
	if u.Status == models.UserDeleted {
		return PublicProfile{UserID: id, DisplayName: "Deleted user"}, nil
	}
	return PublicProfile{UserID: u.ID, DisplayName: u.DisplayName, Country: u.Country}, nil
}

// DeleteAccount cancels billing, erases personal data and signs out
// everywhere. The password is asked again because this cannot be undone.
func (s *AccountService) DeleteAccount(ctx context.Context, id int64, password string) error {
	u, err := s.users.GetByID(ctx, id)
	if err != nil {
		return err
	}
	if !verifyPassword(u.PasswordHash, password) {
		return httpx.Forbidden("password does not match")
	}
	if err := s.billing.CancelAll(ctx, id); err != nil {
		return fmt.Errorf("delete account %d: %w", id, err)
	}
	if err := s.users.Anonymize(ctx, id); err != nil {
		return err
	}
	if err := s.sessions.RevokeAllForUser(ctx, id); err != nil {
		return err
	}
	s.log.Info("account deleted", "user_id", id)
	return nil
}

func normalizeEmail(s string) (string, error) {
	addr, err := mail.ParseAddress(strings.TrimSpace(s))
	if err != nil {
		return "", errors.New("not a valid e-mail address")
	}
	return strings.ToLower(addr.Address), nil
}
