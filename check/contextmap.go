// Package check is decomp's gate: it holds the code to a declared context
// map (the contexts, the platform, the allowed dependencies in decomp.yaml)
// and reports every cross-context call, type use and table access the map
// does not allow, minus a baseline of accepted violations. It reads facts
// only; nothing is clustered.
package check

import (
	"fmt"
	"sort"
	"strings"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/config"
)

// Map assigns code and tables to the declared contexts.
type Map struct {
	cfg *config.Config
	// path is the config file's name, for errors that point into it.
	path   string
	tables map[string]string
	allow  map[[2]string]map[Kind]bool
	// limited are the allowances with a max: pair and kind -> rule index.
	limited map[[2]string]map[Kind]int
}

// NewMap reads the context map of a parsed config. path names the file in
// errors.
func NewMap(c *config.Config, path string) (*Map, error) {
	if len(c.Contexts) == 0 {
		return nil, fmt.Errorf("%s declares no contexts: write them with `decomp init`, or add a contexts section", path)
	}
	m := &Map{cfg: c, path: path, tables: map[string]string{}, allow: map[[2]string]map[Kind]bool{}, limited: map[[2]string]map[Kind]int{}}
	for _, x := range c.Contexts {
		for _, t := range x.Tables {
			m.tables[strings.ToLower(t)] = x.Name
		}
	}
	for i, a := range c.Allow {
		k := [2]string{a.From, a.To}
		kinds := a.Kinds
		if len(kinds) == 0 {
			kinds = config.DependencyKinds
		}
		if a.Max > 0 {
			if m.limited[k] == nil {
				m.limited[k] = map[Kind]int{}
			}
			for _, kind := range kinds {
				m.limited[k][Kind(kind)] = i
			}
			continue
		}
		if m.allow[k] == nil {
			m.allow[k] = map[Kind]bool{}
		}
		for _, kind := range kinds {
			m.allow[k][Kind(kind)] = true
		}
	}
	return m, nil
}

// Contexts are the declared context names, in file order.
func (m *Map) Contexts() []string {
	out := make([]string, len(m.cfg.Contexts))
	for i, x := range m.cfg.Contexts {
		out[i] = x.Name
	}
	return out
}

// Allowed reports whether from may depend on to by kind: itself, the
// platform, anything from the entry points, or an allow rule.
func (m *Map) Allowed(from, to string, kind Kind) bool {
	return from == to || to == config.PlatformName || from == config.EntryName || m.allow[[2]string{from, to}][kind]
}

// withinAllowances drops the violations that allowances with a max accept:
// those of a pair and kinds whose distinct count is within the max. A pair
// over its max keeps all of them, so the report shows what to remove.
func (m *Map) withinAllowances(vs []Violation) []Violation {
	if len(m.limited) == 0 {
		return vs
	}
	count := map[int]int{}
	rule := func(v Violation) (int, bool) {
		i, ok := m.limited[[2]string{v.FromContext, v.ToContext}][v.Kind]
		return i, ok
	}
	for _, v := range vs {
		if i, ok := rule(v); ok {
			count[i]++
		}
	}
	out := vs[:0]
	for _, v := range vs {
		if i, ok := rule(v); ok && count[i] <= m.cfg.Allow[i].Max {
			continue
		}
		out = append(out, v)
	}
	return out
}

// AllowedTargets lists what a context may depend on, for hints.
func (m *Map) AllowedTargets(from string) []string {
	out := []string{config.PlatformName}
	for k, kinds := range m.allow {
		if k[0] != from {
			continue
		}
		var ks []string
		for _, kind := range config.DependencyKinds {
			if kinds[Kind(kind)] {
				ks = append(ks, kind)
			}
		}
		out = append(out, k[1]+" ("+strings.Join(ks, ", ")+")")
	}
	sort.Strings(out[1:])
	return out
}

// TableOwner returns the context owning a table, or "".
func (m *Map) TableOwner(table string) string { return m.tables[table] }

// candidate is one context (or the platform) whose patterns select code.
type candidate struct {
	name    string
	members *config.Members
}

func (m *Map) candidates() []candidate {
	out := make([]candidate, 0, len(m.cfg.Contexts)+1)
	for i := range m.cfg.Contexts {
		out = append(out, candidate{m.cfg.Contexts[i].Name, &m.cfg.Contexts[i].Members})
	}
	return append(out, candidate{config.PlatformName, &m.cfg.Platform}, candidate{config.EntryName, &m.cfg.Entry})
}

// Resolver answers "which context is this code in" for one module's facts,
// after checking that the map is consistent with that code.
type Resolver struct {
	pkgs, files, types map[string]string
	// typeFile is where each type is declared: its methods go with it.
	typeFile map[string]string
}

// Resolve checks the map against the packages, files and types of f: a
// pattern that selects nothing, or code that two contexts claim at the same
// level, is an error pointing at the config line.
//
// partial says the load covered only part of the module: a pattern that
// matches nothing may then match what was not loaded, and is no error.
func (m *Map) Resolve(f *facts.Facts, ignored func(pkg string) bool, partial bool) (*Resolver, error) {
	r := &Resolver{pkgs: map[string]string{}, files: map[string]string{}, types: map[string]string{}, typeFile: map[string]string{}}
	var pkgs, files, types []string
	for _, p := range f.Packages {
		if ignored(p.Path) {
			continue
		}
		pkgs = append(pkgs, p.Path)
		for _, file := range p.Files {
			files = append(files, file.Path)
		}
	}
	for _, t := range f.Types {
		if !ignored(t.Pkg) {
			types = append(types, t.ID)
			r.typeFile[t.ID], _ = facts.SplitPos(t.Pos)
		}
	}
	levels := []struct {
		what     string
		ids      []string
		dst      map[string]string
		patterns func(*config.Members) ([]string, []int)
		match    func(pattern, s string) bool
	}{
		{"package", pkgs, r.pkgs, func(x *config.Members) ([]string, []int) { return x.Packages, x.PackageLines }, config.MatchPath},
		{"file", files, r.files, func(x *config.Members) ([]string, []int) { return x.Files, x.FileLines }, config.MatchPath},
		{"type", types, r.types, func(x *config.Members) ([]string, []int) { return x.Types, x.TypeLines }, config.Match},
	}
	type claim struct {
		name string
		line int
	}
	for _, lv := range levels {
		claims := map[string]claim{}
		for _, c := range m.candidates() {
			patterns, lines := lv.patterns(c.members)
			for j, pat := range patterns {
				line := config.LineAt(lines, j, 0)
				matched := false
				for _, id := range lv.ids {
					if !lv.match(pat, id) {
						continue
					}
					matched = true
					if prev, ok := claims[id]; ok && prev.name != c.name {
						return nil, m.errorf(line, "%s %s is claimed by both %s (line %d) and %s", lv.what, id, prev.name, prev.line, c.name)
					}
					claims[id] = claim{c.name, line}
					lv.dst[id] = c.name
				}
				if !matched && !partial {
					return nil, m.errorf(line, "%s pattern %q of %s matches nothing in the loaded code", lv.what, pat, c.name)
				}
			}
		}
	}
	return r, nil
}

func (m *Map) errorf(line int, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if line > 0 {
		return fmt.Errorf("%s:%d: %s", m.path, line, msg)
	}
	return fmt.Errorf("%s: %s", m.path, msg)
}

// Of returns the context of a declaration given by its package, the file
// it is declared in and, for types, methods and type members, its type ID
// ("" for none): the type's pattern, else the file's, else the package's;
// "" when no context declares it. A method's file is its own when a file
// pattern names it (the handlers of one server type, a file per resource,
// follow their files, as decomp clusters them), else its type's: a method
// added in a new file stays with its type.
func (r *Resolver) Of(pkg, typ, file string) string {
	if typ != "" {
		if c, ok := r.types[typ]; ok {
			return c
		}
		if c, ok := r.files[file]; ok && file != "" {
			return c
		}
		if f, ok := r.typeFile[typ]; ok {
			file = f
		}
	}
	if c, ok := r.files[file]; ok {
		return c
	}
	return r.pkgs[pkg]
}
