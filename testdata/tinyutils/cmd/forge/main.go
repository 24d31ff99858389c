// Command forge runs the code-hosting web application.
package main

import (
	"database/sql"
	"log"
	"net/http"
	"time"

	"example.com/tinyutils/internal/conf"
	"example.com/tinyutils/internal/handlers"
	"example.com/tinyutils/internal/services"
	"example.com/tinyutils/internal/store"
)

func main() {
	cfg := conf.Load()
	db, err := sql.Open("postgres", cfg.DSN)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	handlers.AppName = cfg.AppName

	mux := http.NewServeMux()
	handlers.NewIssueHandler(services.NewIssueService(store.NewIssueStore(db)), cfg.PageSize).Routes(mux)
	handlers.NewWikiHandler(services.NewWikiService(store.NewWikiStore(db))).Routes(mux)
	handlers.NewReleaseHandler(services.NewReleaseService(store.NewReleaseStore(db), "https://forge.example.com")).Routes(mux)
	handlers.NewOrgHandler(services.NewOrgService(store.NewOrgStore(db))).Routes(mux)

	srv := &http.Server{Addr: cfg.Addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	if cfg.Debug {
		log.Printf("%s listening on %s", cfg.AppName, cfg.Addr)
	}
	log.Fatal(srv.ListenAndServe())
}
