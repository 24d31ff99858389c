// Command server runs the MusicStream API and its background jobs in one
// process.
package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"example.com/musicstream/internal/handlers"
	"example.com/musicstream/internal/jobs"
	"example.com/musicstream/internal/platform/config"
	"example.com/musicstream/internal/platform/db"
	"example.com/musicstream/internal/platform/logging"
	"example.com/musicstream/internal/repositories"
	"example.com/musicstream/internal/services"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

func run() error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	logger := logging.New(os.Stdout, cfg.LogLevel)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	pool, err := db.OpenPostgres(ctx, cfg.Postgres)
	if err != nil {
		return err
	}
	defer pool.Close()
	orm, err := db.OpenGORM(pool)
	if err != nil {
		return err
	}
	mongoClient, eventsDB, err := db.OpenMongo(ctx, cfg.Mongo)
	if err != nil {
		return err
	}
	defer mongoClient.Disconnect(context.Background())
	httpClient := &http.Client{Timeout: 10 * time.Second}

	billing := services.NewBillingService(repositories.NewPlanRepository(orm), repositories.NewSubscriptionRepository(orm),
		repositories.NewInvoiceRepository(orm), repositories.NewPaymentRepository(orm),
		&services.HTTPGateway{BaseURL: cfg.Payments.APIURL, APIKey: cfg.Payments.APIKey, Client: httpClient}, orm, logger)
	accounts := services.NewAccountService(repositories.NewUserRepository(pool), repositories.NewSessionRepository(pool),
		repositories.NewDeviceRepository(pool), billing, logger)
	notifications := services.NewNotificationService(repositories.NewNotificationRepository(pool), repositories.NewPushTokenRepository(pool),
		accounts, &services.SMTPMailer{Addr: cfg.Delivery.SMTPAddr, From: cfg.Delivery.MailFrom},
		&services.HTTPPusher{Endpoint: cfg.Delivery.PushEndpoint, ServerKey: cfg.Delivery.PushServerKey, Client: httpClient}, logger)
	billing.SetNotifier(notifications)
	catalog := services.NewCatalogService(repositories.NewTrackRepository(orm), repositories.NewAlbumRepository(pool),
		repositories.NewArtistRepository(pool), notifications, logger)
	analytics := services.NewAnalyticsService(repositories.NewEventRepository(eventsDB), repositories.NewStatsRepository(pool), catalog, logger)
	playback := services.NewPlaybackService(pool, repositories.NewPlayRepository(pool), repositories.NewStreamSessionRepository(pool),
		billing, analytics, cfg.Streaming, logger)
	royalties := services.NewRoyaltyCalculator(playback, repositories.NewRoyaltyRepository(orm), cfg.Payments.RoyaltyMicrosPerStream, logger)
	search := services.NewSearchService(repositories.NewSearchRepository(pool), billing, logger)
	social := services.NewSocialService(repositories.NewPlaylistRepository(orm), repositories.NewSocialGraphRepository(orm), catalog, accounts, logger)

	router := handlers.NewRouter(handlers.Routes{
		Tracks:        handlers.NewTrackHandler(catalog),
		Playback:      handlers.NewPlaybackHandler(playback),
		Accounts:      handlers.NewAccountHandler(accounts),
		Billing:       handlers.NewBillingHandler(billing),
		Search:        handlers.NewSearchHandler(search),
		Playlists:     handlers.NewPlaylistHandler(social),
		Social:        handlers.NewSocialHandler(social),
		Notifications: handlers.NewNotificationHandler(notifications),
		Analytics:     handlers.NewAnalyticsHandler(analytics),
	}, accounts, logger)

	sched := jobs.NewScheduler(logger)
	if cfg.Jobs.Enabled {
		sched.Every(jobs.NewRenewalJob(pool, billing), cfg.Jobs.RenewalEvery)
		sched.Every(jobs.NewRoyaltyJob(royalties), cfg.Jobs.RoyaltyEvery)
		sched.Every(jobs.NewStatsRollupJob(pool, analytics), cfg.Jobs.RollupEvery)
		sched.Every(jobs.NewReindexJob(search), cfg.Jobs.ReindexEvery)
		sched.Every(jobs.NewDigestJob(pool, notifications, logger), cfg.Jobs.DigestEvery)
		sched.Start(ctx)
	}

	srv := &http.Server{Addr: cfg.HTTPAddr, Handler: router, ReadHeaderTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	logger.Info("listening", "addr", cfg.HTTPAddr, "env", cfg.Env)
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("serve: %w", err)
		}
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err = srv.Shutdown(shutdownCtx)
	sched.Wait()
	if err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
