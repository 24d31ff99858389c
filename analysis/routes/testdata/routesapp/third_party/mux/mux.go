// Package mux is a stand-in for github.com/gorilla/mux.
package mux

import "net/http"

// Router is a router.
type Router struct{}

// Route is one route.
type Route struct{}

// NewRouter returns a router.
func NewRouter() *Router { return &Router{} }

func (r *Router) HandleFunc(path string, f func(http.ResponseWriter, *http.Request)) *Route {
	return &Route{}
}
func (r *Route) Methods(m ...string) *Route { return r }
