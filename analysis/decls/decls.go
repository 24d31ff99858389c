// Package decls lists the module's packages, files, functions and named
// types from the syntax, so that code in packages that failed to type-check
// is still counted and placed.
package decls

import (
	"go/ast"
	"go/token"
	gotypes "go/types"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/load"
)

// Extract fills the Packages, Funcs, Types and Values of a Facts value.
func Extract(prog *load.Program) (pkgs []facts.Package, funcs []facts.Func, types []facts.Type, values []facts.Value) {
	for _, p := range prog.Packages {
		pkgs = append(pkgs, pkgFacts(prog, p))
		for _, f := range p.Syntax {
			tf := prog.Fset.File(f.Pos())
			if tf == nil {
				continue
			}
			gen := prog.Generated(tf.Name())
			test := strings.HasSuffix(tf.Name(), "_test.go")
			hasInit, initLines := false, 0
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					fn := facts.Func{
						ID:        load.DeclFuncID(p.PkgPath, p.TypesInfo, d),
						Pkg:       p.PkgPath,
						Name:      d.Name.Name,
						Pos:       prog.Pos(d.Pos()),
						Lines:     lines(prog.Fset, d),
						Exported:  d.Name.IsExported(),
						Generated: gen,
						Test:      test,
					}
					if d.Recv != nil && len(d.Recv.List) > 0 {
						fn.Recv = load.RecvExprName(d.Recv.List[0].Type)
						if st, ok := d.Recv.List[0].Type.(*ast.StarExpr); ok && st != nil {
							fn.PtrRecv = true
						}
					}
					if p.TypesInfo != nil {
						if obj, ok := p.TypesInfo.Defs[d.Name].(*gotypes.Func); ok {
							if sig, ok := obj.Type().(*gotypes.Signature); ok {
								fn.Signature = facts.Signature(sig)
								fn.Generic = sig.TypeParams().Len() > 0 || sig.RecvTypeParams().Len() > 0
							}
						}
					}
					funcs = append(funcs, fn)
				case *ast.GenDecl:
					if d.Tok == token.VAR {
						hasInit = true
						initLines += funcLitLines(prog.Fset, d)
					}
					if d.Tok == token.VAR || d.Tok == token.CONST {
						for _, s := range d.Specs {
							for _, n := range s.(*ast.ValueSpec).Names {
								if n.Name == "_" {
									continue
								}
								values = append(values, facts.Value{
									ID: p.PkgPath + "." + n.Name, Pkg: p.PkgPath, Pos: prog.Pos(n.Pos()),
									Generated: gen, Test: test,
								})
							}
						}
						continue
					}
					if d.Tok != token.TYPE {
						continue
					}
					for _, s := range d.Specs {
						ts := s.(*ast.TypeSpec)
						kind := "other"
						switch ts.Type.(type) {
						case *ast.StructType:
							kind = "struct"
						case *ast.InterfaceType:
							kind = "interface"
						}
						node := ast.Node(ts)
						if len(d.Specs) == 1 {
							node = d // count the doc comment and keyword too
						}
						t := facts.Type{
							ID:        p.PkgPath + "." + ts.Name.Name,
							Pkg:       p.PkgPath,
							Name:      ts.Name.Name,
							Kind:      kind,
							Pos:       prog.Pos(ts.Pos()),
							Lines:     lines(prog.Fset, node),
							Generated: gen,
							Test:      test,
						}
						t.Generic = ts.TypeParams != nil && len(ts.TypeParams.List) > 0
						if kind == "interface" && p.TypesInfo != nil {
							if obj := p.TypesInfo.Defs[ts.Name]; obj != nil {
								if it, ok := obj.Type().Underlying().(*gotypes.Interface); ok {
									for i := 0; i < it.NumMethods(); i++ {
										m := it.Method(i)
										if sig, ok := m.Type().(*gotypes.Signature); ok {
											t.Methods = append(t.Methods, facts.Method{Name: m.Name(), Signature: facts.Signature(sig)})
										}
									}
								}
							}
						}
						types = append(types, t)
					}
				}
			}
			if hasInit {
				funcs = append(funcs, facts.Func{
					ID:        load.InitID(p.PkgPath),
					Pkg:       p.PkgPath,
					Name:      "init",
					Pos:       prog.Pos(f.Name.Pos()),
					Lines:     initLines,
					Generated: gen,
					Test:      test,
				})
			}
		}
	}
	sort.Slice(values, func(i, j int) bool { return values[i].ID < values[j].ID })
	return pkgs, dedupFuncs(funcs), types, values
}

// dedupFuncs merges the init pseudo-functions of several files, and any
// duplicate declaration of broken code, keeping the first position.
func dedupFuncs(funcs []facts.Func) []facts.Func {
	sort.SliceStable(funcs, func(i, j int) bool { return funcs[i].ID < funcs[j].ID })
	out := funcs[:0]
	for _, f := range funcs {
		if n := len(out); n > 0 && out[n-1].ID == f.ID {
			out[n-1].Lines += f.Lines
			out[n-1].Generated = out[n-1].Generated && f.Generated
			out[n-1].Test = out[n-1].Test && f.Test
			continue
		}
		out = append(out, f)
	}
	return out
}

func pkgFacts(prog *load.Program, p *packages.Package) facts.Package {
	pk := facts.Package{Path: p.PkgPath, Name: p.Name, IllTyped: load.IllTyped(p)}
	for _, f := range p.Syntax {
		tf := prog.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		pk.Files = append(pk.Files, facts.File{
			Path:      prog.Rel(tf.Name()),
			Lines:     tf.LineCount(),
			Generated: prog.Generated(tf.Name()),
			Test:      strings.HasSuffix(tf.Name(), "_test.go"),
		})
	}
	sort.Slice(pk.Files, func(i, j int) bool { return pk.Files[i].Path < pk.Files[j].Path })
	switch {
	case len(pk.Files) > 0:
		dir := pk.Files[0].Path
		if i := strings.LastIndexByte(dir, '/'); i >= 0 {
			pk.Dir = dir[:i]
		} else {
			pk.Dir = "."
		}
	case len(p.GoFiles) > 0:
		pk.Dir = prog.Rel(p.GoFiles[0])
		if i := strings.LastIndexByte(pk.Dir, '/'); i >= 0 {
			pk.Dir = pk.Dir[:i]
		}
	}
	if p.Module != nil && p.Module.Dir != "" {
		if d := prog.Rel(p.Module.Dir); d != "" && d != "." && !filepath.IsAbs(d) {
			pk.ModuleDir = filepath.ToSlash(d)
		}
	}
	seen := map[string]bool{}
	for path := range p.Imports {
		if path == p.PkgPath || seen[path] {
			continue
		}
		seen[path] = true
		if prog.InModule(path) {
			pk.Imports = append(pk.Imports, path)
		} else {
			pk.ExternalImports = append(pk.ExternalImports, path)
		}
	}
	sort.Strings(pk.Imports)
	sort.Strings(pk.ExternalImports)
	return pk
}

// funcLitLines counts the lines of the function literals in a var
// declaration's initializers, the outermost ones only: code run through
// function values (var migrations = []func(*sql.Tx) error{…}) is code of the
// package's initializer, and a 1,500-line file of it is not empty.
func funcLitLines(fset *token.FileSet, d *ast.GenDecl) int {
	n := 0
	ast.Inspect(d, func(x ast.Node) bool {
		if fl, ok := x.(*ast.FuncLit); ok {
			n += lines(fset, fl)
			return false
		}
		return true
	})
	return n
}

// lines counts the lines a declaration spans; one at least, since a
// declaration cut short by a syntax error may end before it starts.
func lines(fset *token.FileSet, n ast.Node) int {
	return max(1, fset.Position(n.End()).Line-fset.Position(n.Pos()).Line+1)
}
