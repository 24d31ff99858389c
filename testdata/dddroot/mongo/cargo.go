// Package mongo provides document-store implementations of the domain
// repositories on top of internal/docstore.
package mongo

import (
	"context"
	"errors"
	"time"

	shipping "example.com/shipping"
	"example.com/shipping/internal/docstore"
)

const timeout = 5 * time.Second

type cargoDocument struct {
	ID    string                      `json:"_id"`
	Spec  shipping.RouteSpecification `json:"route_specification"`
	Legs  []shipping.Leg              `json:"legs"`
	State shipping.Delivery           `json:"delivery"`
}

type cargoRepository struct {
	coll docstore.Collection
}

// NewCargoRepository returns a cargo repository on the "cargo" collection.
func NewCargoRepository(db docstore.Database) shipping.CargoRepository {
	return &cargoRepository{coll: db.Collection("cargo")}
}

func (r *cargoRepository) Store(c *shipping.Cargo) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	doc := cargoDocument{ID: string(c.TrackingID), Spec: c.RouteSpecification, Legs: c.Itinerary.Legs, State: c.Delivery}
	return r.coll.UpdateOne(ctx, docstore.Filter{"_id": doc.ID}, doc, true)
}

func (r *cargoRepository) Find(id shipping.TrackingID) (*shipping.Cargo, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var doc cargoDocument
	if err := r.coll.FindOne(ctx, docstore.Filter{"_id": string(id)}, &doc); errors.Is(err, docstore.ErrNoDocuments) {
		return nil, shipping.ErrUnknownCargo
	} else if err != nil {
		return nil, err
	}
	return doc.toCargo(), nil
}

func (r *cargoRepository) FindAll() []*shipping.Cargo {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cur, err := r.coll.Find(ctx, docstore.Filter{})
	if err != nil {
		return nil
	}
	defer cur.Close(ctx)
	var out []*shipping.Cargo
	for cur.Next(ctx) {
		var doc cargoDocument
		if cur.Decode(&doc) == nil {
			out = append(out, doc.toCargo())
		}
	}
	return out
}

func (d cargoDocument) toCargo() *shipping.Cargo {
	return &shipping.Cargo{
		TrackingID:         shipping.TrackingID(d.ID),
		Origin:             d.Spec.Origin,
		RouteSpecification: d.Spec,
		Itinerary:          shipping.Itinerary{Legs: d.Legs},
		Delivery:           d.State,
	}
}
