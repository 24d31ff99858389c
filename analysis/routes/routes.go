// Package routes finds the HTTP routes and gRPC services the module
// registers: what a strangler proxy at the edge redirects, route by route,
// to a new service. It knows net/http's ServeMux, chi, gin, echo,
// gorilla/mux, flamego, macaron and gRPC's generated Register…Server
// functions, with the prefixes of groups (chi's Route, gin's Group, flamego's
// and macaron's Group with a function, a group held in a variable) and
// macaron-style Combo routes. The handler is the module function the
// handler argument refers to, through middleware and conversions
// (auth(http.HandlerFunc(h.get)) is h.get): the first for routers that take
// one handler, the last for those taking a chain (gin, flamego, macaron),
// whose last handler is the endpoint.
package routes

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
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
	{"github.com/flamego/flamego", "flamego"},
	{"gopkg.in/macaron.v1", "macaron"},
	{"github.com/go-macaron/macaron", "macaron"},
	{"github.com/go-ozzo/ozzo-routing", "ozzo-routing"},
}

// Router names the HTTP router an import path belongs to ("net/http",
// "gin", …; "" for none), for the stages that must recognise a request
// handle in a signature.
func Router(path string) string {
	for _, r := range routers {
		if path == r.prefix || strings.HasPrefix(path, r.prefix+"/") {
			return r.via
		}
	}
	return ""
}

// chained routers take a handler chain whose last element is the endpoint.
var chained = map[string]bool{"gin": true, "flamego": true, "macaron": true, "ozzo-routing": true}

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
			w := &walker{prog: prog, p: p, encl: encl, groups: map[types.Object]string{}}
			w.walk(node, "")
			out = append(out, w.out...)
		})
	}
	fs := facts.Facts{Routes: out}
	fs.Sort()
	return fs.Routes
}

// walker finds the routes of one function, with the prefixes of the
// groups they are registered in.
type walker struct {
	prog *load.Program
	p    *packages.Package
	encl string
	// groups are the variables holding a router group, and its prefix.
	groups map[types.Object]string
	out    []facts.Route
}

func (w *walker) walk(node ast.Node, prefix string) {
	ast.Inspect(node, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			// g := r.Group("/v1"): routes on g take the prefix.
			if len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				if id, ok := n.Lhs[0].(*ast.Ident); ok {
					if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
						if pre, ok := w.groupPrefix(call); ok {
							if obj := w.p.TypesInfo.ObjectOf(id); obj != nil {
								w.groups[obj] = prefix + pre
							}
						}
					}
				}
			}
		case *ast.CallExpr:
			// A group with a function: its routes take the prefix.
			if pre, ok := w.groupPrefix(n); ok {
				for _, a := range n.Args {
					if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok {
						w.walk(lit.Body, prefix+pre)
						return false
					}
				}
			}
			if r, ok := route(w.prog, w.p, n, w.encl); ok {
				r.Path = prefix + w.receiverPrefix(n) + r.Path
				w.out = append(w.out, r)
			}
		}
		return true
	})
}

// groupPrefix reads a group call of a known router: Group(path, ...) or
// chi's Route(path, fn) with a constant path, and the prefix of what it is
// called on.
func (w *walker) groupPrefix(call *ast.CallExpr) (string, bool) {
	fn, via := routerFunc(w.p, call)
	if fn == nil || via == "" {
		return "", false
	}
	switch {
	case fn.Name() == "Group", fn.Name() == "Route" && via == "chi", fn.Name() == "PathPrefix" && via == "gorilla/mux":
	default:
		return "", false
	}
	path := constString(w.p, call, 0)
	if path == "" {
		return "", false
	}
	return w.receiverPrefix(call) + path, true
}

// receiverPrefix is the prefix of the group a route or group call is made
// on: a chained group call, or a variable holding one.
func (w *walker) receiverPrefix(call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	switch x := ast.Unparen(sel.X).(type) {
	case *ast.CallExpr:
		if pre, ok := w.groupPrefix(x); ok {
			return pre
		}
	case *ast.Ident:
		if obj := w.p.TypesInfo.ObjectOf(x); obj != nil {
			return w.groups[obj]
		}
	}
	return ""
}

// routerFunc is the function a call calls, and the router package it
// belongs to ("" for none).
func routerFunc(p *packages.Package, call *ast.CallExpr) (*types.Func, string) {
	fn, ok := typeutil.Callee(p.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return nil, ""
	}
	return fn, Router(fn.Pkg().Path())
}

// route reads one registration; encl is the function it sits in, the
// handler when the handler is a function literal.
func route(prog *load.Program, p *packages.Package, call *ast.CallExpr, encl string) (facts.Route, bool) {
	fn, via := routerFunc(p, call)
	if fn == nil {
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
	if via == "" {
		return facts.Route{}, false
	}
	method, pathArg, handlerArg := "", 0, 1
	// m.Combo("/path").Get(h).Post(h2): the path is Combo's.
	combo, inCombo := "", false
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if inner, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok {
			combo, inCombo = comboChain(p, inner)
		}
	}
	switch {
	case inCombo && httpMethods[name] != "":
		method, pathArg, handlerArg = httpMethods[name], -1, 0
	case name == "Route" && (via == "flamego" || via == "macaron"):
		method, pathArg, handlerArg = constString(p, call, 0), 1, 2
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
	path, ok := combo, inCombo
	if pathArg >= 0 {
		path, ok = constArg(p, call, pathArg)
	}
	if !ok || path == "" && !inCombo || handlerArg >= len(call.Args) {
		return facts.Route{}, false
	}
	if via == "net/http" {
		if m, rest, ok := strings.Cut(path, " "); ok && strings.ToUpper(m) == m {
			method, path = m, strings.TrimSpace(rest)
		}
	}
	handler := ""
	args := call.Args[handlerArg:]
	if chained[via] {
		args = slices.Clone(args)
		slices.Reverse(args)
	}
	for _, a := range args {
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

// comboChain reads the call a route method is called on: a Combo with a
// constant path (m.Combo("/p").Get(h)), or a method of a chain starting
// from one (….Get(h).Post(h2)); ok false for anything else.
func comboChain(p *packages.Package, call *ast.CallExpr) (string, bool) {
	for {
		fn, via := routerFunc(p, call)
		if fn == nil || via == "" {
			return "", false
		}
		if fn.Name() == "Combo" {
			return constArg(p, call, 0)
		}
		if httpMethods[fn.Name()] == "" {
			return "", false
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return "", false
		}
		inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok {
			return "", false
		}
		call = inner
	}
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
	s, _ := constArg(p, call, i)
	return s
}

// constArg is a constant string argument; ok tells "" from no constant.
func constArg(p *packages.Package, call *ast.CallExpr, i int) (string, bool) {
	if i >= len(call.Args) {
		return "", false
	}
	tv, ok := p.TypesInfo.Types[call.Args[i]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
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
	if found == "" {
		found = factory(prog, p, e)
	}
	return found
}

// factory reads login(service, logger), a module function returning the
// handler, whose closure is the endpoint; wrapped in middleware built the
// same way (auth(login(svc))), the innermost call is the handler's.
func factory(prog *load.Program, p *packages.Package, e ast.Expr) string {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return ""
	}
	for _, a := range call.Args {
		if id := factory(prog, p, a); id != "" {
			return id
		}
	}
	fn, ok := typeutil.Callee(p.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil || !prog.InModule(fn.Pkg().Path()) {
		return ""
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	return load.FuncID(fn)
}
