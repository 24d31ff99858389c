package web

import routing "github.com/go-ozzo/ozzo-routing/v2"

type albums struct{}

func (a albums) get(c *routing.Context) error    { return nil }
func (a albums) delete(c *routing.Context) error { return nil }
func authenticate(c *routing.Context) error      { return nil }

// login builds the endpoint: the route's handler is a factory's result.
func login(secret string) routing.Handler {
	return func(c *routing.Context) error { return nil }
}

// guard wraps a handler in middleware.
func guard(h routing.Handler) routing.Handler { return h }

// MountOzzo registers ozzo-routing routes the way go-rest-api does.
func MountOzzo() {
	r := routing.New()
	rg := r.Group("/v1")
	a := albums{}
	rg.Get("/albums/<id>", a.get)                     // want "GET /v1/albums/<id> → web.albums.get via ozzo-routing"
	rg.Delete("/albums/<id>", authenticate, a.delete) // want "DELETE /v1/albums/<id> → web.albums.delete via ozzo-routing"
	rg.Post("/login", login("key"))                   // want "POST /v1/login → web.login via ozzo-routing"
}
