package services

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/smtp"
	"strings"
	"time"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/repositories"
)

// NotificationService fills inboxes and delivers them by push or e-mail.
type NotificationService struct {
	repo     *repositories.NotificationRepository
	tokens   *repositories.PushTokenRepository
	accounts *AccountService
	mailer   Mailer
	pusher   Pusher
	log      *slog.Logger
	now      func() time.Time
}

// Mailer sends one e-mail.
type Mailer interface {
	Send(ctx context.Context, to, subject, body string) error
}

// Pusher sends one push message to a device token.
type Pusher interface {
	Push(ctx context.Context, token, title, body, link string) error
}

// PushError is a delivery failure a Pusher reports; it is a string type so
// the sentinel below can be a constant.
type PushError string

func (e PushError) Error() string { return string(e) }

// ErrInvalidToken is returned by a Pusher when the device unregistered.
const ErrInvalidToken PushError = "push token no longer valid"

// NewNotificationService wires the notification domain.
func NewNotificationService(repo *repositories.NotificationRepository, tokens *repositories.PushTokenRepository,
	accounts *AccountService, mailer Mailer, pusher Pusher, log *slog.Logger) *NotificationService {
	return &NotificationService{repo: repo, tokens: tokens, accounts: accounts, mailer: mailer, pusher: pusher, log: log, now: time.Now}
}

// Notify stores a notification and delivers it; a repeated dedup key is a
// silent no-op so callers may retry.
func (s *NotificationService) Notify(ctx context.Context, userID int64, kind, title, body, link, dedupKey string) error {
	n := &models.Notification{
		UserID: userID, Kind: kind, Title: title, Body: body, Link: link,
		DedupKey: dedupKey, CreatedAt: s.now().UTC(),
	}
	created, err := s.repo.Insert(ctx, n)
	if err != nil || !created {
		return err
	}
	return s.deliver(ctx, n)
}

// NotifyNewRelease tells an artist's followers about a new album, using
// its first track as the teaser.
func (s *NotificationService) NotifyNewRelease(ctx context.Context, teaser models.Track, albumTitle string) error {
	followers, err := s.repo.ArtistFollowers(ctx, teaser.ArtistID)
	if err != nil {
		return err
	}
	title := "New release: " + albumTitle
	body := fmt.Sprintf("Listen to %q and the rest of the album now.", teaser.Title)
	link := fmt.Sprintf("musicstream://album/%d", teaser.AlbumID)
	dedup := fmt.Sprintf("release:%d", teaser.AlbumID)
	var errs []error
	for _, uid := range followers {
		if err := s.Notify(ctx, uid, models.NotifyNewRelease, title, body, link, dedup); err != nil {
			errs = append(errs, fmt.Errorf("user %d: %w", uid, err))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("release fan-out: %d of %d failed: %w", len(errs), len(followers), errors.Join(errs...))
	}
	return nil
}

// Inbox returns a user's notifications.
func (s *NotificationService) Inbox(ctx context.Context, userID int64, unreadOnly bool, limit int) ([]models.Notification, error) {
	return s.repo.Inbox(ctx, userID, unreadOnly, limit)
}

// RegisterPushToken stores a device's push token.
func (s *NotificationService) RegisterPushToken(ctx context.Context, userID, deviceID int64, token, platform string) error {
	if token == "" || (platform != "ios" && platform != "android" && platform != "web") {
		return &ValidationError{Field: "token", Reason: "token and a platform of ios, android or web are required"}
	}
	return s.tokens.Upsert(ctx, &models.PushToken{UserID: userID, DeviceID: deviceID, Token: token, Platform: platform, UpdatedAt: s.now().UTC()})
}

// DigestRecipient is a user the weekly digest goes to.
type DigestRecipient struct {
	UserID      int64
	Email       string
	DisplayName string
	Locale      string
}

// SendDigest e-mails a user their unread notifications of the week.
func (s *NotificationService) SendDigest(ctx context.Context, r DigestRecipient) error {
	items, err := s.repo.Inbox(ctx, r.UserID, true, 20)
	if err != nil {
		return err
	}
	if len(items) == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s, here is what you missed this week:\n\n", strings.TrimSpace("Hi "+r.DisplayName))
	for _, n := range items {
		fmt.Fprintf(&b, "- %s\n", n.Title)
	}
	if err := s.mailer.Send(ctx, r.Email, "Your week on MusicStream", b.String()); err != nil {
		return fmt.Errorf("send digest to user %d: %w", r.UserID, err)
	}
	return nil
}

// deliver pushes to every device of the user, falling back to e-mail when
// the user has none.
func (s *NotificationService) deliver(ctx context.Context, n *models.Notification) error {
	tokens, err := s.tokens.ForUser(ctx, n.UserID)
	if err != nil {
		return err
	}
	if len(tokens) == 0 {
		contact, err := s.accounts.ContactInfo(ctx, n.UserID)
		if err != nil {
			return fmt.Errorf("contact of user %d: %w", n.UserID, err)
		}
		if !contact.EmailVerified {
			return nil
		}
		return s.mailer.Send(ctx, contact.Email, n.Title, n.Body)
	}
	for _, t := range tokens {
		err := s.pusher.Push(ctx, t.Token, n.Title, n.Body, n.Link)
		switch {
		case errors.Is(err, ErrInvalidToken):
			if err := s.tokens.Delete(ctx, t.Token); err != nil {
				s.log.Warn("drop push token", "err", err)
			}
		case err != nil:
			s.log.Warn("push failed", "user_id", n.UserID, "platform", t.Platform, "err", err)
		}
	}
	return nil
}

// SMTPMailer sends e-mail through a relay.
type SMTPMailer struct {
	Addr string
	From string
}

// Send implements Mailer.
func (m *SMTPMailer) Send(ctx context.Context, to, subject, body string) error {
	if strings.ContainsAny(to, "\r\n") || strings.ContainsAny(subject, "\r\n") {
		return fmt.Errorf("send mail: header injection in recipient or subject")
	}
	msg := "From: " + m.From + "\r\nTo: " + to + "\r\nSubject: " + subject +
		"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body
	if err := smtp.SendMail(m.Addr, nil, m.From, []string{to}, []byte(msg)); err != nil {
		return fmt.Errorf("send mail to %s: %w", to, err)
	}
	return nil
}

// HTTPPusher sends push messages through the push gateway's HTTP API.
type HTTPPusher struct {
	Endpoint  string
	ServerKey string
	Client    *http.Client
}

// Push implements Pusher.
func (p *HTTPPusher) Push(ctx context.Context, token, title, body, link string) error {
	payload, err := json.Marshal(map[string]any{
		"to":           token,
		"notification": map[string]string{"title": title, "body": body},
		"data":         map[string]string{"link": link},
	})
	if err != nil {
		return fmt.Errorf("encode push: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.Endpoint, bytes.NewReader(payload))
	if err != nil {
		return fmt.Errorf("build push request: %w", err)
	}
	req.Header.Set("Authorization", "key="+p.ServerKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.Client.Do(req)
	if err != nil {
		return fmt.Errorf("push: %w", err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusGone || resp.StatusCode == http.StatusNotFound:
		return ErrInvalidToken
	case resp.StatusCode >= 300:
		return fmt.Errorf("push: gateway answered %s", resp.Status)
	}
	return nil
}
