// Package pgx is a stand-in for github.com/jackc/pgx/v5.
package pgx

import "context"

// Conn is a connection.
type Conn struct{}

// Rows is a query result.
type Rows interface{ Next() bool }

// Row is a single-row result.
type Row interface{ Scan(dest ...any) error }

// CommandTag reports what a statement did.
type CommandTag struct{}

// Identifier is a possibly schema-qualified table name.
type Identifier []string

// CopyFromSource feeds CopyFrom.
type CopyFromSource interface{ Next() bool }

// BatchResults reads a batch's results.
type BatchResults interface{ Close() error }

// StatementDescription describes a prepared statement.
type StatementDescription struct{}

// Batch queues statements.
type Batch struct{}

// QueuedQuery is one queued statement.
type QueuedQuery struct{}

// Tx is a transaction.
type Tx interface {
	Query(ctx context.Context, sql string, args ...any) (Rows, error)
	Exec(ctx context.Context, sql string, arguments ...any) (CommandTag, error)
	Commit(ctx context.Context) error
}

func Connect(ctx context.Context, connString string) (*Conn, error) { return nil, nil }
func (c *Conn) Query(ctx context.Context, sql string, args ...any) (Rows, error) {
	return nil, nil
}
func (c *Conn) QueryRow(ctx context.Context, sql string, args ...any) Row { return nil }
func (c *Conn) Exec(ctx context.Context, sql string, arguments ...any) (CommandTag, error) {
	return CommandTag{}, nil
}
func (c *Conn) Prepare(ctx context.Context, name, sql string) (*StatementDescription, error) {
	return nil, nil
}
func (c *Conn) SendBatch(ctx context.Context, b *Batch) BatchResults { return nil }
func (c *Conn) CopyFrom(ctx context.Context, tableName Identifier, columnNames []string, rowSrc CopyFromSource) (int64, error) {
	return 0, nil
}
func (c *Conn) Begin(ctx context.Context) (Tx, error)              { return nil, nil }
func (b *Batch) Queue(query string, arguments ...any) *QueuedQuery { return nil }
func CopyFromRows(rows [][]any) CopyFromSource                     { return nil }
