// Package chi is a stand-in for github.com/go-chi/chi/v5.
package chi

import "net/http"

// Mux is a router.
type Mux struct{}

// NewRouter returns a router.
func NewRouter() *Mux { return &Mux{} }

func (m *Mux) Get(pattern string, h http.HandlerFunc)        {}
func (m *Mux) Post(pattern string, h http.HandlerFunc)       {}
func (m *Mux) Method(method, pattern string, h http.Handler) {}
func (m *Mux) Handle(pattern string, h http.Handler)         {}
func (m *Mux) Use(mw ...func(http.Handler) http.Handler)     {}

// Router is the interface a Route function receives.
type Router interface {
	Get(pattern string, h http.HandlerFunc)
}

func (m *Mux) Route(pattern string, fn func(r Router)) {}
