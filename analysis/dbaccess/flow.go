package dbaccess

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/packages"
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
func (x *extractor) afterSSA(f func()) { x.later = append(x.later, f) }

// sqlOrFlow records the statement of a raw-SQL call argument the syntax
// read, or, when it names no table, what the value flow finds.
func (c *fnCtx) sqlOrFlow(texts []text, call *ast.CallExpr, fn *types.Func, at token.Pos, via string) {
	if c.x.namesTable(texts, c.x.dialect) {
		c.emitSQL(texts, at, via, c.x.dialect, nil)
		return
	}
	c.x.afterSSA(func() {
		if !c.flowSQL(call, fn, 0, 0, at, via, c.x.dialect, false) {
			c.emitSQL(texts, at, via, c.x.dialect, nil)
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
	x.ssaPkgs = map[*ssa.Package]*packages.Package{}
	for k, v := range sp.From {
		x.ssaPkgs[k] = v
	}
	fa := valueflow.New(sp.ModuleFuncs())
	fa.Unknown = placeholder
	fa.Embedded = x.embedded
	x.flow = fa
	return fa
}

// ssaCall is the SSA call instruction of a call expression, or nil.
func (c *fnCtx) ssaCall(call *ast.CallExpr, fn *types.Func) ssa.CallInstruction {
	fa := c.x.valueFlow()
	if fa == nil {
		return nil
	}
	for _, ci := range fa.CallsAt(call.Lparen) {
		cc := ci.Common()
		switch {
		case cc.IsInvoke() && cc.Method.Name() == fn.Name(),
			cc.StaticCallee() != nil && cc.StaticCallee().Name() == fn.Name():
			return ci
		}
	}
	return nil
}

// recorder is the context accesses written in fn are recorded in, with
// exec the executing call they reach.
func (x *extractor) recorder(fn *ssa.Function, exec token.Pos) *fnCtx {
	id := ssabuild.FuncID(fn)
	if id == "" {
		return nil
	}
	rec := &fnCtx{x: x, id: id, exec: exec}
	if p := x.ssaPkgs[ssabuild.Owner(fn)]; p != nil {
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
func (c *fnCtx) flowModels(call *ast.CallExpr, fn *types.Func, at token.Pos, only int, l lib, modes []facts.Mode, via string) (found, unknown bool) {
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
		origins, unk := c.x.flow.Types(v, ci.Parent(), ci.Pos(), variadic)
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
	if found, unknown := c.flowModels(call, fn, at, only, l, modes, via); !found || unknown {
		c.unresolved(at)
	}
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
	origins, _ := c.x.flow.Strings(v, ci.Parent(), ci.Pos(), false)
	found := false
	for _, o := range origins {
		if o.Dynamic && o.Text == placeholder {
			continue
		}
		if requireSQL && !looksLikeSQL(o.Text) {
			continue
		}
		rec := c.x.recorder(o.Fn, at)
		if rec == nil {
			continue
		}
		ts := []text{{s: o.Text, dynamic: o.Dynamic}}
		if !c.x.namesTable(ts, d) {
			continue // the call is counted unresolved where it runs
		}
		found = true
		rec.emitSQL(ts, o.Pos, via, d, nil)
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
