// Package config reads the server settings from the environment, so the same
// binary runs in every environment with nothing baked in.
package config

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// Config is every setting the server needs.
type Config struct {
	Env       string
	LogLevel  string
	HTTPAddr  string
	Postgres  PostgresConfig
	Mongo     MongoConfig
	Streaming StreamingConfig
	Payments  PaymentsConfig
	Delivery  DeliveryConfig
	Jobs      JobsConfig
}

// PostgresConfig configures the primary relational database.
type PostgresConfig struct {
	DSN          string
	MaxOpenConns int
}

// MongoConfig configures the event store.
type MongoConfig struct {
	URI      string
	Database string
}

// StreamingConfig configures signed CDN URLs.
type StreamingConfig struct {
	CDNBaseURL    string
	SigningKey    string
	URLTTL        time.Duration
	MaxConcurrent int
}

// PaymentsConfig configures the payment provider and royalty payouts.
type PaymentsConfig struct {
	APIURL string
	APIKey string
	// RoyaltyMicrosPerStream is the payout per qualified stream in
	// millionths of the currency unit.
	RoyaltyMicrosPerStream int64
}

// DeliveryConfig configures outgoing e-mail and push.
type DeliveryConfig struct {
	SMTPAddr      string
	MailFrom      string
	PushEndpoint  string
	PushServerKey string
}

// JobsConfig configures the background workers.
type JobsConfig struct {
	Enabled      bool
	RenewalEvery time.Duration
	RollupEvery  time.Duration
	ReindexEvery time.Duration
	DigestEvery  time.Duration
	RoyaltyEvery time.Duration
}

// Load reads the configuration from the environment and validates it.
func Load() (*Config, error) {
	var errs []error
	num := func(key string, def int) int {
		v := getenv(key, "")
		if v == "" {
			return def
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			errs = append(errs, fmt.Errorf("%s: invalid number %q", key, v))
		}
		return n
	}
	dur := func(key string, def time.Duration) time.Duration {
		v := getenv(key, "")
		if v == "" {
			return def
		}
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			errs = append(errs, fmt.Errorf("%s: invalid duration %q", key, v))
		}
		return d
	}
	c := &Config{
		Env:      getenv("MUSICSTREAM_ENV", "development"),
		LogLevel: getenv("LOG_LEVEL", "info"),
		HTTPAddr: getenv("HTTP_ADDR", ":8080"),
		Postgres: PostgresConfig{DSN: os.Getenv("DATABASE_URL"), MaxOpenConns: num("DATABASE_MAX_OPEN", 40)},
		Mongo:    MongoConfig{URI: getenv("MONGO_URI", "mongodb://localhost:27017"), Database: getenv("MONGO_DATABASE", "musicstream")},
		Streaming: StreamingConfig{
			CDNBaseURL:    getenv("CDN_BASE_URL", "https://cdn.musicstream.example"),
			SigningKey:    os.Getenv("STREAM_SIGNING_KEY"),
			URLTTL:        dur("STREAM_URL_TTL", 15*time.Minute),
			MaxConcurrent: num("STREAM_MAX_CONCURRENT", 3),
		},
		Payments: PaymentsConfig{
			APIURL:                 getenv("PAYMENTS_API_URL", "https://api.payments.example/v1"),
			APIKey:                 os.Getenv("PAYMENTS_API_KEY"),
			RoyaltyMicrosPerStream: int64(num("ROYALTY_MICROS_PER_STREAM", 3200)),
		},
		Delivery: DeliveryConfig{
			SMTPAddr:      getenv("SMTP_ADDR", "localhost:25"),
			MailFrom:      getenv("MAIL_FROM", "no-reply@musicstream.example"),
			PushEndpoint:  getenv("PUSH_ENDPOINT", "https://push.musicstream.example/send"),
			PushServerKey: os.Getenv("PUSH_SERVER_KEY"),
		},
		Jobs: JobsConfig{
			Enabled:      getenv("JOBS_ENABLED", "true") == "true",
			RenewalEvery: dur("JOBS_RENEWAL_EVERY", time.Hour),
			RollupEvery:  dur("JOBS_ROLLUP_EVERY", 6*time.Hour),
			ReindexEvery: dur("JOBS_REINDEX_EVERY", 10*time.Minute),
			DigestEvery:  dur("JOBS_DIGEST_EVERY", 7*24*time.Hour),
			RoyaltyEvery: dur("JOBS_ROYALTY_EVERY", 24*time.Hour),
		},
	}
	if c.Postgres.DSN == "" {
		errs = append(errs, errors.New("DATABASE_URL is required"))
	}
	if c.Env == "production" && (c.Streaming.SigningKey == "" || c.Payments.APIKey == "") {
		errs = append(errs, errors.New("STREAM_SIGNING_KEY and PAYMENTS_API_KEY are required in production"))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("load config: %w", err)
	}
	return c, nil
}

func getenv(key, def string) string {
	if v := strings.TrimSpace(os.Getenv(key)); v != "" {
		return v
	}
	return def
}
