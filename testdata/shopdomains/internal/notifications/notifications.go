// Package notifications tells customers what happened to their orders,
// payments and parcels. Messages go through an outbox table so a failed
// mail server never fails the business operation that triggered them.
package notifications

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"text/template"
	"time"

	"example.com/shopdomains/internal/platform/validate"
)

// Kind names a message template.
type Kind string

// Message kinds.
const (
	KindWelcome           Kind = "welcome"
	KindOrderPlaced       Kind = "order_placed"
	KindOrderCancelled    Kind = "order_cancelled"
	KindPaymentFailed     Kind = "payment_failed"
	KindShipmentPostedOut Kind = "shipment_dispatched"
)

// Message is one queued e-mail.
type Message struct {
	ID        int64
	Kind      Kind
	To        string
	Subject   string
	Body      string
	Attempts  int
	CreatedAt time.Time
	SentAt    *time.Time
}

// Outbox persists messages until they are delivered.
type Outbox interface {
	Enqueue(ctx context.Context, m Message) (int64, error)
	Pending(ctx context.Context, limit int) ([]Message, error)
	MarkSent(ctx context.Context, id int64, at time.Time) error
	MarkFailed(ctx context.Context, id int64, reason string) error
}

// Sender delivers one message (SMTP, an e-mail API, ...).
type Sender interface {
	Send(ctx context.Context, to, subject, body string) error
}

// maxAttempts is how often a message is retried before it is left for an operator.
const maxAttempts = 5

var templates = template.Must(template.New("notifications").Parse(`
{{define "welcome"}}Hello {{.Name}}, welcome to the shop.{{end}}
{{define "order_placed"}}Thank you! Order #{{.OrderID}} for {{.Total}} is confirmed.{{end}}
{{define "order_cancelled"}}Order #{{.OrderID}} was cancelled. {{.Reason}}{{end}}
{{define "payment_failed"}}We could not charge your card for order #{{.OrderID}}: {{.Reason}}{{end}}
{{define "shipment_dispatched"}}Order #{{.OrderID}} is on its way with {{.Carrier}}, tracking {{.Tracking}}.{{end}}
`))

var subjects = map[Kind]string{
	KindWelcome:           "Welcome",
	KindOrderPlaced:       "Your order is confirmed",
	KindOrderCancelled:    "Your order was cancelled",
	KindPaymentFailed:     "Payment problem",
	KindShipmentPostedOut: "Your order has shipped",
}

// Service renders and queues customer messages.
type Service struct {
	outbox Outbox
	sender Sender
	now    func() time.Time
}

// NewService wires the outbox and the delivery channel.
func NewService(outbox Outbox, sender Sender) *Service {
	return &Service{outbox: outbox, sender: sender, now: time.Now}
}

// Welcome greets a newly registered customer.
func (s *Service) Welcome(ctx context.Context, email, name string) error {
	return s.queue(ctx, KindWelcome, email, map[string]any{"Name": name})
}

// OrderPlaced confirms an order.
func (s *Service) OrderPlaced(ctx context.Context, email string, orderID int64, total string) error {
	return s.queue(ctx, KindOrderPlaced, email, map[string]any{"OrderID": orderID, "Total": total})
}

// OrderCancelled tells the customer an order will not be delivered.
func (s *Service) OrderCancelled(ctx context.Context, email string, orderID int64, reason string) error {
	return s.queue(ctx, KindOrderCancelled, email, map[string]any{"OrderID": orderID, "Reason": reason})
}

// PaymentFailed asks the customer to fix their payment method.
func (s *Service) PaymentFailed(ctx context.Context, email string, orderID int64, reason string) error {
	return s.queue(ctx, KindPaymentFailed, email, map[string]any{"OrderID": orderID, "Reason": reason})
}

// ShipmentDispatched sends the tracking number.
func (s *Service) ShipmentDispatched(ctx context.Context, email string, orderID int64, carrier, tracking string) error {
	return s.queue(ctx, KindShipmentPostedOut, email, map[string]any{
		"OrderID": orderID, "Carrier": carrier, "Tracking": tracking,
	})
}

func (s *Service) queue(ctx context.Context, kind Kind, to string, data map[string]any) error {
	if err := validate.Email("to", to); err != nil {
		return fmt.Errorf("queue %s: %w", kind, err)
	}
	var body bytes.Buffer
	if err := templates.ExecuteTemplate(&body, string(kind), data); err != nil {
		return fmt.Errorf("render %s: %w", kind, err)
	}
	_, err := s.outbox.Enqueue(ctx, Message{
		Kind:      kind,
		To:        to,
		Subject:   subjects[kind],
		Body:      body.String(),
		CreatedAt: s.now(),
	})
	if err != nil {
		return fmt.Errorf("queue %s for %s: %w", kind, to, err)
	}
	return nil
}

// Flush delivers up to limit pending messages and returns how many were sent.
// A delivery failure is recorded on the message and does not stop the batch.
func (s *Service) Flush(ctx context.Context, limit int) (int, error) {
	pending, err := s.outbox.Pending(ctx, limit)
	if err != nil {
		return 0, fmt.Errorf("load pending messages: %w", err)
	}
	sent := 0
	for _, m := range pending {
		if err := ctx.Err(); err != nil {
			return sent, err
		}
		if m.Attempts >= maxAttempts {
			continue
		}
		if err := s.sender.Send(ctx, m.To, m.Subject, m.Body); err != nil {
			slog.Warn("send message", "id", m.ID, "kind", m.Kind, "err", err)
			if mErr := s.outbox.MarkFailed(ctx, m.ID, err.Error()); mErr != nil {
				return sent, fmt.Errorf("mark message %d failed: %w", m.ID, mErr)
			}
			continue
		}
		if err := s.outbox.MarkSent(ctx, m.ID, s.now()); err != nil {
			return sent, fmt.Errorf("mark message %d sent: %w", m.ID, err)
		}
		sent++
	}
	return sent, nil
}

// LogSender is a Sender for development that writes messages to the log.
type LogSender struct{}

// Send logs the message instead of delivering it.
func (LogSender) Send(_ context.Context, to, subject, body string) error {
	slog.Info("mail", "to", to, "subject", subject, "body", body)
	return nil
}
