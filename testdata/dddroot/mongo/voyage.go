package mongo

import (
	"context"
	"errors"

	shipping "example.com/shipping"
	"example.com/shipping/internal/docstore"
)

type voyageRepository struct {
	coll docstore.Collection
}

// NewVoyageRepository returns a voyage repository on "voyage".
func NewVoyageRepository(db docstore.Database) shipping.VoyageRepository {
	return &voyageRepository{coll: db.Collection("voyage")}
}

func (r *voyageRepository) Find(n shipping.VoyageNumber) (*shipping.Voyage, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var v shipping.Voyage
	err := r.coll.FindOne(ctx, docstore.Filter{"number": string(n)}, &v)
	if errors.Is(err, docstore.ErrNoDocuments) {
		return nil, shipping.ErrUnknownVoyage
	}
	return &v, err
}

func (r *voyageRepository) FindAll() []*shipping.Voyage {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cur, err := r.coll.Find(ctx, docstore.Filter{})
	if err != nil {
		return nil
	}
	defer cur.Close(ctx)
	var out []*shipping.Voyage
	for cur.Next(ctx) {
		v := new(shipping.Voyage)
		if cur.Decode(v) == nil {
			out = append(out, v)
		}
	}
	return out
}
