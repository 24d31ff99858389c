// Package decorator wraps command handlers with logging.
package decorator

import (
	"context"
	"log"
)

type CommandHandler[C any] interface {
	Handle(ctx context.Context, cmd C) error
}

type logging[C any] struct{ base CommandHandler[C] }

func (d logging[C]) Handle(ctx context.Context, cmd C) error {
	log.Printf("command %T", cmd)
	return d.base.Handle(ctx, cmd)
}

func Apply[C any](h CommandHandler[C]) CommandHandler[C] { return logging[C]{base: h} }
