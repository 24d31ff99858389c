// Command shopctl runs the shop's periodic and operator jobs: releasing
// abandoned stock reservations, reconciling stuck payments, flushing the
// notification outbox and scheduling flash sales.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"example.com/shopdomains/internal/catalog"
	catalogstore "example.com/shopdomains/internal/catalog/store"
	"example.com/shopdomains/internal/inventory"
	inventorystore "example.com/shopdomains/internal/inventory/store"
	"example.com/shopdomains/internal/notifications"
	notificationsstore "example.com/shopdomains/internal/notifications/store"
	"example.com/shopdomains/internal/payments"
	"example.com/shopdomains/internal/payments/gateway"
	paymentsstore "example.com/shopdomains/internal/payments/store"
	"example.com/shopdomains/internal/platform/db"
	"example.com/shopdomains/internal/promotions"
	promotionsstore "example.com/shopdomains/internal/promotions/store"
)

const usage = `usage: shopctl [flags] JOB
jobs:
  release-reservations   free stock held by abandoned checkouts
  reconcile-payments     settle payments stuck in pending
  flush-mail             deliver queued notifications
  flash-sale             schedule a flash sale (-skus, -percent, -hours)`

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "shopctl:", err)
		os.Exit(1)
	}
}

func run() error {
	driver := flag.String("db-driver", "postgres", "database/sql driver name")
	dsn := flag.String("db", os.Getenv("SHOP_DSN"), "database DSN")
	currency := flag.String("currency", "EUR", "shop currency (ISO 4217)")
	batch := flag.Int("batch", 200, "rows per job run")
	skus := flag.String("skus", "", "flash-sale: comma-separated SKUs")
	percent := flag.Int("percent", 20, "flash-sale: discount in percent")
	hours := flag.Int("hours", 24, "flash-sale: duration in hours")
	flag.Usage = func() { fmt.Fprintln(flag.CommandLine.Output(), usage); flag.PrintDefaults() }
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		return fmt.Errorf("expected exactly one job, got %d", flag.NArg())
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	pool, err := db.Open(ctx, db.Config{Driver: *driver, DSN: *dsn, MaxOpenConns: 4})
	if err != nil {
		return err
	}
	defer pool.Close()
	notify := notifications.NewService(notificationsstore.New(pool), notifications.LogSender{})

	switch job := flag.Arg(0); job {
	case "release-reservations":
		n, err := inventory.NewService(inventorystore.New(pool), 0).ReleaseExpired(ctx, *batch)
		slog.Info("released reservations", "count", n)
		return err
	case "reconcile-payments":
		gw, err := gateway.New(os.Getenv("PAYMENTS_URL"), os.Getenv("PAYMENTS_API_KEY"), 20*time.Second)
		if err != nil {
			return fmt.Errorf("payment gateway: %w", err)
		}
		n, err := payments.NewService(paymentsstore.New(pool), gw, notify, *currency).Reconcile(ctx, 15*time.Minute, *batch)
		slog.Info("reconciled payments", "count", n)
		return err
	case "flush-mail":
		n, err := notify.Flush(ctx, *batch)
		slog.Info("sent notifications", "count", n)
		return err
	case "flash-sale":
		if *skus == "" {
			return fmt.Errorf("flash-sale needs -skus")
		}
		cat := catalog.NewService(catalogstore.New(pool), *currency)
		promo := promotions.NewService(promotionsstore.New(pool), cat, *currency)
		start := time.Now().UTC()
		n, err := promo.RunFlashSale(ctx, promotions.FlashSale{
			SKUs:        strings.Split(*skus, ","),
			BasisPoints: *percent * 100,
			StartsAt:    start,
			EndsAt:      start.Add(time.Duration(*hours) * time.Hour),
		})
		slog.Info("scheduled flash prices", "count", n)
		return err
	default:
		flag.Usage()
		return fmt.Errorf("unknown job %q", job)
	}
}
