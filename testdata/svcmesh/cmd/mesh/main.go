// Command mesh runs every service of the shop in one process, each calling
// the others through the generated RPC stubs over the local gateway.
package main

import (
	"context"
	"database/sql"
	"flag"
	"log"
	"net/http"
	"time"

	"example.com/svcmesh/accounts"
	"example.com/svcmesh/billing"
	"example.com/svcmesh/catalog"
	"example.com/svcmesh/checkout"
	"example.com/svcmesh/gen/rpc"
	"example.com/svcmesh/internal/transport"
	"example.com/svcmesh/inventory"
	"example.com/svcmesh/notify"
	"example.com/svcmesh/reviews"
	"example.com/svcmesh/shipping"
)

type logMailer struct{}

func (logMailer) Mail(_ context.Context, to, subject, _ string) error {
	log.Printf("mail to=%s subject=%q", to, subject)
	return nil
}

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	dsn := flag.String("dsn", "postgres://localhost/shop", "database DSN")
	warehouse := flag.String("warehouse", "AMS1", "default warehouse")
	flag.Parse()

	db, err := sql.Open("postgres", *dsn)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	conn := transport.NewClient("http://localhost"+*addr, 5*time.Second)
	accountsRPC := rpc.NewAccountsClient(conn)
	notifyRPC := rpc.NewNotifyClient(conn)
	checkoutRPC := rpc.NewCheckoutClient(conn)
	catalogRPC := rpc.NewCatalogClient(conn)

	mux := http.NewServeMux()
	accounts.New(db, notifyRPC).Routes(mux)
	billing.New(db, accountsRPC, notifyRPC).Routes(mux)
	catalog.New(db, rpc.NewReviewsClient(conn)).Routes(mux)
	checkout.New(db, catalogRPC, rpc.NewInventoryClient(conn),
		rpc.NewBillingClient(conn), rpc.NewShippingClient(conn)).Routes(mux)
	inventory.New(db, catalogRPC, *warehouse).Routes(mux)
	notify.New(db, accountsRPC, logMailer{}).Routes(mux)
	reviews.New(db, checkoutRPC).Routes(mux)
	shipping.New(db, checkoutRPC, notifyRPC, "postnl").Routes(mux)

	srv := &http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	log.Printf("mesh listening on %s", *addr)
	log.Fatal(srv.ListenAndServe())
}
