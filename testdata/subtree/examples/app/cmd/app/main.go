// Command app runs the example shop that lives inside the monorepo.
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"log"
	"net/http"
	"time"

	"example.com/bigmono/examples/app/carts"
	cartstore "example.com/bigmono/examples/app/carts/store"
	"example.com/bigmono/examples/app/orders"
	orderstore "example.com/bigmono/examples/app/orders/store"
	"example.com/bigmono/examples/app/payments"
	"example.com/bigmono/examples/app/reviews"
	"example.com/bigmono/examples/app/search"
	"example.com/bigmono/examples/app/users"
	userstore "example.com/bigmono/examples/app/users/store"
)

// fakeGateway accepts every card except the documented test decline token.
type fakeGateway struct{}

func (fakeGateway) Capture(_ context.Context, token string, _ int64, ref string) (string, error) {
	if token == "tok_decline" {
		return "", errors.New("card declined")
	}
	return "ch_" + ref, nil
}

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	dsn := flag.String("dsn", "postgres://localhost/exampleapp", "database DSN")
	flag.Parse()

	db, err := sql.Open("postgres", *dsn)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	orderSvc := orders.NewService(orderstore.New(db))
	index := search.NewIndex(db)

	mux := http.NewServeMux()
	mux.Handle("/orders/", orderSvc.Handler())
	mux.Handle("POST /orders/{id}/pay", payments.NewService(db, fakeGateway{}).Handler())
	mux.Handle("POST /users", users.NewService(userstore.New(db)).Handler())
	mux.Handle("/carts/", carts.NewService(db, cartstore.New(db), orderSvc).Handler())
	mux.Handle("POST /reviews", reviews.NewService(db).Handler())
	mux.Handle("GET /search", index.Handler())

	go func() {
		for range time.Tick(10 * time.Minute) {
			if err := index.Reindex(context.Background()); err != nil {
				log.Printf("reindex: %v", err)
			}
		}
	}()
	log.Fatal((&http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}).ListenAndServe())
}
