// Package graph turns facts into the weighted graph that the clustering
// stage partitions. Its nodes are units (what gets assigned to a context: a
// package, or a named type with the functions around it) and the tables the
// code touches; its edges keep a count per kind and per direction, so the
// report can say which kinds of coupling shaped each context and who depends
// on whom. The clustering reads the edges undirected.
package graph

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/decomp/decomp/analysis/facts"
)

// Granularity selects what a unit is.
type Granularity string

// Granularities.
const (
	// Package makes each package one unit.
	Package Granularity = "package"
	// Type splits each package into its named types with their methods, plus
	// free functions attached to the same-package type they clearly belong
	// to; what is left forms one unit per file.
	Type Granularity = "type"
	// Auto uses type units in the packages Options.TypeUnits selects (the
	// layers and mixed packages, where one package holds several domains)
	// and package units everywhere else (domain folders, already cut by
	// their authors).
	Auto Granularity = "auto"
)

// ParseGranularity validates a flag value.
func ParseGranularity(s string) (Granularity, error) {
	switch Granularity(s) {
	case Auto, Package, Type:
		return Granularity(s), nil
	}
	return "", fmt.Errorf("unknown granularity %q (want auto, package or type)", s)
}

// UnitKind says what a node stands for.
type UnitKind string

// Unit kinds.
const (
	KindPackage UnitKind = "package" // a whole package
	KindType    UnitKind = "type"    // a named type with its methods and attached functions
	KindFuncs   UnitKind = "funcs"   // a package's functions attached to none of its types
	KindTable   UnitKind = "table"   // a database table or collection
)

// EdgeKind is a kind of coupling between two units.
type EdgeKind int

// Edge kinds, in the order of Edge.Counts.
const (
	Call       EdgeKind = iota // static call
	Dynamic                    // call through an interface or function value
	TypeUse                    // use of a type, field, constant or variable
	Access                     // read or write of a table
	Implements                 // a type implementing a module interface
	CoChange                   // changed in the same commits (git history)
	NumKinds
)

var kindNames = [NumKinds]string{"call", "dynamic-call", "type-use", "data-access", "implements", "co-change"}

func (k EdgeKind) String() string {
	if k >= 0 && k < NumKinds {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// Weights gives each edge kind its weight; an edge's weight is the sum over
// kinds of weight × (1 + ln count), so a hundred calls count for more than
// one but do not drown every other signal.
type Weights [NumKinds]float64

// DefaultWeights are tuned on the bundled fixtures: data access is the
// strongest evidence of a shared domain, then an implementation and the
// interface it fulfils (the seam a handler calls through), calls next, type
// use weakest. Co-change is off: it has not earned a weight (README,
// "History").
var DefaultWeights = Weights{Call: 1, Dynamic: 1, TypeUse: 0.5, Access: 2, Implements: 2}

// Options control graph building.
type Options struct {
	Granularity Granularity
	Weights     Weights
	// IncludeGenerated makes code from generated files units of its own;
	// otherwise it is left out and calls through it are bridged.
	IncludeGenerated bool
	// CoChange lists the files of each commit of the git history; with a
	// co-change weight above 0, units changed in the same commits are
	// coupled (files two units share do not count: they always change
	// together).
	CoChange [][]string
	// IncludeTests keeps test functions and types as units.
	IncludeTests bool
	// Ignore reports whether a package is left out entirely.
	Ignore func(pkg string) bool
	// TypeUnits selects, at Auto granularity, the packages split into type
	// units; nil selects none.
	TypeUnits func(pkg string) bool
	// Together reports whether a free function may join the unit of the
	// type it serves (nil: always): a declared context map that puts a
	// constructor's file in another context than its type keeps them apart.
	Together func(fn, typ string) bool
}

// Unit is one node of the graph.
type Unit struct {
	ID   string   `json:"id"`
	Kind UnitKind `json:"kind"`
	// Pkg is the import path ("" for tables).
	Pkg string `json:"pkg,omitempty"`
	// PkgName is the package name ("main" marks entry points).
	PkgName string `json:"pkgName,omitempty"`
	// Dir is the package directory relative to the module root.
	Dir string `json:"dir,omitempty"`
	// Name is a short display name.
	Name string `json:"name"`
	// Types and Funcs are the member declarations, sorted.
	Types []string `json:"types,omitempty"`
	Funcs []string `json:"funcs,omitempty"`
	// Files are the files holding members, sorted.
	Files []string `json:"files,omitempty"`
	Lines int      `json:"lines"`
	// Internal is the weight of the coupling between the unit's own
	// members (calls, uses and accesses that stay inside it): a package
	// unit's cohesion, which no edge shows.
	Internal float64 `json:"-"`
	// Decl is the file that declares a type unit's type, or holds a
	// functions unit's functions ("" for package units and tables).
	Decl string `json:"-"`
	// Reads and Writes count the unit's table accesses by mode.
	Reads, Writes int `json:"-"`
	// Tables are the tables the unit's structs map to (an ORM model), sorted.
	Tables []string `json:"-"`
	// HeldBy lists the other units whose structs have a field of one of
	// this unit's types (itself, a pointer to it, or a slice, array or map
	// of either), sorted by unit, each with its first field holding it by
	// value if there is one: the aggregates it may be part of.
	HeldBy []Holder `json:"-"`
}

// Holder is a unit holding another's type in a struct field.
type Holder struct {
	Unit  int
	Field string // Type.Field, e.g. "Cargo.Delivery"
	// ByValue is set when the field holds the value itself, not a pointer
	// to it: a value is copied with its holder, a part of it; a pointer
	// may be shared with other holders.
	ByValue bool
}

// Edge joins units A < B. The clustering reads it undirected (Counts,
// Weight); Forward keeps the direction for what comes after (who calls whom,
// who reads whose table).
type Edge struct {
	A, B   int
	Counts [NumKinds]int
	// Forward counts, per kind, what goes from A to B (a call from a unit
	// of A, a use by A, an access by A of table B); Counts−Forward goes
	// from B to A.
	Forward [NumKinds]int
	Weight  float64
}

// Backward counts, per kind, what goes from B to A.
func (e Edge) Backward() [NumKinds]int {
	var out [NumKinds]int
	for k := range e.Counts {
		out[k] = e.Counts[k] - e.Forward[k]
	}
	return out
}

// Graph is the unit graph.
type Graph struct {
	Units []Unit
	Edges []Edge
	// FuncUnit and TypeUnit map declarations to unit indexes.
	FuncUnit map[string]int
	TypeUnit map[string]int
	// TableUnit maps table names to unit indexes.
	TableUnit map[string]int
	index     map[string]int
}

// UnitOfFunc returns the unit of a function, else (an interface method, a
// method of a left-out function) its receiver type's unit, else -1.
func (g *Graph) UnitOfFunc(id string) int {
	if u, ok := g.FuncUnit[id]; ok {
		return u
	}
	if t := facts.MethodRecv(id); t != "" {
		if u, ok := g.TypeUnit[t]; ok {
			return u
		}
	}
	return -1
}

// Index returns a unit's index by ID.
func (g *Graph) Index(id string) (int, bool) {
	i, ok := g.index[id]
	return i, ok
}

// FuncsID is the unit ID of the functions of one file of a type-split
// package that belong to none of its types.
func FuncsID(pkg, file string) string { return pkg + ":" + file }

// SpreadMin is the number of files, each named after something else than
// its package or its type, over which a type's methods are spread: split by
// file at type granularity.
const SpreadMin = 3

// SpreadReceivers returns the named types whose methods are declared in
// SpreadMin or more files named neither after their package nor after the
// type (tests and generated code left out): the one Server or Controller of
// a layer package, with a file of methods per resource (campaign.go,
// group.go, page.go). Those files are the authors' cut, so at type
// granularity each file's methods join that file's functions rather than
// make one unit of every domain's handlers. A NotificationService spread
// over new_answer_notification.go and new_comment_notification.go is one
// topic, and stays one unit.
func SpreadReceivers(f *facts.Facts) map[string]bool {
	pkgName := map[string]string{}
	for _, p := range f.Packages {
		pkgName[p.Path] = squash(p.Name)
	}
	files := map[string]map[string]bool{}
	for _, fn := range f.Funcs {
		if fn.Recv == "" || fn.Test || fn.Generated {
			continue
		}
		file, _ := facts.SplitPos(fn.Pos)
		base := fileBase(file)
		if !namedElsewhere(base, pkgName[fn.Pkg], fn.Recv) {
			continue
		}
		id := fn.Pkg + "." + fn.Recv
		if files[id] == nil {
			files[id] = map[string]bool{}
		}
		files[id][base] = true
	}
	out := map[string]bool{}
	for id, fs := range files {
		if len(fs) >= SpreadMin {
			out[id] = true
		}
	}
	return out
}

// namedElsewhere reports whether a file's name says more than its package
// and its type: campaign.go for a Server in package api, entry_handlers.go
// for a handler; not server.go, api_users.go in package api, or
// new_answer_notification.go for a NotificationService. A compound type
// name leads with its topic, and a file naming that topic is the type's
// own; a one-word type name (Server, handler) names a role, so a file is
// the type's own only when nothing of three letters or more is left of its
// name without that word. base is the file's fileBase, pkg the package
// name squashed.
func namedElsewhere(base, pkg, recv string) bool {
	if pkg != "" && strings.Contains(base, pkg) {
		return false
	}
	words := CamelWords(recv)
	if len(words) == 0 {
		return true
	}
	w := strings.ToLower(words[0])
	if len(words) > 1 {
		return !strings.Contains(base, w)
	}
	rest := strings.ReplaceAll(strings.ReplaceAll(base, w+"s", ""), w, "")
	return len(rest) >= 3
}

// fileBase is a file's name without its folder and .go, squashed.
func fileBase(file string) string {
	return squash(strings.TrimSuffix(file[strings.LastIndexByte(file, '/')+1:], ".go"))
}

// squash lower-cases s and drops '_' and '-', so names compare across
// spellings (template_render, TemplateRender).
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' || r == '-' {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// CamelWords splits an identifier into its words: "HTTPTrackHandler" ->
// HTTP, Track, Handler.
func CamelWords(s string) []string {
	var words []string
	rs := []rune(s)
	start := 0
	for i := 1; i < len(rs); i++ {
		lowerToUpper := unicode.IsLower(rs[i-1]) && unicode.IsUpper(rs[i])
		acronymEnd := i+1 < len(rs) && unicode.IsUpper(rs[i-1]) && unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i+1])
		if rs[i] == '_' {
			if i > start {
				words = append(words, string(rs[start:i]))
			}
			start = i + 1
			continue
		}
		if lowerToUpper || acronymEnd || (unicode.IsDigit(rs[i]) != unicode.IsDigit(rs[i-1]) && unicode.IsLetter(rs[i])) {
			if i > start {
				words = append(words, string(rs[start:i]))
			}
			start = i
		}
	}
	if start < len(rs) {
		words = append(words, string(rs[start:]))
	}
	return words
}

// TableID is the unit ID of a table.
func TableID(name string) string { return "table:" + name }

// Build makes the graph.
func Build(f *facts.Facts, opt Options) *Graph {
	if opt.Granularity == "" {
		opt.Granularity = Package
	}
	if opt.Weights == (Weights{}) {
		opt.Weights = DefaultWeights
	}
	b := &builder{f: f, opt: opt, g: &Graph{
		FuncUnit: map[string]int{}, TypeUnit: map[string]int{}, TableUnit: map[string]int{}, index: map[string]int{},
	}}
	b.units()
	b.edges()
	return b.g
}

type builder struct {
	f       *facts.Facts
	opt     Options
	g       *Graph
	pkgDir  map[string]string
	pkgName map[string]string
	files   map[int]map[string]bool
	left    map[string]bool // functions left out (generated, tests, ignored)
	bridge  map[string]bool // left-out functions whose calls are bridged
	spread  map[string]bool // SpreadReceivers
}

func (b *builder) keepPkg(pkg string) bool { return b.opt.Ignore == nil || !b.opt.Ignore(pkg) }

// byType reports whether pkg is split into type units.
func (b *builder) byType(pkg string) bool {
	switch b.opt.Granularity {
	case Type:
		return true
	case Auto:
		return b.opt.TypeUnits != nil && b.opt.TypeUnits(pkg)
	}
	return false
}

func (b *builder) keepDecl(generated, test bool) (keep, bridge bool) {
	if test && !b.opt.IncludeTests {
		return false, false
	}
	if generated && !b.opt.IncludeGenerated {
		return false, true
	}
	return true, false
}

func (b *builder) unit(id string, kind UnitKind, pkg, name string) int {
	if i, ok := b.g.index[id]; ok {
		return i
	}
	i := len(b.g.Units)
	b.g.Units = append(b.g.Units, Unit{ID: id, Kind: kind, Pkg: pkg, PkgName: b.pkgName[pkg], Dir: b.pkgDir[pkg], Name: name})
	b.g.index[id] = i
	return i
}

func (b *builder) addFile(u int, pos string) {
	file, _ := facts.SplitPos(pos)
	if file == "" {
		return
	}
	if b.files[u] == nil {
		b.files[u] = map[string]bool{}
	}
	b.files[u][file] = true
}

// units creates the unit nodes and maps every declaration to one.
func (b *builder) units() {
	b.pkgDir = map[string]string{}
	b.files = map[int]map[string]bool{}
	b.left = map[string]bool{}
	b.bridge = map[string]bool{}
	b.pkgName = map[string]string{}
	pkgName := b.pkgName
	for _, p := range b.f.Packages {
		b.pkgDir[p.Path] = p.Dir
		pkgName[p.Path] = p.Name
	}
	typeOf := map[string]facts.Type{}
	for _, t := range b.f.Types {
		typeOf[t.ID] = t
	}
	// Types first (type units), in ID order.
	for _, t := range b.f.Types {
		keep, _ := b.keepDecl(t.Generated, t.Test)
		if !keep || !b.keepPkg(t.Pkg) || !b.byType(t.Pkg) {
			continue
		}
		b.addType(b.unit(t.ID, KindType, t.Pkg, pkgName[t.Pkg]+"."+t.Name), t)
	}
	b.spread = SpreadReceivers(b.f)
	spread := b.spread
	attach := b.attachments()
	for _, fn := range b.f.Funcs {
		keep, bridge := b.keepDecl(fn.Generated, fn.Test)
		if !keep || !b.keepPkg(fn.Pkg) {
			b.left[fn.ID] = true
			b.bridge[fn.ID] = bridge && b.keepPkg(fn.Pkg)
			continue
		}
		var u int
		switch {
		case !b.byType(fn.Pkg):
			u = b.unit(fn.Pkg, KindPackage, fn.Pkg, pkgName[fn.Pkg])
		case fn.Recv != "" && b.hasTypeUnit(fn.Pkg+"."+fn.Recv) && !spread[fn.Pkg+"."+fn.Recv]:
			u = b.g.TypeUnit[fn.Pkg+"."+fn.Recv]
		case attach[fn.ID] != "":
			u = b.g.TypeUnit[attach[fn.ID]]
		default:
			// One unit per file: in a package holding several domains
			// the file is the authors' finer cut (billing.go, users.go),
			// and so it is for a spread receiver's methods.
			file, _ := facts.SplitPos(fn.Pos)
			file = file[strings.LastIndexByte(file, '/')+1:]
			u = b.unit(FuncsID(fn.Pkg, file), KindFuncs, fn.Pkg, pkgName[fn.Pkg]+" ("+file+")")
			b.g.Units[u].Decl, _ = facts.SplitPos(fn.Pos)
		}
		b.g.FuncUnit[fn.ID] = u
		b.g.Units[u].Funcs = append(b.g.Units[u].Funcs, fn.ID)
		b.g.Units[u].Lines += fn.Lines
		b.addFile(u, fn.Pos)
	}
	// Types of packages kept whole join their package's unit.
	for _, t := range b.f.Types {
		keep, _ := b.keepDecl(t.Generated, t.Test)
		if !keep || !b.keepPkg(t.Pkg) || b.byType(t.Pkg) {
			continue
		}
		b.addType(b.unit(t.Pkg, KindPackage, t.Pkg, pkgName[t.Pkg]), t)
	}
	// Tables, sorted by name.
	var tables []string
	seen := map[string]bool{}
	for _, a := range b.f.Accesses {
		if !seen[a.Table] {
			seen[a.Table] = true
			tables = append(tables, a.Table)
		}
	}
	sort.Strings(tables)
	for _, t := range tables {
		b.g.TableUnit[t] = b.unit(TableID(t), KindTable, "", t)
	}
	for _, st := range b.f.Structs {
		if u, ok := b.g.TypeUnit[st.Type]; ok && st.Table != "" && !slices.Contains(b.g.Units[u].Tables, st.Table) {
			b.g.Units[u].Tables = append(b.g.Units[u].Tables, st.Table)
		}
	}
	b.holders()
	for i := range b.g.Units {
		u := &b.g.Units[i]
		sort.Strings(u.Tables)
		for f := range b.files[i] {
			u.Files = append(u.Files, f)
		}
		sort.Strings(u.Files)
		sort.Strings(u.Funcs)
		sort.Strings(u.Types)
	}
}

// holders fills Unit.HeldBy from the structs' declared fields (promoted
// ones are the embedded struct's own).
func (b *builder) holders() {
	// A field of an interface type is a dependency handed in (a port),
	// not a part.
	iface := map[string]bool{}
	for _, t := range b.f.Types {
		if t.Kind == "interface" {
			iface[t.ID] = true
		}
	}
	seen := map[[2]int]int{} // held, holder -> index in HeldBy
	for _, st := range b.f.Structs {
		holder, ok := b.g.TypeUnit[st.Type]
		if !ok {
			continue
		}
		for _, f := range st.Fields {
			if f.Embedded != "" {
				continue
			}
			id, byValue := elemTypeID(f.Type)
			held, ok := b.g.TypeUnit[id]
			if !ok || iface[id] || held == holder {
				continue
			}
			h := Holder{Unit: holder, Field: st.Type[strings.LastIndexByte(st.Type, '.')+1:] + "." + f.Name, ByValue: byValue}
			if j, ok := seen[[2]int{held, holder}]; ok {
				if byValue && !b.g.Units[held].HeldBy[j].ByValue {
					b.g.Units[held].HeldBy[j] = h
				}
				continue
			}
			seen[[2]int{held, holder}] = len(b.g.Units[held].HeldBy)
			b.g.Units[held].HeldBy = append(b.g.Units[held].HeldBy, h)
		}
	}
	for i := range b.g.Units {
		sort.SliceStable(b.g.Units[i].HeldBy, func(x, y int) bool { return b.g.Units[i].HeldBy[x].Unit < b.g.Units[i].HeldBy[y].Unit })
	}
}

// elemTypeID is the named type a field type string holds: T of *T, []T,
// [n]T, map[K]T; and whether it holds it by value (no pointer on the way):
// a value is copied with its holder, a part of it; a pointer may be shared
// (a service handed in, an association).
func elemTypeID(t string) (string, bool) {
	byValue := true
	for {
		switch {
		case strings.HasPrefix(t, "*"):
			t = t[1:]
			byValue = false
		case strings.HasPrefix(t, "[]"):
			t = t[2:]
		case strings.HasPrefix(t, "map["):
			depth, i := 0, 3
			for ; i < len(t); i++ {
				if t[i] == '[' {
					depth++
				} else if t[i] == ']' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if i >= len(t) {
				return t, byValue
			}
			t = t[i+1:]
		case strings.HasPrefix(t, "["):
			i := strings.IndexByte(t, ']')
			if i < 0 {
				return t, byValue
			}
			t = t[i+1:]
		default:
			if i := strings.IndexByte(t, '['); i > 0 {
				t = t[:i] // an instance: pkg.List[T]
			}
			return t, byValue
		}
	}
}

// addType makes unit u the home of type t.
func (b *builder) addType(u int, t facts.Type) {
	b.g.TypeUnit[t.ID] = u
	b.g.Units[u].Types = append(b.g.Units[u].Types, t.ID)
	b.g.Units[u].Lines += t.Lines
	b.addFile(u, t.Pos)
	if b.g.Units[u].Kind == KindType && b.g.Units[u].Decl == "" {
		b.g.Units[u].Decl, _ = facts.SplitPos(t.Pos)
	}
}

func (b *builder) hasTypeUnit(id string) bool {
	_, ok := b.g.TypeUnit[id]
	return ok
}

// attachments decides, at type granularity, which same-package type each
// free function belongs to: the one it refers to most (uses, and calls of
// the type's methods), ties broken by name. Constructors and helpers thus
// travel with their type.
func (b *builder) attachments() map[string]string {
	out := map[string]string{}
	if b.opt.Granularity == Package {
		return out
	}
	free := map[string]string{} // func ID -> pkg
	recvOf := map[string]string{}
	for _, fn := range b.f.Funcs {
		if fn.Recv == "" {
			free[fn.ID] = fn.Pkg
		} else {
			recvOf[fn.ID] = fn.Pkg + "." + fn.Recv
		}
	}
	score := map[string]map[string]int{}
	calledBy := map[string]map[string]bool{} // free func -> types whose methods call it
	bump := func(fn, typ string, n int) {
		pkg, ok := free[fn]
		if !ok || !b.hasTypeUnit(typ) || b.spread[typ] || !strings.HasPrefix(typ, pkg+".") || strings.Contains(typ[len(pkg)+1:], ".") {
			return
		}
		if score[fn] == nil {
			score[fn] = map[string]int{}
		}
		score[fn][typ] += n
	}
	for _, u := range b.f.Uses {
		switch {
		case u.Kind == facts.UseType || u.Kind == facts.UseField:
			bump(u.From, u.Target, u.Count)
		case u.Owner != "":
			bump(u.From, u.Owner, u.Count)
		}
	}
	for _, c := range b.f.Calls {
		if t, ok := recvOf[c.Callee]; ok {
			bump(c.Caller, t, 1)
		}
		if t, ok := recvOf[c.Caller]; ok {
			bump(c.Callee, t, 1) // a helper called by a type's methods
			if calledBy[c.Callee] == nil {
				calledBy[c.Callee] = map[string]bool{}
			}
			calledBy[c.Callee][t] = true
		}
	}
	// A helper that several types use about equally (writeJSON called by
	// every handler) belongs to none of them: it stays with the package's
	// other functions rather than tie those types together.
	for fn, m := range score {
		best, bestN, second := "", 0, 0
		for t, n := range m {
			switch {
			case n > bestN || (n == bestN && t < best):
				second = max(second, bestN)
				best, bestN = t, n
			case n > second:
				second = n
			}
		}
		if bestN >= 2*second && len(calledBy[fn]) < 2 && (b.opt.Together == nil || b.opt.Together(fn, best)) {
			out[fn] = best
		}
	}
	return out
}

type pair struct{ a, b int }

// coChange calls add once per commit for each pair of units it changed
// that share no file.
func (b *builder) coChange(add func(x, y int)) {
	unitsOf := map[string][]int{}
	for u, files := range b.files {
		for f := range files {
			unitsOf[f] = append(unitsOf[f], u)
		}
	}
	for _, us := range unitsOf {
		sort.Ints(us)
	}
	share := func(x, y int) bool {
		for f := range b.files[x] {
			if b.files[y][f] {
				return true
			}
		}
		return false
	}
	for _, files := range b.opt.CoChange {
		seen := map[int]bool{}
		var us []int
		for _, f := range files {
			for _, u := range unitsOf[f] {
				if !seen[u] {
					seen[u] = true
					us = append(us, u)
				}
			}
		}
		sort.Ints(us)
		for i := range us {
			for j := i + 1; j < len(us); j++ {
				if !share(us[i], us[j]) {
					add(us[i], us[j])
				}
			}
		}
	}
}

// edges adds the coupling edges.
func (b *builder) edges() {
	acc := map[pair]*[NumKinds]int{}
	fwd := map[pair]*[NumKinds]int{}
	self := map[int]*[NumKinds]int{}
	add := func(x, y int, k EdgeKind, n int) {
		if x < 0 || y < 0 {
			return
		}
		if x == y {
			c := self[x]
			if c == nil {
				c = new([NumKinds]int)
				self[x] = c
			}
			c[k] += n
			return
		}
		forward := x < y
		if !forward {
			x, y = y, x
		}
		c := acc[pair{x, y}]
		if c == nil {
			c = new([NumKinds]int)
			acc[pair{x, y}] = c
			fwd[pair{x, y}] = new([NumKinds]int)
		}
		c[k] += n
		if forward {
			fwd[pair{x, y}][k] += n
		}
	}
	unitOfFunc := b.g.UnitOfFunc
	// Calls, with calls through left-out generated code bridged.
	callees := map[string][]facts.Call{}
	for _, c := range b.f.Calls {
		callees[c.Caller] = append(callees[c.Caller], c)
	}
	for _, c := range b.f.Calls {
		if b.left[c.Caller] {
			continue
		}
		from := unitOfFunc(c.Caller)
		k := Call
		if c.Kind == facts.CallDynamic {
			k = Dynamic
		}
		if b.left[c.Callee] {
			if b.bridge[c.Callee] {
				for _, to := range b.through(c.Callee, callees) {
					add(from, unitOfFunc(to), k, 1)
				}
			}
			continue
		}
		add(from, unitOfFunc(c.Callee), k, 1)
	}
	valueUnit := b.valueUnits()
	for _, u := range b.f.Uses {
		if b.left[u.From] {
			continue
		}
		from := unitOfFunc(u.From)
		if u.Kind == facts.UseImplements {
			from = -1
			if t, ok := b.g.TypeUnit[u.From]; ok {
				from = t
			}
		}
		to := -1
		kind := TypeUse
		switch u.Kind {
		case facts.UseImplements:
			kind = Implements
			if t, ok := b.g.TypeUnit[u.Target]; ok {
				to = t
			}
		case facts.UseType, facts.UseField:
			if t, ok := b.g.TypeUnit[u.Target]; ok {
				to = t
			}
		default:
			if t, ok := b.g.TypeUnit[u.Owner]; ok && u.Owner != "" {
				to = t
			} else if v, ok := valueUnit[u.Target]; ok {
				to = v
			} else if p, ok := b.g.index[pkgOfQualified(u.Target)]; ok {
				to = p
			}
		}
		add(from, to, kind, u.Count)
	}
	// Who writes a model's fields owns it, more than who reads them: each
	// field write counts as two more uses of the struct.
	for _, fu := range b.f.FieldUses {
		if fu.Mode == facts.Write && !b.left[fu.Func] {
			if t, ok := b.g.TypeUnit[fu.Struct]; ok {
				add(unitOfFunc(fu.Func), t, TypeUse, fieldWriteUses)
			}
		}
	}
	// Accesses made inside left-out generated code (sqlc queries, ORM
	// glue) belong to the kept code that calls it.
	callers := map[string][]string{}
	for _, c := range b.f.Calls {
		if b.left[c.Callee] {
			callers[c.Callee] = append(callers[c.Callee], c.Caller)
		}
	}
	mode := func(u int, m facts.Mode) {
		if u < 0 {
			return
		}
		if m == facts.Write {
			b.g.Units[u].Writes++
		} else {
			b.g.Units[u].Reads++
		}
	}
	for _, a := range b.f.Accesses {
		if !b.left[a.Func] {
			mode(unitOfFunc(a.Func), a.Mode)
			add(unitOfFunc(a.Func), b.g.TableUnit[a.Table], Access, 1)
			continue
		}
		if b.bridge[a.Func] {
			for _, fn := range b.keptCallers(a.Func, callers) {
				mode(unitOfFunc(fn), a.Mode)
				add(unitOfFunc(fn), b.g.TableUnit[a.Table], Access, 1)
			}
		}
	}
	if b.opt.Weights[CoChange] > 0 {
		b.coChange(func(x, y int) { add(x, y, CoChange, 1) })
	}
	for u, c := range self {
		b.g.Units[u].Internal = Weight(*c, b.opt.Weights)
	}
	pairs := make([]pair, 0, len(acc))
	for p := range acc {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].a != pairs[j].a {
			return pairs[i].a < pairs[j].a
		}
		return pairs[i].b < pairs[j].b
	})
	for _, p := range pairs {
		e := Edge{A: p.a, B: p.b, Counts: *acc[p], Forward: *fwd[p]}
		e.Weight = Weight(e.Counts, b.opt.Weights)
		if e.Weight > 0 {
			b.g.Edges = append(b.g.Edges, e)
		}
	}
}

// fieldWriteUses is how many type uses one field write adds: measured on
// the development corpus (see README).
const fieldWriteUses = 2

// Weight combines per-kind counts into one edge weight.
func Weight(counts [NumKinds]int, w Weights) float64 {
	total := 0.0
	for k, n := range counts {
		if n > 0 {
			total += w[k] * (1 + math.Log(float64(n)))
		}
	}
	return total
}

// through follows calls inside left-out code to the kept functions they
// reach, so generated glue does not cut the graph.
func (b *builder) through(start string, callees map[string][]facts.Call) []string {
	return b.walkLeft(start, func(fn string) []string {
		var out []string
		for _, c := range callees[fn] {
			out = append(out, c.Callee)
		}
		return out
	})
}

// walkLeft walks from start through left-out, bridged functions (up to four
// steps) and returns the kept functions it meets, sorted.
func (b *builder) walkLeft(start string, next func(string) []string) []string {
	const maxDepth = 4
	var out []string
	seen := map[string]bool{start: true}
	frontier := []string{start}
	for d := 0; d < maxDepth && len(frontier) > 0; d++ {
		var more []string
		for _, fn := range frontier {
			for _, c := range next(fn) {
				if seen[c] {
					continue
				}
				seen[c] = true
				if b.left[c] {
					if b.bridge[c] {
						more = append(more, c)
					}
					continue
				}
				out = append(out, c)
			}
		}
		frontier = more
	}
	sort.Strings(out)
	return out
}

// valueUnits places the package-level constants and variables of
// type-split packages: in the functions unit of their file, else in a type
// declared in the same file.
func (b *builder) valueUnits() map[string]int {
	out := map[string]int{}
	byFile := map[string]int{}
	for i, u := range b.g.Units {
		if u.Kind != KindType && u.Kind != KindFuncs {
			continue
		}
		for _, f := range u.Files {
			if j, ok := byFile[f]; !ok || b.g.Units[j].Kind != KindFuncs && (u.Kind == KindFuncs || u.ID < b.g.Units[j].ID) {
				byFile[f] = i
			}
		}
	}
	for _, v := range b.f.Values {
		if !b.byType(v.Pkg) {
			continue
		}
		file, _ := facts.SplitPos(v.Pos)
		if i, ok := byFile[file]; ok {
			out[v.ID] = i
		}
	}
	return out
}

// keptCallers walks callers up through left-out generated code to the kept
// functions that reach start.
func (b *builder) keptCallers(start string, callers map[string][]string) []string {
	return b.walkLeft(start, func(fn string) []string { return callers[fn] })
}

// pkgOfQualified returns the package of "pkg.Name".
func pkgOfQualified(q string) string {
	slash := strings.LastIndexByte(q, '/')
	dot := strings.IndexByte(q[slash+1:], '.')
	if dot < 0 {
		return q
	}
	return q[:slash+1+dot]
}

// New returns an empty graph, for building one by hand (tests of later
// stages, front ends other than the Go analysis).
func New() *Graph {
	return &Graph{FuncUnit: map[string]int{}, TypeUnit: map[string]int{}, TableUnit: map[string]int{}, index: map[string]int{}}
}

// AddUnit appends a unit and returns its index.
func (g *Graph) AddUnit(u Unit) int {
	i := len(g.Units)
	g.Units = append(g.Units, u)
	g.index[u.ID] = i
	for _, t := range u.Types {
		g.TypeUnit[t] = i
	}
	for _, f := range u.Funcs {
		g.FuncUnit[f] = i
	}
	if u.Kind == KindTable {
		g.TableUnit[u.Name] = i
	}
	return i
}

// AddEdge adds an edge weighted with the default weights.
func (g *Graph) AddEdge(a, b int, counts [NumKinds]int) {
	if a > b {
		a, b = b, a
	}
	g.Edges = append(g.Edges, Edge{A: a, B: b, Counts: counts, Weight: Weight(counts, DefaultWeights)})
}
