package check

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/cluster"
	"github.com/decomp/decomp/cluster/graph"
	"github.com/decomp/decomp/config"
)

// sharedPkg marks, in Declare, a package several contexts hold parts of.
const sharedPkg = "\x00shared"

// Declare turns a decomposition into a context map, the starting point of
// `decomp init`. Each package goes to the context holding most of its lines
// (set-aside folders to the platform, entry points to entry); in a package
// shared by several contexts (a layer) each file goes to the context
// holding most of its lines, and a type that still sits elsewhere gets a
// type pattern. A folder whose packages all go one way becomes one
// "folder/..." pattern, so new packages there join it.
// Ignored packages are left out.
func Declare(f *facts.Facts, d *cluster.Decomposition, ignored func(pkg string) bool) *config.Config {
	names := make([]string, len(d.Contexts))
	comments := make([]string, len(d.Contexts))
	for i, c := range d.Contexts {
		names[i] = c.Name
		if names[i] == config.PlatformName || names[i] == config.EntryName {
			names[i] += "-context"
			comments[i] = fmt.Sprintf("decomp named this context %q, a name reserved for the %s section: rename it as you like", c.Name, c.Name)
		}
	}
	// A platform group may hold single files or types of a package whose
	// other units are in contexts (shared helpers, schema-wide code): such
	// a package is placed file by file below, its set-aside units counted
	// for the platform; only packages no context holds go aside whole.
	inContext := map[string]bool{}
	for _, c := range d.Contexts {
		for _, p := range c.Packages {
			inContext[p] = true
		}
	}
	unitAside := map[string]string{} // platform unit ID → platform or entry
	aside := map[string]string{}     // package → platform or entry
	for _, g := range d.Platform {
		role := config.PlatformName
		if g.Role == cluster.RoleEntry {
			role = config.EntryName
		}
		for _, u := range g.Units {
			unitAside[u] = role
		}
		for _, p := range g.Packages {
			if inContext[p] {
				continue
			}
			if role == config.EntryName {
				aside[p] = config.EntryName
			} else if aside[p] == "" {
				aside[p] = config.PlatformName
			}
		}
	}
	// Entry is what nothing else uses: a wiring package that other code
	// imports (DTOs, a router the tests import) is shared, the platform.
	for changed := true; changed; {
		changed = false
		for _, p := range f.Packages {
			if aside[p.Path] == config.EntryName {
				continue
			}
			for _, imp := range p.Imports {
				if aside[imp] == config.EntryName {
					aside[imp] = config.PlatformName
					changed = true
				}
			}
		}
	}
	ctxOf := func(m map[string]int, id string) string {
		if c, ok := m[id]; ok && c >= 0 && c < len(names) {
			return names[c]
		}
		return ""
	}
	// Lines per context in each package and each file.
	pkgLines, fileLines := map[string]map[string]int{}, map[string]map[string]int{}
	filePkg := map[string]string{}
	count := func(pkg, pos, ctx string, n int) {
		if ctx == "" {
			return
		}
		file, _ := facts.SplitPos(pos)
		filePkg[file] = pkg
		for _, x := range []struct {
			m   map[string]map[string]int
			key string
		}{{pkgLines, pkg}, {fileLines, file}} {
			if x.m[x.key] == nil {
				x.m[x.key] = map[string]int{}
			}
			x.m[x.key][ctx] += max(n, 1)
		}
	}
	// setAside is the platform or entry bucket of a declaration whose unit
	// a platform group holds: its file's functions unit, its type's unit,
	// or its whole package's.
	setAside := func(pkg, pos, typeID string) string {
		file, _ := facts.SplitPos(pos)
		if r := unitAside[graph.FuncsID(pkg, file[strings.LastIndexByte(file, '/')+1:])]; r != "" {
			return r
		}
		if r := unitAside[typeID]; typeID != "" && r != "" {
			return r
		}
		return unitAside[pkg]
	}
	for _, fn := range f.Funcs {
		if fn.Test {
			continue
		}
		ctx := ctxOf(d.FuncContext, fn.ID)
		if ctx == "" {
			recv := ""
			if fn.Recv != "" {
				recv = fn.Pkg + "." + fn.Recv
			}
			ctx = setAside(fn.Pkg, fn.Pos, recv)
		}
		count(fn.Pkg, fn.Pos, ctx, fn.Lines)
	}
	for _, t := range f.Types {
		if t.Test {
			continue
		}
		ctx := ctxOf(d.TypeContext, t.ID)
		if ctx == "" {
			ctx = setAside(t.Pkg, t.Pos, t.ID)
		}
		count(t.Pkg, t.Pos, ctx, t.Lines)
	}
	pkgCtx := map[string]string{}
	for _, p := range f.Packages {
		switch {
		case ignored(p.Path):
		case aside[p.Path] != "":
			pkgCtx[p.Path] = aside[p.Path]
		case len(pkgLines[p.Path]) > 1:
			// A package the contexts share (a layer) gets no pattern of
			// its own, only its files': a new file there comes out
			// unassigned, and check says so, instead of joining the
			// context that held most of the package.
			pkgCtx[p.Path] = sharedPkg
		case len(pkgLines[p.Path]) > 0:
			pkgCtx[p.Path] = majority(pkgLines[p.Path])
		case hasCode(f, p.Path):
			// Code placed nowhere (generated only, or too small to
			// stand) is shared: the platform.
			pkgCtx[p.Path] = config.PlatformName
		}
	}
	members := map[string]*config.Members{}
	get := func(name string) *config.Members {
		if members[name] == nil {
			members[name] = &config.Members{}
		}
		return members[name]
	}
	for _, pattern := range folderPatterns(f.Module, pkgCtx) {
		if pattern.ctx != sharedPkg {
			get(pattern.ctx).Packages = append(get(pattern.ctx).Packages, pattern.pattern)
		}
	}
	fileCtx := map[string]string{}
	for _, file := range slices.Sorted(maps.Keys(fileLines)) {
		if pkg := filePkg[file]; aside[pkg] == "" {
			fileCtx[file] = majority(fileLines[file])
		}
	}
	// A file of methods whose type's file is in another context is named
	// even when its package pattern says the same: a method follows its
	// type's file unless a file pattern names its own. codeFiles are the
	// files holding code, for the shared packages below.
	typeFile := map[string]string{}
	codeFiles := map[string]bool{}
	for _, t := range f.Types {
		file, _ := facts.SplitPos(t.Pos)
		typeFile[t.ID] = file
		codeFiles[file] = codeFiles[file] || !t.Test
	}
	foreign := map[string]bool{}
	for _, fn := range f.Funcs {
		if fn.Test {
			continue
		}
		file, _ := facts.SplitPos(fn.Pos)
		codeFiles[file] = true
		if tf := typeFile[fn.Pkg+"."+fn.Recv]; fn.Recv != "" && tf != "" && tf != file && fileCtx[tf] != fileCtx[file] {
			foreign[file] = true
		}
	}
	for _, file := range slices.Sorted(maps.Keys(fileCtx)) {
		if c := fileCtx[file]; c != pkgCtx[filePkg[file]] || foreign[file] {
			get(c).Files = append(get(c).Files, file)
		}
	}
	// A shared package's files that hold code no context placed
	// (generated, such as a stringer's) are shared: the platform.
	for _, p := range f.Packages {
		if pkgCtx[p.Path] != sharedPkg {
			continue
		}
		for _, file := range p.Files {
			if _, placed := fileCtx[file.Path]; !placed && codeFiles[file.Path] && !file.Test {
				get(config.PlatformName).Files = append(get(config.PlatformName).Files, file.Path)
			}
		}
	}
	if m := members[config.PlatformName]; m != nil {
		slices.Sort(m.Files)
		m.Files = slices.Compact(m.Files)
	}
	for _, t := range f.Types {
		if t.Test || aside[t.Pkg] != "" {
			continue
		}
		file, _ := facts.SplitPos(t.Pos)
		where := pkgCtx[t.Pkg]
		if c, ok := fileCtx[file]; ok {
			where = c
		}
		if c := ctxOf(d.TypeContext, t.ID); c != "" && c != where {
			get(c).Types = append(get(c).Types, t.ID)
		}
	}
	c := &config.Config{Version: 1, Baseline: config.DefaultBaseline}
	for i, name := range names {
		m := get(name)
		if m.Empty() {
			continue // every package it touches went to another context
		}
		c.Contexts = append(c.Contexts, config.Context{Name: name, Members: *m, Tables: d.Contexts[i].Tables, Comment: comments[i]})
	}
	if m := members[config.PlatformName]; m != nil {
		c.Platform = *m
	}
	if m := members[config.EntryName]; m != nil {
		c.Entry = *m
	}
	return c
}

func majority(m map[string]int) string {
	best, bestN := "", -1
	for k, n := range m {
		if n > bestN || n == bestN && k < best {
			best, bestN = k, n
		}
	}
	return best
}

func hasCode(f *facts.Facts, pkg string) bool {
	for _, fn := range f.Funcs {
		if fn.Pkg == pkg && !fn.Test {
			return true
		}
	}
	for _, t := range f.Types {
		if t.Pkg == pkg && !t.Test {
			return true
		}
	}
	return false
}

type folderPattern struct{ pattern, ctx string }

// folderPatterns covers each package with the widest "dir/..." pattern
// under which every package goes to the same context, below the module
// path; a package on its own keeps its exact path.
func folderPatterns(module string, pkgCtx map[string]string) []folderPattern {
	paths := make([]string, 0, len(pkgCtx))
	for p := range pkgCtx {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	under := func(dir string) []string {
		var out []string
		for _, p := range paths {
			if p == dir || strings.HasPrefix(p, dir+"/") {
				out = append(out, p)
			}
		}
		return out
	}
	uniform := func(dir string) bool {
		ps := under(dir)
		for _, p := range ps {
			if pkgCtx[p] != pkgCtx[ps[0]] {
				return false
			}
		}
		return len(ps) > 0
	}
	done := map[string]bool{}
	var out []folderPattern
	for _, p := range paths {
		if done[p] {
			continue
		}
		// Climb while the parent folder is still all one context.
		best := ""
		for dir := p; ; {
			i := strings.LastIndexByte(dir, '/')
			if !uniform(dir) {
				break
			}
			best = dir
			if i < 0 || dir == module || !strings.HasPrefix(dir[:i], module) || dir[:i] == module && module != "" {
				break
			}
			dir = dir[:i]
		}
		if best == "" {
			// Its subfolders go elsewhere: the package alone.
			done[p] = true
			out = append(out, folderPattern{p, pkgCtx[p]})
			continue
		}
		ps := under(best)
		for _, q := range ps {
			done[q] = true
		}
		pattern := best
		if len(ps) > 1 || best != p {
			pattern = best + "/..."
		}
		out = append(out, folderPattern{pattern, pkgCtx[p]})
	}
	return out
}

// Allowances turns the dependencies between contexts that exist today under
// c's map into allow rules with a max, one per pair not yet allowed: its
// kinds and its count of distinct dependencies. A baseline then holds only
// what no context pair explains (unassigned code), and the team reads and
// lowers one number per pair instead of thousands of entries.
func Allowances(f *facts.Facts, c *config.Config, ignored func(pkg string) bool) ([]config.Allow, error) {
	m, err := NewMap(c, "decomp.yaml")
	if err != nil {
		return nil, err
	}
	r, err := m.Resolve(f, ignored, true)
	if err != nil {
		return nil, err
	}
	type pair struct{ from, to string }
	ruled := map[pair]bool{}
	for _, a := range c.Allow {
		ruled[pair{a.From, a.To}] = true
	}
	kinds := map[pair]map[string]bool{}
	count := map[pair]int{}
	for _, v := range Find(f, m, r, ignored) {
		p := pair{v.FromContext, v.ToContext}
		if v.Kind == Unassigned || p.from == "" || p.to == "" || ruled[p] {
			continue
		}
		if kinds[p] == nil {
			kinds[p] = map[string]bool{}
		}
		kinds[p][string(v.Kind)] = true
		count[p]++
	}
	pairs := slices.SortedFunc(maps.Keys(count), func(a, b pair) int {
		if a.from != b.from {
			return strings.Compare(a.from, b.from)
		}
		return strings.Compare(a.to, b.to)
	})
	var out []config.Allow
	for _, p := range pairs {
		a := config.Allow{From: p.from, To: p.to, Max: count[p]}
		for _, k := range config.DependencyKinds {
			if kinds[p][k] {
				a.Kinds = append(a.Kinds, k)
			}
		}
		out = append(out, a)
	}
	return out, nil
}
