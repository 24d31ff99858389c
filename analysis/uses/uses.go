// Package uses extracts type-use dependencies: a function that mentions
// another declaration's type, field, constant or variable depends on the code
// that declares it, even when it never calls it. In a layered monolith these
// edges are what ties a handler to the model of its domain.
package uses

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/load"
)

// Extract returns, per function, the module declarations it refers to with
// a count of references, and the module functions it refers to as values.
// References to the function's own receiver type are kept: they tie free
// functions to the type they work on.
func Extract(prog *load.Program) ([]facts.Use, []facts.FuncRef) {
	var out []facts.Use
	var refs []facts.FuncRef
	for _, p := range prog.Packages {
		out = append(out, pkgUses(prog, p)...)
		refs = append(refs, funcRefs(prog, p)...)
	}
	out = append(out, implementations(prog)...)
	f := facts.Facts{Uses: out, FuncRefs: refs}
	f.Sort()
	return f.Uses, f.FuncRefs
}

// funcRefs finds module functions and methods used as values: an
// identifier or selector naming one that is not the callee of a call.
func funcRefs(prog *load.Program, p *packages.Package) []facts.FuncRef {
	info := p.TypesInfo
	if info == nil {
		return nil
	}
	var out []facts.FuncRef
	prog.WalkFuncs(p, func(id string, _ *ast.File, node ast.Node) {
		called := load.CalledIdents(node)
		at := map[string]int{}
		ast.Inspect(node, func(n ast.Node) bool {
			ident, ok := n.(*ast.Ident)
			if !ok || called[ident] {
				return true
			}
			fn, ok := info.Uses[ident].(*types.Func)
			if !ok || fn.Pkg() == nil || !prog.InModule(fn.Pkg().Path()) {
				return true
			}
			if o := fn.Origin(); o != nil {
				fn = o
			}
			target := load.FuncID(fn)
			if target == id {
				return true
			}
			if i, ok := at[target]; ok {
				out[i].Count++
				return true
			}
			at[target] = len(out)
			out = append(out, facts.FuncRef{From: id, Target: target, Count: 1, Pos: prog.Pos(ident.Pos())})
			return true
		})
	})
	return out
}

type key struct {
	target string
	kind   facts.UseKind
}

func pkgUses(prog *load.Program, p *packages.Package) []facts.Use {
	info := p.TypesInfo
	if info == nil {
		return nil
	}
	var out []facts.Use
	counts := map[string]map[key]int{}
	// first is each use's first position in the function, the evidence
	// a gate points at.
	first := map[string]map[key]token.Pos{}
	owners := map[key]string{}
	var order []string
	prog.WalkFuncs(p, func(id string, _ *ast.File, node ast.Node) {
		m := counts[id]
		if m == nil {
			m = map[key]int{}
			counts[id] = m
			first[id] = map[key]token.Pos{}
			order = append(order, id)
		}
		at := first[id]
		// Each use's position is its own node's, taken when it is added:
		// ast.Node.Pos of a binary or call expression walks down its left
		// operand, so taking it for every node is quadratic in the depth
		// of x + x + … chains.
		add := func(k key, owner string, pos token.Pos) {
			m[k]++
			if p, ok := at[k]; !ok || pos < p {
				at[k] = pos
			}
			if owner != "" {
				owners[k] = owner
			}
		}
		ast.Inspect(node, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if sel, ok := info.Selections[n]; ok && sel.Kind() == types.FieldVal {
					if st := load.NamedOf(sel.Recv()); st != nil && inModule(prog, st.Obj()) {
						add(key{load.TypeID(st.Obj()), facts.UseField}, "", n.Sel.Pos())
					}
				}
			case *ast.CompositeLit:
				if tv, ok := info.Types[n]; ok {
					if st := load.NamedOf(tv.Type); st != nil && inModule(prog, st.Obj()) {
						if _, isStruct := st.Underlying().(*types.Struct); isStruct && len(n.Elts) > 0 {
							add(key{load.TypeID(st.Obj()), facts.UseField}, "", n.Lbrace)
						}
					}
				}
			case *ast.Ident:
				obj := info.Uses[n]
				if obj == nil || !inModule(prog, obj) || obj.Parent() != obj.Pkg().Scope() {
					return true
				}
				switch obj := obj.(type) {
				case *types.TypeName:
					add(key{load.TypeID(obj), facts.UseType}, "", n.Pos())
				case *types.Const:
					add(key{obj.Pkg().Path() + "." + obj.Name(), facts.UseConst}, ownerOf(prog, obj.Type()), n.Pos())
				case *types.Var:
					add(key{obj.Pkg().Path() + "." + obj.Name(), facts.UseVar}, ownerOf(prog, obj.Type()), n.Pos())
				}
			}
			return true
		})
	})
	for _, id := range order {
		for k, n := range counts[id] {
			out = append(out, facts.Use{From: id, Target: k.target, Kind: k.kind, Owner: owners[k], Count: n, Pos: prog.Pos(first[id][k])})
		}
	}
	return out
}

// ownerOf names the module type a constant or variable belongs to, if any.
func ownerOf(prog *load.Program, t types.Type) string {
	if n := load.NamedOf(t); n != nil && inModule(prog, n.Obj()) && n.Obj().Parent() == n.Obj().Pkg().Scope() {
		return load.TypeID(n.Obj())
	}
	return ""
}

func inModule(prog *load.Program, obj types.Object) bool {
	return obj.Pkg() != nil && prog.InModule(obj.Pkg().Path())
}

// maxImplementers bounds the implements edges of one interface: a contract
// fulfilled by many types (a plugin or visitor interface) says nothing about
// which of them belong together.
const maxImplementers = 3

// implementations relates each module type to the module interfaces it (or
// its pointer) implements. Interfaces are indexed by one method name, so only
// types having that method are checked.
func implementations(prog *load.Program) []facts.Use {
	type iface struct {
		id string
		t  *types.Interface
	}
	// Interfaces by their first method's name, then by its signature
	// (hashed, receivers ignored, as types.Identical ignores them): a type
	// is checked only against the interfaces whose first method it has
	// with an identical signature. Checking it against every interface
	// sharing a method name grew with the square of the module (a
	// 4,000-package module has thousands of Get methods).
	byMethod := map[string]*typeutil.Map{}
	var named []*types.TypeName
	prog.TypeNames(func(tn *types.TypeName) {
		if it, ok := tn.Type().Underlying().(*types.Interface); ok {
			if it.NumMethods() > 0 {
				m := it.Method(0)
				sigs := byMethod[m.Name()]
				if sigs == nil {
					sigs = new(typeutil.Map)
					byMethod[m.Name()] = sigs
				}
				list, _ := sigs.At(m.Type()).([]iface)
				sigs.Set(m.Type(), append(list, iface{load.TypeID(tn), it}))
			}
			return
		}
		named = append(named, tn)
	})
	impls := map[string][]*types.TypeName{}
	for _, tn := range named {
		if _, isNamed := tn.Type().(*types.Named); !isNamed {
			continue
		}
		ptr := types.NewPointer(tn.Type())
		ms := types.NewMethodSet(ptr)
		seen := map[string]bool{}
		for i := 0; i < ms.Len(); i++ {
			m := ms.At(i).Obj()
			sigs := byMethod[m.Name()]
			if sigs == nil {
				continue
			}
			list, _ := sigs.At(m.Type()).([]iface)
			for _, it := range list {
				if seen[it.id] {
					continue
				}
				seen[it.id] = true
				if types.Implements(ptr, it.t) {
					impls[it.id] = append(impls[it.id], tn)
				}
			}
		}
	}
	var out []facts.Use
	for id, ts := range impls {
		if len(ts) > maxImplementers {
			continue
		}
		for _, tn := range ts {
			if t := load.TypeID(tn); t != id {
				out = append(out, facts.Use{From: t, Target: id, Kind: facts.UseImplements, Count: 1, Pos: prog.Pos(tn.Pos())})
			}
		}
	}
	return out
}
