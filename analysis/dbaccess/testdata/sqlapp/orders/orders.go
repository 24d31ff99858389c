// Package orders uses pgx directly.
package orders

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Repo talks to Postgres through pgx.
type Repo struct {
	conn *pgx.Conn
	pool *pgxpool.Pool
}

func (r *Repo) Work(ctx context.Context) error {
	r.conn.Query(ctx, "SELECT * FROM orders WHERE id = $1", 1)             // want "read orders"
	r.conn.QueryRow(ctx, "SELECT count(*) FROM order_items")               // want "read order_items"
	r.pool.Exec(ctx, "UPDATE orders SET status = 'paid'")                  // want "write orders"
	r.conn.Prepare(ctx, "get_order", "SELECT * FROM orders WHERE id = $1") // want "read orders"

	batch := &pgx.Batch{}
	batch.Queue("INSERT INTO order_events (kind) VALUES ($1)", "paid") // want "write order_events"
	batch.Queue("DELETE FROM carts WHERE id = $1", 1)                  // want "write carts"
	r.conn.SendBatch(ctx, batch)

	rows := [][]any{{1, "a"}}
	r.conn.CopyFrom(ctx, pgx.Identifier{"public", "order_items"}, []string{"id", "sku"}, pgx.CopyFromRows(rows)) // want "write order_items"
	ident := pgx.Identifier{"audit", "order_log"}
	r.conn.CopyFrom(ctx, ident, nil, pgx.CopyFromRows(rows)) // want "write audit.order_log"

	tx, err := r.pool.Begin(ctx)
	if err != nil {
		return err
	}
	tx.Exec(ctx, "UPDATE inventory SET qty = qty - 1") // want "write inventory"
	return tx.Commit(ctx)
}
