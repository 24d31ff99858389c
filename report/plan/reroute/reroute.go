// Package reroute rewrites the callers a migration step lists so that they
// call the step's seam instead of the context's code, and writes each step
// as a unified diff a team can review and apply (git apply, patch -p1).
//
// A call pkg.F(args) becomes (&ctxseam.Facade{}).F(args) and a call
// x.M(args) becomes (&ctxseam.Facade{T: x}).M(args): the same code runs,
// now through the interface, so the facade can later be replaced by a
// client of the new service without touching the callers again. Each
// step's diff applies to the code as the earlier steps leave it.
package reroute

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/load"
	"github.com/decomp/decomp/internal/udiff"
	"github.com/decomp/decomp/report/plan"
)

// Step is what one step's rerouting needs.
type Step struct {
	N       int
	Context string
	Seam    plan.Seam
	Callers []plan.Caller
	// Import is the seam package's import path; File its file, relative
	// to the program's root, and Src its content (nil: already there).
	Import string
	File   string
	Src    []byte
}

// Skipped is a listed caller the patch leaves as it is, and why.
type Skipped struct {
	Pos    string `json:"pos"`
	Reason string `json:"reason"`
}

// Result is one step's patch.
type Result struct {
	N       int
	Context string
	Patch   []byte
	// Rerouted counts the call sites rewritten; Files the files changed.
	Rerouted int
	Files    int
	Skipped  []Skipped
}

// edit replaces src[start:end] with text, for step n.
type edit struct {
	start, end int
	text       string
	// A method call's replacement is prefix + its receiver + suffix, the
	// receiver (src[recvStart:recvEnd]) with the edits inside it applied:
	// x.Get().Save() reroutes both calls.
	recvStart, recvEnd int
	prefix, suffix     string
	// seam is the import the replacement needs; target the package whose
	// import may have become unused.
	seam, target string
}

// file is one source file being rewritten.
type file struct {
	rel   string
	src   []byte
	ast   *ast.File
	info  *types.Info
	pkg   *types.Package
	edits []edit
	// content is the text after the steps so far.
	content []byte
	// unformatted is set for a file gofmt would change.
	unformatted bool
}

// Patches computes every step's patch, in order.
func Patches(prog *load.Program, steps []Step) ([]Result, error) {
	files := map[string]*file{}
	for _, p := range prog.Packages {
		if p.TypesInfo == nil {
			continue
		}
		for _, f := range p.Syntax {
			rel, _ := facts.SplitPos(prog.Pos(f.Pos()))
			if _, ok := files[rel]; ok {
				continue
			}
			files[rel] = &file{rel: rel, ast: f, info: p.TypesInfo, pkg: p.Types}
		}
	}
	var out []Result
	for _, st := range steps {
		res := Result{N: st.N, Context: st.Context}
		touched := map[string]bool{}
		methods := map[string]plan.Method{}
		for _, m := range st.Seam.Methods {
			methods[m.Target] = m
		}
		sites := map[string][]plan.Caller{}
		for _, c := range st.Callers {
			sites[c.Pos] = append(sites[c.Pos], c)
		}
		for _, pos := range slices.SortedFunc(maps.Keys(sites), facts.ComparePos) {
			for _, c := range sites[pos] {
				m, ok := methods[c.To]
				switch {
				case !ok:
					continue // a blocker or kept out: not the seam's
				case c.MoveFirst != "":
					res.Skipped = append(res.Skipped, Skipped{c.Pos, "move first: " + c.MoveFirst})
					continue
				}
				rel, line := facts.SplitPos(c.Pos)
				f := files[rel]
				if f == nil {
					res.Skipped = append(res.Skipped, Skipped{c.Pos, "its file was not loaded"})
					continue
				}
				if f.src == nil {
					src, err := os.ReadFile(filepath.Join(prog.Root, filepath.FromSlash(rel)))
					if err != nil {
						return nil, fmt.Errorf("reroute: %w", err)
					}
					f.src, f.content = src, src
					// The rewrite is formatted: a file that is not
					// gofmt-clean would be reformatted whole.
					if clean, err := format.Source(src); err != nil || !bytes.Equal(clean, src) {
						f.unformatted = true
					}
				}
				if f.unformatted {
					res.Skipped = append(res.Skipped, Skipped{c.Pos, "its file is not gofmt-clean: the patch would reformat it whole"})
					continue
				}
				n, why := f.reroute(prog.Fset, line, c.To, m, st)
				if n == 0 {
					res.Skipped = append(res.Skipped, Skipped{c.Pos, why})
					continue
				}
				res.Rerouted += n
				touched[rel] = true
			}
		}
		var patch bytes.Buffer
		if st.Src != nil {
			patch.Write(udiff.Unified(st.File, nil, st.Src, true, false))
		}
		for _, rel := range slices.Sorted(maps.Keys(touched)) {
			f := files[rel]
			next, err := f.render()
			if err != nil {
				return nil, fmt.Errorf("reroute step %d: %s: %w", st.N, rel, err)
			}
			patch.Write(udiff.Unified(rel, f.content, next, false, false))
			f.content = next
			res.Files++
		}
		res.Patch = patch.Bytes()
		out = append(out, res)
	}
	return out, nil
}

// reroute adds the edits rewriting the calls of target on line; it returns
// how many, or 0 and why none.
func (f *file) reroute(fset *token.FileSet, line int, target string, m plan.Method, st Step) (int, string) {
	why := "no call of " + target + " found on that line (a call through a value, or generated code)"
	n := 0
	alias := st.Seam.Package
	for _, im := range f.ast.Imports {
		if im.Name != nil && im.Name.Name == alias || im.Name == nil && strings.HasSuffix(strings.Trim(im.Path.Value, `"`), "/"+alias) && strings.Trim(im.Path.Value, `"`) != st.Import {
			return 0, "the file imports another package named " + alias
		}
	}
	ast.Inspect(f.ast, func(node ast.Node) bool {
		call, ok := node.(*ast.CallExpr)
		if !ok || fset.Position(call.Lparen).Line != line {
			return true
		}
		fn, ok := typeutil.Callee(f.info, call).(*types.Func)
		if !ok {
			return true
		}
		if o := fn.Origin(); o != nil {
			fn = o
		}
		if load.FuncID(fn) != target {
			return true
		}
		// The seam's name must mean the seam where the call is.
		if scope := f.pkg.Scope().Innermost(call.Pos()); scope != nil {
			if _, obj := scope.LookupParent(alias, call.Pos()); obj != nil {
				why = "the name " + alias + " is taken where the call is"
				return true
			}
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			why = "an unqualified call (the caller is in the target's package)"
			return true
		}
		e := edit{start: fset.Position(call.Fun.Pos()).Offset, end: fset.Position(call.Fun.End()).Offset, seam: st.Import, target: fn.Pkg().Path()}
		if m.Field == "" {
			e.text = fmt.Sprintf("(&%s.Facade{}).%s", alias, m.Name)
		} else {
			amp, reason := f.receiver(sel, fn)
			if reason != "" {
				why = reason
				return true
			}
			e.recvStart, e.recvEnd = fset.Position(sel.X.Pos()).Offset, fset.Position(sel.X.End()).Offset
			e.prefix, e.suffix = fmt.Sprintf("(&%s.Facade{%s: %s", alias, m.Field, amp), "})."+m.Name
		}
		for _, o := range f.edits {
			if e.start < o.end && o.start < e.end && !inside(e, o) && !inside(o, e) {
				why = "overlaps another rerouted call"
				return true
			}
		}
		f.edits = append(f.edits, e)
		n++
		return true
	})
	return n, why
}

// inside tells whether edit a lies within b's receiver.
func inside(a, b edit) bool {
	return b.prefix != "" && a.start >= b.recvStart && a.end <= b.recvEnd
}

// receiver tells how the facade field takes the receiver of sel: as it
// is, or its address ("&"); a reason when it cannot.
func (f *file) receiver(sel *ast.SelectorExpr, fn *types.Func) (string, string) {
	s := f.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return "", "a method expression, not a call on a value"
	}
	if len(s.Index()) > 1 {
		return "", "a method promoted through an embedded field"
	}
	recvType := fn.Type().(*types.Signature).Recv().Type()
	xt := f.info.TypeOf(sel.X)
	named := load.NamedOf(recvType)
	switch {
	case named == nil:
		return "", "its receiver type is not named"
	case types.IsInterface(named):
		// The facade field has the interface's type.
		if types.AssignableTo(xt, named) {
			return "", ""
		}
	case types.Identical(xt, types.NewPointer(named)):
		return "", ""
	case types.Identical(xt, named) && addressable(f.info, sel.X):
		return "&", ""
	}
	return "", "its receiver is not a " + named.Obj().Name() + " the facade field can hold"
}

// addressable tells whether &x is legal: a variable (a package's too), a field of one, an
// element of a slice or an array variable, a dereference.
func addressable(info *types.Info, x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		_, ok := info.ObjectOf(x).(*types.Var)
		return ok
	case *ast.SelectorExpr:
		if _, ok := info.ObjectOf(x.Sel).(*types.Var); ok && info.Selections[x] == nil {
			return true // pkg.V, a package-level variable
		}
		if s := info.Selections[x]; s != nil && s.Kind() == types.FieldVal {
			if _, ptr := info.TypeOf(x.X).Underlying().(*types.Pointer); ptr {
				return true
			}
			return addressable(info, x.X)
		}
	case *ast.IndexExpr:
		if _, slice := info.TypeOf(x.X).Underlying().(*types.Slice); slice {
			return true
		}
		if _, arr := info.TypeOf(x.X).Underlying().(*types.Array); arr {
			return addressable(info, x.X)
		}
	case *ast.StarExpr:
		return true
	}
	return false
}

// render applies every edit so far to the original source, adds the seam
// imports, drops the imports no call needs any more, and formats it.
func (f *file) render() ([]byte, error) {
	edits := slices.Clone(f.edits)
	sort.Slice(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end > edits[j].end // the outer first
	})
	seams, targets := map[string]bool{}, map[string]bool{}
	for _, e := range edits {
		seams[e.seam] = true
		targets[e.target] = true
	}
	src := []byte(splice(f.src, 0, len(f.src), edits))
	fset := token.NewFileSet()
	af, err := parser.ParseFile(fset, f.rel, src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	for _, p := range slices.Sorted(maps.Keys(seams)) {
		astutil.AddImport(fset, af, p)
	}
	for _, p := range slices.Sorted(maps.Keys(targets)) {
		for _, im := range af.Imports {
			if strings.Trim(im.Path.Value, `"`) != p {
				continue
			}
			name := f.importName(im, p)
			if name == "_" || name == "." || uses(af, name) {
				continue
			}
			if im.Name != nil {
				astutil.DeleteNamedImport(fset, af, im.Name.Name, p)
			} else {
				astutil.DeleteImport(fset, af, p)
			}
			break
		}
	}
	var b bytes.Buffer
	if err := format.Node(&b, fset, af); err != nil {
		return nil, err
	}
	return format.Source(b.Bytes())
}

// splice returns src[start:end] with the edits in that range applied,
// edits sorted by start, outer ones first; an edit's receiver is spliced
// in turn.
func splice(src []byte, start, end int, edits []edit) string {
	var b strings.Builder
	at := start
	for i := 0; i < len(edits); i++ {
		e := edits[i]
		if e.start < at || e.end > end {
			continue // inside an edit already written, or outside the range
		}
		b.Write(src[at:e.start])
		if e.prefix == "" {
			b.WriteString(e.text)
		} else {
			b.WriteString(e.prefix)
			b.WriteString(splice(src, e.recvStart, e.recvEnd, edits[i+1:]))
			b.WriteString(e.suffix)
		}
		at = e.end
	}
	b.Write(src[at:end])
	return b.String()
}

// importName is the name an import binds in the file.
func (f *file) importName(im *ast.ImportSpec, path string) string {
	if im.Name != nil {
		return im.Name.Name
	}
	for _, p := range f.pkg.Imports() {
		if p.Path() == path {
			return p.Name()
		}
	}
	return path[strings.LastIndexByte(path, '/')+1:]
}

// uses tells whether the file refers to the package name anywhere: a
// selector on the name that the parser did not resolve to a declaration
// of the file (a local variable called like the package is none).
func uses(f *ast.File, name string) bool {
	used := false
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == name && id.Obj == nil {
				used = true
			}
		}
		return !used
	})
	return used
}
