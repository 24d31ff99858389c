// Package plan turns a decomposition and its findings into a strangler-fig
// migration plan: which context to wall off first and why, the seam
// interface to wall it off behind (with a facade that delegates to today's
// code, so callers move one by one while the monolith keeps shipping), the
// callers to reroute, the data that moves with it, the models to split, and
// what it still depends on afterwards. Steps follow the vocabulary of
// Newman's Monolith to Microservices (strangler fig, branch by abstraction,
// split table, move the foreign-key relationship to code, database view).
package plan

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/cluster"
	"github.com/decomp/decomp/report/judge"
)

// Plan is the ordered list of steps.
type Plan struct {
	// Order says how the steps were ordered.
	Order string `json:"order"`
	// Formula is the effort formula, as documented in the README.
	Formula string `json:"formula"`
	Steps   []Step `json:"steps"`
	// TxScopes counts the transaction scopes found; Step.Transactions
	// lists those spanning contexts.
	TxScopes int `json:"txScopes"`
	// Folded are the contexts with no domain of their own, which get no
	// step: they go with the platform or with the one context they serve.
	Folded []Folded `json:"folded"`
}

// Folded is a context that is no step of its own.
type Folded struct {
	Context string `json:"context"`
	// Into is the context whose step takes it ("" for the platform).
	Into   string `json:"into,omitempty"`
	Reason string `json:"reason"`
}

// Goes says where the context goes: "the platform" or "the step of X".
func (f Folded) Goes() string {
	if f.Into == "" {
		return "the platform"
	}
	return "the step of " + f.Into
}

// Step walls off one context.
type Step struct {
	N       int    `json:"n"`
	Context string `json:"context"`
	// With are the contexts folded into this one's step (Plan.Folded).
	With []string `json:"with,omitempty"`
	// Why says why it comes here, with the figures.
	Why    string `json:"why"`
	Effort Effort `json:"effort"`
	// Patterns names the migration patterns the step uses.
	Patterns []string `json:"patterns"`
	Seam     Seam     `json:"seam"`
	// Callers are the call sites outside the context that must move to the
	// seam, by file:line.
	Callers []Caller `json:"callers"`
	// Routes are the HTTP and gRPC endpoints its code serves: what a
	// strangler proxy at the edge redirects to the new service.
	Routes []facts.Route `json:"routes"`
	// Data lists the tables it takes and what every other user does.
	Data []DataMove `json:"data"`
	// Joins are statements reading its tables together with another
	// context's: the relationship must move into code before the split.
	Joins []Join `json:"joins"`
	// Transactions are the transaction scopes whose tables belong to this
	// context and others: one transaction today, several services after.
	Transactions []Transaction `json:"transactions"`
	// Models are the oversized models it takes its part of.
	Models []ModelSplit `json:"models"`
	// DependsOn are its outgoing dependencies, which become client calls.
	DependsOn []Dependency `json:"dependsOn"`
	Risks     []string     `json:"risks"`
}

// Effort holds the counts the step is scored on, and the score.
type Effort struct {
	// Callers are the calls into the context to reroute; CallsOut its
	// calls to other contexts, which become client calls; UsesIn and
	// UsesOut the type uses across its boundary, both ways (a type used
	// on the other side must be copied or turned into a message).
	Callers     int `json:"callers"`
	CallsOut    int `json:"callsOut"`
	UsesIn      int `json:"usesIn"`
	UsesOut     int `json:"usesOut"`
	SeamMethods int `json:"seamMethods"`
	Blockers    int `json:"blockers"`
	// MoveFirst counts the callers that cannot import the seam.
	MoveFirst     int `json:"moveFirst"`
	OwnedShared   int `json:"ownedSharedTables"`
	ForeignTables int `json:"foreignTables"`
	MultiWriter   int `json:"multiWriterTables"`
	Models        int `json:"models"`
	Transactions  int `json:"transactions"`
	Cycles        int `json:"cycles"`
	// CoChanged counts the contexts still in the monolith that the git
	// history changes together with this one (--history).
	CoChanged int     `json:"coChanged,omitempty"`
	Lines     int     `json:"lines"`
	Score     float64 `json:"score"`
}

// Formula is the effort score, documented in the README.
const Formula = "callers + calls out + (type uses in + out)/2 + 2·seam methods + 3·blockers + 2·callers that must move first + 4·shared tables it owns + 2·tables of others it uses + 3·tables several contexts write + 4·oversized models + 4·transactions it shares + 8·dependency cycles + lines/500"

// historyTerm is the Formula's term when the git history was read: a
// context changed with another costs as much as a shared table it owns.
const historyTerm = " + 4·contexts left it changes together with (history)"

func (e *Effort) score() {
	e.Score = float64(e.Callers) + float64(e.CallsOut) + float64(e.UsesIn+e.UsesOut)/2 + 2*float64(e.SeamMethods) + 3*float64(e.Blockers) + 2*float64(e.MoveFirst) + 4*float64(e.OwnedShared) +
		2*float64(e.ForeignTables) + 3*float64(e.MultiWriter) + 4*float64(e.Models) + 4*float64(e.Transactions) + 8*float64(e.Cycles) + 4*float64(e.CoChanged) + float64(e.Lines)/500
	e.Score = float64(int(e.Score*10+0.5)) / 10
}

// Caller is one call into the context from outside it.
type Caller struct {
	From        string `json:"from"`
	FromContext string `json:"fromContext"`
	To          string `json:"to"`
	Pos         string `json:"pos"`
	// MoveFirst is set when the caller's package cannot import the seam,
	// which imports it (an import cycle): the caller moves first.
	MoveFirst string `json:"moveFirst,omitempty"`
}

// DataMove is one table the step is concerned with.
type DataMove struct {
	Table string `json:"table"`
	// Owner is the context that owns it after the step.
	Owner string `json:"owner"`
	// Moves is set when the table moves with this step's context.
	Moves bool `json:"moves"`
	// Users say what each other context touching it does.
	Users []TableUse `json:"users,omitempty"`
}

// TableUse is another context's use of a table, and its strategy.
type TableUse struct {
	Context  string `json:"context"`
	Writes   bool   `json:"writes"`
	Strategy string `json:"strategy"`
}

// Join is one statement that spans tables of two contexts.
type Join struct {
	Pos    string   `json:"pos"`
	Func   string   `json:"func"`
	Tables []string `json:"tables"`
	// Others are the contexts owning the other tables.
	Others []string `json:"others"`
}

// Transaction is one transaction scope spanning the tables of two or more
// contexts.
type Transaction struct {
	Pos  string `json:"pos"`
	Func string `json:"func"`
	Via  string `json:"via"`
	// Tables are the tables it touches; Written those it writes.
	Tables  []string `json:"tables"`
	Written []string `json:"written"`
	// Contexts own the tables, sorted; Writers are those whose tables it
	// writes.
	Contexts []string `json:"contexts"`
	Writers  []string `json:"writers"`
	// Replace is the pattern that replaces it once the contexts split.
	Replace string `json:"replace"`
}

// ModelSplit is the step's part of an oversized model.
type ModelSplit struct {
	Model  string   `json:"model"`
	Struct string   `json:"struct"`
	Fields []string `json:"fields"`
}

// Dependency is an outgoing dependency of the context.
type Dependency struct {
	Context string `json:"context"`
	Calls   int    `json:"calls"`
	Uses    int    `json:"uses"`
}

// Input is what a plan is computed from.
type Input struct {
	Facts        *facts.Facts
	D            *cluster.Decomposition
	SharedTables []judge.SharedTable
	Models       []judge.OversizedModel
	// First names the context to start with ("" for the cheapest).
	First string
	// ChangesWith gives, from the git history, each context's partners
	// changed in the same commits (3 or more) and how many: a context that
	// changes with those still in the monolith is not extracted first.
	ChangesWith map[string]map[string]int
}

// contextInfo gathers what the score and the step need about a context.
type contextInfo struct {
	id      int
	name    string
	lines   int
	callers []Caller
	callees map[string]bool
	out     map[int]*Dependency
	in      map[int]bool
	tables  map[string]bool
	changes map[int]int
	// with are the contexts folded into this one; usesIn counts the type
	// uses of its code from other contexts.
	with   []string
	usesIn int
}

// own tells whether a context name is this step's: its own or a folded one.
func (ci *contextInfo) own(name string) bool {
	return name == ci.name || slices.Contains(ci.with, name)
}

// host values of fold besides a context index.
const (
	ownStep  = -1
	platform = -2
)

// fold finds the contexts with no domain of their own, which get no step.
// A context that serves no route and has no call or type use to or from
// any other context is a world of its own the entry points run: with no
// table (an SDK only tests import, a tool), or mostly writing the tables of
// two or more others (a migration runner), it goes with the
// platform; one whose tables one other context writes goes with that
// writer's step (the writer owns the data); one with tables of its own is
// a service already. One that serves no route, owns no table, and that only one
// other context calls or uses (a payload formatter, a presentation shell)
// serves that context and goes with its step, unless that context has no
// other neighbour. host[c] is ownStep, platform or the index of the context
// whose step takes c; keep (--first) is never folded.
func fold(d *cluster.Decomposition, f *facts.Facts, calls []facts.Call, uses []facts.Use, useTarget func(facts.Use) int, routes map[int][]facts.Route, keep string) ([]int, []Folded) {
	n := len(d.Contexts)
	near := make([]map[int]bool, n)
	in := make([]map[int]bool, n)
	for i := range near {
		near[i], in[i] = map[int]bool{}, map[int]bool{}
	}
	link := func(from, to int) {
		if from >= 0 && from < n && to >= 0 && to < n && from != to {
			near[to][from] = true
			near[from][to] = true
			in[to][from] = true
		}
	}
	for _, c := range calls {
		link(d.ContextOfFunc(c.Caller), d.ContextOfFunc(c.Callee))
	}
	for _, u := range uses {
		link(d.ContextOfFunc(u.From), useTarget(u))
	}
	// A type implementing another context's interface serves that context:
	// the interface's callers reach it at run time.
	for _, u := range f.Uses {
		if u.Kind == facts.UseImplements {
			link(d.ContextOfType(u.Target), d.ContextOfType(u.From))
		}
	}
	// schemaOnly: writes tables of two or more other contexts, and writes
	// them three times as often as it reads them (schema-wide code's ratio
	// in the clustering: backfills read a little).
	owner := map[string]int{}
	for i, c := range d.Contexts {
		for _, t := range c.Tables {
			owner[t] = i
		}
	}
	// Code in no context (a package's initialiser holding the migrations)
	// counts for the one context its package is in.
	pkgCtx := map[string]int{}
	for i, c := range d.Contexts {
		for _, p := range c.Packages {
			if _, dup := pkgCtx[p]; dup {
				pkgCtx[p] = -1
			} else {
				pkgCtx[p] = i
			}
		}
	}
	written, writers := make([]map[int]bool, n), make([]map[int]bool, n)
	reads, writes := make([]int, n), make([]int, n)
	for _, a := range f.Accesses {
		c := d.ContextOfFunc(a.Func)
		if pc, ok := pkgCtx[facts.PackageOf(a.Func)]; ok && c < 0 {
			c = pc
		}
		o, ok := owner[a.Table]
		if c < 0 || c >= n || !ok || o == c {
			continue
		}
		if a.Mode == facts.Read {
			reads[c]++
		} else {
			writes[c]++
			if written[c] == nil {
				written[c] = map[int]bool{}
			}
			written[c][o] = true
			if writers[o] == nil {
				writers[o] = map[int]bool{}
			}
			writers[o][c] = true
		}
	}
	schemaOnly := make([]bool, n)
	for i := range schemaOnly {
		schemaOnly[i] = len(written[i]) >= 2 && writes[i] >= 3*reads[i]
	}
	host := make([]int, n)
	reason := make([]string, n)
	for i, c := range d.Contexts {
		host[i] = ownStep
		if len(routes[i]) > 0 || c.Name == keep {
			continue
		}
		switch {
		case len(near[i]) == 0 && len(c.Tables) == 0:
			host[i] = platform
			reason[i] = "no route, no table, and no call or type use to or from any other context: only the entry points run it"
		case len(near[i]) == 0 && schemaOnly[i]:
			host[i] = platform
			reason[i] = fmt.Sprintf("no route, no call or type use to or from any other context, and it writes the tables of %d others (%d writes, %d reads): it manages the schema", len(written[i]), writes[i], reads[i])
		case len(near[i]) == 0 && len(writers[i]) == 1:
			// Its data is another's: the one context writing it.
			for j := range writers[i] {
				host[i] = j
				reason[i] = fmt.Sprintf("no route, no call or type use to or from any other context, and only %s writes its tables: the writer owns the data", d.Contexts[j].Name)
			}
		case len(in[i]) == 1 && len(c.Tables) == 0:
			// A satellite of j, unless j has no other neighbour: then
			// neither hangs off the other.
			for j := range in[i] {
				if len(near[j]) == 1 {
					break
				}
				host[i] = j
				reason[i] = fmt.Sprintf("no route, no table, and only %s calls it, uses its types or its interfaces' implementations", d.Contexts[j].Name)
			}
		}
	}
	// Follow chains (a formatter serving a formatter); a cycle of contexts
	// serving only each other keeps one of them as the step.
	for i := range host {
		if host[i] < 0 {
			continue
		}
		cur, seen := host[i], map[int]bool{i: true}
		for host[cur] >= 0 && !seen[cur] {
			seen[cur] = true
			cur = host[cur]
		}
		switch {
		case seen[cur] && cur == i:
			host[i] = ownStep
		case seen[cur]:
			host[cur] = ownStep
			host[i] = cur
		case host[cur] == platform:
			host[i] = platform
			reason[i] += ", which goes with the platform"
		default:
			host[i] = cur
		}
	}
	var out []Folded
	for i, h := range host {
		switch {
		case h == platform:
			out = append(out, Folded{Context: d.Contexts[i].Name, Reason: reason[i]})
		case h >= 0:
			out = append(out, Folded{Context: d.Contexts[i].Name, Into: d.Contexts[h].Name, Reason: reason[i]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Context < out[j].Context })
	return host, nonNil(out)
}

// Build computes the plan. An unknown First is an error naming the contexts.
func Build(in Input) (*Plan, error) {
	d := in.D
	f := in.Facts
	if in.First != "" {
		found := false
		var names []string
		for _, c := range d.Contexts {
			names = append(names, c.Name)
			found = found || c.Name == in.First
		}
		if !found {
			sort.Strings(names)
			return nil, fmt.Errorf("--first %q is no context (contexts: %s)", in.First, strings.Join(names, ", "))
		}
	}
	routes := routesByContext(f, d)
	// Where the source calls an interface method, the call graph's
	// concrete targets at the same site are not what the code states; a
	// callback resolved to a closure is no call of its enclosing function.
	ifaceSite := map[[2]string]bool{}
	for _, c := range f.Calls {
		if c.Kind == facts.CallDynamic && funcOf(f, c.Callee) == nil {
			ifaceSite[[2]string{c.Caller, c.Pos}] = true
		}
	}
	var calls []facts.Call
	for _, c := range f.Calls {
		if c.Closure || c.Kind == facts.CallDynamic && funcOf(f, c.Callee) != nil && ifaceSite[[2]string{c.Caller, c.Pos}] {
			continue
		}
		calls = append(calls, c)
	}
	var uses []facts.Use
	for _, u := range f.Uses {
		if u.Kind != facts.UseImplements {
			uses = append(uses, u)
		}
	}
	useTarget := func(u facts.Use) int {
		if u.Owner != "" {
			return d.ContextOfType(u.Owner)
		}
		return d.ContextOfType(u.Target)
	}
	host, folded := fold(d, f, calls, uses, useTarget, routes, in.First)

	infos := make([]*contextInfo, len(d.Contexts))
	for i, c := range d.Contexts {
		infos[i] = &contextInfo{id: i, name: c.Name, lines: c.Lines, callees: map[string]bool{}, out: map[int]*Dependency{}, in: map[int]bool{}, tables: map[string]bool{}}
	}
	// A folded context's code, lines and tables are its host's.
	at := func(c int) int {
		if c >= 0 && c < len(host) && host[c] >= 0 {
			return host[c]
		}
		return c
	}
	for i, c := range d.Contexts {
		h := infos[at(i)]
		if h.id != i {
			h.lines += c.Lines
			h.with = append(h.with, c.Name)
		}
		for _, t := range c.Tables {
			h.tables[t] = true
		}
	}
	byName := map[string]int{}
	for i, c := range d.Contexts {
		byName[c.Name] = i
	}
	for a, partners := range in.ChangesWith {
		i, ok := byName[a]
		if !ok {
			continue
		}
		hi := infos[at(i)]
		if hi.changes == nil {
			hi.changes = map[int]int{}
		}
		for b, n := range partners {
			if j, ok := byName[b]; ok && at(j) != hi.id {
				hi.changes[at(j)] = max(hi.changes[at(j)], n)
			}
		}
	}
	valid := func(c int) bool { return c >= 0 && c < len(infos) }
	for _, c := range calls {
		from, to := d.ContextOfFunc(c.Caller), d.ContextOfFunc(c.Callee)
		if !valid(from) || !valid(to) || at(from) == at(to) {
			continue
		}
		t := infos[at(to)]
		t.callers = append(t.callers, Caller{From: c.Caller, FromContext: infos[from].name, To: c.Callee, Pos: c.Pos})
		t.callees[c.Callee] = true
		t.in[at(from)] = true
		dep(infos[at(from)], t.id, t.name).Calls++
	}
	for _, u := range uses {
		from, to := d.ContextOfFunc(u.From), useTarget(u)
		if !valid(from) || !valid(to) || at(from) == at(to) {
			continue
		}
		n := max(u.Count, 1)
		infos[at(to)].in[at(from)] = true
		infos[at(to)].usesIn += n
		dep(infos[at(from)], at(to), infos[at(to)].name).Uses += n
	}
	owner := map[string]int{}
	for i, c := range d.Contexts {
		for _, t := range c.Tables {
			owner[t] = at(i)
		}
	}
	shared := map[string]judge.SharedTable{}
	for _, s := range in.SharedTables {
		shared[s.Table] = s
	}
	joins := crossJoins(f, d, owner)
	txs := transactions(f, d, owner)

	p := &Plan{Formula: Formula, Order: "cheapest first, re-scored after each step"}
	if len(in.ChangesWith) > 0 {
		p.Formula += historyTerm
	}
	if in.First != "" {
		p.Order = fmt.Sprintf("%s first (--first), then cheapest first, re-scored after each step", in.First)
	}
	p.Folded = folded
	p.TxScopes = len(f.Txs)
	done := map[int]bool{}
	for c, h := range host {
		if h != ownStep {
			done[c] = true
		}
	}
	// Everything but the cycles is the same in every round: build it once.
	base := make([]*Step, len(infos))
	ix := newSeamIndex(f)
	g := newImportGraph(f)
	for _, ci := range infos {
		if !done[ci.id] {
			base[ci.id] = buildStep(ci, infos, f, ix, shared, in.Models, owner, joins[ci.id], routes[ci.id], txs[ci.id])
		}
	}
	for len(done) < len(infos) {
		var best *Step
		bestID := -1
		var scored []*Step
		for _, ci := range infos {
			if done[ci.id] {
				continue
			}
			st := withCycles(base[ci.id], ci, infos, done, g, f.Module)
			scored = append(scored, st)
			pick := in.First != "" && len(p.Steps) == 0 && ci.name == in.First
			forced := in.First != "" && len(p.Steps) == 0
			if pick || !forced && (best == nil || st.Effort.Score < best.Effort.Score || st.Effort.Score == best.Effort.Score && st.Context < best.Context) {
				best, bestID = st, ci.id
			}
		}
		best.N = len(p.Steps) + 1
		best.Why = why(best, scored, in.First != "" && len(p.Steps) == 0)
		p.Steps = append(p.Steps, *best)
		done[bestID] = true
		g.reroute(best)
	}
	// Two context names can reduce to one package name (order-items,
	// order_items): number the later ones.
	pkgs := map[string]bool{}
	for i := range p.Steps {
		seam := &p.Steps[i].Seam
		name := seam.Package
		for n := 2; pkgs[name]; n++ {
			name = fmt.Sprintf("%s%d", seam.Package, n)
		}
		pkgs[name] = true
		seam.Package = name
	}
	return p, nil
}

func dep(ci *contextInfo, to int, name string) *Dependency {
	x := ci.out[to]
	if x == nil {
		x = &Dependency{Context: name}
		ci.out[to] = x
	}
	return x
}

func why(s *Step, scored []*Step, first bool) string {
	e := s.Effort
	figures := fmt.Sprintf("effort %.1f: %d callers to reroute, %d calls out (client calls after the split), %d+%d type uses across (in+out), %d seam methods, %d blockers, %d callers to move first, %d shared tables it owns, %d tables of others, %d tables several contexts write, %d oversized models, %d shared transactions, %d dependency cycles, %d lines",
		e.Score, e.Callers, e.CallsOut, e.UsesIn, e.UsesOut, e.SeamMethods, e.Blockers, e.MoveFirst, e.OwnedShared, e.ForeignTables, e.MultiWriter, e.Models, e.Transactions, e.Cycles, e.Lines)
	if e.CoChanged > 0 {
		figures += fmt.Sprintf(", changed together with %d contexts left", e.CoChanged)
	}
	if first {
		return "named with --first as the worst bottleneck; " + figures
	}
	if len(scored) == 1 {
		return "the last context left in the monolith; " + figures
	}
	next := 0.0
	for _, o := range scored {
		if o.Context != s.Context && (next == 0 || o.Effort.Score < next) {
			next = o.Effort.Score
		}
	}
	return fmt.Sprintf("the cheapest of the %d contexts left (next: %.1f); %s", len(scored), next, figures)
}

// withCycles completes a step for one round: the callers that must move
// first and the dependency cycles with the contexts still in the monolith,
// first among the risks, and the score.
func withCycles(base *Step, ci *contextInfo, infos []*contextInfo, done map[int]bool, g *importGraph, module string) *Step {
	st := *base
	st.Effort.Cycles = 0
	var risks []string
	// Callers that cannot import the seam as the earlier steps leave the
	// imports: the seam imports their package, or one that reaches it.
	st.Effort.MoveFirst = 0
	chain := g.chains(seamImports(base))
	inSeam := map[string]bool{}
	for _, m := range base.Seam.Methods {
		inSeam[m.Target] = true
	}
	st.Callers = slices.Clone(base.Callers)
	for i, c := range st.Callers {
		path := chain(facts.PackageOf(c.From))
		if !inSeam[c.To] || path == nil {
			continue
		}
		for j := range path {
			path[j] = strings.TrimPrefix(path[j], module+"/")
		}
		if len(path) == 1 {
			st.Callers[i].MoveFirst = "the seam imports its own package " + path[0] + ": an import cycle"
		} else {
			st.Callers[i].MoveFirst = "the seam imports " + strings.Join(path, " → ") + ", its package: an import cycle"
		}
		st.Effort.MoveFirst++
	}
	if st.Effort.MoveFirst > 0 {
		risks = append(risks, fmt.Sprintf("%d callers cannot import the seam (an import cycle, each listed): move them, or the code of this context in their package, first", st.Effort.MoveFirst))
	}
	for _, to := range slices.Sorted(maps.Keys(ci.out)) {
		if !done[to] && ci.in[to] {
			st.Effort.Cycles++
			risks = append(risks, fmt.Sprintf("dependency cycle with %s: break it before the split (one side calls the other's API, or an event replaces the call)", infos[to].name))
		}
	}
	st.Effort.CoChanged = 0
	var partners []string
	for _, to := range slices.Sorted(maps.Keys(ci.changes)) {
		if !done[to] {
			st.Effort.CoChanged++
			partners = append(partners, fmt.Sprintf("%s (%d commits)", infos[to].name, ci.changes[to]))
		}
	}
	if len(partners) > 0 {
		risks = append(risks, fmt.Sprintf("the history changes it together with %s: extract them together, or cut what ties them first", strings.Join(partners, ", ")))
	}
	st.Risks = nonNil(append(risks, base.Risks...))
	st.Effort.score()
	return &st
}

// importGraph is the module's imports as the steps so far leave them:
// each rerouted caller's package imports its seam, which imports the
// packages its signatures need.
type importGraph struct {
	edges map[string][]string
}

func newImportGraph(f *facts.Facts) *importGraph {
	g := &importGraph{edges: map[string][]string{}}
	for _, p := range f.Packages {
		g.edges[p.Path] = slices.Clone(p.Imports)
	}
	return g
}

// seamImports are the packages a step's seam imports.
func seamImports(st *Step) []string {
	var out []string
	for _, im := range st.Seam.Imports {
		out = append(out, im.Path)
	}
	return out
}

// chains walks the imports from the given packages and returns, for a
// package, the chain by which they reach it (nil when they do not).
func (g *importGraph) chains(from []string) func(pkg string) []string {
	parent := map[string]string{}
	var queue []string
	for _, p := range slices.Sorted(slices.Values(from)) {
		if _, ok := parent[p]; !ok {
			parent[p] = ""
			queue = append(queue, p)
		}
	}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, q := range g.edges[p] {
			if _, ok := parent[q]; !ok {
				parent[q] = p
				queue = append(queue, q)
			}
		}
	}
	return func(pkg string) []string {
		if _, ok := parent[pkg]; !ok {
			return nil
		}
		var path []string
		for p := pkg; p != ""; p = parent[p] {
			path = append(path, p)
		}
		slices.Reverse(path)
		return path
	}
}

// reroute adds a chosen step's seam: its callers that can import it do.
func (g *importGraph) reroute(st *Step) {
	if len(st.Seam.Methods) == 0 {
		return
	}
	node := "(seam of " + st.Context + ")"
	g.edges[node] = seamImports(st)
	inSeam := map[string]bool{}
	for _, m := range st.Seam.Methods {
		inSeam[m.Target] = true
	}
	for _, c := range st.Callers {
		if p := facts.PackageOf(c.From); inSeam[c.To] && c.MoveFirst == "" && !slices.Contains(g.edges[p], node) {
			g.edges[p] = append(g.edges[p], node)
		}
	}
}

// buildStep computes what a step says about a context, cycles aside.
func buildStep(ci *contextInfo, infos []*contextInfo, f *facts.Facts, ix *seamIndex, shared map[string]judge.SharedTable, models []judge.OversizedModel,
	owner map[string]int, joins []Join, routes []facts.Route, txs []Transaction) *Step {
	st := &Step{Context: ci.name, With: ci.with, Routes: nonNil(routes), Joins: nonNil(joins), Transactions: nonNil(txs)}
	st.Callers = append([]Caller{}, ci.callers...)
	sort.Slice(st.Callers, func(i, j int) bool {
		if c := facts.ComparePos(st.Callers[i].Pos, st.Callers[j].Pos); c != 0 {
			return c < 0
		}
		if st.Callers[i].To != st.Callers[j].To {
			return st.Callers[i].To < st.Callers[j].To
		}
		return st.Callers[i].From < st.Callers[j].From
	})
	st.Seam = buildSeam(ci.name, ci.callees, f, ix)
	e := &st.Effort
	e.Callers, e.SeamMethods, e.Blockers, e.Lines = len(st.Callers), len(st.Seam.Methods), len(st.Seam.Blockers), ci.lines
	e.UsesIn = ci.usesIn
	for _, d := range ci.out {
		e.CallsOut += d.Calls
		e.UsesOut += d.Uses
	}
	// Data.
	for _, t := range slices.Sorted(maps.Keys(ci.tables)) {
		if systemTable(t) {
			continue // the database's own catalog moves nowhere
		}
		m := DataMove{Table: t, Owner: ci.name, Moves: true}
		if s, ok := shared[t]; ok {
			e.OwnedShared++
			// The writers once the folded contexts are the step's.
			writers := map[string]bool{}
			for _, w := range s.Writers {
				if ci.own(w) {
					w = ci.name
				}
				writers[w] = true
			}
			if len(writers) > 1 {
				e.MultiWriter++
				st.Risks = append(st.Risks, fmt.Sprintf("table %s is written by %s: one writer must own it", t, strings.Join(s.Writers, ", ")))
			}
			for _, u := range s.Users {
				if ci.own(u.Context.Name) {
					continue
				}
				use := TableUse{Context: u.Context.Name, Writes: u.WriteSites > 0}
				if use.Writes {
					use.Strategy = fmt.Sprintf("write through %s's API (its writes move behind the seam)", ci.name)
				} else {
					use.Strategy = fmt.Sprintf("read through %s's API, or from a database view or read replica %s keeps (events or change data capture for derived data)", ci.name, ci.name)
				}
				m.Users = append(m.Users, use)
			}
		}
		st.Data = append(st.Data, m)
	}
	for _, s := range sortedShared(shared) {
		if ci.tables[s.Table] || systemTable(s.Table) {
			continue
		}
		// One entry per table, whether the step's own code or a context
		// folded into it uses it.
		used, writes := false, false
		for _, u := range s.Users {
			if ci.own(u.Context.Name) {
				used, writes = true, writes || u.WriteSites > 0
			}
		}
		if !used {
			continue
		}
		e.ForeignTables++
		o := ""
		if i, ok := owner[s.Table]; ok {
			o = infos[i].name
		}
		strategy := fmt.Sprintf("call %s's API", o)
		if !writes {
			strategy += " or read a replica"
		}
		st.Data = append(st.Data, DataMove{Table: s.Table, Owner: o, Users: []TableUse{{Context: ci.name, Writes: writes, Strategy: strategy}}})
	}
	// Transactions.
	e.Transactions = len(txs)
	for _, t := range txs {
		st.Risks = append(st.Risks, fmt.Sprintf("transaction at %s (%s) spans %s: %s", t.Pos, shortID(t.Func), strings.Join(t.Contexts, ", "), t.Replace))
	}
	// Models.
	for _, m := range models {
		for _, part := range m.Split.Contexts {
			if ci.own(part.Context) {
				e.Models++
				st.Models = append(st.Models, ModelSplit{Model: m.Type, Struct: part.Name, Fields: part.Fields})
			}
		}
	}
	// What it still depends on.
	for _, to := range slices.Sorted(maps.Keys(ci.out)) {
		st.DependsOn = append(st.DependsOn, *ci.out[to])
	}
	// Generated code in the seam.
	gen := 0
	for _, c := range st.Callers {
		if fn := funcOf(f, c.From); fn != nil && fn.Generated {
			gen++
		}
	}
	if gen > 0 {
		st.Risks = append(st.Risks, fmt.Sprintf("%d callers are in generated code: regenerate them against the seam instead of editing them", gen))
	}
	if len(st.Seam.Blockers) > 0 {
		st.Risks = append(st.Risks, fmt.Sprintf("%d called functions cannot go behind the interface as they are (see the seam's blockers)", len(st.Seam.Blockers)))
	}
	e.score()
	st.Patterns = nonNil(patterns(st))
	st.Callers, st.Data, st.Models, st.DependsOn, st.Risks = nonNil(st.Callers), nonNil(st.Data), nonNil(st.Models), nonNil(st.DependsOn), nonNil(st.Risks)
	return st
}

func patterns(st *Step) []string {
	var out []string
	if len(st.Routes) > 0 {
		out = append(out, "strangler fig at the edge (redirect its routes to the new service)")
	}
	if len(st.Seam.Methods)+len(st.Seam.Blockers) > 0 {
		out = append(out, "branch by abstraction (the seam interface and its facade)")
	}
	if len(st.Models) > 0 {
		out = append(out, "split table (its part of the oversized models)")
	}
	if len(st.Joins) > 0 {
		out = append(out, "move the foreign-key relationship to code (its cross-context joins)")
	}
	for _, m := range st.Data {
		for _, u := range m.Users {
			if m.Moves && !u.Writes {
				return append(out, "database view or read replica for the readers of its tables")
			}
		}
	}
	return out
}

func funcOf(f *facts.Facts, id string) *facts.Func {
	i := sort.Search(len(f.Funcs), func(i int) bool { return f.Funcs[i].ID >= id })
	if i < len(f.Funcs) && f.Funcs[i].ID == id {
		return &f.Funcs[i]
	}
	return nil
}

// Joins lists once each statement that reads tables of two or more
// contexts (a statement that only writes, and schema-wide code, relate no
// rows), with every context involved in Others.
func Joins(f *facts.Facts, d *cluster.Decomposition) []Join {
	owner := map[string]int{}
	for i, c := range d.Contexts {
		for _, t := range c.Tables {
			owner[t] = i
		}
	}
	seen := map[[2]string]bool{}
	var out []Join
	byCtx := crossJoins(f, d, owner)
	for _, c := range slices.Sorted(maps.Keys(byCtx)) {
		for _, j := range byCtx[c] {
			k := [2]string{j.Func, j.Pos}
			if seen[k] {
				continue
			}
			seen[k] = true
			j.Others = append(append([]string{}, j.Others...), d.Contexts[c].Name)
			sort.Strings(j.Others)
			out = append(out, j)
		}
	}
	sort.Slice(out, func(i, j int) bool { return facts.ComparePos(out[i].Pos, out[j].Pos) < 0 })
	return out
}

// crossJoins groups the accesses of one statement (same function and
// position) and keeps those spanning tables of two contexts.
func crossJoins(f *facts.Facts, d *cluster.Decomposition, owner map[string]int) map[int][]Join {
	type site struct{ fn, pos string }
	tables := map[site]map[string]bool{}
	reads := map[site]bool{}
	var order []site
	for _, a := range f.Accesses {
		if d.SchemaWide(a.Func) {
			continue
		}
		k := site{a.Func, a.Pos}
		if tables[k] == nil {
			tables[k] = map[string]bool{}
			order = append(order, k)
		}
		tables[k][a.Table] = true
		reads[k] = reads[k] || a.Mode == facts.Read
	}
	out := map[int][]Join{}
	for _, k := range order {
		// A statement that reads nothing relates no rows: DDL creating
		// several tables, a migration, a batch of independent writes.
		if !reads[k] {
			continue
		}
		byCtx := map[int]bool{}
		for t := range tables[k] {
			if c, ok := owner[t]; ok && !systemTable(t) {
				byCtx[c] = true
			}
		}
		if len(byCtx) < 2 {
			continue
		}
		ts := slices.Sorted(maps.Keys(tables[k]))
		for c := range byCtx {
			var others []string
			for o := range byCtx {
				if o != c {
					others = append(others, d.Contexts[o].Name)
				}
			}
			sort.Strings(others)
			out[c] = append(out[c], Join{Pos: k.pos, Func: k.fn, Tables: ts, Others: others})
		}
	}
	for c := range out {
		js := out[c]
		sort.Slice(js, func(i, j int) bool {
			if c := facts.ComparePos(js[i].Pos, js[j].Pos); c != 0 {
				return c < 0
			}
			return js[i].Func < js[j].Func
		})
	}
	return out
}

// transactions finds, per context, the transaction scopes whose tables
// belong to it and to at least one other context, with the pattern that
// replaces each.
func transactions(f *facts.Facts, d *cluster.Decomposition, owner map[string]int) map[int][]Transaction {
	byFunc := map[string][]facts.Access{}
	for _, a := range f.Accesses {
		if !systemTable(a.Table) {
			byFunc[a.Func] = append(byFunc[a.Func], a)
		}
	}
	out := map[int][]Transaction{}
	for _, tx := range f.Txs {
		tables, written := map[string]bool{}, map[string]bool{}
		ctxs, writers := map[int]bool{}, map[int]bool{}
		for _, fn := range tx.Funcs {
			for _, a := range byFunc[fn] {
				tables[a.Table] = true
				c, ok := owner[a.Table]
				if ok {
					ctxs[c] = true
				}
				if a.Mode == facts.Write {
					written[a.Table] = true
					if ok {
						writers[c] = true
					}
				}
			}
		}
		if len(ctxs) < 2 {
			continue
		}
		names := func(m map[int]bool) []string {
			var out []string
			for c := range m {
				out = append(out, d.Contexts[c].Name)
			}
			sort.Strings(out)
			return out
		}
		t := Transaction{Pos: tx.Pos, Func: tx.Func, Via: tx.Via, Tables: slices.Sorted(maps.Keys(tables)), Written: nonNil(slices.Sorted(maps.Keys(written))),
			Contexts: names(ctxs), Writers: nonNil(names(writers))}
		switch len(writers) {
		case 0:
			t.Replace = "a consistent read across services is gone: read each through its API, or keep a read model fed by their events"
		case 1:
			t.Replace = fmt.Sprintf("one owner writes: %s keeps the transaction for its own tables and reads the others through their APIs before it", t.Writers[0])
		default:
			t.Replace = fmt.Sprintf("it writes the tables of %s: a saga (each service commits its part, compensating steps undo it on failure) or a transactional outbox (one commits and publishes an event the others apply)", strings.Join(t.Writers, ", "))
		}
		for c := range ctxs {
			out[c] = append(out[c], t)
		}
	}
	return out
}

func routesByContext(f *facts.Facts, d *cluster.Decomposition) map[int][]facts.Route {
	out := map[int][]facts.Route{}
	for _, r := range f.Routes {
		c := d.ContextOfFunc(r.Handler)
		if r.Via == "grpc" {
			c = d.ContextOfType(r.Handler)
		}
		if c >= 0 && c < len(d.Contexts) {
			out[c] = append(out[c], r)
		}
	}
	return out
}

// systemTable tells the database's own catalogs (information_schema,
// pg_catalog, sqlite_master, …), which no context owns.
func systemTable(t string) bool {
	for _, p := range []string{"information_schema.", "pg_catalog.", "performance_schema.", "mysql.", "sys."} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return strings.HasPrefix(t, "sqlite_") || strings.HasPrefix(t, "pg_")
}

func sortedShared(m map[string]judge.SharedTable) []judge.SharedTable {
	out := make([]judge.SharedTable, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, m[k])
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
