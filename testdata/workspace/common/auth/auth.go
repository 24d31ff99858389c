// Package auth reads the caller from a request.
package auth

import "context"

type User struct{ UUID, Role string }

type key struct{}

func UserFromCtx(ctx context.Context) (User, bool) {
	u, ok := ctx.Value(key{}).(User)
	return u, ok
}
