// Package explain says why decomp placed a unit where it did: the coupling
// that holds it in its context and pulls it towards the next one, by kind,
// with file:line evidence, and the rule that placed it.
package explain

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/cluster"
	"github.com/decomp/decomp/cluster/graph"
)

// Input is what an explanation reads: the stages' output.
type Input struct {
	Facts  *facts.Facts
	Graph  *graph.Graph
	Result *cluster.Result
	Layout *cluster.Layout
	// Pins are the clustering's pins.
	Pins []cluster.Pin
}

// Kind is one edge kind's share of a pull.
type Kind struct {
	Kind  string `json:"kind"`
	Count int    `json:"count"`
}

// Evidence is one site of coupling.
type Evidence struct {
	Kind string `json:"kind"`
	Pos  string `json:"pos"`
	From string `json:"from"`
	To   string `json:"to"`
}

// Pull is the coupling between the unit and one context.
type Pull struct {
	Context string `json:"context"`
	// Weight is the summed edge weight the clustering saw.
	Weight   float64    `json:"weight"`
	Kinds    []Kind     `json:"kinds"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Unit explains one unit's placement.
type Unit struct {
	Unit    string `json:"unit"`
	Kind    string `json:"kind"`
	Lines   int    `json:"lines"`
	Context string `json:"context"`
	// Rule names what placed it.
	Rule string `json:"rule"`
	// Confidence is the share of its coupling to contexts that goes to its
	// own; 1 when it is tied to no other.
	Confidence float64 `json:"confidence"`
	// Pulls are its own context first, then the others, strongest first.
	Pulls []Pull `json:"pulls"`
}

// maxEvidence is how many sites each pull quotes.
const maxEvidence = 3

// maxPulls is how many other contexts are listed.
const maxPulls = 3

// Find resolves a name to a unit index: an exact unit ID, the ID without
// the module path, "table:NAME" or a table's name.
func Find(in *Input, name string) (int, bool) {
	g := in.Graph
	if i, ok := g.Index(name); ok {
		return i, true
	}
	if mod := in.Facts.Module; mod != "" {
		if i, ok := g.Index(mod + "/" + name); ok {
			return i, true
		}
	}
	if i, ok := g.TableUnit[strings.TrimPrefix(name, "table:")]; ok {
		return i, true
	}
	return -1, false
}

// Explain explains unit i.
func Explain(in *Input, i int) *Unit {
	g, r := in.Graph, in.Result
	u := g.Units[i]
	ctxOf := func(j int) string {
		if j < len(r.Membership) && r.Membership[j] >= 0 {
			return r.ContextName(r.Membership[j])
		}
		return ""
	}
	out := &Unit{Unit: u.ID, Kind: string(u.Kind), Lines: u.Lines, Context: ctxOf(i)}
	if out.Context == "" {
		out.Context = platformOf(r, u.ID)
	}
	pulls := map[string]*Pull{}
	counts := map[string]*[graph.NumKinds]int{}
	total := 0.0 // summed in edge order, so that it is the same on every run
	for _, e := range g.Edges {
		j := -1
		switch i {
		case e.A:
			j = e.B
		case e.B:
			j = e.A
		default:
			continue
		}
		c := ctxOf(j)
		if c == "" {
			continue
		}
		p := pulls[c]
		if p == nil {
			p = &Pull{Context: c}
			pulls[c] = p
			counts[c] = new([graph.NumKinds]int)
		}
		p.Weight += e.Weight
		total += e.Weight
		for k, n := range e.Counts {
			counts[c][k] += n
		}
	}
	ev := evidence(in, i, ctxOf)
	var list []*Pull
	for c, p := range pulls {
		for k, n := range counts[c] {
			if n > 0 {
				p.Kinds = append(p.Kinds, Kind{graph.EdgeKind(k).String(), n})
			}
		}
		sort.SliceStable(p.Kinds, func(a, b int) bool { return p.Kinds[a].Count > p.Kinds[b].Count })
		p.Evidence = ev[c]
		list = append(list, p)
	}
	sort.Slice(list, func(a, b int) bool {
		if (list[a].Context == out.Context) != (list[b].Context == out.Context) {
			return list[a].Context == out.Context
		}
		if list[a].Weight != list[b].Weight {
			return list[a].Weight > list[b].Weight
		}
		return list[a].Context < list[b].Context
	})
	out.Confidence = 1
	if total > 0 {
		own := 0.0
		if p := pulls[out.Context]; p != nil {
			own = p.Weight
		}
		out.Confidence = own / total
	}
	for n, p := range list {
		if n > maxPulls && p.Context != out.Context {
			break
		}
		out.Pulls = append(out.Pulls, *p)
	}
	out.Rule = newRuler(in).rule(i)
	return out
}

// platformOf is the platform group holding a unit, or "".
func platformOf(r *cluster.Result, id string) string {
	for _, pg := range r.Platform {
		for _, x := range pg.Units {
			if x == id {
				return pg.Folder
			}
		}
	}
	return ""
}

// ruler names the rule that placed each unit, with the lookups it needs
// built once.
type ruler struct {
	in       *Input
	placed   map[string]string
	platform map[string]*cluster.PlatformGroup
}

func newRuler(in *Input) *ruler {
	ru := &ruler{in: in, placed: map[string]string{}, platform: map[string]*cluster.PlatformGroup{}}
	for _, pl := range in.Result.Placements {
		ru.placed[pl.Unit] = pl.Why
	}
	for k := range in.Result.Platform {
		pg := &in.Result.Platform[k]
		for _, x := range pg.Units {
			ru.platform[x] = pg
		}
	}
	return ru
}

// rule names what placed unit i, most specific first.
func (ru *ruler) rule(i int) string {
	in := ru.in
	r, u := in.Result, in.Graph.Units[i]
	if why, ok := ru.placed[u.ID]; ok {
		return why
	}
	pg := ru.platform[u.ID]
	if r.Declared && u.Kind != graph.KindTable {
		if pg != nil {
			return "declared in decomp.yaml (platform or entry)"
		}
		return "declared in decomp.yaml"
	}
	for _, p := range in.Pins {
		if cluster.MatchUnit(p.Pattern, u) {
			return fmt.Sprintf("pinned in the config (%s → %s)", p.Pattern, p.Context)
		}
	}
	if pg != nil {
		return "set aside as " + string(pg.Role) + ": " + pg.Why
	}
	if u.Kind == graph.KindTable {
		return "a table goes with the code that uses it most (writes count double)"
	}
	for _, j := range r.Aggregates {
		if slices.Contains(j.Units, u.ID) && j.Satellite {
			return fmt.Sprintf("satellite: module %s owns no table, one context alone uses it, and that context gets %.0f%% of its outside coupling, so it joins it", j.Module, 100*j.Share)
		}
		if slices.Contains(j.Units, u.ID) {
			return "aggregate part: module " + j.Module + " is held by value in " + j.Field + ", by no other context's types, and has no table of its own, so it joins that aggregate's context"
		}
	}
	if in.Layout != nil {
		if k, ok := in.Layout.PkgFolder[u.Pkg]; ok {
			if f := in.Layout.Folders[k]; f != nil {
				if f.Role == cluster.RoleDomain {
					return "domain folder " + k + ": " + strings.TrimPrefix(f.Why, "domain folder: ")
				}
				return "coupling: the clustering put it with the code it is most tied to (" + string(f.Role) + " folder " + k + ": " + f.Why + ")"
			}
		}
	}
	return "coupling: the clustering put it with the code it is most tied to"
}

// evidence collects, per other context, the sites coupling unit i to it:
// calls, type and field uses and table accesses, by position.
func evidence(in *Input, i int, ctxOf func(int) string) map[string][]Evidence {
	g, f := in.Graph, in.Facts
	unitOfFunc := g.UnitOfFunc
	out := map[string][]Evidence{}
	seen := map[Evidence]bool{}
	add := func(a, b int, e Evidence) {
		j := b
		if b == i {
			j = a
		} else if a != i {
			return
		}
		if j < 0 || j == i || e.Pos == "" {
			return
		}
		c := ctxOf(j)
		if c == "" || len(out[c]) >= maxEvidence || seen[e] {
			return
		}
		seen[e] = true
		out[c] = append(out[c], e)
	}
	for _, c := range f.Calls {
		kind := "call"
		if c.Kind != facts.CallStatic {
			kind = "dynamic-call"
		}
		add(unitOfFunc(c.Caller), unitOfFunc(c.Callee), Evidence{kind, c.Pos, c.Caller, c.Callee})
	}
	for _, u := range f.Uses {
		to := -1
		kind := "type-use"
		switch u.Kind {
		case facts.UseType, facts.UseField:
			if j, ok := g.TypeUnit[u.Target]; ok {
				to = j
			}
		case facts.UseImplements:
			kind = "implements"
			if j, ok := g.TypeUnit[u.Target]; ok {
				to = j
			}
		default:
			if j, ok := g.TypeUnit[u.Owner]; ok {
				to = j
			}
		}
		from := unitOfFunc(u.From)
		if u.Kind == facts.UseImplements {
			from = -1
			if j, ok := g.TypeUnit[u.From]; ok {
				from = j
			}
		}
		add(from, to, Evidence{kind, u.Pos, u.From, u.Target})
	}
	for _, a := range f.Accesses {
		if t, ok := g.TableUnit[a.Table]; ok {
			add(unitOfFunc(a.Func), t, Evidence{"data-access", a.Pos, a.Func, graph.TableID(a.Table) + " (" + string(a.Mode) + ")"})
		}
	}
	return out
}

// RuleCount is how many of a context's units one rule placed.
type RuleCount struct {
	Rule  string `json:"rule"`
	Units int    `json:"units"`
}

// Context explains one context: where its name comes from, the rules that
// placed its units, and its least certain members.
type Context struct {
	Context    string      `json:"context"`
	NameReason string      `json:"nameReason"`
	Units      int         `json:"units"`
	Lines      int         `json:"lines"`
	Rules      []RuleCount `json:"rules"`
	// Uncertain are its members with the lowest confidence, weakest first.
	Uncertain []Unit `json:"uncertain"`
}

// maxUncertain is how many weak members a context explanation lists.
const maxUncertain = 5

// ExplainContext explains context c (an index into the decomposition).
func ExplainContext(in *Input, c int) *Context {
	r := in.Result
	ctx := r.Contexts[c]
	out := &Context{Context: ctx.Name, NameReason: ctx.NameReason, Lines: ctx.Lines}
	unitRules, conf := Reasons(in)
	rules := map[string]int{}
	var members []int
	for i, m := range r.Membership {
		if m != c || in.Graph.Units[i].Kind == graph.KindTable {
			continue
		}
		out.Units++
		rules[unitRules[i]]++
		members = append(members, i)
	}
	for rl, n := range rules {
		out.Rules = append(out.Rules, RuleCount{rl, n})
	}
	sort.Slice(out.Rules, func(a, b int) bool {
		if out.Rules[a].Units != out.Rules[b].Units {
			return out.Rules[a].Units > out.Rules[b].Units
		}
		return out.Rules[a].Rule < out.Rules[b].Rule
	})
	units := in.Graph.Units
	sort.SliceStable(members, func(a, b int) bool {
		ia, ib := members[a], members[b]
		if conf[ia] != conf[ib] {
			return conf[ia] < conf[ib]
		}
		return units[ia].ID < units[ib].ID
	})
	// Only the weakest members are explained in full.
	for _, i := range members {
		if len(out.Uncertain) == maxUncertain || conf[i] >= 1 {
			break
		}
		x := Explain(in, i)
		x.Pulls = trimPulls(x.Pulls)
		out.Uncertain = append(out.Uncertain, *x)
	}
	return out
}

// trimPulls keeps the own context and the strongest other one, without
// evidence: a context's summary lists many units.
func trimPulls(ps []Pull) []Pull {
	if len(ps) > 2 {
		ps = ps[:2]
	}
	out := make([]Pull, len(ps))
	for i, p := range ps {
		p.Evidence = nil
		out[i] = p
	}
	return out
}

// Reasons gives every unit's rule and confidence in one pass over the
// edges, for reports that list each unit (Explain walks the facts for
// evidence, too slow to run per unit on a large module).
func Reasons(in *Input) (rules []string, confidence []float64) {
	g, r := in.Graph, in.Result
	n := len(g.Units)
	own, total := make([]float64, n), make([]float64, n)
	ctx := func(j int) int {
		if j < len(r.Membership) {
			return r.Membership[j]
		}
		return -1
	}
	for _, e := range g.Edges {
		ca, cb := ctx(e.A), ctx(e.B)
		if cb >= 0 {
			total[e.A] += e.Weight
			if ca == cb {
				own[e.A] += e.Weight
			}
		}
		if ca >= 0 {
			total[e.B] += e.Weight
			if ca == cb {
				own[e.B] += e.Weight
			}
		}
	}
	rules, confidence = make([]string, n), make([]float64, n)
	ri := newRuler(in)
	for i := range g.Units {
		rules[i] = ri.rule(i)
		confidence[i] = 1
		if total[i] > 0 {
			confidence[i] = own[i] / total[i]
		}
	}
	return rules, confidence
}

// Against is a unit whose coupling argues for another context than the one
// it is in: under a declared map, where the team and the code disagree.
type Against struct {
	Unit    string  `json:"unit"`
	Context string  `json:"context"`
	Other   string  `json:"other"`
	Own     float64 `json:"own"`
	Pull    float64 `json:"pull"`
}

// Disagreements lists the code units (platform aside) more coupled to
// another context than to their own, strongest pull first.
func Disagreements(in *Input) []Against {
	g, r := in.Graph, in.Result
	ctx := func(j int) int {
		if j < len(r.Membership) {
			return r.Membership[j]
		}
		return -1
	}
	w := make([]map[int]float64, len(g.Units))
	add := func(i, c int, x float64) {
		if c < 0 {
			return
		}
		if w[i] == nil {
			w[i] = map[int]float64{}
		}
		w[i][c] += x
	}
	for _, e := range g.Edges {
		add(e.A, ctx(e.B), e.Weight)
		add(e.B, ctx(e.A), e.Weight)
	}
	var out []Against
	for i, u := range g.Units {
		c := ctx(i)
		if c < 0 || u.Kind == graph.KindTable || w[i] == nil {
			continue
		}
		best, bw := -1, 0.0
		for o, x := range w[i] {
			if o != c && (x > bw || x == bw && o < best) {
				best, bw = o, x
			}
		}
		if best >= 0 && bw > w[i][c] {
			out = append(out, Against{Unit: u.ID, Context: r.ContextName(c), Other: r.ContextName(best), Own: w[i][c], Pull: bw})
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Pull-out[a].Own != out[b].Pull-out[b].Own {
			return out[a].Pull-out[a].Own > out[b].Pull-out[b].Own
		}
		return out[a].Unit < out[b].Unit
	})
	return out
}
