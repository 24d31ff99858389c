package services

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// PaymentGateway charges stored payment methods.
type PaymentGateway interface {
	Name() string
	Charge(ctx context.Context, paymentToken string, amountCents int64, currency, reference string) (ChargeResult, error)
}

// ChargeResult is the provider's immediate answer to a charge.
type ChargeResult struct {
	ChargeID    string `json:"id"`
	Status      string `json:"status"`
	FailureCode string `json:"failure_code"`
}

// HTTPGateway is the provider's REST API.
type HTTPGateway struct {
	BaseURL string
	APIKey  string
	Client  *http.Client
}

// Name implements PaymentGateway.
func (g *HTTPGateway) Name() string { return "payments-api" }

// Charge implements PaymentGateway. A declined card is a result, not an error.
func (g *HTTPGateway) Charge(ctx context.Context, paymentToken string, amountCents int64, currency, reference string) (ChargeResult, error) {
	body, err := json.Marshal(map[string]any{
		"source": paymentToken, "amount": amountCents, "currency": currency, "reference": reference,
	})
	if err != nil {
		return ChargeResult{}, fmt.Errorf("encode charge: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, g.BaseURL+"/charges", bytes.NewReader(body))
	if err != nil {
		return ChargeResult{}, fmt.Errorf("build charge request: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+g.APIKey)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", reference)
	resp, err := g.Client.Do(req)
	if err != nil {
		return ChargeResult{}, fmt.Errorf("charge %s: %w", reference, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 {
		return ChargeResult{}, fmt.Errorf("charge %s: provider answered %s", reference, resp.Status)
	}
	var res ChargeResult
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return ChargeResult{}, fmt.Errorf("decode charge %s: %w", reference, err)
	}
	return res, nil
}
