// Package gin is a stand-in for github.com/gin-gonic/gin.
package gin

// Context is a request.
type Context struct{}

// HandlerFunc serves a request.
type HandlerFunc func(*Context)

// Engine is a router.
type Engine struct{ RouterGroup }

// RouterGroup groups routes.
type RouterGroup struct{}

// New returns an engine.
func New() *Engine { return &Engine{} }

func (g *RouterGroup) GET(path string, h ...HandlerFunc)                {}
func (g *RouterGroup) DELETE(path string, h ...HandlerFunc)             {}
func (g *RouterGroup) Handle(method, path string, h ...HandlerFunc)     {}
func (g *RouterGroup) Group(path string, h ...HandlerFunc) *RouterGroup { return g }
