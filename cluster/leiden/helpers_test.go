package leiden

import (
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"
)

// edge is one AddEdge call of a test graph.
type edge struct {
	u, v int
	w    float64
}

// testGraph is a graph description that can be turned into both a leiden
// Graph and the equivalent gonum graph.
type testGraph struct {
	name  string
	n     int
	edges []edge
	truth []int // planted partition, if any
}

func (tg testGraph) leiden() *Graph {
	g := NewGraph(tg.n)
	for _, e := range tg.edges {
		g.AddEdge(e.u, e.v, e.w)
	}
	return g
}

// merged returns the accumulated weight of each distinct non-loop pair with
// positive weight, sorted by (u, v) with u < v.
func (tg testGraph) merged() []edge {
	acc := map[[2]int]float64{}
	for _, e := range tg.edges {
		if e.u == e.v || e.w == 0 {
			continue
		}
		u, v := min(e.u, e.v), max(e.u, e.v)
		acc[[2]int{u, v}] += e.w
	}
	out := make([]edge, 0, len(acc))
	for k, w := range acc {
		out = append(out, edge{k[0], k[1], w})
	}
	slices.SortFunc(out, func(a, b edge) int {
		if a.u != b.u {
			return a.u - b.u
		}
		return a.v - b.v
	})
	return out
}

// gonum returns the gonum equivalent; self-loops are not representable in a
// simple graph, so graphs compared against gonum have none.
func (tg testGraph) gonum(t testing.TB) *simple.WeightedUndirectedGraph {
	t.Helper()
	g := simple.NewWeightedUndirectedGraph(0, 0)
	for i := 0; i < tg.n; i++ {
		g.AddNode(simple.Node(i))
	}
	for _, e := range tg.edges {
		if e.u == e.v {
			t.Fatalf("%s: gonum comparison graph has a self-loop at %d", tg.name, e.u)
		}
	}
	for _, e := range tg.merged() {
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(e.u), simple.Node(e.v), e.w))
	}
	return g
}

// gonumCommunities converts a membership into gonum's community form.
func gonumCommunities(membership []int) [][]graph.Node {
	var comms [][]graph.Node
	for i, c := range membership {
		for len(comms) <= c {
			comms = append(comms, nil)
		}
		comms[c] = append(comms[c], simple.Node(i))
	}
	out := comms[:0]
	for _, c := range comms {
		if len(c) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// louvain runs gonum's Louvain and returns its membership and modularity.
func louvain(t testing.TB, tg testGraph, gamma float64, seed uint64) ([]int, float64) {
	t.Helper()
	gg := tg.gonum(t)
	reduced := community.Modularize(gg, gamma, rand.NewPCG(seed, seed))
	membership := make([]int, tg.n)
	for c, nodes := range reduced.Communities() {
		for _, nd := range nodes {
			membership[nd.ID()] = c
		}
	}
	return membership, community.Q(gg, reduced.Communities(), gamma)
}

// zacharyAdj is Zachary's karate club (W. W. Zachary, J. Anthropol. Res. 33,
// 452-473, 1977), 34 nodes and 78 edges, as in gonum's community tests.
// Listed as adjacency, the pair 5–6 appears twice; karate() deduplicates.
var zacharyAdj = [][]int{
	0: nil, 1: {0, 2}, 2: {0, 32}, 3: {0, 1, 2}, 4: {0, 6, 10}, 5: {0, 6},
	6: {0, 5}, 7: {0, 1, 2, 3}, 8: {0, 2, 32, 33}, 9: {2, 33}, 10: {0, 5},
	11: {0}, 12: {0, 3}, 13: {0, 1, 2, 3, 33}, 14: {32, 33}, 15: {32, 33},
	16: {5, 6}, 17: {0, 1}, 18: {32, 33}, 19: {0, 1, 33}, 20: {32, 33},
	21: {0, 1}, 22: {32, 33}, 23: {32, 33}, 24: {27, 31}, 25: {23, 24, 31},
	26: {29, 33}, 27: {2, 23, 33}, 28: {2, 31, 33}, 29: {23, 32, 33},
	30: {1, 8, 32, 33}, 31: {0, 32, 33}, 32: {33}, 33: nil,
}

func karate() testGraph {
	tg := testGraph{name: "karate", n: len(zacharyAdj)}
	seen := map[[2]int]bool{} // gonum's list holds 5–6 in both directions
	for u, vs := range zacharyAdj {
		for _, v := range vs {
			key := [2]int{min(u, v), max(u, v)}
			if !seen[key] {
				seen[key] = true
				tg.edges = append(tg.edges, edge{u, v, 1})
			}
		}
	}
	if len(tg.edges) != 78 {
		panic("karate club must have 78 edges")
	}
	return tg
}

// planted returns a planted-partition graph: groups of size nodes, each
// pair joined with probability pIn inside a group and pOut across groups.
// Node ids are shuffled so that groups are not contiguous ranges.
func planted(groups, size int, pIn, pOut float64, seed uint64) testGraph {
	rng := rand.New(rand.NewPCG(seed, 1))
	n := groups * size
	perm := rng.Perm(n)
	tg := testGraph{name: "planted", n: n, truth: make([]int, n)}
	for i := 0; i < n; i++ {
		tg.truth[perm[i]] = i / size
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			p := pOut
			if i/size == j/size {
				p = pIn
			}
			if rng.Float64() < p {
				tg.edges = append(tg.edges, edge{perm[i], perm[j], 1})
			}
		}
	}
	return tg
}

// plantedSparse samples m edges of a planted partition with n nodes in
// groups of size nodes; a fraction mu of the edges leaves its group. It
// scales to the benchmark sizes where pairwise sampling would not.
func plantedSparse(n, size, m int, mu float64, seed uint64) testGraph {
	rng := rand.New(rand.NewPCG(seed, 2))
	tg := testGraph{name: "plantedSparse", n: n, truth: make([]int, n), edges: make([]edge, 0, m)}
	for i := range tg.truth {
		tg.truth[i] = i / size
	}
	for len(tg.edges) < m {
		u := rng.IntN(n)
		var v int
		if rng.Float64() < mu {
			v = rng.IntN(n)
		} else {
			g := u / size
			lo, hi := g*size, min((g+1)*size, n)
			v = lo + rng.IntN(hi-lo)
		}
		if u == v {
			continue
		}
		tg.edges = append(tg.edges, edge{u, v, 1})
	}
	return tg
}

// randomWeighted is an Erdős–Rényi graph with weights in [0.1, 5).
func randomWeighted(n int, p float64, seed uint64) testGraph {
	rng := rand.New(rand.NewPCG(seed, 3))
	tg := testGraph{name: "randomWeighted", n: n}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if rng.Float64() < p {
				tg.edges = append(tg.edges, edge{i, j, 0.1 + 4.9*rng.Float64()})
			}
		}
	}
	return tg
}

// ringOfCliques is the classic resolution-limit graph: k cliques of size s
// joined in a ring by single edges.
func ringOfCliques(k, s int) testGraph {
	tg := testGraph{name: "ringOfCliques", n: k * s, truth: make([]int, k*s)}
	for c := 0; c < k; c++ {
		for i := 0; i < s; i++ {
			tg.truth[c*s+i] = c
			for j := i + 1; j < s; j++ {
				tg.edges = append(tg.edges, edge{c*s + i, c*s + j, 1})
			}
		}
		tg.edges = append(tg.edges, edge{c * s, ((c+1)%k)*s + 1, 1})
	}
	return tg
}

// ari is the adjusted Rand index of two partitions.
func ari(a, b []int) float64 {
	type pair struct{ x, y int }
	nij := map[pair]int{}
	ai := map[int]int{}
	bj := map[int]int{}
	for i := range a {
		nij[pair{a[i], b[i]}]++
		ai[a[i]]++
		bj[b[i]]++
	}
	c2 := func(x int) float64 { return float64(x) * float64(x-1) / 2 }
	var index, sa, sb float64
	for _, v := range nij {
		index += c2(v)
	}
	for _, v := range ai {
		sa += c2(v)
	}
	for _, v := range bj {
		sb += c2(v)
	}
	expected := sa * sb / c2(len(a))
	maxIndex := (sa + sb) / 2
	if maxIndex == expected {
		return 1
	}
	return (index - expected) / (maxIndex - expected)
}

// checkResult asserts the invariants every Run result must satisfy:
// canonical numbering, a consistent community count, Quality equal to
// Modularity, pins honoured, and every community connected (pinned nodes
// sharing a label count as connected to each other).
func checkResult(t *testing.T, tg testGraph, opt Options, res Result) {
	t.Helper()
	if len(res.Membership) != tg.n {
		t.Fatalf("%s: membership has %d entries for %d nodes", tg.name, len(res.Membership), tg.n)
	}
	next := 0
	for i, c := range res.Membership {
		if c > next || c < 0 {
			t.Fatalf("%s: membership not canonical at node %d: label %d, next new label %d", tg.name, i, c, next)
		}
		if c == next {
			next++
		}
	}
	if next != res.Communities {
		t.Fatalf("%s: Communities = %d, membership has %d", tg.name, res.Communities, next)
	}
	gamma := opt.Resolution
	if gamma == 0 {
		gamma = 1
	}
	if q := Modularity(tg.leiden(), res.Membership, gamma); !near(q, res.Quality, 1e-9) {
		t.Fatalf("%s: Quality %.15f but Modularity %.15f", tg.name, res.Quality, q)
	}

	// Union-find over intra-community edges and same-label pins.
	parent := make([]int, tg.n)
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	union := func(a, b int) { parent[find(a)] = find(b) }
	for _, e := range tg.edges {
		if e.w > 0 && res.Membership[e.u] == res.Membership[e.v] {
			union(e.u, e.v)
		}
	}
	if opt.Pinned != nil {
		firstOfPin := map[int]int{}
		pinComm := map[int]int{}
		commPin := map[int]int{}
		for i, p := range opt.Pinned {
			if p < 0 {
				continue
			}
			c := res.Membership[i]
			if f, ok := firstOfPin[p]; ok {
				union(i, f)
				if pinComm[p] != c {
					t.Fatalf("%s: nodes %d and %d share pin %d but are in communities %d and %d", tg.name, f, i, p, pinComm[p], c)
				}
			} else {
				firstOfPin[p] = i
				pinComm[p] = c
			}
			if q, ok := commPin[c]; ok && q != p {
				t.Fatalf("%s: community %d holds pins %d and %d", tg.name, c, q, p)
			}
			commPin[c] = p
		}
	}
	root := map[int]int{}
	for i, c := range res.Membership {
		r := find(i)
		if prev, ok := root[c]; ok && prev != r {
			t.Fatalf("%s: community %d is disconnected (node %d not reachable inside it)", tg.name, c, i)
		}
		root[c] = r
	}
}

func near(a, b, tol float64) bool {
	d := a - b
	return d <= tol && d >= -tol
}

func mustRun(t *testing.T, tg testGraph, opt Options) Result {
	t.Helper()
	res, err := Run(tg.leiden(), opt)
	if err != nil {
		t.Fatalf("%s: Run: %v", tg.name, err)
	}
	checkResult(t, tg, opt, res)
	return res
}
