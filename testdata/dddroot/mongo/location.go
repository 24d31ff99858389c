package mongo

import (
	"context"
	"errors"

	shipping "example.com/shipping"
	"example.com/shipping/internal/docstore"
)

type locationRepository struct {
	coll docstore.Collection
}

// NewLocationRepository returns a location repository on "location".
func NewLocationRepository(db docstore.Database) shipping.LocationRepository {
	return &locationRepository{coll: db.Collection("location")}
}

func (r *locationRepository) Find(code shipping.UNLocode) (*shipping.Location, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var l shipping.Location
	err := r.coll.FindOne(ctx, docstore.Filter{"unlocode": string(code)}, &l)
	if errors.Is(err, docstore.ErrNoDocuments) {
		return nil, shipping.ErrUnknownLocation
	}
	return &l, err
}

func (r *locationRepository) FindAll() []*shipping.Location {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cur, err := r.coll.Find(ctx, docstore.Filter{})
	if err != nil {
		return nil
	}
	defer cur.Close(ctx)
	var out []*shipping.Location
	for cur.Next(ctx) {
		l := new(shipping.Location)
		if cur.Decode(l) == nil {
			out = append(out, l)
		}
	}
	return out
}
