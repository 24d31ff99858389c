// Package flamego is a stand-in for github.com/flamego/flamego.
package flamego

// Handler is any handler function.
type Handler any

// Router registers routes.
type Router interface {
	Get(path string, h ...Handler)
	Post(path string, h ...Handler)
	Route(method, path string, h ...Handler)
	Group(path string, fn func(), h ...Handler)
	Combo(path string, h ...Handler) ComboRoute
}

// ComboRoute registers the methods of one path.
type ComboRoute interface {
	Get(h ...Handler) ComboRoute
	Post(h ...Handler) ComboRoute
}

// Flame is the application.
type Flame struct{ Router }

// New returns an application.
func New() *Flame { return &Flame{} }
