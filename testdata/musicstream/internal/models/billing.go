package models

import "time"

// Subscription statuses.
const (
	SubscriptionTrialing = "trialing"
	SubscriptionActive   = "active"
	SubscriptionPastDue  = "past_due"
	SubscriptionCanceled = "canceled"
)

// Invoice statuses.
const (
	InvoiceOpen   = "open"
	InvoicePaid   = "paid"
	InvoiceFailed = "failed"
)

// Plan is a subscription tier; GORM maps it to "plans".
type Plan struct {
	ID               int64  `gorm:"primaryKey" json:"id"`
	Code             string `gorm:"uniqueIndex" json:"code"`
	Name             string `json:"name"`
	PriceCents       int64  `json:"priceCents"`
	Currency         string `json:"currency"`
	IntervalMonths   int    `json:"intervalMonths"`
	Premium          bool   `json:"premium"`
	HiFi             bool   `json:"hiFi"`
	OfflineDownloads bool   `json:"offlineDownloads"`
	MaxDevices       int    `json:"maxDevices"`
}

// Subscription is a user's paid (or trial) plan; GORM maps it to "subscriptions".
type Subscription struct {
	ID                 int64      `gorm:"primaryKey" json:"id"`
	UserID             int64      `gorm:"index" json:"userId"`
	PlanID             int64      `json:"planId"`
	Status             string     `json:"status"`
	CurrentPeriodStart time.Time  `json:"currentPeriodStart"`
	CurrentPeriodEnd   time.Time  `json:"currentPeriodEnd"`
	CancelAtPeriodEnd  bool       `json:"cancelAtPeriodEnd"`
	CanceledAt         *time.Time `json:"canceledAt,omitempty"`
	PaymentToken       string     `json:"-"`
	Audit
}

// Invoice is one billing period's charge; GORM maps it to "invoices".
type Invoice struct {
	ID             int64      `gorm:"primaryKey" json:"id"`
	Number         string     `gorm:"uniqueIndex" json:"number"`
	SubscriptionID int64      `json:"subscriptionId"`
	UserID         int64      `gorm:"index" json:"userId"`
	AmountCents    int64      `json:"amountCents"`
	TaxCents       int64      `json:"taxCents"`
	Currency       string     `json:"currency"`
	Status         string     `json:"status"`
	IssuedAt       time.Time  `json:"issuedAt"`
	DueAt          time.Time  `json:"dueAt"`
	PaidAt         *time.Time `json:"paidAt,omitempty"`
}

// Payment is one charge attempt against an invoice; GORM maps it to "payments".
type Payment struct {
	ID               int64     `gorm:"primaryKey" json:"id"`
	InvoiceID        int64     `gorm:"index" json:"invoiceId"`
	AmountCents      int64     `json:"amountCents"`
	Currency         string    `json:"currency"`
	Provider         string    `json:"provider"`
	ProviderChargeID string    `json:"providerChargeId"`
	Status           string    `json:"status"`
	FailureCode      string    `json:"failureCode,omitempty"`
	CreatedAt        time.Time `json:"createdAt"`
}

// RoyaltyStatement is what one rights holder earned in one period.
type RoyaltyStatement struct {
	ID           int64     `gorm:"primaryKey" json:"id"`
	RightsHolder string    `json:"rightsHolder"`
	PeriodStart  time.Time `json:"periodStart"`
	PeriodEnd    time.Time `json:"periodEnd"`
	Streams      int64     `json:"streams"`
	AmountMicros int64     `json:"amountMicros"`
	Currency     string    `json:"currency"`
	Status       string    `json:"status"`
	CreatedAt    time.Time `json:"createdAt"`
}

// TableName keeps the plural the finance team's reports already use.
func (RoyaltyStatement) TableName() string { return "royalty_statements" }
