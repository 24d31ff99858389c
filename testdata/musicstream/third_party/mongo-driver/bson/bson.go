// Package bson is an offline stand-in for go.mongodb.org/mongo-driver/bson:
// the document types filters and pipelines are written with.
package bson

// M is an unordered document.
type M map[string]interface{}

// D is an ordered document.
type D []E

// E is one element of a D.
type E struct {
	Key   string
	Value interface{}
}

// A is an array.
type A []interface{}
