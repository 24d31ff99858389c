// Package routing is a stub of github.com/go-ozzo/ozzo-routing/v2: the
// signatures the route extractor reads.
package routing

// Context is a request's context.
type Context struct{}

// Handler handles a request.
type Handler func(*Context) error

// RouteGroup is a group of routes sharing a prefix.
type RouteGroup struct{}

// Router is the root group.
type Router struct{ RouteGroup }

// New returns a router.
func New() *Router { return &Router{} }

// Group starts a group under prefix.
func (g *RouteGroup) Group(prefix string, handlers ...Handler) *RouteGroup { return g }

// Get registers a GET route.
func (g *RouteGroup) Get(path string, handlers ...Handler) {}

// Post registers a POST route.
func (g *RouteGroup) Post(path string, handlers ...Handler) {}

// Delete registers a DELETE route.
func (g *RouteGroup) Delete(path string, handlers ...Handler) {}
