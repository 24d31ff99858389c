package web

import (
	"net/http"

	"github.com/flamego/flamego"
	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
)

// Users serves users.
type Users struct{}

func (u *Users) login()                                      {}
func (u *Users) logout()                                     {}
func (u *Users) settings()                                   {}
func (u *Users) saveSettings()                               {}
func (u *Users) show(w http.ResponseWriter, r *http.Request) {}
func (u *Users) ginShow(c *gin.Context)                      {}

func reqSignIn()                    {}
func ginAuth(c *gin.Context)        {}
func bind(form any) flamego.Handler { return nil }

// MountFlame registers grouped routes, the way gogs does.
func MountFlame(u *Users) {
	f := flamego.New()
	f.Group("/user", func() {
		f.Get("/login", u.login)               // want "GET /user/login → web.\\(\\*Users\\).login via flamego"
		f.Post("/logout", reqSignIn, u.logout) // want "POST /user/logout → web.\\(\\*Users\\).logout via flamego"
		f.Group("/settings", func() {
			f.Combo("").Get(u.settings).Post(bind(nil), u.saveSettings) // want "GET /user/settings → web.\\(\\*Users\\).settings via flamego" "POST /user/settings → web.\\(\\*Users\\).saveSettings via flamego"
		})
	}, reqSignIn)
	f.Route("PUT", "/users/raw", u.login) // want "PUT /users/raw → web.\\(\\*Users\\).login via flamego"

	c := chi.NewRouter()
	c.Route("/api", func(r chi.Router) {
		r.Get("/users", u.show) // want "GET /api/users → web.\\(\\*Users\\).show via chi"
	})

	g := gin.New()
	v2 := g.Group("/v2")
	v2.GET("/users", ginAuth, u.ginShow) // want "GET /v2/users → web.\\(\\*Users\\).ginShow via gin"
}
