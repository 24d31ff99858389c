// Package payments captures card payments for orders. It reads the amount
// straight from the orders table and flips the order to paid.
package payments

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"example.com/bigmono/lib/strutil"
)

// Gateway charges a tokenised card.
type Gateway interface {
	Capture(ctx context.Context, token string, cents int64, reference string) (string, error)
}

// Payment is one capture attempt.
type Payment struct {
	ID        int64  `json:"id"`
	OrderID   int64  `json:"order_id"`
	Cents     int64  `json:"cents"`
	Status    string `json:"status"`
	GatewayID string `json:"gateway_id"`
}

// Service captures payments.
type Service struct {
	db      *sql.DB
	gateway Gateway
}

// NewService returns a payment service.
func NewService(db *sql.DB, gw Gateway) *Service { return &Service{db: db, gateway: gw} }

// Pay charges the order total to the card token and marks the order paid.
func (s *Service) Pay(ctx context.Context, orderID int64, cardToken string) (Payment, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT total_cents, status FROM orders WHERE id = $1`, orderID)
	if err != nil {
		return Payment{}, err
	}
	var total int64
	var status string
	found := rows.Next()
	if found {
		err = rows.Scan(&total, &status)
	}
	rows.Close()
	switch {
	case err != nil:
		return Payment{}, err
	case !found:
		return Payment{}, fmt.Errorf("order %d not found", orderID)
	case status != "pending":
		return Payment{}, fmt.Errorf("order %d is %s", orderID, status)
	}
	ref := strutil.Truncate(fmt.Sprintf("order-%d", orderID), 32)
	p := Payment{OrderID: orderID, Cents: total, Status: "captured"}
	if p.GatewayID, err = s.gateway.Capture(ctx, cardToken, total, ref); err != nil {
		p.Status = "declined"
	}
	if _, err := s.db.ExecContext(ctx,
		`INSERT INTO payments (order_id, cents, status, gateway_id) VALUES ($1, $2, $3, $4)`,
		p.OrderID, p.Cents, p.Status, p.GatewayID); err != nil {
		return p, err
	}
	if p.Status == "captured" {
		_, err = s.db.ExecContext(ctx, `UPDATE orders SET status = 'paid' WHERE id = $1`, orderID)
	}
	return p, err
}

// Handler serves POST /orders/{id}/pay.
func (s *Service) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil {
			http.Error(w, "bad order id", http.StatusBadRequest)
			return
		}
		p, err := s.Pay(r.Context(), id, r.FormValue("card_token"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusPaymentRequired)
			return
		}
		_ = json.NewEncoder(w).Encode(p)
	})
}
