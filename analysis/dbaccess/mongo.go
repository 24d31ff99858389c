package dbaccess

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/packages"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/load"
)

// mongoPkgs are the import paths declaring mongo.Collection.
var mongoPkgs = []string{"go.mongodb.org/mongo-driver/mongo", "go.mongodb.org/mongo-driver/v2/mongo"}

// mongoModes gives the mode of each data method of *mongo.Collection;
// FindOneAnd* both read and write and count as writes.
var mongoModes = map[string]facts.Mode{
	"Find": facts.Read, "FindOne": facts.Read, "Aggregate": facts.Read,
	"CountDocuments": facts.Read, "EstimatedDocumentCount": facts.Read,
	"Distinct": facts.Read, "Watch": facts.Read,
	"InsertOne": facts.Write, "InsertMany": facts.Write,
	"UpdateOne": facts.Write, "UpdateMany": facts.Write, "UpdateByID": facts.Write,
	"ReplaceOne": facts.Write, "DeleteOne": facts.Write, "DeleteMany": facts.Write,
	"FindOneAndUpdate": facts.Write, "FindOneAndReplace": facts.Write, "FindOneAndDelete": facts.Write,
	"BulkWrite": facts.Write, "Drop": facts.Write,
}

func isCollection(t types.Type) bool {
	n := load.NamedOf(t)
	if n == nil || n.Obj().Name() != "Collection" || n.Obj().Pkg() == nil {
		return false
	}
	p := n.Obj().Pkg().Path()
	return p == mongoPkgs[0] || p == mongoPkgs[1]
}

// mongoCall records a data method called on a collection.
func (c *fnCtx) mongoCall(call *ast.CallExpr, fn *types.Func, recv types.Type, at token.Pos) {
	mode, ok := mongoModes[fn.Name()]
	if !ok || recv == nil || !isCollection(recv) {
		return
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	names := map[string]bool{}
	c.collections(newEvaluator(), sel.X, call.Pos(), names)
	if len(names) == 0 {
		c.unresolved(at)
		return
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	for _, n := range sorted {
		c.emit(at, n, mode, "mongo", nil, len(sorted) > 1)
	}
}

// collections adds the names of the collections an expression of type
// *mongo.Collection may hold: Collection("name") calls, followed through
// local variables, package variables, struct fields assigned anywhere in
// the module, Clone(), and module functions returning a collection.
func (c *fnCtx) collections(ev *evaluator, e ast.Expr, before token.Pos, out map[string]bool) {
	if e == nil || c.info == nil || !ev.enter(nil) {
		return
	}
	defer ev.leave(nil)
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn, _, _ := c.callee(x)
		if fn == nil || fn.Pkg() == nil {
			return
		}
		if classify(fn.Pkg().Path()) == libMongo {
			switch fn.Name() {
			case "Collection":
				if len(x.Args) == 0 {
					return
				}
				for _, t := range c.eval(x.Args[0], x.Pos()) {
					if !t.dynamic {
						if n := exactTable(t.s); n != "" {
							out[n] = true
						}
					}
				}
			case "Clone":
				if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
					c.collections(ev, sel.X, before, out)
				}
			}
			return
		}
		ref, ok := c.x.decls[fn.Origin()]
		if !ok || !ev.enter(fn.Origin()) {
			return
		}
		defer ev.leave(fn.Origin())
		for _, r := range singleResults(ref.decl) {
			ref.ctx.collections(ev, r, token.NoPos, out)
		}
	case *ast.Ident:
		v := c.localVar(x)
		if v == nil || !ev.enter(v) {
			return
		}
		defer ev.leave(v)
		if ref, ok := c.x.pkgVars[v]; ok {
			ref.ctx.collections(ev, ref.expr, token.NoPos, out)
			return
		}
		c.index()
		for _, a := range c.assigns[v] {
			if a.rhs != nil && (a.op == token.DEFINE || a.op == token.ASSIGN) && (!before.IsValid() || a.pos < before) {
				c.collections(ev, a.rhs, a.pos, out)
			}
		}
	case *ast.SelectorExpr:
		var v *types.Var
		if s := c.info.Selections[x]; s != nil && s.Kind() == types.FieldVal {
			v, _ = s.Obj().(*types.Var)
		} else if pv, ok := c.info.Uses[x.Sel].(*types.Var); ok {
			// A package-qualified variable.
			if ref, ok := c.x.pkgVars[pv]; ok && ev.enter(pv) {
				ref.ctx.collections(ev, ref.expr, token.NoPos, out)
				ev.leave(pv)
			}
			return
		}
		if v == nil || !ev.enter(v) {
			return
		}
		defer ev.leave(v)
		for _, ref := range c.x.fieldInits[v.Origin()] {
			ref.ctx.collections(ev, ref.expr, token.NoPos, out)
		}
	}
}

// indexFieldInits records every value assigned to a struct field of
// collection type, in composite literals and assignments, so that a method
// using r.users finds the Collection("users") of the constructor.
func (x *extractor) indexFieldInits(p *packages.Package) {
	for _, f := range p.Syntax {
		for _, d := range f.Decls {
			var ctx *fnCtx
			switch d := d.(type) {
			case *ast.FuncDecl:
				ctx = x.fnCtx(p, f, d, load.DeclFuncID(p.PkgPath, p.TypesInfo, d))
			case *ast.GenDecl:
				if d.Tok != token.VAR {
					continue
				}
				ctx = x.fnCtx(p, f, d, load.InitID(p.PkgPath))
			default:
				continue
			}
			ast.Inspect(d, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CompositeLit:
					x.compositeFieldInits(ctx, n)
				case *ast.AssignStmt:
					if len(n.Lhs) != len(n.Rhs) {
						return true
					}
					for i, lhs := range n.Lhs {
						sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
						if !ok {
							continue
						}
						s := p.TypesInfo.Selections[sel]
						if s == nil || s.Kind() != types.FieldVal {
							continue
						}
						if v, ok := s.Obj().(*types.Var); ok && isCollection(v.Type()) {
							x.fieldInits[v.Origin()] = append(x.fieldInits[v.Origin()], exprRef{expr: n.Rhs[i], ctx: ctx})
						}
					}
				}
				return true
			})
		}
	}
}

func (x *extractor) compositeFieldInits(ctx *fnCtx, lit *ast.CompositeLit) {
	t := ctx.info.TypeOf(lit)
	if t == nil {
		return
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			st, _ = p.Elem().Underlying().(*types.Struct)
		}
	}
	if st == nil {
		return
	}
	for i, el := range lit.Elts {
		var (
			v   *types.Var
			val ast.Expr
		)
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				v, _ = ctx.info.Uses[id].(*types.Var)
			}
			val = kv.Value
		} else if i < st.NumFields() {
			v, val = st.Field(i), el
		}
		if v != nil && v.IsField() && isCollection(v.Type()) {
			x.fieldInits[v.Origin()] = append(x.fieldInits[v.Origin()], exprRef{expr: val, ctx: ctx})
		}
	}
}
