package dbaccess

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/sqlparse"
	"github.com/decomp/decomp/analysis/ssabuild"
	"github.com/decomp/decomp/analysis/valueflow"
)

// The models and statements the syntax cannot see at an executing call (a
// helper's parameter, an element of a slice of models, a struct field
// holding SQL, a closure's capture) are asked of the value flow over SSA.
// Each one found is recorded in the function that writes it, at the place
// it writes it, with the executing call noted (facts.Access.Exec).

// afterSSA defers a question for the value flow to Finish: SSA is built
// once the syntax has served every extractor, so the two are never held
// in memory together. f reads no syntax: positions, types and texts only.
// call is the executing call f asks about: only such calls are indexed.
func (x *extractor) afterSSA(call *ast.CallExpr, f func()) {
	if x.asked == nil {
		x.asked = map[token.Pos]bool{}
	}
	x.asked[call.Lparen] = true
	x.later = append(x.later, f)
}

// sqlOrFlow records the statement the syntax read for parameter param of a
// SQL-taking call, or, when it names no table, what the value flow finds
// (and the syntax's reading when that finds none either).
func (c *fnCtx) sqlOrFlow(texts []text, call *ast.CallExpr, fn *types.Func, param int, at token.Pos, via string, d sqlparse.Dialect, requireSQL bool) {
	if c.x.namesTable(texts, d) {
		c.emitSQL(texts, at, via, d, nil)
		return
	}
	c.x.afterSSA(call, func() {
		if fn == nil || !c.flowSQL(call, fn, param, 0, at, via, d, requireSQL) {
			c.emitSQL(texts, at, via, d, nil)
		}
	})
}

// valueFlow returns the value-flow analysis, built on first use (SSA is
// shared with the call graph); nil when no SSA could be had.
func (x *extractor) valueFlow() *valueflow.Analysis {
	if x.flowBuilt || x.build == nil {
		return x.flow
	}
	x.flowBuilt = true
	sp := x.build()
	if sp == nil {
		return nil
	}
	x.ssaFrom = sp.From
	fa := valueflow.New(sp.ModuleFuncs(), x.asked)
	fa.Unknown = placeholder
	fa.Embedded = x.embedded
	x.flow = fa
	return fa
}

// ssaCall is the SSA call instruction of a call expression, or nil. A
// call in a generic function has one instruction per instantiation (and
// one in the generic body, whose type arguments are unknown): the first
// instantiation's is taken.
func (c *fnCtx) ssaCall(call *ast.CallExpr, fn *types.Func) ssa.CallInstruction {
	fa := c.x.valueFlow()
	if fa == nil {
		return nil
	}
	var generic ssa.CallInstruction
	for _, ci := range fa.CallsAt(call.Lparen) {
		cc := ci.Common()
		var name string
		switch {
		case cc.IsInvoke():
			name = cc.Method.Name()
		case cc.StaticCallee() != nil:
			name = cc.StaticCallee().Name()
			if i := strings.IndexByte(name, '['); i > 0 {
				name = name[:i] // an instantiation: F[int]
			}
		}
		if name != fn.Name() {
			continue
		}
		if p := ci.Parent(); p.TypeParams().Len() > 0 && len(p.TypeArgs()) == 0 {
			if generic == nil {
				generic = ci
			}
			continue
		}
		return ci
	}
	return generic
}

// recorder is the context accesses written in fn are recorded in, with
// exec the executing call they reach.
func (x *extractor) recorder(fn *ssa.Function, exec token.Pos) *fnCtx {
	id := ssabuild.FuncID(fn)
	if id == "" {
		return nil
	}
	rec := &fnCtx{x: x, id: id, exec: exec}
	if p := x.ssaFrom[ssabuild.Owner(fn)]; p != nil {
		rec.pkg = p
	}
	if rec.pkg == nil {
		return nil
	}
	return rec
}

// flowModels records the tables of the models that reach the interface
// parameters of an ORM call (all of them, or the one given by only >= 0).
// It reports whether it found one, and whether some value could not be
// followed.
//
// The models given through the call sites of skip are left out: the
// session those sites give has its table set (see callerTables).
func (c *fnCtx) flowModels(call *ast.CallExpr, fn *types.Func, at token.Pos, only int, l lib, modes []facts.Mode, via string, skip map[ssa.CallInstruction]bool) (found, unknown bool) {
	ci := c.ssaCall(call, fn)
	if ci == nil {
		return false, true
	}
	sig := ci.Common().Signature()
	for i := 0; i < sig.Params().Len(); i++ {
		if only >= 0 && i != only {
			continue
		}
		v, variadic := valueflow.Arg(ci, i)
		t := sig.Params().At(i).Type()
		if variadic {
			if s, ok := t.Underlying().(*types.Slice); ok {
				t = s.Elem()
			}
		}
		if v == nil || !types.IsInterface(t) {
			continue
		}
		origins, unk := c.x.flow.TypesExcept(v, ci.Parent(), ci.Pos(), variadic, skip)
		unknown = unknown || unk
		for _, o := range origins {
			m := modelOf(o.Type)
			if m == nil {
				continue
			}
			rec := c.x.recorder(o.Fn, at)
			if rec == nil {
				continue
			}
			found = true
			t := c.x.modelTable(m, l)
			for _, mode := range modes {
				rec.emit(o.Pos, t, mode, via, m, false)
			}
		}
	}
	return found, unknown
}

// flowModelsOrWarn is flowModels that counts the call as unresolved when
// its models are not all known.
func (c *fnCtx) flowModelsOrWarn(call *ast.CallExpr, fn *types.Func, at token.Pos, only int, l lib, modes []facts.Mode, via string) {
	if found, unknown := c.flowModels(call, fn, at, only, l, modes, via, nil); !found || unknown {
		c.unresolved(at)
	}
}

// callerTables records the tables that Table calls set on the session an
// xorm call runs on, followed back through SSA: method chains, the same
// session value used as a statement (session.Table("t"); session.Find(..)),
// parameters to the calls that give them (a pager.Help(..., session) helper
// whose callers set the table). It reports whether this function set one,
// and through which of its callers' sites a set table arrives: there, the
// beans do not name the table.
func (c *fnCtx) callerTables(call *ast.CallExpr, fn *types.Func, at token.Pos, mode facts.Mode) (here bool, sites map[ssa.CallInstruction]bool) {
	ci := c.ssaCall(call, fn)
	if ci == nil || ci.Common().IsInvoke() || len(ci.Common().Args) == 0 {
		return false, nil
	}
	type found struct {
		table *ssa.Call
		via   ssa.CallInstruction // the first caller's site, nil here
	}
	var tables []found
	seen := map[ssa.Value]bool{}
	// use is the instruction through which v reaches the executing call:
	// a Table statement on v counts only when it runs before it.
	var walk func(v ssa.Value, use ssa.Instruction, depth int, via ssa.CallInstruction)
	walk = func(v ssa.Value, use ssa.Instruction, depth int, via ssa.CallInstruction) {
		if v == nil || depth > 8 || seen[v] {
			return
		}
		seen[v] = true
		// Only a Session carries a table from call to call: an Engine's
		// Table starts a new session.
		if !isNamed(v.Type(), "Session", "xorm.io/xorm", "github.com/go-xorm/xorm") {
			return
		}
		if rs := v.Referrers(); rs != nil {
			for _, r := range *rs {
				// A Table whose result is dropped set the session's
				// table; one chained into an executing call was
				// reset by it (xorm resets the statement).
				if t, ok := r.(*ssa.Call); ok && xormMethod(t, "Table") && t.Call.Args[0] == v && len(*t.Referrers()) == 0 && runsBefore(t, use) {
					tables = append(tables, found{t, via})
				}
			}
		}
		switch v := v.(type) {
		case *ssa.Call:
			switch {
			case xormMethod(v, "Table"):
				tables = append(tables, found{v, via})
			case xormMethod(v, "") && len(v.Call.Args) > 0:
				walk(v.Call.Args[0], v, depth, via) // a chain returns its receiver
			}
		case *ssa.Phi:
			for i, e := range v.Edges {
				pred := v.Block().Preds[i]
				walk(e, pred.Instrs[len(pred.Instrs)-1], depth, via)
			}
		case *ssa.Parameter:
			idx := slices.Index(v.Parent().Params, v)
			for _, site := range c.x.flow.Callers(v.Parent()) {
				if args := site.Common().Args; !site.Common().IsInvoke() && idx >= 0 && idx < len(args) {
					first := via
					if first == nil {
						first = site
					}
					walk(args[idx], site, depth+1, first)
				}
			}
		}
	}
	walk(ci.Common().Args[0], ci, 0, nil)
	for _, f := range tables {
		t := f.table
		rec := c.x.recorder(t.Parent(), at)
		if rec == nil || len(t.Call.Args) < 2 {
			continue
		}
		named := false
		arg := t.Call.Args[1]
		texts, _ := c.x.flow.Strings(arg, t.Parent(), t.Pos(), false)
		for _, o := range texts {
			if n := normTable(o.Text); n != "" && !o.Dynamic {
				named = true
				rec.emit(t.Pos(), n, mode, "xorm", nil, false)
			}
		}
		beans, _ := c.x.flow.Types(arg, t.Parent(), t.Pos(), false)
		for _, o := range beans {
			if m := modelOf(o.Type); m != nil {
				named = true
				rec.emit(t.Pos(), c.x.modelTable(m, libXORM), mode, "xorm", m, false)
			}
		}
		switch {
		case !named:
		case f.via == nil:
			here = true
		default:
			if sites == nil {
				sites = map[ssa.CallInstruction]bool{}
			}
			sites[f.via] = true
		}
	}
	return here, sites
}

// runsBefore reports whether t runs before use on every path to use: it
// is earlier in use's block, or its block dominates use's.
func runsBefore(t, use ssa.Instruction) bool {
	if use == nil {
		return true
	}
	tb, ub := t.Block(), use.Block()
	if tb != ub {
		return tb.Dominates(ub)
	}
	for _, in := range tb.Instrs {
		switch in {
		case t:
			return true
		case use:
			return false
		}
	}
	return false
}

// xormMethod reports whether call is a method of xorm's Engine or Session
// (named name, or any with name "").
func xormMethod(call *ssa.Call, name string) bool {
	callee := call.Call.StaticCallee()
	if callee == nil || callee.Signature.Recv() == nil || callee.Pkg == nil || classify(callee.Pkg.Pkg.Path()) != libXORM {
		return false
	}
	return name == "" || callee.Name() == name
}

// flowSQL records the statements that reach parameter param of a call
// (argument elem of it, when it is the variadic one: xorm's sqlOrArgs)
// whose SQL the syntax could not read whole. It reports whether it found a
// table.
func (c *fnCtx) flowSQL(call *ast.CallExpr, fn *types.Func, param, elem int, at token.Pos, via string, d sqlparse.Dialect, requireSQL bool) bool {
	ci := c.ssaCall(call, fn)
	if ci == nil {
		return false
	}
	v, variadic := valueflow.Arg(ci, param)
	if variadic {
		v = valueflow.VarArg(v, elem)
	}
	if v == nil {
		return false
	}
	origins, missed := c.x.flow.Strings(v, ci.Parent(), ci.Pos(), false)
	found := false
	for _, o := range origins {
		if o.Dynamic && o.Text == placeholder {
			missed = true
			continue
		}
		if requireSQL && !looksLikeSQL(o.Text) {
			continue
		}
		rec := c.x.recorder(o.Fn, at)
		if rec == nil {
			missed = true
			continue
		}
		ts := []text{{s: o.Text, dynamic: o.Dynamic}}
		if !c.x.namesTable(ts, d) {
			missed = true
			continue
		}
		found = true
		rec.emitSQL(ts, o.Pos, via, d, nil)
	}
	if found && missed {
		// Some statements that reach the call were found, not all.
		c.unresolved(at)
	}
	return found
}

// namesTable reports whether some candidate statement names a table the
// syntax could read whole: if none does, the value flow is asked.
func (x *extractor) namesTable(ts []text, d sqlparse.Dialect) bool {
	for _, t := range ts {
		if strings.TrimSpace(t.s) == placeholder {
			continue
		}
		res := x.parse(t.s, d)
		for _, ref := range res.Tables {
			if n := tableOf(ref.Name, res.BestEffort); n != "" && !strings.Contains(n, placeholder) {
				return true
			}
		}
	}
	return false
}
