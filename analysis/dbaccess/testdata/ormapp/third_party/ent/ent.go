// Package ent is a stand-in for entgo.io/ent: generated clients import it.
package ent

// Mutation is what hooks receive.
type Mutation interface{ Op() string }

// Value is a field value.
type Value any
