package check

import (
	"slices"
	"sort"
	"strings"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/config"
)

// Kind is a kind of dependency, or code outside every context.
type Kind string

// Violation kinds.
const (
	Call       Kind = "call"
	TypeUse    Kind = "type"
	Read       Kind = "read"
	Write      Kind = "write"
	Unassigned Kind = "unassigned"
)

// Kinds lists every kind, in report order.
var Kinds = []Kind{Call, TypeUse, Read, Write, Unassigned}

// Key identifies a violation across edits: the kind and the two symbols,
// never a line number, so moving or reformatting code keeps it.
type Key struct {
	Kind Kind   `json:"kind"`
	From string `json:"from"`
	To   string `json:"to,omitempty"`
}

// Violation is one dependency the context map does not allow, with every
// place it occurs.
type Violation struct {
	Key
	FromContext string `json:"fromContext,omitempty"`
	ToContext   string `json:"toContext,omitempty"`
	// Count is how many times it occurs (call sites, references, queries).
	Count int `json:"count"`
	// Sites are the file:line positions, sorted; a type use records its
	// first reference in each function.
	Sites []string `json:"sites"`
}

// Find lists every violation in f: dependencies from one context to another
// (or from the platform to a context) that no rule allows, accesses of
// tables owned by another context, and packages in no context. Ignored
// packages are skipped both ways.
func Find(f *facts.Facts, m *Map, r *Resolver, ignored func(pkg string) bool) []Violation {
	funcs := make(map[string]*facts.Func, len(f.Funcs))
	for i := range f.Funcs {
		funcs[f.Funcs[i].ID] = &f.Funcs[i]
	}
	// Where each declaration lives; an import path may hold dots
	// ("example.com/lib.v2"), so IDs are not split when the facts know.
	declPkg := make(map[string]string, len(f.Types)+len(f.Values))
	valueFile := make(map[string]string, len(f.Values))
	for _, t := range f.Types {
		declPkg[t.ID] = t.Pkg
	}
	for _, v := range f.Values {
		declPkg[v.ID] = v.Pkg
		valueFile[v.ID], _ = facts.SplitPos(v.Pos)
	}
	pkgOf := func(id string) string {
		if p, ok := declPkg[id]; ok {
			return p
		}
		if recv := facts.MethodRecv(id); recv != "" {
			if p, ok := declPkg[recv]; ok {
				return p
			}
		}
		return facts.PackageOf(id)
	}
	// ctxOfFunc places a function or method, interface methods included
	// (they are no Func of their own). A package's initialiser gathers
	// the initialisers of every file, so it is placed by the site.
	ctxOfFunc := func(id, site string) (string, bool) {
		pkg, file := pkgOf(id), ""
		if fn, ok := funcs[id]; ok {
			pkg = fn.Pkg
			file, _ = facts.SplitPos(fn.Pos)
		}
		if strings.HasSuffix(id, ".init") && site != "" {
			file, _ = facts.SplitPos(site)
		}
		if ignored(pkg) {
			return "", false
		}
		return r.Of(pkg, facts.MethodRecv(id), file), true
	}
	// ctxOfDecl places a type, a constant or a variable.
	ctxOfDecl := func(id string) (string, bool) {
		pkg := pkgOf(id)
		if ignored(pkg) {
			return "", false
		}
		return r.Of(pkg, id, valueFile[id]), true
	}
	found := map[Key]*Violation{}
	add := func(k Key, from, to string, count int, site string) {
		v := found[k]
		if v == nil {
			v = &Violation{Key: k, FromContext: from, ToContext: to}
			found[k] = v
		}
		v.Count += count
		if site != "" {
			v.Sites = append(v.Sites, site)
		}
	}
	dep := func(kind Kind, fromSym, toSym, from, to string, count int, site string) {
		if from == "" || to == "" || m.Allowed(from, to, kind) {
			return
		}
		add(Key{kind, fromSym, toSym}, from, to, count, site)
	}
	for _, c := range f.Calls {
		from, ok1 := ctxOfFunc(c.Caller, c.Pos)
		to, ok2 := ctxOfFunc(c.Callee, "")
		if ok1 && ok2 {
			dep(Call, c.Caller, c.Callee, from, to, 1, c.Pos)
		}
	}
	for _, u := range f.Uses {
		var from string
		var ok1 bool
		if u.Kind == facts.UseImplements {
			from, ok1 = ctxOfDecl(u.From)
		} else {
			from, ok1 = ctxOfFunc(u.From, u.Pos)
		}
		target := u.Target
		if (u.Kind == facts.UseConst || u.Kind == facts.UseVar) && u.Owner != "" && pkgOf(u.Owner) == pkgOf(u.Target) {
			target = u.Owner // a typed constant goes where its type goes
		}
		to, ok2 := ctxOfDecl(target)
		if ok1 && ok2 {
			dep(TypeUse, u.From, u.Target, from, to, max(u.Count, 1), u.Pos)
		}
	}
	// A function handed on as a value (a handler given to a router, a
	// callback) is a call waiting to happen: the same dependency.
	for _, r := range f.FuncRefs {
		from, ok1 := ctxOfFunc(r.From, r.Pos)
		to, ok2 := ctxOfFunc(r.Target, "")
		if ok1 && ok2 {
			dep(Call, r.From, r.Target, from, to, r.Count, r.Pos)
		}
	}
	for _, a := range f.Accesses {
		from, ok := ctxOfFunc(a.Func, a.Pos)
		owner := m.TableOwner(a.Table)
		if !ok || owner == "" {
			continue
		}
		kind := Read
		if a.Mode == facts.Write {
			kind = Write
		}
		dep(kind, a.Func, a.Table, from, owner, 1, a.Pos)
	}
	for _, p := range unassigned(f, r, ignored) {
		add(Key{Kind: Unassigned, From: p.pkg}, "", "", 1, p.site)
	}
	out := make([]Violation, 0, len(found))
	for _, v := range found {
		sort.Slice(v.Sites, func(i, j int) bool { return facts.ComparePos(v.Sites[i], v.Sites[j]) < 0 })
		v.Sites = slices.Compact(v.Sites)
		out = append(out, *v)
	}
	out = m.withinAllowances(out)
	SortViolations(out)
	return out
}

type pkgSite struct{ pkg, site string }

// unassigned lists the packages holding code (a function or type outside
// test files) that no context or platform pattern claims.
func unassigned(f *facts.Facts, r *Resolver, ignored func(string) bool) []pkgSite {
	var out []pkgSite
	first := map[string]string{}
	for _, fn := range f.Funcs {
		file, _ := facts.SplitPos(fn.Pos)
		if !fn.Test && r.Of(fn.Pkg, facts.MethodRecv(fn.ID), file) == "" {
			if _, ok := first[fn.Pkg]; !ok || facts.ComparePos(fn.Pos, first[fn.Pkg]) < 0 {
				first[fn.Pkg] = fn.Pos
			}
		}
	}
	for _, t := range f.Types {
		if !t.Test && r.Of(t.Pkg, t.ID, "") == "" {
			if _, ok := first[t.Pkg]; !ok || facts.ComparePos(t.Pos, first[t.Pkg]) < 0 {
				first[t.Pkg] = t.Pos
			}
		}
	}
	for pkg, site := range first {
		if !ignored(pkg) {
			out = append(out, pkgSite{pkg, site})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].pkg < out[j].pkg })
	return out
}

// SortViolations orders violations by context pair, kind, then symbols:
// the order of every report and of the baseline file.
func SortViolations(vs []Violation) {
	sort.Slice(vs, func(i, j int) bool { return less(vs[i].pairKey(), vs[j].pairKey()) })
}

func (v Violation) pairKey() [5]string {
	return [5]string{v.FromContext, v.ToContext, kindRank(v.Kind), v.From, v.To}
}

func less(a, b [5]string) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

func kindRank(k Kind) string {
	for i, x := range Kinds {
		if x == k {
			return string(rune('0' + i))
		}
	}
	return string(k)
}

// IgnoreFunc returns the config's ignore patterns as a predicate.
func IgnoreFunc(c *config.Config) func(pkg string) bool {
	return func(pkg string) bool {
		for _, p := range c.Ignore {
			if config.MatchPath(p, pkg) {
				return true
			}
		}
		return false
	}
}

// Short drops the module path from a symbol, for people to read.
func Short(module, sym string) string {
	if module != "" {
		if rest, ok := strings.CutPrefix(sym, module+"/"); ok {
			return rest
		}
		if rest, ok := strings.CutPrefix(sym, module+"."); ok {
			return rest
		}
	}
	return sym
}
