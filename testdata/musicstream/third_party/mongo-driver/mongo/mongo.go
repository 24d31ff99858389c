// Package mongo is an offline stand-in for
// go.mongodb.org/mongo-driver/mongo. It keeps the client, database and
// collection API the fixture calls; every operation fails with ErrNoServer.
package mongo

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/mongo/options"
	"go.mongodb.org/mongo-driver/mongo/readpref"
)

// ErrNoDocuments is returned by SingleResult when no document matched.
var ErrNoDocuments = errors.New("mongo: no documents in result")

// ErrNoServer is what every operation of the stand-in returns.
var ErrNoServer = errors.New("mongo stand-in: no server")

// Client is a connection pool to a deployment.
type Client struct {
	opts []*options.ClientOptions
}

// Connect creates a client.
func Connect(ctx context.Context, opts ...*options.ClientOptions) (*Client, error) {
	return &Client{opts: opts}, nil
}

// Ping checks that the deployment answers.
func (c *Client) Ping(ctx context.Context, rp *readpref.ReadPref) error { return ErrNoServer }

// Disconnect closes the pool.
func (c *Client) Disconnect(ctx context.Context) error { return nil }

// Database returns a handle to a database.
func (c *Client) Database(name string, opts ...*options.DatabaseOptions) *Database {
	return &Database{client: c, name: name}
}

// Database is a handle to a database.
type Database struct {
	client *Client
	name   string
}

// Name returns the database name.
func (db *Database) Name() string { return db.name }

// Collection returns a handle to a collection.
func (db *Database) Collection(name string, opts ...*options.CollectionOptions) *Collection {
	return &Collection{db: db, name: name}
}

// Collection is a handle to a collection.
type Collection struct {
	db   *Database
	name string
}

// Name returns the collection name.
func (coll *Collection) Name() string { return coll.name }

// InsertOneResult is the result of InsertOne.
type InsertOneResult struct {
	InsertedID interface{}
}

// UpdateResult is the result of UpdateOne.
type UpdateResult struct {
	MatchedCount  int64
	ModifiedCount int64
	UpsertedCount int64
	UpsertedID    interface{}
}

// DeleteResult is the result of DeleteOne and DeleteMany.
type DeleteResult struct {
	DeletedCount int64
}

// InsertOne inserts a document.
func (coll *Collection) InsertOne(ctx context.Context, document interface{}, opts ...*options.InsertOneOptions) (*InsertOneResult, error) {
	return nil, ErrNoServer
}

// Find returns a cursor over the matching documents.
func (coll *Collection) Find(ctx context.Context, filter interface{}, opts ...*options.FindOptions) (*Cursor, error) {
	return nil, ErrNoServer
}

// FindOne returns the first matching document.
func (coll *Collection) FindOne(ctx context.Context, filter interface{}, opts ...*options.FindOneOptions) *SingleResult {
	return &SingleResult{err: ErrNoServer}
}

// UpdateOne updates the first matching document.
func (coll *Collection) UpdateOne(ctx context.Context, filter interface{}, update interface{}, opts ...*options.UpdateOptions) (*UpdateResult, error) {
	return nil, ErrNoServer
}

// DeleteOne deletes the first matching document.
func (coll *Collection) DeleteOne(ctx context.Context, filter interface{}, opts ...*options.DeleteOptions) (*DeleteResult, error) {
	return nil, ErrNoServer
}

// DeleteMany deletes every matching document.
func (coll *Collection) DeleteMany(ctx context.Context, filter interface{}, opts ...*options.DeleteOptions) (*DeleteResult, error) {
	return nil, ErrNoServer
}

// Aggregate runs an aggregation pipeline.
func (coll *Collection) Aggregate(ctx context.Context, pipeline interface{}, opts ...*options.AggregateOptions) (*Cursor, error) {
	return nil, ErrNoServer
}

// Cursor iterates over query results.
type Cursor struct {
	err error
}

// Next advances the cursor.
func (c *Cursor) Next(ctx context.Context) bool { return false }

// Decode decodes the current document into val.
func (c *Cursor) Decode(val interface{}) error { return ErrNoServer }

// All decodes every remaining document into results.
func (c *Cursor) All(ctx context.Context, results interface{}) error { return ErrNoServer }

// Err returns the cursor's last error.
func (c *Cursor) Err() error { return c.err }

// Close releases the cursor.
func (c *Cursor) Close(ctx context.Context) error { return nil }

// SingleResult is the result of FindOne.
type SingleResult struct {
	err error
}

// Decode decodes the document into v.
func (r *SingleResult) Decode(v interface{}) error { return r.err }

// Err returns the lookup error.
func (r *SingleResult) Err() error { return r.err }
