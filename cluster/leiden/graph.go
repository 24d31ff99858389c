package leiden

import (
	"fmt"
	"math"
)

// maxNodes bounds the node count so that node indices fit the int32 arrays the
// algorithm uses to keep its working set small on million-edge graphs.
const maxNodes = math.MaxInt32 - 1

// Graph is a weighted undirected graph on the nodes 0..N-1. It is a plain edge
// accumulator so that callers outside the cluster package can feed it without
// depending on gonum; Run compiles it into a compact adjacency structure.
//
// The weight of an edge {u, v} is the entry A_uv = A_vu of the symmetric
// adjacency matrix; a self-loop of weight w adds w to the diagonal entry A_uu.
// A node's degree is its row sum k_u = Σ_v A_uv, which is the convention
// gonum's community.Q uses as well.
//
// A Graph is not safe for concurrent mutation; concurrent Run and Modularity
// calls on a graph that is no longer mutated are safe.
type Graph struct {
	n      int
	us, vs []int32
	ws     []float64
	// invalid counts rejected AddEdge calls and firstErr describes the first,
	// so that bad input surfaces as an error from Run instead of a panic.
	invalid  int
	firstErr error
}

// NewGraph returns an empty graph on n nodes. A negative or oversized n is
// recorded as an error that Run reports, so construction itself never fails.
func NewGraph(n int) *Graph {
	g := &Graph{n: n}
	switch {
	case n < 0:
		g.n = 0
		g.invalid = 1
		g.firstErr = fmt.Errorf("node count %d is negative", n)
	case n > maxNodes:
		g.n = 0
		g.invalid = 1
		g.firstErr = fmt.Errorf("node count %d exceeds the supported maximum %d", n, maxNodes)
	}
	return g
}

// N reports the number of nodes, so callers can size per-node option slices.
func (g *Graph) N() int {
	if g == nil {
		return 0
	}
	return g.n
}

// AddEdge adds weight w to the undirected edge {u, v}; repeated calls
// accumulate, so callers can stream one call per dependency occurrence.
// u == v adds a self-loop. Zero weights are ignored. An out-of-range node or a
// negative, NaN or infinite weight is not added and makes Run return an error.
func (g *Graph) AddEdge(u, v int, w float64) {
	if g == nil {
		return
	}
	var err error
	switch {
	case u < 0 || u >= g.n || v < 0 || v >= g.n:
		err = fmt.Errorf("edge (%d, %d): node out of range [0, %d)", u, v, g.n)
	case math.IsNaN(w) || math.IsInf(w, 0):
		err = fmt.Errorf("edge (%d, %d): weight %v is not finite", u, v, w)
	case w < 0:
		err = fmt.Errorf("edge (%d, %d): weight %v is negative", u, v, w)
	}
	if err != nil {
		if g.invalid == 0 {
			g.firstErr = err
		}
		g.invalid++
		return
	}
	if w == 0 {
		return
	}
	g.us = append(g.us, int32(u))
	g.vs = append(g.vs, int32(v))
	g.ws = append(g.ws, w)
}

// check reports the recorded construction errors, if any.
func (g *Graph) check() error {
	if g == nil {
		return fmt.Errorf("graph is nil")
	}
	if g.invalid == 0 {
		return nil
	}
	if g.invalid == 1 {
		return g.firstErr
	}
	return fmt.Errorf("%d invalid edges or sizes, first: %w", g.invalid, g.firstErr)
}

// csr is the compiled graph the algorithm works on: compressed sparse rows
// with merged parallel edges, self-loops kept apart, and cached degrees.
type csr struct {
	n     int
	start []int     // row i is adj[start[i]:start[i+1]]
	adj   []int32   // neighbour ids, never the row's own id
	w     []float64 // positive edge weights parallel to adj
	self  []float64 // diagonal entry A_ii
	deg   []float64 // k_i = A_ii + Σ_j A_ij
	total float64   // 2m = Σ_i k_i
}

func (c *csr) row(i int32) (adj []int32, w []float64) {
	s, e := c.start[i], c.start[i+1]
	return c.adj[s:e], c.w[s:e]
}

// compile builds the CSR form of g. Rows come out sorted by neighbour id so
// that the result does not depend on the order in which edges were added
// (beyond the float rounding of accumulated parallel edges).
func (g *Graph) compile() *csr {
	n := g.n
	start := make([]int, n+1)
	self := make([]float64, n)
	for i, u := range g.us {
		v := g.vs[i]
		if u == v {
			continue
		}
		start[u+1]++
		start[v+1]++
	}
	for i := 0; i < n; i++ {
		start[i+1] += start[i]
	}
	adj := make([]int32, start[n])
	w := make([]float64, start[n])
	pos := make([]int, n)
	copy(pos, start[:n])
	for i, u := range g.us {
		v, x := g.vs[i], g.ws[i]
		if u == v {
			self[u] += x
			continue
		}
		adj[pos[u]], w[pos[u]] = v, x
		pos[u]++
		adj[pos[v]], w[pos[v]] = u, x
		pos[v]++
	}

	// Merge parallel edges in place. mark[v] holds the compacted position of
	// v in the row being written; positions from earlier rows are smaller
	// than the row's start, so the marks never need resetting.
	mark := pos // reuse: every entry is overwritten before it is read
	for i := range mark {
		mark[i] = -1
	}
	write := 0
	rowStart := 0
	for u := 0; u < n; u++ {
		s, e := rowStart, start[u+1]
		rowStart = e
		start[u] = write
		for j := s; j < e; j++ {
			v := adj[j]
			if p := mark[v]; p >= start[u] {
				w[p] += w[j]
				continue
			}
			mark[v] = write
			adj[write], w[write] = v, w[j]
			write++
		}
	}
	start[n] = write
	adj, w = adj[:write], w[:write]

	// The graph is symmetric, so its transpose is itself; building the
	// transpose row by row visits sources in increasing order and therefore
	// yields rows sorted by neighbour id in linear time.
	tstart := make([]int, n+1)
	for _, v := range adj {
		tstart[v+1]++
	}
	for i := 0; i < n; i++ {
		tstart[i+1] += tstart[i]
	}
	tadj := make([]int32, len(adj))
	tw := make([]float64, len(adj))
	tpos := make([]int, n)
	copy(tpos, tstart[:n])
	for u := 0; u < n; u++ {
		for j := start[u]; j < start[u+1]; j++ {
			v := adj[j]
			tadj[tpos[v]], tw[tpos[v]] = int32(u), w[j]
			tpos[v]++
		}
	}

	c := &csr{n: n, start: tstart, adj: tadj, w: tw, self: self, deg: make([]float64, n)}
	for u := 0; u < n; u++ {
		k := self[u]
		for j := tstart[u]; j < tstart[u+1]; j++ {
			k += tw[j]
		}
		c.deg[u] = k
		c.total += k
	}
	return c
}

// Modularity returns Q = 1/(2m) Σ_ij [A_ij − γ k_i k_j / (2m)] δ(c_i, c_j) of
// the partition given by membership (any non-negative labels) at resolution γ,
// so callers can score partitions that did not come from Run. A resolution of
// 0 means 1, as in Options. A graph without edges scores 0. Invalid input
// (a graph with recorded errors, a length mismatch, a negative label, a
// negative or non-finite resolution) yields NaN rather than a panic.
func Modularity(g *Graph, membership []int, resolution float64) float64 {
	if g.check() != nil || len(membership) != g.n {
		return math.NaN()
	}
	gamma, err := normResolution(resolution)
	if err != nil {
		return math.NaN()
	}
	comm, k, err := denseLabels(membership)
	if err != nil {
		return math.NaN()
	}
	commDeg := make([]float64, k)
	var internal, total float64
	for i, u := range g.us {
		v, w := g.vs[i], g.ws[i]
		if u == v {
			total += w
			commDeg[comm[u]] += w
			internal += w
			continue
		}
		total += 2 * w
		commDeg[comm[u]] += w
		commDeg[comm[v]] += w
		if comm[u] == comm[v] {
			internal += 2 * w
		}
	}
	if total == 0 {
		return 0
	}
	var sq float64
	for _, d := range commDeg {
		sq += d * d
	}
	return (internal - gamma*sq/total) / total
}

// denseLabels maps arbitrary non-negative labels to 0..k-1 in order of first
// appearance.
func denseLabels(labels []int) ([]int32, int, error) {
	out := make([]int32, len(labels))
	maxLabel := -1
	for i, l := range labels {
		if l < 0 {
			return nil, 0, fmt.Errorf("node %d has negative label %d", i, l)
		}
		maxLabel = max(maxLabel, l)
	}
	k := 0
	if maxLabel < 4*len(labels)+1024 {
		ids := make([]int32, maxLabel+1)
		for i := range ids {
			ids[i] = -1
		}
		for i, l := range labels {
			if ids[l] < 0 {
				ids[l] = int32(k)
				k++
			}
			out[i] = ids[l]
		}
		return out, k, nil
	}
	ids := make(map[int]int32, 64)
	for i, l := range labels {
		id, ok := ids[l]
		if !ok {
			id = int32(k)
			ids[l] = id
			k++
		}
		out[i] = id
	}
	return out, k, nil
}

// normResolution applies the "0 means 1" default and rejects unusable values.
func normResolution(r float64) (float64, error) {
	switch {
	case math.IsNaN(r) || math.IsInf(r, 0):
		return 0, fmt.Errorf("resolution %v is not finite", r)
	case r < 0:
		return 0, fmt.Errorf("resolution %v is negative", r)
	case r == 0:
		return 1, nil
	}
	return r, nil
}
