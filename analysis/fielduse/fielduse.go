// Package fielduse extracts struct shapes and field-level reads and writes,
// the evidence behind the oversized-model finding: a 40-field model is only
// a problem when several contexts reach into different corners of it, and
// only field uses show which corners.
//
// Structs are the module's package-level named struct types. Their fields are
// flattened the way Go promotes them: an embedded struct is listed as a field
// and its promoted fields follow with Embedded set to the path they come
// through ("Audit", "Base.Audit"); names hidden by shallower fields or
// ambiguous at the same depth are left out, as are unexported fields of
// embedded types from outside the module (code cannot reach them). Field.Type
// is go/types' fully qualified spelling ("*example.com/app/models.Artist",
// "database/sql.NullString"), so a renderer can rebuild imports from it.
//
// Field uses follow the rules of the truth-file format:
//
//   - read: a field selector evaluated as a value, including x.F.G (a read of
//     F, and of G), x.F.Method(), len(x.F), range over x.F and x.F passed as
//     an argument;
//   - write: the selector on the left of = or op=, x.F++ and x.F--, a key of
//     a keyed composite literal, every field of a positional composite
//     literal, and &x.F (the address escapes, so the field may change);
//   - x.F = x.F + 1 is both;
//   - method values and calls (t.Save) are not field uses.
//
// A use of a promoted field is recorded on every module struct along the
// selector's embedding path: t.CreatedAt, with t a Track embedding Audit,
// gives a use of Track.CreatedAt and one of Audit.CreatedAt. An explicit path
// is taken literally: t.Audit.CreatedAt reads Track.Audit and Audit.CreatedAt.
//
// Whole-object uses get Field "*" and Mode read: a value (or pointer, slice,
// array or map of values) of a module struct passed to encoding/json or
// encoding/xml (Marshal, Encode, Unmarshal, Decode, ...), to any function of
// reflect, to fmt's printing functions, or to a function or method of a
// database or ORM package (database/sql, gorm, xorm, bun, sqlx, go-pg, pgx,
// scany, mongo). They are evidence that every field is touched, counted apart
// from field uses.
package fielduse

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/load"
)

// WholeField is the Field of a whole-object use.
const WholeField = "*"

// Extract returns the module's struct types and every function's field uses,
// both sorted the way facts.Facts.Sort orders them.
func Extract(prog *load.Program) (structs []facts.Struct, uses []facts.FieldUse) {
	for _, p := range prog.Packages {
		structs = append(structs, pkgStructs(prog, p)...)
		uses = append(uses, pkgUses(prog, p)...)
	}
	f := facts.Facts{Structs: structs, FieldUses: dedupUses(uses)}
	f.Sort()
	return dedupStructs(f.Structs), f.FieldUses
}

// dedupStructs drops repeats (a package listed twice in a broken load).
func dedupStructs(in []facts.Struct) []facts.Struct {
	out := in[:0]
	for _, s := range in {
		if n := len(out); n > 0 && out[n-1].Type == s.Type {
			continue
		}
		out = append(out, s)
	}
	return out
}

func dedupUses(in []facts.FieldUse) []facts.FieldUse {
	seen := make(map[facts.FieldUse]bool, len(in))
	out := in[:0]
	for _, u := range in {
		if seen[u] {
			continue
		}
		seen[u] = true
		out = append(out, u)
	}
	return out
}

// pkgStructs lists the package-level struct types of one package.
func pkgStructs(prog *load.Program, p *packages.Package) []facts.Struct {
	if p.Types == nil {
		return nil
	}
	scope := p.Types.Scope()
	var out []facts.Struct
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok {
			continue
		}
		st, ok := named.Underlying().(*types.Struct)
		if !ok {
			continue
		}
		s := facts.Struct{
			Type:   load.TypeID(tn),
			Fields: flatten(prog, named, st),
		}
		if tn.Pos().IsValid() {
			s.Generated = prog.Generated(prog.Fset.Position(tn.Pos()).Filename)
		}
		if s.Fields == nil {
			s.Fields = []facts.Field{}
		}
		out = append(out, s)
	}
	return out
}

type candidate struct {
	field facts.Field
	depth int
}

// flatten lists a struct's fields in declaration order with promoted fields
// right after the embedded field they come through, applying Go's promotion
// rules: at each name the shallowest unique occurrence wins, and a name that
// occurs more than once at its shallowest depth is not promoted at all.
func flatten(prog *load.Program, named *types.Named, st *types.Struct) []facts.Field {
	var cands []candidate
	onPath := map[*types.Named]bool{named.Origin(): true}
	var walk func(st *types.Struct, path string, depth int)
	walk = func(st *types.Struct, path string, depth int) {
		for i := 0; i < st.NumFields(); i++ {
			v := st.Field(i)
			if depth > 0 && !v.Exported() && (v.Pkg() == nil || !prog.InModule(v.Pkg().Path())) {
				continue // unreachable from the outer struct's code
			}
			cands = append(cands, candidate{
				field: facts.Field{Name: v.Name(), Type: types.TypeString(v.Type(), nil), Embedded: path, Tag: st.Tag(i)},
				depth: depth,
			})
			if !v.Embedded() {
				continue
			}
			n := load.NamedOf(v.Type())
			if n == nil || onPath[n] {
				continue
			}
			inner, ok := n.Underlying().(*types.Struct)
			if !ok {
				continue
			}
			sub := v.Name()
			if path != "" {
				sub = path + "." + sub
			}
			onPath[n] = true
			walk(inner, sub, depth+1)
			delete(onPath, n)
		}
	}
	walk(st, "", 0)

	type stat struct{ depth, count int }
	best := map[string]stat{}
	for _, c := range cands {
		s, ok := best[c.field.Name]
		switch {
		case !ok || c.depth < s.depth:
			best[c.field.Name] = stat{c.depth, 1}
		case c.depth == s.depth:
			s.count++
			best[c.field.Name] = s
		}
	}
	var out []facts.Field
	for _, c := range cands {
		if s := best[c.field.Name]; s.depth == c.depth && s.count == 1 {
			out = append(out, c.field)
		}
	}
	return out
}

// pkgUses records the field uses of every function of one package.
func pkgUses(prog *load.Program, p *packages.Package) []facts.FieldUse {
	info := p.TypesInfo
	if info == nil {
		return nil
	}
	var out []facts.FieldUse
	prog.WalkFuncs(p, func(id string, _ *ast.File, node ast.Node) {
		w := &walker{prog: prog, info: info, fn: id, writes: writeTargets(node)}
		ast.Inspect(node, w.visit)
		out = append(out, w.out...)
	})
	return out
}

type walker struct {
	prog   *load.Program
	info   *types.Info
	fn     string
	writes map[*ast.SelectorExpr]bool
	out    []facts.FieldUse
}

// writeTargets finds the selectors that are assigned to, incremented or
// have their address taken; every other field selector is a read.
func writeTargets(node ast.Node) map[*ast.SelectorExpr]bool {
	w := map[*ast.SelectorExpr]bool{}
	mark := func(e ast.Expr) {
		if s, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
			w[s] = true
		}
	}
	ast.Inspect(node, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE {
				for _, l := range n.Lhs {
					mark(l)
				}
			}
		case *ast.IncDecStmt:
			mark(n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				mark(n.X)
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				if n.Key != nil {
					mark(n.Key)
				}
				if n.Value != nil {
					mark(n.Value)
				}
			}
		}
		return true
	})
	return w
}

func (w *walker) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.SelectorExpr:
		w.selector(n)
	case *ast.CompositeLit:
		w.literal(n)
	case *ast.CallExpr:
		w.call(n)
	}
	return true
}

func (w *walker) add(structID, field string, mode facts.Mode, pos token.Pos) {
	w.out = append(w.out, facts.FieldUse{Func: w.fn, Struct: structID, Field: field, Mode: mode, Pos: w.prog.Pos(pos)})
}

// selector records a field selection on every module struct along its
// embedding path.
func (w *walker) selector(e *ast.SelectorExpr) {
	sel, ok := w.info.Selections[e]
	if !ok || sel.Kind() != types.FieldVal {
		return
	}
	mode := facts.Read
	if w.writes[e] {
		mode = facts.Write
	}
	field := sel.Obj().Name()
	t := sel.Recv()
	idx := sel.Index()
	for i, fi := range idx {
		n := load.NamedOf(t)
		var st *types.Struct
		if n != nil {
			st, _ = n.Underlying().(*types.Struct)
			if id, ok := w.moduleStruct(n); ok {
				w.add(id, field, mode, e.Sel.Pos())
			}
		} else {
			st, _ = derefStruct(t)
		}
		if st == nil || fi >= st.NumFields() || i == len(idx)-1 {
			return
		}
		t = st.Field(fi).Type()
	}
}

// literal records the fields a struct composite literal sets.
func (w *walker) literal(lit *ast.CompositeLit) {
	tv, ok := w.info.Types[lit]
	if !ok || tv.Type == nil {
		return
	}
	n := load.NamedOf(tv.Type)
	if n == nil {
		return
	}
	id, ok := w.moduleStruct(n)
	if !ok {
		return
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok {
				w.add(id, key.Name, facts.Write, key.Pos())
			}
			continue
		}
		if i < st.NumFields() {
			w.add(id, st.Field(i).Name(), facts.Write, el.Pos())
		}
	}
}

// call records whole-object uses: module struct values handed to an
// encoder, reflection, fmt printing or a database package.
func (w *walker) call(c *ast.CallExpr) {
	fn := calleeFunc(w.info, c.Fun)
	if fn == nil || fn.Pkg() == nil || !wholeObjectCallee(fn.Pkg().Path(), fn.Name()) {
		return
	}
	for _, arg := range c.Args {
		tv, ok := w.info.Types[arg]
		if !ok || tv.Type == nil || tv.IsType() {
			continue
		}
		n := load.ElemStruct(tv.Type)
		if n == nil {
			continue
		}
		if id, ok := w.moduleStruct(n); ok {
			w.add(id, WholeField, facts.Read, arg.Pos())
		}
	}
}

// moduleStruct returns the type ID of a package-level struct type of the module.
func (w *walker) moduleStruct(n *types.Named) (string, bool) {
	obj := n.Obj()
	if obj == nil || obj.Pkg() == nil || !w.prog.InModule(obj.Pkg().Path()) || obj.Parent() != obj.Pkg().Scope() {
		return "", false
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return "", false
	}
	return load.TypeID(obj), true
}

// calleeFunc resolves the function or method a call expression calls
// statically, or nil.
func calleeFunc(info *types.Info, fun ast.Expr) *types.Func {
	fun = ast.Unparen(fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	var id *ast.Ident
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return nil
	}
	fn, _ := info.Uses[id].(*types.Func)
	return fn
}

// dbPackage reports whether an import path belongs to a database or ORM
// library whose functions take whole objects (to save, load or scan them).
func dbPackage(path string) bool {
	for _, p := range [...]string{
		"database/sql",
		"gorm.io/gorm",
		"github.com/jinzhu/gorm",
		"xorm.io/xorm",
		"github.com/go-xorm/xorm",
		"github.com/uptrace/bun",
		"github.com/jmoiron/sqlx",
		"github.com/go-pg/pg",
		"github.com/jackc/pgx",
		"github.com/georgysavva/scany",
		"go.mongodb.org/mongo-driver",
	} {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// wholeObjectCallee reports whether passing a struct to pkg.name touches
// every field of it.
func wholeObjectCallee(pkg, name string) bool {
	switch pkg {
	case "encoding/json", "encoding/xml":
		switch name {
		case "Marshal", "MarshalIndent", "Unmarshal", "Encode", "Decode", "EncodeElement", "DecodeElement":
			return true
		}
		return false
	case "reflect":
		return true
	case "fmt":
		return strings.HasPrefix(name, "Print") || strings.HasPrefix(name, "Fprint") ||
			strings.HasPrefix(name, "Sprint") || strings.HasPrefix(name, "Append") || name == "Errorf"
	}
	return dbPackage(pkg)
}

// derefStruct returns the struct under pointers of an unnamed struct type.
func derefStruct(t types.Type) (*types.Struct, bool) {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := types.Unalias(t).Underlying().(*types.Struct)
	return st, ok
}
