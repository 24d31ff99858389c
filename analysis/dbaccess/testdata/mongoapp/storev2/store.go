// Package storev2 uses the v2 driver.
package storev2

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/mongo"
)

type Repo struct{ products *mongo.Collection }

func New(db *mongo.Database) Repo {
	return Repo{db.Collection("products")}
}

func (r Repo) Work(ctx context.Context) {
	r.products.UpdateOne(ctx, nil, nil) // want "write products"
	r.products.Find(ctx, nil)           // want "read products"
}
