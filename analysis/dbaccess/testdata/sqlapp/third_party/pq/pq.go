// Package pq is a stand-in for the Postgres driver; importing it makes the
// module's SQL dialect Postgres.
package pq
