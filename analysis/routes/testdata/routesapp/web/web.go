// Package web registers every kind of route decomp knows.
package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
)

// Orders serves orders.
type Orders struct{}

func (o *Orders) list(w http.ResponseWriter, r *http.Request)   {}
func (o *Orders) create(w http.ResponseWriter, r *http.Request) {}
func (o *Orders) ginGet(c *gin.Context)                         {}
func (o *Orders) echoPut(c echo.Context) error                  { return nil }

func auth(h http.Handler) http.Handler { return h }

// Health answers probes.
func Health(w http.ResponseWriter, r *http.Request) {}

// Mount registers the routes.
func Mount(o *Orders) {
	m := http.NewServeMux()
	m.HandleFunc("GET /orders", o.list)                                      // want "GET /orders → web.\\(\\*Orders\\).list via net/http"
	m.Handle("POST /orders", auth(http.HandlerFunc(o.create)))               // want "POST /orders → web.\\(\\*Orders\\).create via net/http"
	http.HandleFunc("/healthz", Health)                                      // want "ANY /healthz → web.Health via net/http"
	m.HandleFunc("/inline", func(w http.ResponseWriter, r *http.Request) {}) // want "ANY /inline → web.Mount via net/http"

	c := chi.NewRouter()
	c.Get("/chi/orders", o.list)                                 // want "GET /chi/orders → web.\\(\\*Orders\\).list via chi"
	c.Method("PATCH", "/chi/orders", http.HandlerFunc(o.create)) // want "PATCH /chi/orders → web.\\(\\*Orders\\).create via chi"
	c.Use(auth)

	g := gin.New()
	g.GET("/gin/orders", o.ginGet)                 // want "GET /gin/orders → web.\\(\\*Orders\\).ginGet via gin"
	g.Group("/v1").DELETE("/gin/orders", o.ginGet) // want "DELETE /v1/gin/orders → web.\\(\\*Orders\\).ginGet via gin"
	g.Handle("POST", "/gin/any", o.ginGet)         // want "POST /gin/any → web.\\(\\*Orders\\).ginGet via gin"

	e := echo.New()
	e.PUT("/echo/orders", o.echoPut) // want "PUT /echo/orders → web.\\(\\*Orders\\).echoPut via echo"

	r := mux.NewRouter()
	r.HandleFunc("/mux/orders", o.list).Methods("GET") // want "ANY /mux/orders → web.\\(\\*Orders\\).list via gorilla/mux"

	path := "/dynamic"
	m.HandleFunc(path+"/x", o.list) // a computed pattern is no route decomp can name
}
