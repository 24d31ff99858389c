// Package gateway talks to the card payment provider's REST API.
package gateway

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"example.com/shopdomains/internal/payments"
	"example.com/shopdomains/internal/platform/money"
)

// Client implements payments.Gateway over HTTPS.
type Client struct {
	base   *url.URL
	apiKey string
	http   *http.Client
}

// New returns a client for the provider at baseURL.
func New(baseURL, apiKey string, timeout time.Duration) (*Client, error) {
	u, err := url.Parse(baseURL)
	if err != nil {
		return nil, fmt.Errorf("parse provider URL: %w", err)
	}
	if u.Scheme != "https" && u.Hostname() != "localhost" {
		return nil, fmt.Errorf("provider URL %s must use https", baseURL)
	}
	return &Client{base: u, apiKey: apiKey, http: &http.Client{Timeout: timeout}}, nil
}

type authorizeBody struct {
	Reference string `json:"reference"`
	Amount    int64  `json:"amount"`
	Currency  string `json:"currency"`
	Source    string `json:"source"`
}

type authorizeReply struct {
	ID      string `json:"id"`
	Outcome string `json:"outcome"`
	Reason  string `json:"decline_reason"`
}

// Authorize places a hold on the card.
func (c *Client) Authorize(ctx context.Context, req payments.AuthRequest) (payments.AuthResult, error) {
	var reply authorizeReply
	err := c.call(ctx, http.MethodPost, "/v1/authorizations", authorizeBody{
		Reference: req.Reference, Amount: int64(req.Amount), Currency: req.Currency, Source: req.CardToken,
	}, &reply)
	if err != nil {
		return payments.AuthResult{}, err
	}
	return payments.AuthResult{Approved: reply.Outcome == "approved", ProviderRef: reply.ID, Reason: reply.Reason}, nil
}

// Capture settles a hold.
func (c *Client) Capture(ctx context.Context, ref string, amount money.Cents) error {
	return c.call(ctx, http.MethodPost, "/v1/authorizations/"+url.PathEscape(ref)+"/capture",
		map[string]int64{"amount": int64(amount)}, nil)
}

// Void drops a hold.
func (c *Client) Void(ctx context.Context, ref string) error {
	return c.call(ctx, http.MethodPost, "/v1/authorizations/"+url.PathEscape(ref)+"/void", struct{}{}, nil)
}

// Refund returns captured money.
func (c *Client) Refund(ctx context.Context, ref string, amount money.Cents) error {
	return c.call(ctx, http.MethodPost, "/v1/authorizations/"+url.PathEscape(ref)+"/refunds",
		map[string]int64{"amount": int64(amount)}, nil)
}

// Status maps the provider's state to ours.
func (c *Client) Status(ctx context.Context, ref string) (payments.Status, error) {
	var reply struct {
		State string `json:"state"`
	}
	if err := c.call(ctx, http.MethodGet, "/v1/authorizations/"+url.PathEscape(ref), nil, &reply); err != nil {
		return "", err
	}
	switch reply.State {
	case "held":
		return payments.StatusAuthorized, nil
	case "settled":
		return payments.StatusCaptured, nil
	case "released":
		return payments.StatusVoided, nil
	case "refused":
		return payments.StatusDeclined, nil
	default:
		return "", fmt.Errorf("provider state %q of %s is unknown", reply.State, ref)
	}
}

func (c *Client) call(ctx context.Context, method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		buf, err := json.Marshal(body)
		if err != nil {
			return fmt.Errorf("encode %s %s: %w", method, path, err)
		}
		rd = bytes.NewReader(buf)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base.JoinPath(path).String(), rd)
	if err != nil {
		return fmt.Errorf("build %s %s: %w", method, path, err)
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return fmt.Errorf("%s %s: provider answered %s: %s", method, path, resp.Status, bytes.TrimSpace(msg))
	}
	if out == nil {
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("decode %s %s: %w", method, path, err)
	}
	return nil
}
