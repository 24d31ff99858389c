// Package options is an offline stand-in for
// go.mongodb.org/mongo-driver/mongo/options.
package options

import "time"

// ClientOptions configure a client.
type ClientOptions struct {
	URI            string
	AppName        *string
	ConnectTimeout *time.Duration
}

// Client returns empty client options.
func Client() *ClientOptions { return &ClientOptions{} }

// ApplyURI sets the connection string.
func (c *ClientOptions) ApplyURI(uri string) *ClientOptions { c.URI = uri; return c }

// SetAppName names the application in server logs.
func (c *ClientOptions) SetAppName(s string) *ClientOptions { c.AppName = &s; return c }

// SetConnectTimeout bounds connection setup.
func (c *ClientOptions) SetConnectTimeout(d time.Duration) *ClientOptions {
	c.ConnectTimeout = &d
	return c
}

// DatabaseOptions configure a database handle.
type DatabaseOptions struct{}

// CollectionOptions configure a collection handle.
type CollectionOptions struct{}

// FindOptions configure Find.
type FindOptions struct {
	Sort  interface{}
	Limit *int64
	Skip  *int64
}

// Find returns empty find options.
func Find() *FindOptions { return &FindOptions{} }

// SetSort orders the results.
func (f *FindOptions) SetSort(sort interface{}) *FindOptions { f.Sort = sort; return f }

// SetLimit caps the results.
func (f *FindOptions) SetLimit(n int64) *FindOptions { f.Limit = &n; return f }

// SetSkip skips results.
func (f *FindOptions) SetSkip(n int64) *FindOptions { f.Skip = &n; return f }

// FindOneOptions configure FindOne.
type FindOneOptions struct {
	Sort interface{}
}

// FindOne returns empty find-one options.
func FindOne() *FindOneOptions { return &FindOneOptions{} }

// SetSort picks which document comes first.
func (f *FindOneOptions) SetSort(sort interface{}) *FindOneOptions { f.Sort = sort; return f }

// InsertOneOptions configure InsertOne.
type InsertOneOptions struct{}

// UpdateOptions configure UpdateOne.
type UpdateOptions struct {
	Upsert *bool
}

// Update returns empty update options.
func Update() *UpdateOptions { return &UpdateOptions{} }

// SetUpsert inserts a document when none matches.
func (u *UpdateOptions) SetUpsert(b bool) *UpdateOptions { u.Upsert = &b; return u }

// DeleteOptions configure DeleteOne and DeleteMany.
type DeleteOptions struct{}

// AggregateOptions configure Aggregate.
type AggregateOptions struct {
	AllowDiskUse *bool
}

// Aggregate returns empty aggregate options.
func Aggregate() *AggregateOptions { return &AggregateOptions{} }

// SetAllowDiskUse lets large pipelines spill to disk.
func (a *AggregateOptions) SetAllowDiskUse(b bool) *AggregateOptions { a.AllowDiskUse = &b; return a }
