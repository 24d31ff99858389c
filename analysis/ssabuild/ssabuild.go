// Package ssabuild builds the module's SSA once, for every extractor that
// reads it (the call graph, the value flow behind table accesses).
//
// Only well-typed module packages get function bodies; every other package
// gets members from its types only, as if loaded from export data:
// dependency bodies were dropped while parsing and are never needed.
package ssabuild

import (
	"fmt"
	"go/ast"
	"go/types"
	"sort"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/load"
)

// Program is the module's SSA.
type Program struct {
	SSA *ssa.Program
	// Built are the module packages with bodies, in creation order.
	Built []*ssa.Package
	// From maps a built package to the loaded package it came from.
	From map[*ssa.Package]*packages.Package
	// Good holds the import paths of the built packages.
	Good map[string]bool
	// Warnings are the packages whose build failed.
	Warnings []facts.Warning

	funcs []*ssa.Function
}

// Build creates SSA for every package the module refers to and builds the
// well-typed module packages. It never panics on odd code: a package whose
// build fails is a warning.
//
// With release set, each module package's syntax and type information are
// dropped from prog as soon as its SSA is built (SSA needs neither), so
// their memory is free for what follows; prog then serves no extraction
// that reads syntax.
func Build(prog *load.Program, release bool) *Program {
	sprog := ssa.NewProgram(prog.Fset, ssa.InstantiateGenerics)
	out := &Program{SSA: sprog, From: map[*ssa.Package]*packages.Package{}, Good: map[string]bool{}}
	toBuild := map[*packages.Package]bool{}
	for _, p := range prog.Packages {
		if !load.IllTyped(p) {
			out.Good[p.PkgPath] = true
			toBuild[p] = true
		}
	}
	// Every package the module refers to needs an SSA package, variants
	// included: with tests on, a package and its test variant are two
	// type-checked packages of one path, and the packages importing the
	// plain one need it created (from its types, since only one variant
	// per path is analysed).
	roots := make([]*packages.Package, 0, len(prog.All))
	for _, p := range prog.All {
		roots = append(roots, p)
	}
	var all []*packages.Package
	packages.Visit(roots, nil, func(p *packages.Package) { all = append(all, p) })
	// Create in a fixed order so that SSA's own numbering, and therefore
	// anything derived from it, is the same on every run.
	sort.Slice(all, func(i, j int) bool {
		if all[i].PkgPath != all[j].PkgPath {
			return all[i].PkgPath < all[j].PkgPath
		}
		return all[i].ID < all[j].ID
	})
	created := map[*types.Package]bool{}
	for _, p := range all {
		if p.Types == nil || created[p.Types] {
			continue
		}
		created[p.Types] = true
		if toBuild[p] {
			sp := sprog.CreatePackage(p.Types, p.Syntax, p.TypesInfo, true)
			out.Built = append(out.Built, sp)
			out.From[sp] = p
		} else {
			sprog.CreatePackage(p.Types, nil, nil, true)
		}
	}
	for _, sp := range out.Built {
		if err := Safely(sp.Build); err != nil {
			out.Warnings = append(out.Warnings, facts.Warning{Pkg: sp.Pkg.Path(), Message: "SSA: " + err.Error()})
		}
		if release {
			p := out.From[sp]
			dropBodies(p.Syntax, p.TypesInfo)
			p.Syntax, p.TypesInfo = nil, nil
		}
	}
	return out
}

// dropBodies empties the bodies of a built package's non-generic
// functions. Each SSA function keeps its declaration's syntax, body and
// all, for as long as the program lives: the largest part of the module's
// syntax would otherwise stay in memory through the call graph. Generic
// functions keep theirs: SSA builds each instance from the origin's body
// when a caller, in a package built later, instantiates it.
func dropBodies(files []*ast.File, info *types.Info) {
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			if sig := fn.Type().(*types.Signature); sig.TypeParams().Len() > 0 || sig.RecvTypeParams().Len() > 0 {
				continue
			}
			// Function literals are SSA functions of their own,
			// keeping their syntax too.
			lits := []*ast.FuncLit{}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if lit, ok := n.(*ast.FuncLit); ok {
					lits = append(lits, lit)
				}
				return true
			})
			for _, lit := range lits {
				lit.Body = emptyBlock(lit.Body)
			}
			fd.Body = emptyBlock(fd.Body)
		}
	}
}

func emptyBlock(b *ast.BlockStmt) *ast.BlockStmt {
	return &ast.BlockStmt{Lbrace: b.Lbrace, Rbrace: b.Rbrace}
}

// Safely runs f, turning a panic on odd code into an error.
func Safely(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	f()
	return nil
}

// Owner returns the package of a function's outermost declaration.
func Owner(fn *ssa.Function) *ssa.Package {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	return fn.Package()
}

// PkgPath is the import path of Owner(fn), or "".
func PkgPath(fn *ssa.Function) string {
	if p := Owner(fn); p != nil {
		return p.Pkg.Path()
	}
	return ""
}

// FuncID maps an SSA function to the declaration it belongs to: closures to
// their enclosing function, instantiations to their generic origin, package
// initialisers to the init pseudo-function. Synthetic wrappers map to the
// method they wrap.
func FuncID(fn *ssa.Function) string {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	if fn.Pkg == nil && fn.Object() == nil {
		return ""
	}
	if obj, ok := fn.Object().(*types.Func); ok && obj != nil {
		return load.FuncID(obj)
	}
	if fn.Pkg != nil && (fn.Name() == "init" || len(fn.Name()) > 4 && fn.Name()[:4] == "init") && fn.Signature.Recv() == nil {
		return load.InitID(fn.Pkg.Pkg.Path())
	}
	return ""
}

// ModuleFuncs returns the functions of the built packages, closures and
// instantiations included, sorted by file, offset and name: the order
// every walk over them uses, so that results depend on neither map order
// nor the order files were parsed in.
func (p *Program) ModuleFuncs() []*ssa.Function {
	if p.funcs != nil {
		return p.funcs
	}
	out := []*ssa.Function{}
	for fn := range ssautil.AllFunctions(p.SSA) {
		if o := Owner(fn); o != nil && p.Good[o.Pkg.Path()] {
			out = append(out, fn)
		}
	}
	// By file name and offset, not token.Pos: the loader parses files in
	// parallel, so their bases in the file set differ from run to run.
	type at struct {
		file   string
		offset int
		name   string
	}
	keys := make(map[*ssa.Function]at, len(out))
	for _, fn := range out {
		k := at{name: fn.String()}
		if pos := p.SSA.Fset.Position(fn.Pos()); pos.IsValid() {
			k.file, k.offset = pos.Filename, pos.Offset
		}
		keys[fn] = k
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := keys[out[i]], keys[out[j]]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.offset != b.offset {
			return a.offset < b.offset
		}
		return a.name < b.name
	})
	p.funcs = out
	return out
}
