// Package valueflow answers two questions over the module's SSA: which
// concrete types can reach a value (the models an ORM call is given), and
// which strings (the SQL a query call runs). It follows values backwards,
// on demand, through everything SSA makes explicit: parameters to the call
// sites that give them (variadic ones included), closures' free variables
// to their bindings, phi nodes, returns, interface conversions, and memory:
// the elements of slices, arrays and maps built from literals, read by
// index or range, and the fields of structs, read from a value or through a
// pointer. Memory is followed from the allocation that holds it (a
// composite literal, a variadic argument list, new, make); a struct field
// whose allocation cannot be found falls back to every value the module
// stores into that field.
//
// Each answer names where the value is written (Origin.Fn and Pos): the
// function holding the literal, or the call site handing it down. The walk
// is bounded (a budget of steps per question) and deterministic (callers,
// referrers and instructions are visited in program order); a cycle
// contributes nothing more. What cannot be followed (a parameter of a
// function nothing in the module calls, a value read from the network) is
// reported as unknown, never guessed.
package valueflow

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Origin is one value that can reach the value asked about.
type Origin struct {
	// Fn is the function where the value is written; Pos is where in it:
	// the literal or store when SSA gives its position, else the call
	// through which it flows on towards the value asked about.
	Fn  *ssa.Function
	Pos token.Pos
	// Type is the concrete type (Types).
	Type types.Type
	// Text is the string (Strings), with Analysis.Unknown for each part
	// not known statically; Dynamic says some part was not.
	Text    string
	Dynamic bool

	// named is set when Fn and Pos come from a known part of a text
	// written in another function than the one joining the parts.
	named bool
	// handed is set on a value a caller hands down (an argument, a
	// closure's binding), not one a callee returns.
	handed bool
}

// Analysis holds the module-wide indexes the walk needs.
type Analysis struct {
	// Unknown stands for a part of a string not known statically.
	Unknown string
	// Budget bounds the steps of one question (default 20,000).
	Budget int
	// Embedded, when set, gives the contents of a package variable that a
	// //go:embed directive fills: the variable itself (a string or
	// []byte, name ""), or the file name of an embed.FS.
	Embedded func(v *types.Var, name string) (string, bool)

	callers  map[*ssa.Function][]site
	invokes  map[string][]site
	closures map[*ssa.Function][]*ssa.MakeClosure
	globals  map[*ssa.Global][]ssa.Instruction
	fields   map[*types.Var][]*ssa.Store
	// calls indexes call instructions by their parenthesis; the few
	// positions with more than one (a call and its deferred or generic
	// twin) keep the others in more.
	calls    map[token.Pos]ssa.CallInstruction
	more     map[token.Pos][]ssa.CallInstruction
	at       map[token.Pos]bool
	memo     [2]map[key]result
	fieldIDs map[*types.Var]int
}

type site struct {
	call ssa.CallInstruction
	fn   *ssa.Function
}

type kind int

const (
	kTypes kind = iota
	kStrings
)

type key struct {
	v    ssa.Value
	path string
	ctx  *ssa.Call
}

type result struct {
	origins []Origin
	unknown bool
	// cut is the depth (from 1) of the shallowest value still being
	// walked whose cycle this answer was cut at: it is complete only once
	// the walk is back at that value, and kept (memoised) only then.
	// exhausted says the budget ran out: the answer is never kept.
	cut       int
	exhausted bool
	seen      map[originKey]bool
}

// mark takes o's flags (unknown, cut, exhausted) into r.
func (r *result) mark(o result) {
	r.unknown = r.unknown || o.unknown
	r.exhausted = r.exhausted || o.exhausted
	if o.cut > 0 && (r.cut == 0 || o.cut < r.cut) {
		r.cut = o.cut
	}
}

// at is r with the position pos for origins that have none.
func (r result) at(pos token.Pos) result {
	r.origins = fill(r.origins, pos)
	r.seen = nil
	return r
}

// New indexes the given functions (the module's, closures included): their
// call sites, closures, stores into globals and struct fields. Their order
// is the order callers and stores are visited in; pass them sorted.
//
// CallsAt answers for the call positions in at (all calls when at is nil):
// a caller that knows which calls it will ask about saves indexing the
// million others of a large module.
func New(funcs []*ssa.Function, at map[token.Pos]bool) *Analysis {
	a := &Analysis{
		Unknown:  "?",
		Budget:   20000,
		callers:  make(map[*ssa.Function][]site, len(funcs)),
		at:       at,
		invokes:  map[string][]site{},
		closures: map[*ssa.Function][]*ssa.MakeClosure{},
		globals:  map[*ssa.Global][]ssa.Instruction{},
		fields:   map[*types.Var][]*ssa.Store{},
		calls:    map[token.Pos]ssa.CallInstruction{},
		more:     map[token.Pos][]ssa.CallInstruction{},
		memo:     [2]map[key]result{{}, {}},
		fieldIDs: map[*types.Var]int{},
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case ssa.CallInstruction:
					cc := in.Common()
					s := site{call: in, fn: fn}
					if cc.IsInvoke() {
						a.invokes[cc.Method.Name()] = append(a.invokes[cc.Method.Name()], s)
					} else if callee := cc.StaticCallee(); callee != nil {
						a.callers[callee] = append(a.callers[callee], s)
					}
					if p := cc.Pos(); p.IsValid() && (a.at == nil || a.at[p]) {
						if _, dup := a.calls[p]; dup {
							a.more[p] = append(a.more[p], in)
						} else {
							a.calls[p] = in
						}
					}
				case *ssa.MakeClosure:
					if f, ok := in.Fn.(*ssa.Function); ok {
						a.closures[f] = append(a.closures[f], in)
					}
				case *ssa.Store:
					if fa, ok := in.Addr.(*ssa.FieldAddr); ok {
						if v := fieldVar(fa.X.Type(), fa.Field); v != nil {
							a.fields[v] = append(a.fields[v], in)
						}
					}
				}
				// Memory rooted at a package variable: the uses storesVia
				// follows (globals have no referrers of their own).
				var root ssa.Value
				switch in := instr.(type) {
				case *ssa.Store:
					root = in.Addr
				case *ssa.FieldAddr:
					root = in.X
				case *ssa.IndexAddr:
					root = in.X
				case *ssa.Slice:
					root = in.X
				}
				if g, ok := root.(*ssa.Global); ok {
					a.globals[g] = append(a.globals[g], instr)
				}
			}
		}
	}
	return a
}

// CallsAt returns the call instructions whose call parenthesis is at pos,
// with their functions.
func (a *Analysis) CallsAt(pos token.Pos) []ssa.CallInstruction {
	c, ok := a.calls[pos]
	if !ok {
		return nil
	}
	return append([]ssa.CallInstruction{c}, a.more[pos]...)
}

// Arg returns the SSA value of the call's argument for parameter i of the
// callee's signature (receiver excluded), and whether that parameter is the
// variadic one: then the value is the slice of the variadic arguments.
func Arg(call ssa.CallInstruction, i int) (ssa.Value, bool) {
	cc := call.Common()
	sig := cc.Signature()
	off := len(cc.Args) - sig.Params().Len()
	if i < 0 || i >= sig.Params().Len() || off < 0 || off+i >= len(cc.Args) {
		return nil, false
	}
	return cc.Args[off+i], sig.Variadic() && i == sig.Params().Len()-1
}

// Types returns the concrete types that can reach v (in fn), and whether
// some path could not be followed. With elems, v is a slice (or array)
// and the question is about its elements.
func (a *Analysis) Types(v ssa.Value, fn *ssa.Function, at token.Pos, elems bool) ([]Origin, bool) {
	return a.ask(kTypes, v, fn, at, elems)
}

// Strings returns the strings that can reach v (in fn), and whether some
// path could not be followed at all.
func (a *Analysis) Strings(v ssa.Value, fn *ssa.Function, at token.Pos, elems bool) ([]Origin, bool) {
	return a.ask(kStrings, v, fn, at, elems)
}

// TypesExcept is Types with the given call sites not followed from a
// parameter to their arguments (the walk answers without them).
func (a *Analysis) TypesExcept(v ssa.Value, fn *ssa.Function, at token.Pos, elems bool, except map[ssa.CallInstruction]bool) ([]Origin, bool) {
	return a.askExcept(kTypes, v, fn, at, elems, except)
}

func (a *Analysis) ask(k kind, v ssa.Value, fn *ssa.Function, at token.Pos, elems bool) ([]Origin, bool) {
	return a.askExcept(k, v, fn, at, elems, nil)
}

func (a *Analysis) askExcept(k kind, v ssa.Value, fn *ssa.Function, at token.Pos, elems bool, except map[ssa.CallInstruction]bool) ([]Origin, bool) {
	w := &walk{a: a, k: k, budget: a.Budget, visiting: map[key]int{}, except: except}
	path := ""
	if elems {
		path = "e."
	}
	r := w.flow(v, path, fn)
	out := fill(r.origins, at)
	// In source order: file, then offset (token.Pos order across files
	// depends on the order the loader parsed them in).
	posOf := func(o Origin) token.Position {
		if o.Fn == nil || o.Fn.Prog == nil {
			return token.Position{}
		}
		return o.Fn.Prog.Fset.Position(o.Pos)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := posOf(out[i]), posOf(out[j])
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		return a.Offset < b.Offset
	})
	return out, r.unknown
}

// fill gives origins with no position the position pos.
func fill(in []Origin, pos token.Pos) []Origin {
	out := make([]Origin, 0, len(in))
	for _, o := range in {
		if !o.Pos.IsValid() {
			o.Pos = pos
		}
		out = append(out, o)
	}
	return out
}

type walk struct {
	a        *Analysis
	k        kind
	budget   int
	depth    int
	visiting map[key]int
	// except are call sites not followed from a parameter; answers
	// then depend on them and are not kept.
	except map[ssa.CallInstruction]bool
	// stack holds the calls whose callee's returns the walk is in: a
	// parameter of that callee is that call's argument, not every
	// caller's (a builder's ToSQL reads the receiver its caller built).
	stack []frame
}

// frame is a call the walk entered through its callee's returns.
type frame struct {
	call   *ssa.Call
	callee *ssa.Function
}

// arg is the call's argument for parameter idx of the callee (for an
// interface call, the receiver is the interface value).
func (f frame) arg(idx int) ssa.Value {
	cc := f.call.Common()
	if cc.IsInvoke() {
		if idx == 0 {
			return cc.Value
		}
		idx--
	}
	if idx < 0 || idx >= len(cc.Args) {
		return nil
	}
	return cc.Args[idx]
}

// maxDepth bounds the nesting of calls whose returns the walk follows.
const maxDepth = 16

// maxPath bounds the steps of memory a walk looks through (a recursive
// structure read as p = p.next would otherwise grow the path forever).
const maxPath = 12

// maxOrigins bounds one answer: a helper may be given its statement by
// thousands of callers, but past this a value is a run-time one in
// practice (and the walk's cost is the answer's size).
const maxOrigins = 10000

func (r *result) add(o result) {
	r.mark(o)
	if len(o.origins) == 0 {
		return
	}
	if r.seen == nil {
		r.seen = make(map[originKey]bool, len(r.origins)+len(o.origins))
		for _, x := range r.origins {
			r.seen[keyOf(x)] = true
		}
	}
	for _, x := range o.origins {
		k := keyOf(x)
		if r.seen[k] {
			continue
		}
		if len(r.origins) >= maxOrigins {
			r.unknown = true
			return
		}
		r.seen[k] = true
		r.origins = append(r.origins, x)
	}
}

// originKey identifies an origin for de-duplication.
type originKey struct {
	fn      *ssa.Function
	pos     token.Pos
	text    string
	dynamic bool
	typ     string
}

func keyOf(o Origin) originKey {
	k := originKey{fn: o.Fn, pos: o.Pos, text: o.Text, dynamic: o.Dynamic}
	if o.Type != nil {
		k.typ = o.Type.String()
	}
	return k
}

var unknownResult = result{unknown: true}

// head splits a path into its first step and the rest.
func head(path string) (string, string) {
	i := strings.IndexByte(path, '.')
	if i < 0 {
		return "", ""
	}
	return path[:i], path[i+1:]
}

// fieldStep names a field in a path by its variable, so that a field of
// one struct type never matches the same index of another that reaches
// the same place through an interface.
func (a *Analysis) fieldStep(structType types.Type, i int) string {
	v := fieldVar(structType, i)
	if v == nil {
		return "f?"
	}
	id, ok := a.fieldIDs[v]
	if !ok {
		id = len(a.fieldIDs)
		a.fieldIDs[v] = id
	}
	return "f" + strconv.Itoa(id)
}

// flow is the walk's one step: the origins of v (used in fn) along path
// ("d." a dereference, "e." an element, "fN." field N).
func (w *walk) flow(v ssa.Value, path string, fn *ssa.Function) result {
	if v == nil {
		return unknownResult
	}
	if w.budget--; w.budget < 0 {
		return result{unknown: true, exhausted: true}
	}
	if strings.Count(path, ".") > maxPath {
		return unknownResult
	}
	if p := parentOf(v); p != nil {
		fn = p
	}
	if path == "" {
		if r, done := w.leaf(v, fn); done {
			return r
		}
	}
	k := key{v: v, path: path}
	if n := len(w.stack); n > 0 {
		k.ctx = w.stack[n-1].call
	}
	_, isConst := v.(*ssa.Const)
	// Answers are kept only outside any call's returns: inside, they
	// depend on the calls the walk came through.
	memo := !isConst && k.ctx == nil && len(w.except) == 0
	if memo {
		if r, ok := w.a.memo[w.k][k]; ok {
			return r
		}
	}
	var r result
	if isConst {
		r = w.step(v, path, fn)
	} else {
		if cycle, ok := w.enter(k); !ok {
			return cycle
		}
		r = w.leave(k, w.step(v, path, fn))
	}
	r.seen = nil // rebuilt by the next add that needs it
	if memo && r.cut == 0 && !r.exhausted {
		w.a.memo[w.k][k] = r
	}
	return r
}

// enter starts the walk of k; met again while that walk is under way, k
// is a cycle, answered by the depth it is cut at (ok false).
func (w *walk) enter(k key) (result, bool) {
	if d, ok := w.visiting[k]; ok {
		return result{cut: d}, false // the cycle adds nothing more
	}
	w.depth++
	w.visiting[k] = w.depth
	return result{}, true
}

// leave ends the walk of k with its answer r, complete again once back at
// the head of the cycles it was cut at.
func (w *walk) leave(k key, r result) result {
	if r.cut >= w.depth {
		r.cut = 0
	}
	delete(w.visiting, k)
	w.depth--
	return r
}

// leaf answers for a value asked about itself, when it is one answer.
func (w *walk) leaf(v ssa.Value, fn *ssa.Function) (result, bool) {
	switch w.k {
	case kTypes:
		if c, ok := v.(*ssa.Const); ok && c.IsNil() && types.IsInterface(c.Type()) {
			return result{}, true
		}
		if !types.IsInterface(v.Type()) {
			// Where the concrete value is written is the store, call or
			// conversion that hands it on (filled in on the way back).
			return result{origins: []Origin{{Fn: fn, Type: v.Type()}}}, true
		}
	case kStrings:
		if c, ok := v.(*ssa.Const); ok {
			if c.Value != nil && c.Value.Kind() == constant.String {
				return result{origins: []Origin{{Fn: fn, Text: constant.StringVal(c.Value)}}}, true
			}
			return result{}, true
		}
	}
	return result{}, false
}

func (w *walk) step(v ssa.Value, path string, fn *ssa.Function) result {
	first, rest := head(path)
	switch v := v.(type) {
	case *ssa.Const:
		return result{} // nil slices, maps and pointers hold nothing
	case *ssa.MakeInterface:
		if w.k == kTypes && path == "" {
			return result{origins: []Origin{{Fn: fn, Pos: v.Pos(), Type: v.X.Type()}}}
		}
		return w.flow(v.X, path, fn)
	case *ssa.ChangeType:
		return w.flow(v.X, path, fn)
	case *ssa.ChangeInterface:
		return w.flow(v.X, path, fn)
	case *ssa.Convert:
		if w.k == kStrings && path == "" && !isStringType(v.X.Type()) {
			if t, ok := w.embedded(v.X, ""); ok {
				return result{origins: []Origin{{Fn: fn, Text: t}}}
			}
			return w.dynamic(fn, v.Pos())
		}
		return w.flow(v.X, path, fn)
	case *ssa.TypeAssert:
		if v.CommaOk {
			return unknownResult
		}
		return w.flow(v.X, path, fn)
	case *ssa.Phi:
		var r result
		for _, e := range v.Edges {
			r.add(w.flow(e, path, fn))
		}
		return r
	case *ssa.Parameter:
		return w.param(v, path)
	case *ssa.FreeVar:
		return w.freeVar(v, path)
	case *ssa.Extract:
		return w.extract(v, path, fn)
	case *ssa.Call:
		return w.call(v, path, fn)
	case *ssa.UnOp:
		if v.Op == token.MUL {
			if t, ok := w.embedded(v, path); ok {
				return result{origins: []Origin{{Fn: fn, Text: t}}}
			}
			return w.flow(v.X, "d."+path, fn)
		}
		return w.unknownHere(fn, v.Pos())
	case *ssa.BinOp:
		if w.k == kStrings && path == "" && v.Op == token.ADD {
			return w.concat(w.flow(v.X, "", fn), w.flow(v.Y, "", fn), fn)
		}
		return w.unknownHere(fn, v.Pos())
	case *ssa.Field:
		r := w.flow(v.X, w.a.fieldStep(v.X.Type(), v.Field)+"."+path, fn)
		return w.fieldFallback(r, v.X.Type(), v.Field, path)
	case *ssa.Index:
		return w.flow(v.X, "e."+path, fn)
	case *ssa.Lookup:
		if isStringType(v.X.Type()) {
			return w.unknownHere(fn, v.Pos())
		}
		if v.CommaOk {
			return unknownResult
		}
		return w.flow(v.X, "e."+path, fn)
	case *ssa.Slice:
		if isStringType(v.X.Type()) {
			return w.unknownHere(fn, v.Pos())
		}
		if isPointer(v.X.Type()) {
			return w.flow(v.X, "d."+path, fn)
		}
		return w.flow(v.X, path, fn)
	case *ssa.FieldAddr:
		if first != "d" {
			return unknownResult
		}
		r := w.flow(v.X, "d."+w.a.fieldStep(v.X.Type(), v.Field)+"."+rest, fn)
		return w.fieldFallback(r, v.X.Type(), v.Field, rest)
	case *ssa.IndexAddr:
		if first != "d" {
			return unknownResult
		}
		if isPointer(v.X.Type()) {
			return w.flow(v.X, "d.e."+rest, fn)
		}
		return w.flow(v.X, "e."+rest, fn)
	case *ssa.Alloc:
		if first != "d" {
			return unknownResult
		}
		return w.storesInto(v, rest, fn)
	case *ssa.Global:
		if first != "d" {
			return unknownResult
		}
		var r result
		for _, in := range w.a.globals[v] {
			r.add(w.storesVia(in, v, rest))
		}
		return r
	case *ssa.MakeSlice:
		if first != "e" {
			return unknownResult
		}
		return w.storesInto(v, path, fn)
	case *ssa.MakeMap:
		if first != "e" {
			return unknownResult
		}
		var r result
		for _, ref := range refs(v) {
			if mu, ok := ref.(*ssa.MapUpdate); ok && mu.Map == v {
				r.add(w.flow(mu.Value, rest, mu.Parent()))
			}
		}
		return r
	}
	return w.unknownHere(fn, v.Pos())
}

// unknownHere is a value the walk cannot follow: for strings, an unknown
// part of a statement (a run-time value); otherwise unknown.
func (w *walk) unknownHere(fn *ssa.Function, pos token.Pos) result {
	if w.k == kStrings {
		return w.dynamic(fn, pos)
	}
	return unknownResult
}

func (w *walk) dynamic(fn *ssa.Function, pos token.Pos) result {
	if w.k != kStrings {
		return unknownResult
	}
	return result{origins: []Origin{{Fn: fn, Pos: pos, Text: w.a.Unknown, Dynamic: true}}}
}

// concat is the product of the two sides of a string +.
func (w *walk) concat(x, y result, fn *ssa.Function) result {
	// A side cut at a cycle with nothing else is a loop-carried
	// string (s = s + part): its text is not known statically.
	if len(x.origins) == 0 && x.cut > 0 {
		x.add(w.dynamic(fn, token.NoPos))
	}
	if len(y.origins) == 0 && y.cut > 0 {
		y.add(w.dynamic(fn, token.NoPos))
	}
	var r result
	r.mark(x)
	r.mark(y)
	if len(x.origins)*len(y.origins) > 16 {
		d := w.dynamic(fn, token.NoPos)
		d.mark(r)
		return d
	}
	for _, a := range x.origins {
		for _, b := range y.origins {
			o := Origin{Fn: fn, Text: a.Text + b.Text, Dynamic: a.Dynamic || b.Dynamic}
			// The statement is written where the part completing it
			// is: a known part handed down from a caller (a table
			// name given to a helper) names that caller. A part a
			// callee returns (a column list) does not: the statement
			// is still written here.
			for _, part := range []Origin{a, b} {
				if part.handed && part.Fn != nil && part.Fn != fn && (!part.Dynamic || part.named) {
					o.Fn, o.Pos, o.named, o.handed = part.Fn, part.Pos, true, true
				}
			}
			r.add(result{origins: []Origin{o}})
		}
	}
	return r
}

// param follows a parameter to the arguments of every call site.
func (w *walk) param(p *ssa.Parameter, path string) result {
	fn := p.Parent()
	idx := -1
	for i, q := range fn.Params {
		if q == p {
			idx = i
		}
	}
	if idx < 0 {
		return unknownResult
	}
	if n := len(w.stack); n > 0 && w.stack[n-1].callee == fn {
		// In the returns of a call of fn: its argument.
		top := w.stack[n-1]
		arg := top.arg(idx)
		if arg == nil {
			return unknownResult
		}
		w.stack = w.stack[:n-1]
		sub := w.flow(arg, path, top.call.Parent())
		w.stack = append(w.stack, top)
		return handed(sub.at(top.call.Pos()))
	}
	sites := w.a.sitesOf(fn)
	if len(sites) == 0 {
		return unknownResult
	}
	var r result
	for _, s := range sites {
		if w.except[s.call] {
			continue
		}
		cc := s.call.Common()
		var arg ssa.Value
		if cc.IsInvoke() {
			switch {
			case idx == 0:
				arg = cc.Value
			case idx-1 < len(cc.Args):
				arg = cc.Args[idx-1]
			}
		} else if idx < len(cc.Args) {
			arg = cc.Args[idx]
		}
		if arg == nil {
			r.unknown = true
			continue
		}
		sub := w.flow(arg, path, s.fn)
		r.add(handed(sub.at(s.call.Pos())))
	}
	return r
}

// handed marks r's origins as handed down by a caller.
func handed(r result) result {
	if len(r.origins) == 0 {
		return r
	}
	out := make([]Origin, len(r.origins))
	for i, o := range r.origins {
		o.handed = true
		out[i] = o
	}
	r.origins, r.seen = out, nil
	return r
}

// Callers lists the calls of fn in the module: static ones, and the
// interface calls a method of fn's receiver type may answer.
func (a *Analysis) Callers(fn *ssa.Function) []ssa.CallInstruction {
	var out []ssa.CallInstruction
	for _, s := range a.sitesOf(fn) {
		out = append(out, s.call)
	}
	return out
}

// sitesOf lists the calls of fn: static ones, and for a method, the
// interface calls of a method of that name whose interface its receiver
// type implements.
func (a *Analysis) sitesOf(fn *ssa.Function) []site {
	out := append([]site(nil), a.callers[fn]...)
	if recv := fn.Signature.Recv(); recv != nil && fn.Object() != nil {
		for _, s := range a.invokes[fn.Name()] {
			iface, ok := s.call.Common().Value.Type().Underlying().(*types.Interface)
			if ok && types.Implements(recv.Type(), iface) {
				out = append(out, s)
			}
		}
	}
	return out
}

// freeVar follows a closure's free variable to its bindings.
func (w *walk) freeVar(v *ssa.FreeVar, path string) result {
	fn := v.Parent()
	idx := -1
	for i, q := range fn.FreeVars {
		if q == v {
			idx = i
		}
	}
	mcs := w.a.closures[fn]
	if idx < 0 || len(mcs) == 0 {
		return unknownResult
	}
	var r result
	for _, mc := range mcs {
		if idx < len(mc.Bindings) {
			r.add(handed(w.flow(mc.Bindings[idx], path, mc.Parent())))
		}
	}
	return r
}

func (w *walk) extract(v *ssa.Extract, path string, fn *ssa.Function) result {
	switch t := v.Tuple.(type) {
	case *ssa.Call:
		return w.returns(t, v.Index, path)
	case *ssa.TypeAssert:
		if v.Index == 0 {
			return w.flow(t.X, path, fn)
		}
	case *ssa.Lookup:
		if v.Index == 0 && !isStringType(t.X.Type()) {
			return w.flow(t.X, "e."+path, fn)
		}
	case *ssa.Next:
		if r, ok := t.Iter.(*ssa.Range); ok && v.Index == 2 && !t.IsString {
			return w.flow(r.X, "e."+path, fn)
		}
	}
	return w.unknownHere(fn, v.Pos())
}

// call follows a call's result into its callee's returns; append's into
// its arguments; fmt.Sprintf's template.
func (w *walk) call(v *ssa.Call, path string, fn *ssa.Function) result {
	cc := v.Common()
	if b, ok := cc.Value.(*ssa.Builtin); ok && b.Name() == "append" && len(cc.Args) == 2 {
		first, _ := head(path)
		if first != "e" {
			return unknownResult
		}
		var r result
		r.add(w.flow(cc.Args[0], path, fn))
		r.add(w.flow(cc.Args[1], path, fn))
		return r
	}
	callee := cc.StaticCallee()
	if w.k == kStrings && path == "" && isFunc(callee, "fmt", "Sprintf") && len(cc.Args) == 2 {
		return w.sprintf(cc.Args[0], cc.Args[1], fn, v.Pos())
	}
	if w.k == kStrings && path == "" && callee != nil && callee.Name() == "String" && len(cc.Args) == 1 && isBuilder(callee) {
		return w.builder(cc.Args[0], v, fn)
	}
	if w.k == kStrings && path == "e." && isFunc(callee, "strings", "Split") && len(cc.Args) == 2 {
		return w.split(cc.Args[0], cc.Args[1], fn)
	}
	if w.k == kTypes && path == "" && isReflect(callee, "Value", "Interface") {
		return w.reflectValue(cc.Args[0], fn)
	}
	if v.Type() == nil {
		return unknownResult
	}
	if _, ok := v.Type().(*types.Tuple); ok {
		return unknownResult
	}
	return w.returns(v, 0, path)
}

// embedded gives the contents of an embedded file v reads: a load of a
// //go:embed string or []byte variable, or the []byte result of
// ReadFile(name) on an embed.FS variable.
func (w *walk) embedded(v ssa.Value, path string) (string, bool) {
	if w.a.Embedded == nil || w.k != kStrings || path != "" {
		return "", false
	}
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		if g, ok := ld.X.(*ssa.Global); ok {
			if gv, ok := g.Object().(*types.Var); ok {
				return w.a.Embedded(gv, "")
			}
		}
		return "", false
	}
	ex, ok := v.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return "", false
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return "", false
	}
	cc := call.Common()
	callee := cc.StaticCallee()
	var fsys, name ssa.Value
	switch {
	case callee != nil && callee.Name() == "ReadFile" && callee.Signature.Recv() != nil && len(cc.Args) == 2 && isNamedType(callee.Signature.Recv().Type(), "embed", "FS"):
		fsys, name = cc.Args[0], cc.Args[1]
	case isFunc(callee, "io/fs", "ReadFile") && len(cc.Args) == 2:
		fsys, name = cc.Args[0], cc.Args[1]
		if mi, ok := fsys.(*ssa.MakeInterface); ok {
			fsys = mi.X
		}
	default:
		return "", false
	}
	ld, ok := fsys.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return "", false
	}
	g, ok := ld.X.(*ssa.Global)
	c, isConst := name.(*ssa.Const)
	if !ok || !isConst || c.Value == nil || c.Value.Kind() != constant.String {
		return "", false
	}
	gv, ok := g.Object().(*types.Var)
	if !ok {
		return "", false
	}
	return w.a.Embedded(gv, constant.StringVal(c.Value))
}

// isBuilder reports whether fn is a method of strings.Builder or
// bytes.Buffer.
func isBuilder(fn *ssa.Function) bool {
	if fn == nil {
		return false
	}
	r := fn.Signature.Recv()
	return r != nil && (isNamedType(r.Type(), "strings", "Builder") || isNamedType(r.Type(), "bytes", "Buffer"))
}

// builder answers for b.String() on a local strings.Builder or
// bytes.Buffer: the product of its writes in source order, as for +. A
// write that may not run before the String call makes the text dynamic;
// one in a loop is an unknown part.
func (w *walk) builder(b ssa.Value, at *ssa.Call, fn *ssa.Function) result {
	alloc, ok := b.(*ssa.Alloc)
	if !ok {
		return w.dynamic(fn, at.Pos())
	}
	var writes []*ssa.Call
	for _, ref := range refs(alloc) {
		if _, ok := ref.(*ssa.DebugRef); ok {
			continue
		}
		// Only the builder's own methods called on it are known: the
		// builder handed to anything else (fmt.Fprintf, a helper, a
		// closure, a field) may be written there.
		call, ok := ref.(*ssa.Call)
		if !ok {
			return w.dynamic(fn, at.Pos())
		}
		callee := call.Call.StaticCallee()
		if !isBuilder(callee) || len(call.Call.Args) == 0 || call.Call.Args[0] != alloc || slices.Contains(call.Call.Args[1:], ssa.Value(alloc)) {
			return w.dynamic(fn, at.Pos())
		}
		switch callee.Name() {
		case "String", "Len", "Cap", "Grow":
		case "WriteString", "WriteByte", "WriteRune", "Write":
			writes = append(writes, call)
		default: // Reset, Truncate, reads: the text is no longer the writes'
			return w.dynamic(fn, at.Pos())
		}
	}
	sort.SliceStable(writes, func(i, j int) bool { return writes[i].Pos() < writes[j].Pos() })
	acc := result{origins: []Origin{{Fn: fn}}}
	for _, call := range writes {
		var part result
		arg := call.Call.Args[1]
		switch name := call.Call.StaticCallee().Name(); {
		case inLoop(call.Block()):
			part = w.dynamic(fn, call.Pos())
		case name == "WriteString":
			part = w.flow(arg, "", fn)
		case name == "WriteByte" || name == "WriteRune":
			part = w.dynamic(fn, call.Pos())
			if c, ok := arg.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Int {
				if r, ok := constant.Int64Val(c.Value); ok {
					part = result{origins: []Origin{{Fn: fn, Text: string(rune(r))}}}
				}
			}
		default:
			part = w.dynamic(fn, call.Pos())
		}
		if !call.Block().Dominates(at.Block()) {
			for i := range part.origins {
				part.origins[i].Dynamic = true
			}
		}
		acc = w.concat(acc, part, fn)
	}
	return acc
}

// inLoop reports whether a block can reach itself.
func inLoop(b *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{}
	stack := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x == b {
			return true
		}
		if seen[x] {
			continue
		}
		seen[x] = true
		stack = append(stack, x.Succs...)
	}
	return false
}

// split answers for the elements of strings.Split(s, sep) with a known
// separator: each non-blank part of each text s can be.
func (w *walk) split(s, sep ssa.Value, fn *ssa.Function) result {
	c, ok := sep.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return w.dynamic(fn, token.NoPos)
	}
	by := constant.StringVal(c.Value)
	texts := w.flow(s, "", fn)
	var r result
	r.mark(texts)
	for _, o := range texts.origins {
		if o.Dynamic || by == "" {
			r.add(result{origins: []Origin{o}})
			continue
		}
		for _, part := range strings.Split(o.Text, by) {
			if strings.TrimSpace(part) == "" {
				continue
			}
			p := o
			p.Text = part
			r.add(result{origins: []Origin{p}})
		}
	}
	return r
}

// isFunc reports whether fn is the package-level function pkg.name.
func isFunc(fn *ssa.Function, pkg, name string) bool {
	return fn != nil && fn.Name() == name && fn.Signature.Recv() == nil && fn.Pkg != nil && fn.Pkg.Pkg.Path() == pkg
}

// isNamedType reports whether t (or what it points to) is pkg.name.
func isNamedType(t types.Type, pkg, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == name && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg
}

// reflectValue answers for reflect.New(T).Interface(), ValueOf(x) and
// Elem: a model built by reflection from another value's type
// (reflect.New(reflect.TypeOf(table).Elem())).
func (w *walk) reflectValue(rv ssa.Value, fn *ssa.Function) result {
	call, ok := rv.(*ssa.Call)
	if !ok {
		return unknownResult
	}
	cc := call.Common()
	callee := cc.StaticCallee()
	switch {
	case isReflect(callee, "", "New") && len(cc.Args) == 1:
		return mapTypes(w.reflectType(cc.Args[0], fn), func(t types.Type) types.Type { return types.NewPointer(t) })
	case isReflect(callee, "", "ValueOf") && len(cc.Args) == 1:
		return w.flow(cc.Args[0], "", fn)
	case isReflect(callee, "Value", "Elem") && len(cc.Args) == 1:
		return mapTypes(w.reflectValue(cc.Args[0], fn), elemType)
	}
	return unknownResult
}

// reflectType answers for reflect.TypeOf(x) and its Elem.
func (w *walk) reflectType(t ssa.Value, fn *ssa.Function) result {
	call, ok := t.(*ssa.Call)
	if !ok {
		return unknownResult
	}
	cc := call.Common()
	if cc.IsInvoke() && cc.Method.Name() == "Elem" && cc.Method.Pkg() != nil && cc.Method.Pkg().Path() == "reflect" {
		return mapTypes(w.reflectType(cc.Value, fn), elemType)
	}
	if isReflect(cc.StaticCallee(), "", "TypeOf") && len(cc.Args) == 1 {
		return w.flow(cc.Args[0], "", fn)
	}
	return unknownResult
}

// isReflect reports whether fn is reflect's function name (recv "") or
// the method name of its type recv.
func isReflect(fn *ssa.Function, recv, name string) bool {
	if fn == nil || fn.Name() != name {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg().Path() != "reflect" {
		return false
	}
	r := fn.Signature.Recv()
	if recv == "" {
		return r == nil
	}
	if r == nil {
		return false
	}
	n, ok := types.Unalias(r.Type()).(*types.Named)
	return ok && n.Obj().Name() == recv
}

// mapTypes applies f to each type answer, dropping those it maps to nil.
func mapTypes(r result, f func(types.Type) types.Type) result {
	var out result
	out.mark(r)
	for _, o := range r.origins {
		if o.Type == nil {
			continue
		}
		if t := f(o.Type); t != nil {
			o.Type = t
			out.origins = append(out.origins, o)
		}
	}
	return out
}

// elemType is what a pointer points to, or a slice, array or map holds.
func elemType(t types.Type) types.Type {
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return u.Elem()
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	case *types.Map:
		return u.Elem()
	}
	return nil
}

// returns follows result idx of a call into every return of its callee:
// the static one, or for an interface call, the method of each concrete
// type the value flow finds for the receiver.
func (w *walk) returns(call *ssa.Call, idx int, path string) result {
	callees, recv := w.callees(call)
	if len(callees) == 0 {
		r := w.unknownHere(call.Parent(), call.Pos())
		r.mark(recv)
		return r
	}
	if len(w.stack) >= maxDepth {
		return unknownResult
	}
	var r result
	r.mark(recv)
	for _, callee := range callees {
		w.stack = append(w.stack, frame{call: call, callee: callee})
		for _, b := range callee.Blocks {
			if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && idx < len(ret.Results) {
				sub := w.flow(ret.Results[idx], path, callee)
				r.add(sub.at(ret.Pos()))
			}
		}
		w.stack = w.stack[:len(w.stack)-1]
	}
	return r
}

// callees are the functions with bodies a call may run, and the flags
// (unknown, exhausted) of the question that found them.
func (w *walk) callees(call *ssa.Call) ([]*ssa.Function, result) {
	cc := call.Common()
	if !cc.IsInvoke() {
		if callee := cc.StaticCallee(); callee != nil && len(callee.Blocks) > 0 {
			return []*ssa.Function{callee}, result{}
		}
		return nil, unknownResult
	}
	prog := call.Parent().Prog
	// The receiver's types, asked in the calls the walk is in: a
	// parameter of their callees is their argument.
	tw := &walk{a: w.a, k: kTypes, budget: min(w.budget, 2000), visiting: map[key]int{}, stack: slices.Clone(w.stack)}
	recv := tw.flow(cc.Value, "", call.Parent())
	w.budget -= min(w.budget, 2000) - tw.budget
	var out []*ssa.Function
	for _, o := range recv.origins {
		if o.Type == nil || types.IsInterface(o.Type) {
			continue
		}
		if types.NewMethodSet(o.Type).Lookup(cc.Method.Pkg(), cc.Method.Name()) == nil {
			continue
		}
		m := prog.LookupMethod(o.Type, cc.Method.Pkg(), cc.Method.Name())
		if m == nil || len(m.Blocks) == 0 || slices.Contains(out, m) {
			continue
		}
		out = append(out, m)
	}
	flags := result{unknown: recv.unknown, exhausted: recv.exhausted}
	return out, flags
}

// sprintf renders a constant template with what its arguments can be:
// each verb takes the argument's one string, else the unknown part.
func (w *walk) sprintf(format, args ssa.Value, fn *ssa.Function, pos token.Pos) result {
	tmpl := w.flow(format, "", fn)
	// What the parts' walks were cut at decides whether the answer may
	// be kept; their unknowns are the text's unknown parts.
	var flags result
	flags.mark(tmpl)
	if len(tmpl.origins) != 1 || tmpl.origins[0].Dynamic {
		r := w.dynamic(fn, pos)
		r.cut, r.exhausted = flags.cut, flags.exhausted
		return r
	}
	elems := argList(args)
	var vals []string
	dyn := false
	for _, e := range elems {
		s := w.a.Unknown
		if e != nil {
			sub := w.flow(e, "", fn)
			flags.mark(sub)
			if len(sub.origins) == 1 && !sub.origins[0].Dynamic {
				s = sub.origins[0].Text
			} else if w.k == kStrings {
				dyn = true
			}
		} else {
			dyn = true
		}
		vals = append(vals, s)
	}
	text, d := render(tmpl.origins[0].Text, vals, w.a.Unknown)
	return result{origins: []Origin{{Fn: fn, Pos: pos, Text: text, Dynamic: dyn || d}}, cut: flags.cut, exhausted: flags.exhausted}
}

// VarArg returns argument i of a variadic argument list built at the call
// (the slice Arg returns), or nil.
func VarArg(args ssa.Value, i int) ssa.Value {
	vs := argList(args)
	if i < 0 || i >= len(vs) {
		return nil
	}
	return vs[i]
}

// argList returns the values stored at each index of a variadic argument
// slice built at the call (nil where not found).
func argList(args ssa.Value) []ssa.Value {
	sl, ok := args.(*ssa.Slice)
	if !ok {
		return nil
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	at, ok := alloc.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Array)
	if !ok {
		return nil
	}
	out := make([]ssa.Value, at.Len())
	for _, ref := range refs(alloc) {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		c, ok := ia.Index.(*ssa.Const)
		if !ok {
			continue
		}
		i, ok := constant.Int64Val(constant.ToInt(c.Value))
		if !ok || i < 0 || int(i) >= len(out) {
			continue
		}
		for _, r := range refs(ia) {
			if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
				v := st.Val
				if mi, ok := v.(*ssa.MakeInterface); ok {
					v = mi.X
				}
				out[i] = v
			}
		}
	}
	return out
}

// render substitutes fmt verbs: %% stays a percent sign, every other verb
// takes the next value.
func render(tmpl string, vals []string, unknown string) (string, bool) {
	var b strings.Builder
	dyn := false
	n := 0
	for i := 0; i < len(tmpl); i++ {
		if tmpl[i] != '%' {
			b.WriteByte(tmpl[i])
			continue
		}
		j := i + 1
		for j < len(tmpl) && strings.IndexByte("+-# 0123456789.[]*", tmpl[j]) >= 0 {
			j++
		}
		if j >= len(tmpl) {
			b.WriteString(tmpl[i:])
			break
		}
		if tmpl[j] == '%' {
			b.WriteByte('%')
		} else if n < len(vals) {
			b.WriteString(vals[n])
			n++
		} else {
			b.WriteString(unknown)
			dyn = true
		}
		i = j
	}
	return b.String(), dyn
}

// storesInto gathers what the code stores into the memory base holds (an
// allocation, a global, a made slice), at path.
func (w *walk) storesInto(base ssa.Value, path string, fn *ssa.Function) result {
	var r result
	for _, ref := range refs(base) {
		r.add(w.storesVia(ref, base, path))
	}
	return r
}

// storesVia follows one instruction using base as an address.
func (w *walk) storesVia(ref ssa.Instruction, base ssa.Value, path string) result {
	first, rest := head(path)
	switch in := ref.(type) {
	case *ssa.Store:
		if in.Addr == base {
			sub := w.flow(in.Val, path, in.Parent())
			return sub.at(in.Pos())
		}
	case *ssa.FieldAddr:
		if in.X == base && first == w.a.fieldStep(in.X.Type(), in.Field) {
			return w.storesInto(in, rest, in.Parent())
		}
	case *ssa.IndexAddr:
		if in.X == base && first == "e" {
			return w.storesInto(in, rest, in.Parent())
		}
	case *ssa.Slice:
		if in.X == base && first == "e" {
			return w.storesInto(in, path, in.Parent())
		}
	case *ssa.MakeClosure:
		// A closure writing what it captured (q = "…" inside func(){…}).
		if f, ok := in.Fn.(*ssa.Function); ok {
			var r result
			for i, b := range in.Bindings {
				if b == base && i < len(f.FreeVars) {
					r.add(w.storesThrough(f.FreeVars[i], path))
				}
			}
			return r
		}
		return w.unknownHere(in.Parent(), in.Pos())
	case ssa.CallInstruction:
		return w.storesByCall(in, base, path)
	case *ssa.MakeInterface:
		if isPointer(base.Type()) {
			return w.unknownHere(in.Parent(), in.Pos()) // handed to any code
		}
	}
	return result{}
}

// storesByCall follows memory handed to a call: what a module function
// stores through the parameter it arrives in. A pointer handed to code
// with no body here (json.Unmarshal, rows.Scan, an interface's method)
// holds run-time values; a slice handed there is taken to be read.
func (w *walk) storesByCall(call ssa.CallInstruction, base ssa.Value, path string) result {
	cc := call.Common()
	callee := cc.StaticCallee()
	var r result
	for i, arg := range cc.Args {
		if arg != base {
			continue
		}
		switch {
		case callee != nil && len(callee.Blocks) > 0 && i < len(callee.Params):
			r.add(w.storesThrough(callee.Params[i], path))
		case isPointer(base.Type()):
			r.add(w.unknownHere(call.Parent(), call.Pos()))
		}
	}
	if cc.IsInvoke() && cc.Value == base && isPointer(base.Type()) {
		r.add(w.unknownHere(call.Parent(), call.Pos()))
	}
	return r
}

// storesThrough gathers the stores made through a parameter or free
// variable that memory was handed in, once per question.
func (w *walk) storesThrough(v ssa.Value, path string) result {
	k := key{v: v, path: "s:" + path}
	cycle, ok := w.enter(k)
	if !ok {
		return cycle
	}
	if w.budget--; w.budget < 0 {
		return w.leave(k, result{unknown: true, exhausted: true})
	}
	return w.leave(k, w.storesInto(v, path, parentOf(v)))
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// fieldFallback answers a field read whose memory could not be followed
// with every value the module stores into that field.
func (w *walk) fieldFallback(r result, structType types.Type, field int, rest string) result {
	if !r.unknown {
		return r
	}
	v := fieldVar(structType, field)
	if v == nil || len(w.a.fields[v]) == 0 {
		return r
	}
	out := result{origins: r.origins, cut: r.cut, exhausted: r.exhausted}
	for _, st := range w.a.fields[v] {
		sub := w.flow(st.Val, rest, st.Parent())
		out.add(sub.at(st.Pos()))
	}
	return out
}

// fieldVar is field i of a struct type or a pointer to one.
func fieldVar(t types.Type, i int) *types.Var {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || i < 0 || i >= st.NumFields() {
		return nil
	}
	return st.Field(i)
}

func refs(v ssa.Value) []ssa.Instruction {
	if rs := v.Referrers(); rs != nil {
		return *rs
	}
	return nil
}

func parentOf(v ssa.Value) *ssa.Function {
	switch v := v.(type) {
	case ssa.Instruction:
		return v.Parent()
	case *ssa.Parameter:
		return v.Parent()
	case *ssa.FreeVar:
		return v.Parent()
	}
	return nil
}

func isStringType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
