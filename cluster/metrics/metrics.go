// Package metrics computes the quality figures of a decomposition from plain
// data: the units, their contexts and the weighted edges between them. The
// global figures are the ones the microservice-decomposition literature
// reports (modularity, ICP, SM, IFN, NED), so decomp's output can be compared
// with published tools; the per-context figures tell an architect which
// contexts hold together and which leak.
//
// References:
//   - Modularity: M. E. J. Newman, "Modularity and community structure in
//     networks", PNAS 103(23), 2006; computed by gonum's community.Q.
//   - ICP and NED: A. K. Kalia et al., "Mono2Micro: A Practical and
//     Effective Tool for Decomposing Monolithic Java Applications to
//     Microservices", ESEC/FSE 2021. NED goes back to J. Wu, A. E. Hassan
//     and R. C. Holt, "Comparison of clustering algorithms in the context of
//     software evolution", ICSM 2005.
//   - SM and IFN: W. Jin et al., "Service Candidate Identification from
//     Monolithic Systems Based on Execution Traces" (FoSCI), IEEE TSE 2019.
package metrics

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"
)

// CallKind is the edge kind counted as a call when Input.CallKinds is empty.
const CallKind = "call"

// NED bounds: a context with fewer than NEDMin or more than NEDMax units is
// "extreme" (Mono2Micro's bounds).
const (
	NEDMin = 5
	NEDMax = 20
)

// Edge is one dependency between two units, of one kind. Q, cohesion and
// coupling treat it as undirected; ICP, IFN, SM and the cross-context pairs
// keep its From -> To direction.
type Edge struct {
	// From and To index Input.Nodes.
	From, To int
	// Kind names the dependency ("call", "type-use", "data-access", ...).
	Kind string
	// Count is how many times the dependency occurs (call sites, accesses);
	// ICP sums it.
	Count int
	// Weight is the edge's weight in the clustering graph; modularity,
	// cohesion and coupling sum it.
	Weight float64
}

// Input is a decomposition as plain data.
type Input struct {
	// Nodes are the unit IDs.
	Nodes []string
	// Membership gives each node's context, 0..k-1; -1 leaves the node out
	// of every figure, together with its edges.
	Membership []int
	Edges      []Edge
	// Size optionally gives each node's size (e.g. lines of code) for
	// NEDBySize; empty means every unit counts as 1.
	Size []int
	// CallKinds are the edge kinds ICP and IFN count as calls; empty means
	// just CallKind.
	CallKinds []string
}

// Result holds the figures of one decomposition.
type Result struct {
	// Modularity is Newman's Q of the partition on the weighted, undirected
	// unit graph at resolution 1, in [-1/2, 1); higher is better.
	Modularity float64 `json:"modularity"`
	// ICP is the share of calls (by Count) that cross contexts, in [0, 1];
	// lower is better.
	ICP float64 `json:"icp"`
	// SM is the structural modularity, in [-1, 1]; higher is better.
	SM float64 `json:"sm"`
	// IFN is the mean number of units per context called from other
	// contexts; lower is better.
	IFN float64 `json:"ifn"`
	// NED is the share of units in contexts with fewer than NEDMin or more
	// than NEDMax units, in [0, 1]; lower is better.
	NED float64 `json:"ned"`
	// NEDBySize is NED weighted by Input.Size (equal to NED without sizes).
	NEDBySize float64 `json:"nedBySize"`
	// Units is the number of assigned units; K the number of non-empty
	// contexts, over which SM and IFN average.
	Units int `json:"units"`
	K     int `json:"k"`
	// Calls and CrossCalls are ICP's denominator and numerator.
	Calls      int `json:"calls"`
	CrossCalls int `json:"crossCalls"`
	// Contexts has one entry per context index 0..k-1 (empty ones included,
	// so Contexts[i].ID == i).
	Contexts []Context `json:"contexts"`
	// Cross lists the directed context pairs with at least one edge between
	// them, sorted by From, then To.
	Cross []CrossPair `json:"cross"`
}

// Context holds one context's figures.
type Context struct {
	ID    int `json:"id"`
	Units int `json:"units"`
	// Size is the sum of the members' Input.Size (Units without sizes).
	Size int `json:"size"`
	// Intra is the weight of edges inside the context; Boundary the weight
	// of edges with one end inside and one outside.
	Intra    float64 `json:"intra"`
	Boundary float64 `json:"boundary"`
	// Cohesion is Intra / (Intra + Boundary): the share of the context's
	// coupling weight that stays inside. 0 for a context without edges.
	Cohesion float64 `json:"cohesion"`
	// Coupling is Boundary / (Intra + Boundary): the share that crosses
	// out. 0 for a context without edges.
	Coupling float64 `json:"coupling"`
	// Interface is the number of member units called from other contexts:
	// the context's contribution to IFN, and the size of its future API.
	Interface int `json:"interface"`
}

// CrossPair aggregates the edges from one context to another.
type CrossPair struct {
	From int `json:"from"`
	To   int `json:"to"`
	// Count and Weight total the edges over all kinds.
	Count  int     `json:"count"`
	Weight float64 `json:"weight"`
	// Kinds breaks the totals down by edge kind, sorted by kind.
	Kinds []KindCount `json:"kinds"`
}

// KindCount is one edge kind's share of a CrossPair.
type KindCount struct {
	Kind   string  `json:"kind"`
	Count  int     `json:"count"`
	Weight float64 `json:"weight"`
}

// Compute validates the input and computes every figure. It returns an
// error, never panics, on inconsistent input.
func Compute(in Input) (Result, error) {
	k, err := validate(in)
	if err != nil {
		return Result{}, err
	}
	callKinds := map[string]bool{}
	if len(in.CallKinds) == 0 {
		callKinds[CallKind] = true
	}
	for _, kind := range in.CallKinds {
		callKinds[kind] = true
	}
	r := Result{Contexts: make([]Context, k)}
	members := make([][]int, k)
	for v, c := range in.Membership {
		if c < 0 {
			continue
		}
		members[c] = append(members[c], v)
		r.Units++
		r.Contexts[c].Units++
		r.Contexts[c].Size += sizeOf(in, v)
	}
	for c := range r.Contexts {
		r.Contexts[c].ID = c
		if r.Contexts[c].Units > 0 {
			r.K++
		}
	}

	r.Modularity = modularity(in, members)
	r.Calls, r.CrossCalls = calls(in, callKinds)
	if r.Calls > 0 {
		r.ICP = float64(r.CrossCalls) / float64(r.Calls)
	}
	r.SM = structuralModularity(in, r.Contexts, r.K)
	interfaces(in, callKinds, r.Contexts)
	if r.K > 0 {
		total := 0
		for _, c := range r.Contexts {
			total += c.Interface
		}
		r.IFN = float64(total) / float64(r.K)
	}
	r.NED, r.NEDBySize = ned(r.Contexts)
	cohesion(in, r.Contexts)
	r.Cross = crossPairs(in)
	return r, nil
}

// validate checks the input and returns the number of context indices.
func validate(in Input) (int, error) {
	if len(in.Membership) != len(in.Nodes) {
		return 0, fmt.Errorf("metrics: %d memberships for %d nodes", len(in.Membership), len(in.Nodes))
	}
	if len(in.Size) != 0 && len(in.Size) != len(in.Nodes) {
		return 0, fmt.Errorf("metrics: %d sizes for %d nodes", len(in.Size), len(in.Nodes))
	}
	k := 0
	for v, c := range in.Membership {
		if c < -1 {
			return 0, fmt.Errorf("metrics: node %d (%s): context %d (want -1 or 0..k-1)", v, in.Nodes[v], c)
		}
		if c+1 > k {
			k = c + 1
		}
	}
	for v, s := range in.Size {
		if s < 0 {
			return 0, fmt.Errorf("metrics: node %d (%s): negative size %d", v, in.Nodes[v], s)
		}
	}
	for i, e := range in.Edges {
		if e.From < 0 || e.From >= len(in.Nodes) || e.To < 0 || e.To >= len(in.Nodes) {
			return 0, fmt.Errorf("metrics: edge %d (%d -> %d): node index out of range [0, %d)", i, e.From, e.To, len(in.Nodes))
		}
		if e.Count < 0 {
			return 0, fmt.Errorf("metrics: edge %d (%s -> %s): negative count %d", i, in.Nodes[e.From], in.Nodes[e.To], e.Count)
		}
		if e.Weight < 0 || math.IsNaN(e.Weight) || math.IsInf(e.Weight, 0) {
			return 0, fmt.Errorf("metrics: edge %d (%s -> %s): weight %v (want a finite value ≥ 0)", i, in.Nodes[e.From], in.Nodes[e.To], e.Weight)
		}
		if e.Kind == "" {
			return 0, fmt.Errorf("metrics: edge %d (%s -> %s): empty kind", i, in.Nodes[e.From], in.Nodes[e.To])
		}
	}
	return k, nil
}

func sizeOf(in Input, v int) int {
	if len(in.Size) == 0 {
		return 1
	}
	return in.Size[v]
}

// assigned returns the contexts of an edge's ends and whether both are in
// the decomposition.
func assigned(in Input, e Edge) (from, to int, ok bool) {
	from, to = in.Membership[e.From], in.Membership[e.To]
	return from, to, from >= 0 && to >= 0
}

// qDecimals bounds Modularity's precision: gonum sums node strengths in map
// order, which can flip the last bits between runs; rounding keeps the
// output byte-identical.
const qDecimals = 1e12

// modularity builds the weighted undirected graph of the assigned units
// (parallel edges of different kinds summed, self-loops left out, as simple
// graphs cannot hold them) and returns community.Q at resolution 1. A graph
// without weight has Q = 0.
func modularity(in Input, members [][]int) float64 {
	type pair struct{ u, v int }
	weights := map[pair]float64{}
	var order []pair
	for _, e := range in.Edges {
		if _, _, ok := assigned(in, e); !ok || e.From == e.To || e.Weight == 0 {
			continue
		}
		p := pair{min(e.From, e.To), max(e.From, e.To)}
		if _, seen := weights[p]; !seen {
			order = append(order, p)
		}
		weights[p] += e.Weight
	}
	if len(order) == 0 {
		return 0
	}
	g := simple.NewWeightedUndirectedGraph(0, 0)
	for v, c := range in.Membership {
		if c >= 0 {
			g.AddNode(simple.Node(v))
		}
	}
	for _, p := range order {
		g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(p.u), T: simple.Node(p.v), W: weights[p]})
	}
	communities := make([][]graph.Node, 0, len(members))
	for _, m := range members {
		if len(m) == 0 {
			continue
		}
		nodes := make([]graph.Node, len(m))
		for i, v := range m {
			nodes[i] = simple.Node(v)
		}
		communities = append(communities, nodes)
	}
	q := community.Q(g, communities, 1)
	return math.Round(q*qDecimals) / qDecimals
}

// calls returns ICP's total and cross-context call counts.
func calls(in Input, callKinds map[string]bool) (total, cross int) {
	for _, e := range in.Edges {
		from, to, ok := assigned(in, e)
		if !ok || !callKinds[e.Kind] {
			continue
		}
		total += e.Count
		if from != to {
			cross += e.Count
		}
	}
	return total, cross
}

// structuralModularity is FoSCI's SM over distinct directed unit pairs
// (u -> v, u ≠ v, any kind):
//
//	SM = (1/K) Σ_i μ_i/N_i² − (1/(K(K−1)/2)) Σ_{i<j} σ_ij/(2 N_i N_j)
//
// μ_i counts the pairs inside context i, σ_ij the pairs between i and j in
// either direction, N_i the units of i, K the non-empty contexts. Directed
// pairs are what the normalisation assumes (at most N_i² and 2 N_i N_j), so
// each term lies in [0, 1]. With K = 1 the coupling term is empty and SM is
// the one context's density.
func structuralModularity(in Input, contexts []Context, k int) float64 {
	if k == 0 {
		return 0
	}
	type pair struct{ u, v int }
	seen := map[pair]bool{}
	mu := make([]int, len(contexts))
	type cpair struct{ i, j int }
	sigma := map[cpair]int{}
	for _, e := range in.Edges {
		from, to, ok := assigned(in, e)
		if !ok || e.From == e.To || seen[pair{e.From, e.To}] {
			continue
		}
		seen[pair{e.From, e.To}] = true
		if from == to {
			mu[from]++
		} else {
			sigma[cpair{min(from, to), max(from, to)}]++
		}
	}
	var coh float64
	for i, c := range contexts {
		if c.Units > 0 {
			coh += float64(mu[i]) / float64(c.Units*c.Units)
		}
	}
	sm := coh / float64(k)
	if k > 1 {
		// Sum in a fixed order so the float result does not depend on map
		// iteration.
		keys := make([]cpair, 0, len(sigma))
		for p := range sigma {
			keys = append(keys, p)
		}
		sort.Slice(keys, func(a, b int) bool {
			if keys[a].i != keys[b].i {
				return keys[a].i < keys[b].i
			}
			return keys[a].j < keys[b].j
		})
		var cop float64
		for _, p := range keys {
			cop += float64(sigma[p]) / (2 * float64(contexts[p.i].Units) * float64(contexts[p.j].Units))
		}
		sm -= cop / (float64(k*(k-1)) / 2)
	}
	return sm
}

// interfaces sets each context's Interface: its units that are the target
// of a call from another context.
func interfaces(in Input, callKinds map[string]bool, contexts []Context) {
	called := map[int]bool{}
	for _, e := range in.Edges {
		from, to, ok := assigned(in, e)
		if !ok || from == to || !callKinds[e.Kind] || called[e.To] {
			continue
		}
		called[e.To] = true
		contexts[to].Interface++
	}
}

// ned returns the share of units, and of size, in extreme contexts.
func ned(contexts []Context) (byUnits, bySize float64) {
	var units, extremeUnits, size, extremeSize int
	for _, c := range contexts {
		units += c.Units
		size += c.Size
		if c.Units > 0 && (c.Units < NEDMin || c.Units > NEDMax) {
			extremeUnits += c.Units
			extremeSize += c.Size
		}
	}
	if units > 0 {
		byUnits = float64(extremeUnits) / float64(units)
	}
	bySize = byUnits
	if size > 0 {
		bySize = float64(extremeSize) / float64(size)
	}
	return byUnits, bySize
}

// cohesion fills Intra, Boundary, Cohesion and Coupling. A self-loop counts
// as intra weight: it is coupling inside the context.
func cohesion(in Input, contexts []Context) {
	for _, e := range in.Edges {
		from, to, ok := assigned(in, e)
		if !ok {
			continue
		}
		if from == to {
			contexts[from].Intra += e.Weight
			continue
		}
		contexts[from].Boundary += e.Weight
		contexts[to].Boundary += e.Weight
	}
	for i := range contexts {
		c := &contexts[i]
		if t := c.Intra + c.Boundary; t > 0 {
			c.Cohesion = c.Intra / t
			c.Coupling = c.Boundary / t
		}
	}
}

// crossPairs aggregates the cross-context edges per directed context pair
// and kind.
func crossPairs(in Input) []CrossPair {
	type key struct{ from, to int }
	byPair := map[key]map[string]*KindCount{}
	for _, e := range in.Edges {
		from, to, ok := assigned(in, e)
		if !ok || from == to {
			continue
		}
		k := key{from, to}
		if byPair[k] == nil {
			byPair[k] = map[string]*KindCount{}
		}
		kc := byPair[k][e.Kind]
		if kc == nil {
			kc = &KindCount{Kind: e.Kind}
			byPair[k][e.Kind] = kc
		}
		kc.Count += e.Count
		kc.Weight += e.Weight
	}
	out := make([]CrossPair, 0, len(byPair))
	for k, kinds := range byPair {
		p := CrossPair{From: k.from, To: k.to, Kinds: make([]KindCount, 0, len(kinds))}
		for _, kc := range kinds {
			p.Kinds = append(p.Kinds, *kc)
		}
		sort.Slice(p.Kinds, func(a, b int) bool { return p.Kinds[a].Kind < p.Kinds[b].Kind })
		for _, kc := range p.Kinds {
			p.Count += kc.Count
			p.Weight += kc.Weight
		}
		out = append(out, p)
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].From != out[b].From {
			return out[a].From < out[b].From
		}
		return out[a].To < out[b].To
	})
	return out
}
