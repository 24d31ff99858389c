package shipping

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"example.com/shopdomains/internal/customers"
)

// HTTPCarrier buys labels from a parcel service's label API.
type HTTPCarrier struct {
	name     string
	endpoint string
	apiKey   string
	client   *http.Client
}

// NewHTTPCarrier returns a carrier posting label requests to endpoint.
func NewHTTPCarrier(name, endpoint, apiKey string) *HTTPCarrier {
	return &HTTPCarrier{name: name, endpoint: endpoint, apiKey: apiKey, client: &http.Client{Timeout: 15 * time.Second}}
}

// Name is the carrier shown to customers.
func (c *HTTPCarrier) Name() string { return c.name }

// Label buys a label and returns its tracking number.
func (c *HTTPCarrier) Label(ctx context.Context, to customers.Address, weightGrams int) (string, error) {
	body, err := json.Marshal(map[string]any{
		"recipient": map[string]string{
			"street": to.Line1, "street2": to.Line2, "city": to.City, "zip": to.PostalCode, "country": to.Country,
		},
		"weight_g": weightGrams,
	})
	if err != nil {
		return "", fmt.Errorf("encode label request: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, bytes.NewReader(body))
	if err != nil {
		return "", fmt.Errorf("build label request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Api-Key", c.apiKey)
	resp, err := c.client.Do(req)
	if err != nil {
		return "", fmt.Errorf("request label: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return "", fmt.Errorf("label API answered %s: %s", resp.Status, bytes.TrimSpace(msg))
	}
	var reply struct {
		Tracking string `json:"tracking_number"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&reply); err != nil {
		return "", fmt.Errorf("decode label reply: %w", err)
	}
	if reply.Tracking == "" {
		return "", fmt.Errorf("label API returned no tracking number")
	}
	return reply.Tracking, nil
}
