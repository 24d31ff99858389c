package calls

import (
	"go/types"
	"sort"

	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/ssa"
)

// moduleCHA is the initial call graph VTA refines: class hierarchy analysis
// over the module's own functions and types only. x/tools' CHA checks every
// interface call against every type of the whole program with a method of
// that name, which grows with the square of the code (a 4,000-package
// module spends most of its extraction there); here candidates are indexed
// by the interface's first method's name and signature, and only module
// types are candidates, since decomp keeps only edges between module
// functions. Calls of function values go to the module functions whose
// address is taken and whose signature matches.
//
// It gives up, returning nil, once it holds more than maxEdges edges: VTA
// looks up a call site's initial callees by scanning its caller's out
// edges, so on a dense graph (thousands of interface calls, each with
// thousands of implementations, as in generated code) the refinement
// costs the square of the edges, and x/tools' lazy CHA, which VTA uses
// when given no graph, is then several times faster.
// maxImplementations bounds the implementations an interface call may be
// resolved to. An interface with more is a plugin point (generated code,
// a handler table): a call through it depends on the interface, which the
// syntax records, and listing every implementation as a callee would only
// cost VTA the product of call sites and implementations (3,000 each took
// 50 s) to add a hub no decomposition can use.
const maxImplementations = 1000

func moduleCHA(prog *ssa.Program, funcs map[*ssa.Function]bool, maxEdges int) *callgraph.Graph {
	cg := callgraph.New(nil)
	edges := 0
	// Sorted, so the graph (and VTA's work on it) is the same every run.
	fns := make([]*ssa.Function, 0, len(funcs))
	for fn := range funcs {
		fns = append(fns, fn)
	}
	sort.Slice(fns, func(i, j int) bool {
		if fns[i].Pos() != fns[j].Pos() {
			return fns[i].Pos() < fns[j].Pos()
		}
		return fns[i].String() < fns[j].String()
	})
	// Concrete module types, by each method's name and signature.
	byMethod := map[string][]types.Type{}
	seenType := map[types.Type]bool{}
	addType := func(t types.Type) {
		if seenType[t] || types.IsInterface(t) {
			return
		}
		seenType[t] = true
		for _, tt := range []types.Type{t, types.NewPointer(t)} {
			ms := prog.MethodSets.MethodSet(tt)
			for i := 0; i < ms.Len(); i++ {
				m := ms.At(i).Obj().(*types.Func)
				k := m.Name() + " " + sigKey(m.Type().(*types.Signature))
				byMethod[k] = append(byMethod[k], tt)
			}
		}
	}
	byFuncSig := map[string][]*ssa.Function{}
	// Each package's members once, not once per function of the package.
	seenPkg := map[*ssa.Package]bool{}
	for _, fn := range fns {
		if fn.Pkg != nil && fn.Pkg.Pkg != nil && !seenPkg[fn.Pkg] {
			seenPkg[fn.Pkg] = true
			names := make([]string, 0, len(fn.Pkg.Members))
			for name := range fn.Pkg.Members {
				names = append(names, name)
			}
			sort.Strings(names)
			for _, name := range names {
				if t, ok := fn.Pkg.Members[name].(*ssa.Type); ok {
					if _, named := t.Type().(*types.Named); named {
						addType(t.Type())
					}
				}
			}
		}
	}
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				// Any type the module turns into an interface value can be
				// dispatched to: local types and generic instantiations too.
				if mi, ok := instr.(*ssa.MakeInterface); ok {
					t := mi.X.Type()
					if p, ok := t.(*types.Pointer); ok {
						t = p.Elem()
					}
					addType(t)
				}
				for _, op := range instr.Operands(nil) {
					// Bound-method and interface wrappers count: a method
					// value h.get is such a wrapper.
					if f, ok := (*op).(*ssa.Function); ok {
						k := sigKey(f.Signature)
						byFuncSig[k] = append(byFuncSig[k], f)
					}
				}
			}
		}
	}
	for k, fs := range byFuncSig {
		byFuncSig[k] = dedupFuncs(fs)
	}
	implCache := map[*types.Interface][]types.Type{}
	impls := func(it *types.Interface) []types.Type {
		if ts, ok := implCache[it]; ok {
			return ts
		}
		var out []types.Type
		if it.NumMethods() > 0 {
			m := it.Method(0)
			k := m.Name() + " " + sigKey(m.Type().(*types.Signature))
			for _, t := range byMethod[k] {
				if types.Implements(t, it) {
					out = append(out, t)
				}
			}
		}
		implCache[it] = out
		return out
	}
	for _, fn := range fns {
		from := cg.CreateNode(fn)
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				site, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if edges > maxEdges {
					return nil
				}
				common := site.Common()
				switch {
				case common.StaticCallee() != nil:
					edges++
					callgraph.AddEdge(from, site, cg.CreateNode(common.StaticCallee()))
				case common.IsInvoke():
					it, ok := common.Value.Type().Underlying().(*types.Interface)
					if !ok {
						continue
					}
					if len(impls(it)) > maxImplementations {
						continue
					}
					for _, t := range impls(it) {
						sel := prog.MethodSets.MethodSet(t).Lookup(common.Method.Pkg(), common.Method.Name())
						if sel == nil {
							continue
						}
						if callee := prog.MethodValue(sel); callee != nil {
							edges++
							callgraph.AddEdge(from, site, cg.CreateNode(callee))
						}
					}
				default:
					if sig, ok := common.Value.Type().Underlying().(*types.Signature); ok {
						edges += len(byFuncSig[sigKey(sig)])
						for _, callee := range byFuncSig[sigKey(sig)] {
							callgraph.AddEdge(from, site, cg.CreateNode(callee))
						}
					}
				}
			}
		}
	}
	return cg
}

func dedupFuncs(fs []*ssa.Function) []*ssa.Function {
	seen := map[*ssa.Function]bool{}
	out := fs[:0]
	for _, f := range fs {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

// sigKey identifies a signature up to parameter names, as types.Identical
// compares them, without the receiver.
func sigKey(sig *types.Signature) string {
	var b []byte
	for i := 0; i < sig.Params().Len(); i++ {
		b = append(b, types.TypeString(sig.Params().At(i).Type(), nil)...)
		b = append(b, ',')
	}
	if sig.Variadic() {
		b = append(b, "..."...)
	}
	b = append(b, "->"...)
	for i := 0; i < sig.Results().Len(); i++ {
		b = append(b, types.TypeString(sig.Results().At(i).Type(), nil)...)
		b = append(b, ',')
	}
	return string(b)
}
