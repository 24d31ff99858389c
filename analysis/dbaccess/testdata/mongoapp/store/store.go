// Package store uses the v1 driver.
package store

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo"
)

const cartsCollection = "carts"

// Repo keeps collections in fields, set in its constructor.
type Repo struct {
	db     *mongo.Database
	users  *mongo.Collection
	events *mongo.Collection
	audit  *mongo.Collection
}

// NewRepo initialises the fields: directly, and through a local.
func NewRepo(client *mongo.Client) *Repo {
	db := client.Database("shop")
	r := &Repo{db: db, users: db.Collection("users")}
	ev := db.Collection("events")
	r.events = ev
	return r
}

// WithAudit sets the third field in another function.
func (r *Repo) WithAudit() { r.audit = r.db.Collection("audit_log") }

func (r *Repo) orders() *mongo.Collection { return r.db.Collection("orders") }

var sessions = func() *mongo.Collection { return nil }()

func (r *Repo) Work(ctx context.Context, client *mongo.Client) {
	client.Database("shop").Collection("carts").FindOne(ctx, nil) // want "read carts"
	coll := r.db.Collection(cartsCollection)
	coll.InsertOne(ctx, nil)                // want "write carts"
	r.users.Find(ctx, nil)                  // want "read users"
	r.users.CountDocuments(ctx, nil)        // want "read users"
	r.events.InsertOne(ctx, nil)            // want "write events"
	r.audit.BulkWrite(ctx, nil)             // want "write audit_log"
	r.orders().DeleteMany(ctx, nil)         // want "write orders"
	r.orders().Aggregate(ctx, nil)          // want "read orders"
	r.users.FindOneAndUpdate(ctx, nil, nil) // want "write users"
	r.users.Indexes()
	_ = r.users.Name()
	sessions.Find(ctx, nil)
}

// count gets its collection from the caller: not known here.
func count(ctx context.Context, c *mongo.Collection) {
	c.CountDocuments(ctx, nil)
}

// GiftCards reads a collection whose legal name has a space.
func GiftCards(ctx context.Context, client *mongo.Client) {
	client.Database("shop").Collection("gift cards").FindOne(ctx, nil) // want "read gift cards"
}
