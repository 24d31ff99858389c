// Package report assembles the results of every stage (an Input the glue
// fills) into one Report, the versioned document that the renderers (text,
// JSON) print. Its JSON form
// is decomp's machine interface: fields are only ever added within a schema
// version; renaming or removing one bumps SchemaVersion.
package report

import (
	"fmt"
	"sort"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/history"
	"github.com/decomp/decomp/cluster"
	"github.com/decomp/decomp/cluster/graph"
	"github.com/decomp/decomp/cluster/metrics"
	"github.com/decomp/decomp/report/explain"
	"github.com/decomp/decomp/report/judge"
	"github.com/decomp/decomp/report/plan"
)

// SchemaVersion is the version of the JSON report's shape.
const SchemaVersion = 1

// Report is everything decomp has to say about one run.
type Report struct {
	SchemaVersion int     `json:"schemaVersion"`
	Tool          Tool    `json:"tool"`
	Inputs        Inputs  `json:"inputs"`
	Module        string  `json:"module"`
	Summary       Summary `json:"summary"`
	Metrics       Metrics `json:"metrics"`
	// WeakCut says why the cut is weak, when it is: most calls cross it, or
	// the partition has little community structure. The contexts are then
	// a starting map, not boundaries to split along.
	WeakCut []string `json:"weakCut,omitempty"`
	// Contexts are the candidate bounded contexts, largest first.
	Contexts []Context `json:"contexts"`
	// Dependencies are the directed cross-context dependencies, strongest first.
	Dependencies []Dependency `json:"dependencies"`
	// UnitEdges are the directed unit-to-unit edges that cross contexts,
	// per kind: the evidence graph behind Dependencies.
	UnitEdges []UnitEdge `json:"unitEdges"`
	// Folders tells how each top-level folder was read (domain or layer).
	Folders []cluster.Folder `json:"folders"`
	// Platform is what was set aside, never a context: infrastructure,
	// entry points and test support, each folder with why.
	Platform []cluster.PlatformGroup `json:"platform"`
	// Merges are domain folders merged into one context, or coupled
	// nearly enough to be, with the evidence.
	Merges []cluster.Merge `json:"merges"`
	// Disagreements are units of a domain folder more coupled to another
	// context than to their own.
	Disagreements []cluster.Disagreement `json:"disagreements"`
	// Uncertain are the units whose context the clustering's runs from
	// different seeds disagree on, with the other candidate.
	Uncertain []cluster.Uncertain `json:"uncertain"`
	// Declared is set when the contexts are the ones decomp.yaml declares
	// (without --propose).
	Declared bool `json:"declared,omitempty"`
	// Placements are the units a declared context map (decomp.yaml) leaves
	// unassigned, and where the clustering put them.
	Placements []cluster.Placement `json:"placements,omitempty"`
	// AgainstMap are, under a declared map, the units more coupled to
	// another declared context than to their own: where the team's map
	// and the code disagree (decomp explain UNIT shows both sides).
	AgainstMap []explain.Against `json:"againstMap,omitempty"`
	// Tables lists every table and collection the code touches, with each
	// access as evidence.
	Tables []Table `json:"tables"`
	// SharedTables are the tables two or more contexts touch directly,
	// worst first, each with its proposed owner.
	SharedTables []judge.SharedTable `json:"sharedTables"`
	// OversizedModels are structs with many fields used by several
	// contexts, worst first, each with its proposed split.
	OversizedModels []judge.OversizedModel `json:"oversizedModels"`
	// Plan is the strangler-fig migration plan, step by step.
	Plan *plan.Plan `json:"plan"`
	// History is what the git history says (--history), when it was read.
	History  *History        `json:"history,omitempty"`
	Warnings []facts.Warning `json:"warnings"`
}

// Tool identifies the producer.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Inputs are the settings that produced the report, enough to reproduce it.
type Inputs struct {
	Dir              string   `json:"dir"`
	Patterns         []string `json:"patterns"`
	Tags             []string `json:"tags"`
	Tests            bool     `json:"tests"`
	Config           string   `json:"config"`
	Granularity      string   `json:"granularity"`
	CallGraph        string   `json:"callgraph"`
	Resolution       float64  `json:"resolution"`
	Seed             uint64   `json:"seed"`
	FolderPrior      float64  `json:"folderPrior"`
	ModelFields      int      `json:"modelFields"`
	IncludeGenerated bool     `json:"includeGenerated"`
	AllowDownload    bool     `json:"allowDownload"`
	// Weights are the effective edge-kind weights, with the clustering's
	// sharedName and hubDamping.
	Weights map[string]float64 `json:"weights"`
	// Pins and Ignore are the config's, as applied.
	Pins   []cluster.Pin `json:"pins"`
	Ignore []string      `json:"ignore"`
}

// Summary counts what was analysed.
type Summary struct {
	Packages        int `json:"packages"`
	IllTypedPackage int `json:"illTypedPackages"`
	Files           int `json:"files"`
	GeneratedFiles  int `json:"generatedFiles"`
	Lines           int `json:"lines"`
	Funcs           int `json:"funcs"`
	Types           int `json:"types"`
	Calls           int `json:"calls"`
	Units           int `json:"units"`
	Tables          int `json:"tables"`
	Contexts        int `json:"contexts"`
	// Accesses counts table accesses; QuerySites the distinct places
	// (function and line) that access data, BestEffortSites those whose SQL
	// the parser rejected and a tolerant scanner read instead.
	Accesses        int `json:"accesses"`
	QuerySites      int `json:"querySites"`
	BestEffortSites int `json:"bestEffortSites"`
}

// Table is one table or collection and the code that touches it.
type Table struct {
	Name string `json:"name"`
	// Context is the context the clustering placed the table in.
	Context  string   `json:"context"`
	Reads    int      `json:"reads"`
	Writes   int      `json:"writes"`
	Accesses []Access `json:"accesses"`
}

// Access is one read or write of a table by a function.
type Access struct {
	Func       string `json:"func"`
	Context    string `json:"context"`
	Mode       string `json:"mode"`
	Pos        string `json:"pos"`
	Via        string `json:"via"`
	Model      string `json:"model,omitempty"`
	BestEffort bool   `json:"bestEffort,omitempty"`
}

// Metrics are the global quality figures of the decomposition; see the
// README for their definitions.
type Metrics struct {
	Modularity float64 `json:"modularity"`
	ICP        float64 `json:"icp"`
	SM         float64 `json:"sm"`
	IFN        float64 `json:"ifn"`
	NED        float64 `json:"ned"`
}

// Context is one candidate bounded context.
type Context struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
	// NameReason says where the name comes from.
	NameReason string   `json:"nameReason"`
	Units      []Unit   `json:"units"`
	Packages   []string `json:"packages"`
	Tables     []string `json:"tables"`
	Files      int      `json:"files"`
	Lines      int      `json:"lines"`
	// Cohesion is the share of the context's coupling weight that stays inside it.
	Cohesion float64 `json:"cohesion"`
	// Coupling is the share that crosses to other contexts.
	Coupling float64 `json:"coupling"`
	// Interface is the number of member units called from other contexts:
	// the size of the API the context would have to expose.
	Interface int `json:"interface"`
	// ShapedBy gives the internal coupling weight per edge kind: which kinds
	// of evidence hold this context together.
	ShapedBy map[string]float64 `json:"shapedBy"`
	// Modules are the context's parts when it has more than one: the
	// community the clustering found (named after the context) and each
	// aggregate part that joined it.
	Modules []Module `json:"modules,omitempty"`
}

// Module is one part of a context.
type Module struct {
	Name  string   `json:"name"`
	Units []string `json:"units"`
	// Why says why it is part of this context ("" for the context's own).
	Why string `json:"why,omitempty"`
}

// Unit is a member of a context.
type Unit struct {
	ID    string   `json:"id"`
	Kind  string   `json:"kind"`
	Lines int      `json:"lines"`
	Files []string `json:"files,omitempty"`
	// Reason names the rule that placed it (decomp explain UNIT says more).
	Reason string `json:"reason,omitempty"`
	// Confidence is the share of its coupling to contexts that goes to its
	// own.
	Confidence float64 `json:"confidence"`
}

// UnitEdge is one directed edge between units of two contexts.
type UnitEdge struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Kind  string `json:"kind"`
	Count int    `json:"count"`
}

// unitEdges lists the graph's cross-context edges with their direction.
func unitEdges(in *Input) []UnitEdge {
	g, m := in.Graph, in.Result.Membership
	var out []UnitEdge
	for _, e := range g.Edges {
		a, b := m[e.A], m[e.B]
		if a < 0 || b < 0 || a == b {
			continue
		}
		back := e.Backward()
		for k := graph.EdgeKind(0); k < graph.NumKinds; k++ {
			if n := e.Forward[k]; n > 0 {
				out = append(out, UnitEdge{From: g.Units[e.A].ID, To: g.Units[e.B].ID, Kind: k.String(), Count: n})
			}
			if n := back[k]; n > 0 {
				out = append(out, UnitEdge{From: g.Units[e.B].ID, To: g.Units[e.A].ID, Kind: k.String(), Count: n})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.From != b.From {
			return a.From < b.From
		}
		if a.To != b.To {
			return a.To < b.To
		}
		return a.Kind < b.Kind
	})
	return nonNil(out)
}

// Dependency is one directed cross-context dependency of one kind.
type Dependency struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Kind  string `json:"kind"`
	Count int    `json:"count"`
	// Evidence lists the file:line of each call site, query, first type
	// reference in a function, or implementing type, sorted.
	Evidence []string `json:"evidence,omitempty"`
}

// Input is what a report is built from: each stage's plain output. The
// glue that ran the stages fills it; the report knows nothing of how.
type Input struct {
	// Inputs are the run's settings as the report records them, effective
	// weights included.
	Inputs Inputs
	Facts  *facts.Facts
	Graph  *graph.Graph
	Result *cluster.Result
	// Layout and Pins, when set, let each unit say what placed it.
	Layout       *cluster.Layout
	Pins         []cluster.Pin
	Weights      graph.Weights
	Models       []judge.OversizedModel
	SharedTables []judge.SharedTable
	Plan         *plan.Plan
	// History is the git history read, if any; HistoryNote why there is none.
	History     *history.History
	HistoryNote string
}

// Build assembles the report of one run.
func Build(in *Input, toolVersion string) *Report {
	r := &Report{
		SchemaVersion:   SchemaVersion,
		Tool:            Tool{Name: "decomp", Version: toolVersion},
		Inputs:          in.Inputs,
		Module:          in.Facts.Module,
		Folders:         nonNil(in.Result.Folders),
		Disagreements:   nonNil(in.Result.Disagreements),
		Uncertain:       nonNil(in.Result.Uncertain),
		Declared:        in.Result.Declared,
		Placements:      in.Result.Placements,
		Platform:        nonNil(in.Result.Platform),
		Merges:          nonNil(in.Result.Merges),
		Warnings:        nonNil(in.Facts.Warnings),
		OversizedModels: nonNil(in.Models),
		SharedTables:    nonNil(in.SharedTables),
		Plan:            in.Plan,
	}
	if in.Result.Declared {
		r.AgainstMap = explain.Disagreements(&explain.Input{Facts: in.Facts, Graph: in.Graph, Result: in.Result})
	}
	r.Inputs.Patterns, r.Inputs.Tags = nonNil(r.Inputs.Patterns), nonNil(r.Inputs.Tags)
	r.Inputs.Pins, r.Inputs.Ignore = nonNil(r.Inputs.Pins), nonNil(r.Inputs.Ignore)
	if r.Inputs.Dir == "" {
		r.Inputs.Dir = "."
	}
	m, err := computeMetrics(in)
	if err != nil {
		r.Warnings = append(r.Warnings, facts.Warning{Message: err.Error()}) // the metrics package names itself
	}
	r.Summary = summarize(in)
	r.Metrics = globalMetrics(m)
	r.WeakCut = weakCut(m)
	r.Contexts = contexts(in, m)
	r.Dependencies = Dependencies(in.Facts, in.Graph, &in.Result.Decomposition)
	r.UnitEdges = unitEdges(in)
	r.Tables = tables(in)
	r.History = buildHistory(in.History, in.HistoryNote, r.Contexts)
	return r
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func summarize(out *Input) Summary {
	s := Summary{
		Funcs:    len(out.Facts.Funcs),
		Types:    len(out.Facts.Types),
		Calls:    len(out.Facts.Calls),
		Contexts: len(out.Result.Contexts),
	}
	for _, p := range out.Facts.Packages {
		s.Packages++
		if p.IllTyped {
			s.IllTypedPackage++
		}
		for _, f := range p.Files {
			s.Files++
			s.Lines += f.Lines
			if f.Generated {
				s.GeneratedFiles++
			}
		}
	}
	sites := map[string]bool{}
	best := map[string]bool{}
	for _, a := range out.Facts.Accesses {
		s.Accesses++
		site := a.Func + "@" + a.Pos
		sites[site] = true
		if a.BestEffort {
			best[site] = true
		}
	}
	s.QuerySites, s.BestEffortSites = len(sites), len(best)
	for _, u := range out.Graph.Units {
		if u.Kind == graph.KindTable {
			s.Tables++
		} else {
			s.Units++
		}
	}
	return s
}

func contexts(out *Input, met metrics.Result) []Context {
	g := out.Graph
	m := out.Result.Membership
	shaped := make([]map[string]float64, len(out.Result.Contexts))
	for i := range shaped {
		shaped[i] = map[string]float64{}
	}
	for _, e := range g.Edges {
		a, b := m[e.A], m[e.B]
		if a < 0 || a != b {
			continue
		}
		for k, n := range e.Counts {
			if n > 0 {
				var one [graph.NumKinds]int
				one[k] = n
				shaped[a][graph.EdgeKind(k).String()] += graph.Weight(one, out.Weights)
			}
		}
	}
	rules, conf := explain.Reasons(&explain.Input{Facts: out.Facts, Graph: out.Graph, Result: out.Result, Layout: out.Layout, Pins: out.Pins})
	var out2 []Context
	for _, c := range out.Result.Contexts {
		for k, v := range shaped[c.ID] {
			shaped[c.ID][k] = round(v)
		}
		rc := Context{
			ID: c.ID, Name: c.Name, NameReason: c.NameReason, Packages: nonNil(c.Packages), Tables: nonNil(c.Tables),
			Files: c.Files, Lines: c.Lines, ShapedBy: shaped[c.ID],
		}
		if c.ID < len(met.Contexts) {
			mc := met.Contexts[c.ID]
			rc.Cohesion, rc.Coupling, rc.Interface = round(mc.Cohesion), round(mc.Coupling), mc.Interface
		}
		for _, id := range c.Units {
			i, _ := g.Index(id)
			u := g.Units[i]
			rc.Units = append(rc.Units, Unit{ID: u.ID, Kind: string(u.Kind), Lines: u.Lines, Files: u.Files, Reason: rules[i], Confidence: round(conf[i])})
		}
		rc.Modules = modules(c, out.Result.Aggregates)
		out2 = append(out2, rc)
	}
	return nonNil(out2)
}

// modules lists a context's parts: its own community, then each aggregate
// part that joined it; nil when it has one.
func modules(c cluster.Context, joins []cluster.AggregateJoin) []Module {
	joined := map[string]bool{}
	var parts []Module
	for _, j := range joins {
		if j.Context != c.Name {
			continue
		}
		for _, u := range j.Units {
			joined[u] = true
		}
		why := "part of the aggregate holding it by value (" + j.Field + "), no table of its own"
		if j.Satellite {
			why = fmt.Sprintf("used by this context alone, which gets %.0f%% of its outside coupling, no table of its own", 100*j.Share)
		}
		parts = append(parts, Module{Name: j.Module, Units: j.Units, Why: why})
	}
	if len(parts) == 0 {
		return nil
	}
	own := Module{Name: c.Name}
	for _, u := range c.Units {
		if !joined[u] {
			own.Units = append(own.Units, u)
		}
	}
	return append([]Module{own}, parts...)
}

// Dependencies lists the directed cross-context dependencies: calls and
// type uses from one context's code into another's, and data accesses to a
// table another context holds.
func Dependencies(f *facts.Facts, g *graph.Graph, d *cluster.Decomposition) []Dependency {
	type key struct {
		from, to int
		kind     string
	}
	acc := map[key]*Dependency{}
	add := func(from, to int, kind, pos string) {
		if from < 0 || to < 0 || from == to {
			return
		}
		k := key{from, to, kind}
		dep := acc[k]
		if dep == nil {
			dep = &Dependency{From: d.Contexts[from].Name, To: d.Contexts[to].Name, Kind: kind}
			acc[k] = dep
		}
		dep.Count++
		if pos != "" {
			dep.Evidence = append(dep.Evidence, pos)
		}
	}
	ctxOfFunc := d.ContextOfFunc
	for _, c := range f.Calls {
		kind := graph.Call.String()
		if c.Kind == facts.CallDynamic {
			kind = graph.Dynamic.String()
		}
		add(ctxOfFunc(c.Caller), ctxOfFunc(c.Callee), kind, c.Pos)
	}
	for _, u := range f.Uses {
		if u.Kind == facts.UseImplements {
			add(d.ContextOfType(u.From), d.ContextOfType(u.Target), string(facts.UseImplements), u.Pos)
			continue
		}
		target := u.Target
		if u.Kind != facts.UseType && u.Kind != facts.UseField {
			target = u.Owner
		}
		// A use records its first reference in the function: that is the
		// evidence; further references count.
		for i := 0; i < u.Count; i++ {
			pos := ""
			if i == 0 {
				pos = u.Pos
			}
			add(ctxOfFunc(u.From), d.ContextOfType(target), graph.TypeUse.String(), pos)
		}
	}
	for _, a := range f.Accesses {
		if t, ok := g.TableUnit[a.Table]; ok {
			add(ctxOfFunc(a.Func), ctxOfUnit(g, d, t), graph.Access.String(), a.Pos)
		}
	}
	out := make([]Dependency, 0, len(acc))
	for _, dep := range acc {
		sort.Slice(dep.Evidence, func(i, j int) bool { return facts.ComparePos(dep.Evidence[i], dep.Evidence[j]) < 0 })
		dep.Evidence = dedupStrings(dep.Evidence)
		out = append(out, *dep)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		if a.From != b.From {
			return a.From < b.From
		}
		if a.To != b.To {
			return a.To < b.To
		}
		return a.Kind < b.Kind
	})
	return out
}

func ctxOfUnit(g *graph.Graph, d *cluster.Decomposition, u int) int {
	if c, ok := d.UnitContext[g.Units[u].ID]; ok {
		return c
	}
	return -1
}

func dedupStrings(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// round keeps four decimals so float noise never reaches the output.
func round(x float64) float64 {
	const p = 10000
	if x < 0 {
		return -float64(int64(-x*p+0.5)) / p
	}
	return float64(int64(x*p+0.5)) / p
}

// tables groups the accesses by table, in name order.
func tables(out *Input) []Table {
	d := &out.Result.Decomposition
	byName := map[string]*Table{}
	var names []string
	for _, a := range out.Facts.Accesses {
		t := byName[a.Table]
		if t == nil {
			t = &Table{Name: a.Table, Context: d.ContextName(ctxOfUnitID(out.Graph, d, graph.TableID(a.Table)))}
			byName[a.Table] = t
			names = append(names, a.Table)
		}
		if a.Mode == facts.Write {
			t.Writes++
		} else {
			t.Reads++
		}
		t.Accesses = append(t.Accesses, Access{
			Func: a.Func, Context: d.ContextName(d.ContextOfFunc(a.Func)), Mode: string(a.Mode),
			Pos: a.Pos, Via: a.Via, Model: a.Model, BestEffort: a.BestEffort,
		})
	}
	sort.Strings(names)
	out2 := make([]Table, 0, len(names))
	for _, n := range names {
		out2 = append(out2, *byName[n])
	}
	return out2
}

func ctxOfUnitID(g *graph.Graph, d *cluster.Decomposition, id string) int {
	if i, ok := g.Index(id); ok {
		return ctxOfUnit(g, d, i)
	}
	return -1
}
