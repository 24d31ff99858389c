// Package routes finds the HTTP routes and gRPC services the module
// registers: what a strangler proxy at the edge redirects, route by route,
// to a new service. It knows net/http's ServeMux, chi, gin, echo,
// gorilla/mux and gRPC's generated Register…Server functions; the handler is
// the first module function the handler argument refers to, through
// middleware and conversions (auth(http.HandlerFunc(h.get)) is h.get).
package routes

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/load"
)

// routers maps a router package (path prefix) to its name in Route.Via.
var routers = []struct{ prefix, via string }{
	{"net/http", "net/http"},
	{"github.com/go-chi/chi", "chi"},
	{"github.com/gin-gonic/gin", "gin"},
	{"github.com/labstack/echo", "echo"},
	{"github.com/gorilla/mux", "gorilla/mux"},
}

var httpMethods = map[string]string{
	"GET": "GET", "POST": "POST", "PUT": "PUT", "PATCH": "PATCH", "DELETE": "DELETE", "HEAD": "HEAD", "OPTIONS": "OPTIONS",
	"Get": "GET", "Post": "POST", "Put": "PUT", "Patch": "PATCH", "Delete": "DELETE", "Head": "HEAD", "Options": "OPTIONS",
}

// Extract returns the routes of every module package.
func Extract(prog *load.Program) []facts.Route {
	var out []facts.Route
	for _, p := range prog.Packages {
		if p.TypesInfo == nil {
			continue
		}
		prog.WalkFuncs(p, func(encl string, _ *ast.File, node ast.Node) {
			ast.Inspect(node, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if r, ok := route(prog, p, call, encl); ok {
					out = append(out, r)
				}
				return true
			})
		})
	}
	fs := facts.Facts{Routes: out}
	fs.Sort()
	return fs.Routes
}

// route reads one registration; encl is the function it sits in, the
// handler when the handler is a function literal.
func route(prog *load.Program, p *packages.Package, call *ast.CallExpr, encl string) (facts.Route, bool) {
	fn, ok := typeutil.Callee(p.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return facts.Route{}, false
	}
	name := fn.Name()
	if strings.HasPrefix(name, "Register") && strings.HasSuffix(name, "Server") && len(call.Args) == 2 && grpcRegistrar(fn) {
		impl := load.NamedOf(p.TypesInfo.TypeOf(call.Args[1]))
		if impl == nil || impl.Obj().Pkg() == nil || !prog.InModule(impl.Obj().Pkg().Path()) {
			return facts.Route{}, false
		}
		return facts.Route{Method: "grpc", Path: strings.TrimSuffix(strings.TrimPrefix(name, "Register"), "Server"), Handler: load.TypeID(impl.Obj()), Pos: prog.Pos(call.Pos()), Via: "grpc"}, true
	}
	via := ""
	for _, r := range routers {
		if fn.Pkg().Path() == r.prefix || strings.HasPrefix(fn.Pkg().Path(), r.prefix+"/") {
			via = r.via
		}
	}
	if via == "" {
		return facts.Route{}, false
	}
	method, pathArg, handlerArg := "", 0, 1
	switch {
	case name == "Handle" || name == "HandleFunc":
		if via == "gin" {
			method, pathArg, handlerArg = constString(p, call, 0), 1, 2
		}
	case name == "Method" || name == "MethodFunc": // chi
		method, pathArg, handlerArg = constString(p, call, 0), 1, 2
	case name == "Any":
	case httpMethods[name] != "":
		method = httpMethods[name]
	default:
		return facts.Route{}, false
	}
	path := constString(p, call, pathArg)
	if path == "" || handlerArg >= len(call.Args) {
		return facts.Route{}, false
	}
	if via == "net/http" {
		if m, rest, ok := strings.Cut(path, " "); ok && strings.ToUpper(m) == m {
			method, path = m, strings.TrimSpace(rest)
		}
	}
	handler := ""
	for _, a := range call.Args[handlerArg:] {
		if _, lit := ast.Unparen(a).(*ast.FuncLit); lit {
			handler = encl // a closure belongs to the function around it
		} else {
			handler = firstFunc(prog, p, a)
		}
		if handler != "" {
			break
		}
	}
	if handler == "" {
		return facts.Route{}, false
	}
	return facts.Route{Method: method, Path: path, Handler: handler, Pos: prog.Pos(call.Pos()), Via: via}, true
}

// grpcRegistrar tells a generated Register…Server(s, impl) function by its
// first parameter: a grpc.ServiceRegistrar or *grpc.Server.
func grpcRegistrar(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Params().Len() != 2 {
		return false
	}
	n := load.NamedOf(sig.Params().At(0).Type())
	return n != nil && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "google.golang.org/grpc"
}

func constString(p *packages.Package, call *ast.CallExpr, i int) string {
	if i >= len(call.Args) {
		return ""
	}
	tv, ok := p.TypesInfo.Types[call.Args[i]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return ""
	}
	return constant.StringVal(tv.Value)
}

// firstFunc finds the first module function an expression refers to as a
// value: a middleware it calls (auth(h.get)) is not the handler.
func firstFunc(prog *load.Program, p *packages.Package, e ast.Expr) string {
	called := load.CalledIdents(e)
	found := ""
	ast.Inspect(e, func(n ast.Node) bool {
		if found != "" {
			return false
		}
		var id *ast.Ident
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectorExpr:
			id = n.Sel
		case *ast.Ident:
			id = n
		default:
			return true
		}
		if fn, ok := p.TypesInfo.Uses[id].(*types.Func); ok && !called[id] && fn.Pkg() != nil && prog.InModule(fn.Pkg().Path()) {
			if o := fn.Origin(); o != nil {
				fn = o
			}
			found = load.FuncID(fn)
			return false
		}
		return true
	})
	return found
}
