// Command shippingsvc runs the cargo shipping application.
package main

import (
	"flag"
	"log"
	"net/http"
	"time"

	shipping "example.com/shipping"
	"example.com/shipping/booking"
	"example.com/shipping/handling"
	"example.com/shipping/inmem"
	"example.com/shipping/internal/docstore"
	"example.com/shipping/mongo"
	"example.com/shipping/routing"
	"example.com/shipping/server"
	"example.com/shipping/tracking"
)

func main() {
	addr := flag.String("addr", ":8080", "HTTP listen address")
	store := flag.String("store", "inmem", "repository backend: inmem or mongo")
	uri := flag.String("mongo-uri", "mongodb://localhost:27017/shipping", "document store URI")
	flag.Parse()

	var (
		cargos    shipping.CargoRepository
		locations shipping.LocationRepository
		voyages   shipping.VoyageRepository
		events    shipping.HandlingEventRepository
	)
	switch *store {
	case "mongo":
		db, err := docstore.Open("mongodb", *uri)
		if err != nil {
			log.Fatal(err)
		}
		cargos = mongo.NewCargoRepository(db)
		locations = mongo.NewLocationRepository(db)
		voyages = mongo.NewVoyageRepository(db)
		events = mongo.NewHandlingEventRepository(db)
	default:
		cargos = inmem.NewCargoRepository()
		locations = inmem.NewLocationRepository()
		voyages = inmem.NewVoyageRepository()
		events = inmem.NewHandlingEventRepository()
	}

	bs := booking.NewService(cargos, locations, routing.NewService(voyages))
	ts := tracking.NewService(cargos, events)
	hs := handling.NewService(events, cargos, voyages, locations)

	srv := &http.Server{Addr: *addr, Handler: server.New(bs, ts, hs), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("shippingsvc listening on %s (store=%s)", *addr, *store)
	log.Fatal(srv.ListenAndServe())
}
