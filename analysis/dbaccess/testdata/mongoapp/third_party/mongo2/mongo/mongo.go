// Package mongo is a stand-in for the MongoDB Go driver's mongo package.
package mongo

import "context"

type Client struct{}
type Database struct{}
type Collection struct{}
type Cursor struct{}
type SingleResult struct{}
type InsertOneResult struct{}
type UpdateResult struct{}
type DeleteResult struct{}
type BulkWriteResult struct{}
type WriteModel interface{}
type IndexView struct{}

func (c *Client) Database(name string, opts ...any) *Database       { return nil }
func (d *Database) Collection(name string, opts ...any) *Collection { return nil }
func (c *Collection) Name() string                                  { return "" }
func (c *Collection) Indexes() IndexView                            { return IndexView{} }
func (c *Collection) Find(ctx context.Context, filter any, opts ...any) (*Cursor, error) {
	return nil, nil
}
func (c *Collection) FindOne(ctx context.Context, filter any, opts ...any) *SingleResult {
	return nil
}
func (c *Collection) Aggregate(ctx context.Context, pipeline any, opts ...any) (*Cursor, error) {
	return nil, nil
}
func (c *Collection) CountDocuments(ctx context.Context, filter any, opts ...any) (int64, error) {
	return 0, nil
}
func (c *Collection) InsertOne(ctx context.Context, document any, opts ...any) (*InsertOneResult, error) {
	return nil, nil
}
func (c *Collection) UpdateOne(ctx context.Context, filter any, update any, opts ...any) (*UpdateResult, error) {
	return nil, nil
}
func (c *Collection) DeleteMany(ctx context.Context, filter any, opts ...any) (*DeleteResult, error) {
	return nil, nil
}
func (c *Collection) FindOneAndUpdate(ctx context.Context, filter any, update any, opts ...any) *SingleResult {
	return nil
}
func (c *Collection) BulkWrite(ctx context.Context, models []WriteModel, opts ...any) (*BulkWriteResult, error) {
	return nil, nil
}
