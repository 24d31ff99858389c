// Package calls extracts the call edges between the module's functions.
//
// Well-typed packages go through SSA and one of x/tools' call-graph
// algorithms, which also resolves calls through interfaces and function
// values. Packages that failed to type-check would vanish from SSA without a
// word (ssautil skips them), so their direct calls are read from the syntax
// and whatever type information did check, and they are reported as warnings.
package calls

import (
	"fmt"
	"go/ast"
	"go/types"
	"sort"

	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/callgraph/cha"
	"golang.org/x/tools/go/callgraph/rta"
	"golang.org/x/tools/go/callgraph/static"
	"golang.org/x/tools/go/callgraph/vta"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/load"
	"github.com/decomp/decomp/analysis/ssabuild"
)

// Algorithm selects the call-graph construction.
type Algorithm string

// Call-graph algorithms, from cheapest and least complete to dearest and most precise.
const (
	// Syntax reads calls as written, without SSA: direct calls and calls of
	// interface methods (to the abstract method). It is what a dependency
	// gate needs: the dependencies the source states.
	Syntax Algorithm = "syntax"
	Static Algorithm = "static" // direct calls only
	CHA    Algorithm = "cha"    // class hierarchy analysis: every method of every implementing type
	RTA    Algorithm = "rta"    // rapid type analysis from main, init and exported functions
	VTA    Algorithm = "vta"    // variable type analysis, refined from CHA
)

// Default is the algorithm of a run that names none (see the README for
// why VTA).
const Default = VTA

// Algorithms lists the valid values, for flag help.
var Algorithms = []Algorithm{Syntax, Static, CHA, RTA, VTA}

// ParseAlgorithm validates a flag value.
func ParseAlgorithm(s string) (Algorithm, error) {
	for _, a := range Algorithms {
		if string(a) == s {
			return a, nil
		}
	}
	return "", fmt.Errorf("unknown call-graph algorithm %q (want syntax, static, cha, rta or vta)", s)
}

// Extract returns the call edges between module functions, one per call
// site and callee, and warnings for packages analysed without SSA.
//
// build gives the module's SSA; it is called only when algo needs it, after
// the syntax is read (a build may release it).
func Extract(prog *load.Program, algo Algorithm, build func() *ssabuild.Program) ([]facts.Call, []facts.Warning) {
	var good, bad []*packages.Package
	for _, p := range prog.Packages {
		if load.IllTyped(p) {
			bad = append(bad, p)
		} else {
			good = append(good, p)
		}
	}
	var out []facts.Call
	var warns []facts.Warning
	if algo == Syntax {
		for _, p := range prog.Packages {
			out = append(out, syntaxCalls(prog, p)...)
		}
		return dedup(out), warns
	}
	// The syntax is read first: a build that releases it runs after.
	var fromSyntax []facts.Call
	for _, p := range good {
		fromSyntax = append(fromSyntax, syntaxCalls(prog, p)...)
	}
	for _, p := range bad {
		warns = append(warns, facts.Warning{Pkg: p.PkgPath, Message: "package does not type-check: calls read from syntax only (no interface calls)"})
		out = append(out, syntaxCalls(prog, p)...)
	}
	if len(good) > 0 {
		c, w := ssaCalls(prog, build, algo)
		out = append(out, c...)
		warns = append(warns, w...)
		// Calls through a module interface also depend on the interface
		// itself, whether or not the algorithm found an implementation
		// flowing there (wiring by reflection or a DI framework hides it).
		// And a function the call graph never reached (a method of an
		// unexported type nothing calls) still couples to what it calls:
		// its direct calls come from the syntax.
		reached := map[string]bool{}
		for _, x := range c {
			reached[x.Caller] = true
		}
		for _, c := range fromSyntax {
			if c.Kind == facts.CallDynamic || !reached[c.Caller] {
				out = append(out, c)
			}
		}
	}
	return dedup(out), warns
}

// ssaCalls runs the call graph over the module's SSA, which build gives
// (built once for every extractor that needs it).
func ssaCalls(prog *load.Program, build func() *ssabuild.Program, algo Algorithm) (calls []facts.Call, warns []facts.Warning) {
	sp := build()
	sprog, built, isGood := sp.SSA, sp.Built, sp.Good
	warns = append(warns, sp.Warnings...)

	var cg *callgraph.Graph
	err := ssabuild.Safely(func() {
		switch algo {
		case Static:
			cg = static.CallGraph(sprog)
		case CHA:
			cg = cha.CallGraph(sprog)
		case RTA:
			cg = rtaGraph(built)
		default:
			mf := moduleFuncs(sp)
			// A million edges, or fifty per function on larger modules:
			// a 4,000-package monolith needs under four per function.
			initial := moduleCHA(sprog, mf, max(1_000_000, 50*len(mf)))
			cg = vta.CallGraph(mf, initial)
		}
	})
	if err != nil || cg == nil {
		// No call reached: Extract keeps every direct call read from the
		// syntax before SSA was built.
		warns = append(warns, facts.Warning{Message: fmt.Sprintf("call graph (%s) failed, using direct calls only: %v", algo, err)})
		return calls, warns
	}

	// Walk nodes in a fixed order: the graph's map order is random.
	fns := make([]*ssa.Function, 0, len(cg.Nodes))
	for fn := range cg.Nodes {
		if fn != nil && ssabuild.Owner(fn) != nil && isGood[ssabuild.Owner(fn).Pkg.Path()] {
			fns = append(fns, fn)
		}
	}
	sort.Slice(fns, func(i, j int) bool {
		return fns[i].Pos() < fns[j].Pos() || (fns[i].Pos() == fns[j].Pos() && fns[i].String() < fns[j].String())
	})
	for _, fn := range fns {
		from := ssabuild.FuncID(fn)
		if from == "" {
			continue
		}
		for _, e := range cg.Nodes[fn].Out {
			if e.Site == nil || !e.Site.Pos().IsValid() {
				continue // synthetic: a package initialiser calling those of its imports
			}
			to := ssabuild.FuncID(e.Callee.Func)
			if to == "" || !prog.InModule(ssabuild.PkgPath(e.Callee.Func)) || to == from {
				continue
			}
			kind := facts.CallStatic
			if e.Site.Common().StaticCallee() == nil {
				kind = facts.CallDynamic
			}
			calls = append(calls, facts.Call{Caller: from, Callee: to, Kind: kind, Pos: prog.Pos(e.Site.Pos()), Closure: e.Callee.Func.Parent() != nil})
		}
	}
	return calls, warns
}

// rtaGraph runs RTA from every function a caller outside the module could
// reach: main, init, and exported functions and methods. A library has no
// main, so exported API stands in for it.
func rtaGraph(built []*ssa.Package) *callgraph.Graph {
	var roots []*ssa.Function
	for _, sp := range built {
		names := make([]string, 0, len(sp.Members))
		for name := range sp.Members {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			switch m := sp.Members[name].(type) {
			case *ssa.Function:
				if name == "main" || name == "init" || ast.IsExported(name) {
					roots = append(roots, m)
				}
			case *ssa.Type:
				if !ast.IsExported(name) {
					continue
				}
				for _, T := range []types.Type{m.Type(), types.NewPointer(m.Type())} {
					ms := sp.Prog.MethodSets.MethodSet(T)
					for i := 0; i < ms.Len(); i++ {
						if ms.At(i).Obj().Exported() {
							if fn := sp.Prog.MethodValue(ms.At(i)); fn != nil {
								roots = append(roots, fn)
							}
						}
					}
				}
			}
		}
	}
	if len(roots) == 0 {
		return callgraph.New(nil)
	}
	res := rta.Analyze(roots, true)
	if res == nil {
		return callgraph.New(nil)
	}
	return res.CallGraph
}

// moduleFuncs restricts VTA's type propagation to the module's functions:
// dependencies have no bodies, so including them only costs time.
func moduleFuncs(sp *ssabuild.Program) map[*ssa.Function]bool {
	fns := sp.ModuleFuncs()
	out := make(map[*ssa.Function]bool, len(fns))
	for _, fn := range fns {
		out[fn] = true
	}
	return out
}

// syntaxCalls reads calls from a package's syntax, using whatever type
// information is present to resolve callees: direct calls, and calls of
// interface methods (to the abstract method, kind dynamic).
func syntaxCalls(prog *load.Program, p *packages.Package) []facts.Call {
	if p.TypesInfo == nil {
		return nil
	}
	var out []facts.Call
	prog.WalkFuncs(p, func(id string, _ *ast.File, node ast.Node) {
		ast.Inspect(node, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			callee, ok := typeutil.Callee(p.TypesInfo, call).(*types.Func)
			if !ok || callee.Pkg() == nil || !prog.InModule(callee.Pkg().Path()) {
				return true
			}
			if o := callee.Origin(); o != nil {
				callee = o
			}
			to := load.FuncID(callee)
			if to == id {
				return true
			}
			kind := facts.CallStatic
			if sig, ok := callee.Type().(*types.Signature); ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
				kind = facts.CallDynamic
			}
			out = append(out, facts.Call{Caller: id, Callee: to, Kind: kind, Pos: prog.Pos(call.Lparen)})
			return true
		})
	})
	return out
}

// dedup sorts the edges and removes repeats (several SSA call instructions
// can share a source line). A site that calls a function and one of its
// closures keeps the call of the function.
func dedup(calls []facts.Call) []facts.Call {
	f := facts.Facts{Calls: calls}
	f.Sort()
	out := f.Calls[:0]
	for i, c := range f.Calls {
		if i > 0 {
			p := f.Calls[i-1]
			if p.Caller == c.Caller && p.Callee == c.Callee && p.Pos == c.Pos && p.Kind == c.Kind {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}
