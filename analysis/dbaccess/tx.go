package dbaccess

import (
	"go/ast"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/load"
)

// txOpeners are the methods of the database libraries that open a
// transaction and return its handle (database/sql, sqlx, pgx, GORM's
// Begin, bun, dbx), or that open it on their receiver (xorm's
// Session.Begin, which returns only an error).
var txOpeners = set("Begin", "BeginTx", "Beginx", "BeginTxx", "MustBegin", "MustBeginTx")

// txRunners run a function inside a transaction they open and hand it the
// handle: GORM's and xorm's Transaction, bun's RunInTx, pgx's BeginFunc,
// dbx's Transactional, mongo's WithTransaction.
var txRunners = set("Transaction", "RunInTx", "BeginFunc", "BeginTxFunc", "Transactional", "WithTransaction")

// txDepth bounds how far a handle is followed into the functions it is
// passed to.
const txDepth = 7 // six hand-offs

// transactions finds every transaction scope of the module: a call that
// opens one, and the module functions the handle is passed to (as an
// argument, through parameters, transitively).
func (x *extractor) transactions() (out []facts.Tx) {
	defer x.guard("", "", "transactions")
	// In a fixed order: a panic turned into a warning leaves the same
	// scopes found, run after run.
	fns := make([]*types.Func, 0, len(x.decls))
	for fn := range x.decls {
		fns = append(fns, fn)
	}
	sort.Slice(fns, func(i, j int) bool { return load.FuncID(fns[i]) < load.FuncID(fns[j]) })
	for _, fn := range fns {
		ref := x.decls[fn]
		if ref.decl.Body == nil {
			continue
		}
		info := ref.ctx.info
		eachCall(info, ref.decl.Body, func(call *ast.CallExpr, callee *types.Func) {
			l, handles, inScope := x.opens(info, call, callee, ref.decl.Body)
			if l == libNone {
				return
			}
			scope := map[string]bool{load.FuncID(fn): true}
			for _, f := range inScope {
				x.follow(f, nil, scope, 1)
			}
			x.passes(ref.ctx.info, ref.decl.Body, handles, scope, 1)
			tx := facts.Tx{Func: load.FuncID(fn), Pos: x.prog.Pos(call.Pos()), Via: l.via()}
			for f := range scope {
				tx.Funcs = append(tx.Funcs, f)
			}
			sort.Strings(tx.Funcs)
			out = append(out, tx)
		})
	}
	return out
}

// opens tells whether call opens a transaction: the library, the
// variables that hold its handle in body, and the module functions handed
// to a runner whole (db.Transaction(s.saveAll)).
func (x *extractor) opens(info *types.Info, call *ast.CallExpr, callee *types.Func, body *ast.BlockStmt) (lib, map[types.Object]bool, []*types.Func) {
	sig, ok := callee.Type().(*types.Signature)
	if !ok {
		return libNone, nil, nil
	}
	l := libNone
	if sig.Recv() != nil {
		l = typeLib(sig.Recv().Type())
	} else if callee.Pkg() != nil {
		l = classify(callee.Pkg().Path())
	}
	if l == libNone {
		return libNone, nil, nil
	}
	handles := map[types.Object]bool{}
	switch name := callee.Name(); {
	case txOpeners[name]:
		if sig.Results().Len() > 0 && typeLib(sig.Results().At(0).Type()) != libNone {
			// tx, err := db.Begin(): the first result.
			if obj := assignedTo(info, body, call); obj != nil {
				handles[obj] = true
			}
		} else if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			// sess.Begin(): the session itself.
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.ObjectOf(id) != nil {
				handles[info.ObjectOf(id)] = true
			}
		}
		return l, handles, nil
	case txRunners[name]:
		var whole []*types.Func
		for _, a := range call.Args {
			switch a := ast.Unparen(a).(type) {
			case *ast.FuncLit:
				// The literal's accesses are its enclosing function's;
				// its parameters hold the handle.
				for _, f := range a.Type.Params.List {
					for _, id := range f.Names {
						if obj := info.ObjectOf(id); obj != nil {
							handles[obj] = true
						}
					}
				}
			default:
				if f, ok := typeutil.Callee(info, &ast.CallExpr{Fun: a}).(*types.Func); ok {
					if _, in := x.decls[f]; in {
						whole = append(whole, f)
					}
				}
			}
		}
		return l, handles, whole
	}
	return libNone, nil, nil
}

// assignedTo is the variable the first result of call is assigned to.
func assignedTo(info *types.Info, body *ast.BlockStmt, call *ast.CallExpr) types.Object {
	var obj types.Object
	ast.Inspect(body, func(n ast.Node) bool {
		if obj != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 && n.Rhs[0] == call && len(n.Lhs) > 0 {
				if id, ok := n.Lhs[0].(*ast.Ident); ok {
					obj = info.ObjectOf(id)
				}
			}
		case *ast.ValueSpec:
			if len(n.Values) == 1 && n.Values[0] == call && len(n.Names) > 0 {
				obj = info.ObjectOf(n.Names[0])
			}
		}
		return true
	})
	return obj
}

// passes adds to scope the module functions body hands one of the handles
// to, and follows the handle into them.
func (x *extractor) passes(info *types.Info, body ast.Node, handles map[types.Object]bool, scope map[string]bool, depth int) {
	if len(handles) == 0 || depth > txDepth {
		return
	}
	eachCall(info, body, func(call *ast.CallExpr, callee *types.Func) {
		if o := callee.Origin(); o != nil {
			callee = o
		}
		if _, in := x.decls[callee]; !in {
			return
		}
		var at []int
		for i, a := range call.Args {
			if id, ok := ast.Unparen(a).(*ast.Ident); ok && handles[info.ObjectOf(id)] {
				at = append(at, i)
			}
		}
		// issue.clearLabels(sess): a method of another value that gets the
		// handle; sess.insert(…) on a module type wrapping it is no
		// hand-off (its receiver is not the handle).
		if len(at) > 0 {
			x.follow(callee, at, scope, depth+1)
		}
	})
}

// eachCall calls f for every call of a known function in node.
func eachCall(info *types.Info, node ast.Node, f func(*ast.CallExpr, *types.Func)) {
	ast.Inspect(node, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if callee, ok := typeutil.Callee(info, call).(*types.Func); ok {
				f(call, callee)
			}
		}
		return true
	})
}

// follow adds fn to scope and, when args name the parameters holding the
// handle, follows them into its body; nil args means every parameter.
func (x *extractor) follow(fn *types.Func, args []int, scope map[string]bool, depth int) {
	id := load.FuncID(fn)
	if scope[id] || depth > txDepth {
		return
	}
	scope[id] = true
	ref := x.decls[fn]
	if ref.decl.Body == nil {
		return
	}
	sig := fn.Type().(*types.Signature)
	handles := map[types.Object]bool{}
	for i := 0; i < sig.Params().Len(); i++ {
		if args == nil || slices.Contains(args, i) || sig.Variadic() && i == sig.Params().Len()-1 && slices.Max(args) >= i {
			handles[sig.Params().At(i)] = true
		}
	}
	x.passes(ref.ctx.info, ref.decl.Body, handles, scope, depth)
}
