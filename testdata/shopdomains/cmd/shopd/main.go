// Command shopd is the shop's HTTP server. The SQL driver is linked in by
// the deployment build (a blank import in a file under a build tag), so
// this module itself stays free of third-party code.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"example.com/shopdomains/internal/catalog"
	catalogapi "example.com/shopdomains/internal/catalog/api"
	catalogstore "example.com/shopdomains/internal/catalog/store"
	"example.com/shopdomains/internal/customers"
	customersapi "example.com/shopdomains/internal/customers/api"
	customersstore "example.com/shopdomains/internal/customers/store"
	"example.com/shopdomains/internal/inventory"
	inventorystore "example.com/shopdomains/internal/inventory/store"
	"example.com/shopdomains/internal/notifications"
	notificationsstore "example.com/shopdomains/internal/notifications/store"
	"example.com/shopdomains/internal/orders"
	ordersapi "example.com/shopdomains/internal/orders/api"
	ordersstore "example.com/shopdomains/internal/orders/store"
	"example.com/shopdomains/internal/payments"
	"example.com/shopdomains/internal/payments/gateway"
	paymentsstore "example.com/shopdomains/internal/payments/store"
	"example.com/shopdomains/internal/platform/db"
	"example.com/shopdomains/internal/platform/httpx"
	"example.com/shopdomains/internal/promotions"
	promotionsstore "example.com/shopdomains/internal/promotions/store"
	"example.com/shopdomains/internal/shipping"
	shippingapi "example.com/shopdomains/internal/shipping/api"
	shippingstore "example.com/shopdomains/internal/shipping/store"
)

func main() {
	if err := run(); err != nil {
		slog.Error("shopd", "err", err)
		os.Exit(1)
	}
}

func run() error {
	addr := flag.String("addr", ":8080", "listen address")
	driver := flag.String("db-driver", "postgres", "database/sql driver name")
	dsn := flag.String("db", os.Getenv("SHOP_DSN"), "database DSN")
	currency := flag.String("currency", "EUR", "shop currency (ISO 4217)")
	providerURL := flag.String("payments-url", "https://api.payments.example", "payment provider base URL")
	carrierURL := flag.String("carrier-url", "https://labels.carrier.example/v2/labels", "carrier label API")
	reservationTTL := flag.Duration("reservation-ttl", 30*time.Minute, "how long checkout may hold stock")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	pool, err := db.Open(ctx, db.Config{Driver: *driver, DSN: *dsn, MaxOpenConns: 20, MaxIdleTime: 5 * time.Minute})
	if err != nil {
		return err
	}
	defer pool.Close()

	gw, err := gateway.New(*providerURL, os.Getenv("PAYMENTS_API_KEY"), 20*time.Second)
	if err != nil {
		return fmt.Errorf("payment gateway: %w", err)
	}
	notify := notifications.NewService(notificationsstore.New(pool), notifications.LogSender{})
	cat := catalog.NewService(catalogstore.New(pool), *currency)
	stock := inventory.NewService(inventorystore.New(pool), *reservationTTL)
	cust := customers.NewService(customersstore.New(pool), notify)
	pay := payments.NewService(paymentsstore.New(pool), gw, notify, *currency)
	promo := promotions.NewService(promotionsstore.New(pool), cat, *currency)
	ord, err := orders.NewService(orders.Deps{
		Repo: ordersstore.New(pool), Prices: cat, Customers: cust, Discounts: promo,
		Inventory: stock, Payments: pay, Notifications: notify,
	})
	if err != nil {
		return err
	}
	carrier := shipping.NewHTTPCarrier("ParcelCo", *carrierURL, os.Getenv("CARRIER_API_KEY"))
	ship := shipping.NewService(shippingstore.New(pool), ord, cust, carrier, notify)

	mux := http.NewServeMux()
	catalogapi.New(cat, stock).Register(mux)
	customersapi.New(cust).Register(mux)
	ordersapi.New(ord, pay).Register(mux)
	shippingapi.New(ship).Register(mux)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if err := pool.PingContext(r.Context()); err != nil {
			httpx.JSON(w, http.StatusServiceUnavailable, map[string]string{"db": err.Error()})
			return
		}
		httpx.JSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})

	srv := &http.Server{Addr: *addr, Handler: httpx.Recover(mux), ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	slog.Info("listening", "addr", *addr)

	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("serve: %w", err)
		}
		return nil
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
