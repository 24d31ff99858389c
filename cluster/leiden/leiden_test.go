package leiden

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph/community"
)

func comparisonGraphs() []testGraph {
	isolated := testGraph{name: "isolated", n: 12, edges: []edge{
		{0, 1, 1}, {1, 2, 2}, {2, 0, 1}, {5, 6, 3}, {6, 7, 1}, {7, 5, 0.5}, {8, 9, 1},
		{0, 5, 0.2}, {3, 4, 0}, // zero weight: ignored, 3 and 4 stay isolated
	}}
	parallel := testGraph{name: "parallel", n: 6, edges: []edge{
		{0, 1, 1}, {1, 0, 2}, {1, 2, 1}, {2, 0, 1}, {3, 4, 1}, {4, 5, 1}, {5, 3, 1}, {3, 4, 4}, {2, 3, 0.5},
	}}
	return []testGraph{
		karate(),
		planted(8, 50, 0.3, 0.01, 1),
		randomWeighted(150, 0.05, 2),
		ringOfCliques(12, 5),
		isolated,
		parallel,
	}
}

func TestModularityMatchesGonum(t *testing.T) {
	for _, tg := range comparisonGraphs() {
		gg := tg.gonum(t)
		rng := rand.New(rand.NewPCG(7, 7))
		random := make([]int, tg.n)
		for i := range random {
			random[i] = rng.IntN(5)
		}
		canonicalInts(random)
		all := make([]int, tg.n)
		singletons := make([]int, tg.n)
		for i := range singletons {
			singletons[i] = i
		}
		leiden := mustRun(t, tg, Options{Seed: 3}).Membership
		partitions := map[string][]int{"random": random, "all": all, "singletons": singletons, "leiden": leiden}
		if tg.truth != nil {
			partitions["truth"] = tg.truth
		}
		names := make([]string, 0, len(partitions))
		for name := range partitions {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			for _, gamma := range []float64{0.5, 1, 2.5} {
				p := partitions[name]
				want := community.Q(gg, gonumCommunities(p), gamma)
				got := Modularity(tg.leiden(), p, gamma)
				if !near(got, want, 1e-9) {
					t.Errorf("%s/%s/γ=%v: Modularity = %.15f, gonum Q = %.15f", tg.name, name, gamma, got, want)
				}
			}
		}
	}
}

// TestModularitySelfLoops checks the diagonal convention against the
// matrix definition, which gonum cannot express with simple graphs.
func TestModularitySelfLoops(t *testing.T) {
	tg := testGraph{name: "loops", n: 5, edges: []edge{
		{0, 0, 2}, {0, 1, 1}, {1, 2, 3}, {2, 2, 0.5}, {3, 4, 1}, {4, 4, 1}, {2, 3, 0.25}, {0, 0, 1},
	}}
	a := make([][]float64, tg.n)
	for i := range a {
		a[i] = make([]float64, tg.n)
	}
	for _, e := range tg.edges {
		a[e.u][e.v] += e.w
		if e.u != e.v {
			a[e.v][e.u] += e.w
		}
	}
	k := make([]float64, tg.n)
	var m2 float64
	for i := range a {
		for j := range a[i] {
			k[i] += a[i][j]
		}
		m2 += k[i]
	}
	for _, p := range [][]int{{0, 0, 0, 1, 1}, {0, 1, 2, 3, 4}, {0, 0, 0, 0, 0}, {0, 1, 1, 0, 2}} {
		for _, gamma := range []float64{1, 0.7} {
			var want float64
			for i := range a {
				for j := range a {
					if p[i] == p[j] {
						want += a[i][j] - gamma*k[i]*k[j]/m2
					}
				}
			}
			want /= m2
			if got := Modularity(tg.leiden(), p, gamma); !near(got, want, 1e-12) {
				t.Errorf("partition %v γ=%v: Modularity = %v, want %v", p, gamma, got, want)
			}
		}
	}
	// Aggregation must carry self-loops so that Quality stays exact.
	// On five nodes Run must find the optimum of all 52 partitions.
	res := mustRun(t, tg, Options{})
	best := math.Inf(-1)
	var bestP []int
	forEachPartition(tg.n, func(p []int) {
		if q := Modularity(tg.leiden(), p, 1); q > best {
			best, bestP = q, slices.Clone(p)
		}
	})
	if !near(res.Quality, best, 1e-12) {
		t.Errorf("loops graph: Q %.6f %v, optimum %.6f %v", res.Quality, res.Membership, best, bestP)
	}
}

// forEachPartition calls fn with every set partition of n nodes as a
// restricted-growth string.
func forEachPartition(n int, fn func([]int)) {
	p := make([]int, n)
	var rec func(i, k int)
	rec = func(i, k int) {
		if i == n {
			fn(p)
			return
		}
		for c := 0; c <= k; c++ {
			p[i] = c
			rec(i+1, max(k, c+1))
		}
	}
	rec(0, 0)
}

func TestModularityInvalid(t *testing.T) {
	g := NewGraph(3)
	g.AddEdge(0, 1, 1)
	bad := NewGraph(2)
	bad.AddEdge(0, 1, -1)
	tests := []struct {
		name  string
		g     *Graph
		memb  []int
		gamma float64
	}{
		{"length mismatch", g, []int{0, 0}, 1},
		{"negative label", g, []int{0, -1, 0}, 1},
		{"negative resolution", g, []int{0, 0, 0}, -1},
		{"NaN resolution", g, []int{0, 0, 0}, math.NaN()},
		{"invalid graph", bad, []int{0, 0}, 1},
		{"nil graph", nil, nil, 1},
	}
	for _, tt := range tests {
		if q := Modularity(tt.g, tt.memb, tt.gamma); !math.IsNaN(q) {
			t.Errorf("%s: Modularity = %v, want NaN", tt.name, q)
		}
	}
	if q := Modularity(NewGraph(4), []int{0, 0, 1, 1}, 1); q != 0 {
		t.Errorf("edgeless graph: Modularity = %v, want 0", q)
	}
	// Sparse huge labels take the map path and must score like dense ones.
	if a, b := Modularity(g, []int{1 << 40, 1 << 40, 3}, 1), Modularity(g, []int{0, 0, 1}, 1); a != b {
		t.Errorf("sparse labels: Modularity = %v, dense labels %v", a, b)
	}
}

func TestPlantedPartitionRecovered(t *testing.T) {
	tests := []struct {
		groups, size int
		pIn, pOut    float64
		seed         uint64
	}{
		{8, 50, 0.3, 0.01, 1},
		{8, 50, 0.3, 0.01, 2},
		{8, 50, 0.3, 0.01, 3},
		{4, 100, 0.2, 0.01, 4},
		{20, 25, 0.5, 0.005, 5},
	}
	for _, tt := range tests {
		tg := planted(tt.groups, tt.size, tt.pIn, tt.pOut, tt.seed)
		for _, seed := range []uint64{0, 1, 42} {
			res := mustRun(t, tg, Options{Seed: seed})
			if a := ari(res.Membership, tg.truth); a < 0.95 {
				t.Errorf("planted %d×%d seed %d, run seed %d: ARI %.4f < 0.95 (%d communities)",
					tt.groups, tt.size, tt.seed, seed, a, res.Communities)
			}
		}
	}
	// The sparse generator used by the benchmarks must be recoverable too.
	tg := plantedSparse(2000, 50, 20000, 0.2, 9)
	res := mustRun(t, tg, Options{Seed: 1})
	if a := ari(res.Membership, tg.truth); a < 0.95 {
		t.Errorf("plantedSparse: ARI %.4f < 0.95 (%d communities)", a, res.Communities)
	}
}

func TestKarateClub(t *testing.T) {
	tg := karate()
	for seed := uint64(0); seed < 10; seed++ {
		res := mustRun(t, tg, Options{Seed: seed})
		// The proven optimum is Q = 0.4198 with 4 communities (Brandes et
		// al. 2008); anything below 0.41 would be a clear regression.
		if res.Quality < 0.4197 || res.Communities != 4 {
			t.Errorf("seed %d: Q = %.4f with %d communities, want the optimum 0.4198 with 4", seed, res.Quality, res.Communities)
		}
	}
}

func TestQualityAtLeastLouvain(t *testing.T) {
	graphs := append(comparisonGraphs(), plantedSparse(3000, 30, 30000, 0.35, 11))
	for _, tg := range graphs {
		for _, gamma := range []float64{1, 2} {
			for _, seed := range []uint64{1, 2} {
				_, lq := louvain(t, tg, gamma, seed)
				res := mustRun(t, tg, Options{Seed: seed, Resolution: gamma})
				if res.Quality < lq-1e-9 {
					t.Errorf("%s γ=%v seed %d: Leiden Q %.6f < Louvain Q %.6f", tg.name, gamma, seed, res.Quality, lq)
				}
			}
		}
	}
}

// TestLocallyOptimal checks that after convergence no single node can raise
// modularity by moving to a neighbouring community or a new singleton.
func TestLocallyOptimal(t *testing.T) {
	for _, tg := range []testGraph{karate(), planted(8, 50, 0.3, 0.01, 6), randomWeighted(120, 0.06, 6)} {
		res := mustRun(t, tg, Options{Seed: 5})
		g := tg.leiden()
		neigh := make([][]int, tg.n)
		for _, e := range tg.edges {
			neigh[e.u] = append(neigh[e.u], e.v)
			neigh[e.v] = append(neigh[e.v], e.u)
		}
		memb := slices.Clone(res.Membership)
		for v := 0; v < tg.n; v++ {
			orig := memb[v]
			targets := []int{res.Communities}
			for _, u := range neigh[v] {
				targets = append(targets, memb[u])
			}
			for _, c := range targets {
				if c == orig {
					continue
				}
				memb[v] = c
				if q := Modularity(g, memb, 1); q > res.Quality+1e-9 {
					t.Errorf("%s: moving node %d from %d to %d raises Q from %.9f to %.9f", tg.name, v, orig, c, res.Quality, q)
				}
			}
			memb[v] = orig
		}
	}
}

func TestPins(t *testing.T) {
	base := planted(4, 30, 0.4, 0.01, 8)
	// Nodes of the planted groups, by group.
	group := make([][]int, 4)
	for i, c := range base.truth {
		group[c] = append(group[c], i)
	}
	free := func() []int {
		p := make([]int, base.n)
		for i := range p {
			p[i] = -1
		}
		return p
	}
	withIsolated := base
	withIsolated.name = "planted+isolated"
	withIsolated.n += 3 // nodes 120, 121, 122 have no edges

	tests := []struct {
		name  string
		tg    testGraph
		pins  func() []int
		check func(t *testing.T, m []int)
	}{
		{
			name: "same label across groups joins them",
			tg:   base,
			pins: func() []int { p := free(); p[group[0][0]] = 7; p[group[1][0]] = 7; return p },
			check: func(t *testing.T, m []int) {
				if m[group[0][0]] != m[group[1][0]] {
					t.Errorf("pinned nodes split")
				}
			},
		},
		{
			name: "different labels split a group",
			tg:   base,
			pins: func() []int { p := free(); p[group[2][0]] = 0; p[group[2][1]] = 1; p[group[2][2]] = 1; return p },
			check: func(t *testing.T, m []int) {
				if m[group[2][0]] == m[group[2][1]] {
					t.Errorf("different pin labels share community %d", m[group[2][0]])
				}
				if m[group[2][1]] != m[group[2][2]] {
					t.Errorf("same pin label split")
				}
			},
		},
		{
			name: "whole groups pinned apart stay the truth",
			tg:   base,
			pins: func() []int {
				p := free()
				for g, nodes := range group {
					p[nodes[0]], p[nodes[1]] = g+10, g+10
				}
				return p
			},
			check: func(t *testing.T, m []int) {
				if a := ari(m, base.truth); a < 0.95 {
					t.Errorf("ARI %.3f with consistent pins", a)
				}
			},
		},
		{
			name: "pinned isolated nodes stay together",
			tg:   withIsolated,
			pins: func() []int {
				p := make([]int, withIsolated.n)
				for i := range p {
					p[i] = -1
				}
				p[120], p[121] = 3, 3
				return p
			},
			check: func(t *testing.T, m []int) {
				if m[120] != m[121] {
					t.Errorf("pinned isolated nodes split")
				}
				for i, c := range m {
					if c == m[122] && i != 122 {
						t.Errorf("free isolated node 122 shares community with %d", i)
					}
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := Options{Seed: 4, Pinned: tt.pins()}
			res := mustRun(t, tt.tg, opt)
			tt.check(t, res.Membership)
		})
	}
}

func TestInitialPartition(t *testing.T) {
	tg := planted(8, 50, 0.3, 0.01, 12)
	truth := slices.Clone(tg.truth)
	canonicalInts(truth)

	t.Run("perfect initial stays", func(t *testing.T) {
		// Relabel with large, sparse labels to exercise label compaction.
		initial := make([]int, tg.n)
		for i, c := range tg.truth {
			initial[i] = 1000 + 37*c
		}
		res := mustRun(t, tg, Options{Initial: initial, Seed: 9})
		if !slices.Equal(res.Membership, truth) {
			t.Errorf("perfect initial partition changed: ARI %.4f", ari(res.Membership, truth))
		}
		if res.Iterations != 1 {
			t.Errorf("perfect initial took %d passes, want 1", res.Iterations)
		}
	})
	t.Run("all in one recovers", func(t *testing.T) {
		res := mustRun(t, tg, Options{Initial: make([]int, tg.n), Seed: 9})
		if a := ari(res.Membership, truth); a < 0.95 {
			t.Errorf("ARI %.4f from all-in-one start", a)
		}
	})
	t.Run("disconnected initial is split", func(t *testing.T) {
		// Two planted groups glued into one label, plus an isolated node.
		g2 := tg
		g2.n++
		initial := append(slices.Clone(tg.truth), 0)
		for i := range initial[:tg.n] {
			if initial[i] == 1 {
				initial[i] = 0
			}
		}
		res := mustRun(t, g2, Options{Initial: initial, MaxIterations: 1})
		last := res.Membership[tg.n]
		for i, c := range res.Membership[:tg.n] {
			if c == last {
				t.Fatalf("isolated node shares community with node %d", i)
			}
		}
	})
	t.Run("initial conflicting with pins", func(t *testing.T) {
		pins := make([]int, tg.n)
		for i := range pins {
			pins[i] = -1
		}
		a, b := 0, 1
		for truth[b] != truth[a] {
			b++
		}
		pins[a], pins[b] = 1, 2 // same initial community, different pins
		mustRun(t, tg, Options{Initial: tg.truth, Pinned: pins})
	})
}

func TestDeterminism(t *testing.T) {
	tg := plantedSparse(3000, 40, 24000, 0.4, 13)
	opt := Options{Seed: 77, Resolution: 1.3}
	first := mustRun(t, tg, opt)
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	for _, procs := range []int{1, 4, 1} {
		runtime.GOMAXPROCS(procs)
		res := mustRun(t, tg, opt)
		if !slices.Equal(res.Membership, first.Membership) || res.Quality != first.Quality || res.Iterations != first.Iterations {
			t.Fatalf("GOMAXPROCS=%d: result differs from first run", procs)
		}
	}
	// Edge insertion order and direction do not matter: rows are sorted on
	// compile. (Parallel edges are merged first, as their float sums could
	// round differently in another order.)
	tg.edges = tg.merged()
	first = mustRun(t, tg, opt)
	shuffled := tg
	shuffled.edges = slices.Clone(tg.edges)
	rng := rand.New(rand.NewPCG(5, 5))
	rng.Shuffle(len(shuffled.edges), func(i, j int) {
		shuffled.edges[i], shuffled.edges[j] = shuffled.edges[j], shuffled.edges[i]
	})
	for i := range shuffled.edges {
		if i%2 == 0 {
			e := &shuffled.edges[i]
			e.u, e.v = e.v, e.u
		}
	}
	if res := mustRun(t, shuffled, opt); !slices.Equal(res.Membership, first.Membership) {
		t.Errorf("shuffled edge order changed the result")
	}
	// Modularity is scale-free, and so is the algorithm: multiplying every
	// weight by a power of two (exact in floating point) changes nothing.
	for _, factor := range []float64{1.0 / 4096, 1024} {
		scaled := tg
		scaled.edges = slices.Clone(tg.edges)
		for i := range scaled.edges {
			scaled.edges[i].w *= factor
		}
		if res := mustRun(t, scaled, opt); !slices.Equal(res.Membership, first.Membership) {
			t.Errorf("weights scaled by %v changed the result", factor)
		}
	}
	// A different seed is allowed to differ but must still be valid.
	mustRun(t, tg, Options{Seed: 78, Resolution: 1.3})
}

func TestResolution(t *testing.T) {
	for _, tg := range []testGraph{karate(), planted(8, 50, 0.3, 0.01, 14), ringOfCliques(30, 5)} {
		prev := 0
		var counts []int
		for _, gamma := range []float64{0.1, 0.5, 1, 2, 4, 8} {
			res := mustRun(t, tg, Options{Seed: 1, Resolution: gamma})
			counts = append(counts, res.Communities)
			if res.Communities < prev {
				t.Errorf("%s: γ=%v gives %d communities, fewer than %d at lower γ", tg.name, gamma, res.Communities, prev)
			}
			prev = res.Communities
		}
		if counts[0] >= counts[len(counts)-1] {
			t.Errorf("%s: community counts %v do not grow with γ", tg.name, counts)
		}
	}
	// The ring of cliques exposes modularity's resolution limit: at γ=1
	// neighbouring cliques merge, at higher γ each clique is its own community.
	tg := ringOfCliques(30, 5)
	res := mustRun(t, tg, Options{Resolution: 3})
	truth := slices.Clone(tg.truth)
	canonicalInts(truth)
	if !slices.Equal(res.Membership, truth) {
		t.Errorf("ring of cliques at γ=3: %d communities, want the 30 cliques", res.Communities)
	}
}

func TestEdgeCases(t *testing.T) {
	t.Run("empty graph", func(t *testing.T) {
		res, err := Run(NewGraph(0), Options{})
		if err != nil || len(res.Membership) != 0 || res.Communities != 0 {
			t.Errorf("Run(empty) = %+v, %v", res, err)
		}
	})
	t.Run("no edges", func(t *testing.T) {
		tg := testGraph{name: "edgeless", n: 5, edges: []edge{{1, 2, 0}}}
		res := mustRun(t, tg, Options{})
		if res.Communities != 5 || res.Quality != 0 {
			t.Errorf("edgeless: %+v, want 5 singletons with Q 0", res)
		}
	})
	t.Run("isolated nodes are singletons", func(t *testing.T) {
		tg := planted(3, 20, 0.5, 0.02, 15)
		tg.n += 4
		tg.edges = append(tg.edges, edge{61, 62, 0}, edge{63, 63, 2}) // zero edge ignored; 63 has only a loop
		init := make([]int, tg.n)                                     // start with everything together
		res := mustRun(t, tg, Options{Initial: init})
		for _, v := range []int{60, 61, 62, 63} {
			for u, c := range res.Membership {
				if u != v && c == res.Membership[v] {
					t.Errorf("isolated node %d shares community with %d", v, u)
				}
			}
		}
	})
	t.Run("single edge", func(t *testing.T) {
		tg := testGraph{name: "edge", n: 2, edges: []edge{{0, 1, 3}}}
		res := mustRun(t, tg, Options{})
		if res.Communities != 1 {
			t.Errorf("single edge: %d communities", res.Communities)
		}
	})
	t.Run("max iterations", func(t *testing.T) {
		tg := planted(8, 50, 0.3, 0.01, 16)
		res := mustRun(t, tg, Options{MaxIterations: 1, Initial: make([]int, tg.n)})
		if res.Iterations != 1 {
			t.Errorf("MaxIterations 1 ran %d passes", res.Iterations)
		}
	})
}

func TestRunErrors(t *testing.T) {
	ok := func() *Graph { g := NewGraph(3); g.AddEdge(0, 1, 1); return g }
	tests := []struct {
		name string
		g    *Graph
		opt  Options
		want string
	}{
		{"nil graph", nil, Options{}, "graph is nil"},
		{"negative size", NewGraph(-1), Options{}, "negative"},
		{"negative weight", func() *Graph { g := ok(); g.AddEdge(1, 2, -2); return g }(), Options{}, "negative"},
		{"NaN weight", func() *Graph { g := ok(); g.AddEdge(1, 2, math.NaN()); return g }(), Options{}, "not finite"},
		{"out of range", func() *Graph { g := ok(); g.AddEdge(1, 3, 1); g.AddEdge(-1, 0, 1); return g }(), Options{}, "2 invalid"},
		{"initial length", ok(), Options{Initial: []int{0, 1}}, "initial partition has 2 labels"},
		{"initial negative", ok(), Options{Initial: []int{0, -1, 2}}, "negative label"},
		{"pins length", ok(), Options{Pinned: []int{-1}}, "pins have 1 labels"},
		{"pin label", ok(), Options{Pinned: []int{-1, -2, 0}}, "pin label -2"},
		{"resolution", ok(), Options{Resolution: -0.5}, "resolution"},
		{"resolution inf", ok(), Options{Resolution: math.Inf(1)}, "resolution"},
		{"iterations", ok(), Options{MaxIterations: -1}, "max iterations"},
	}
	for _, tt := range tests {
		_, err := Run(tt.g, tt.opt)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Run error = %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

// TestRandomGraphInvariants runs many small random graphs with random
// weights, self-loops, pins and initial partitions through checkResult.
func TestRandomGraphInvariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(99, 99))
	for iter := 0; iter < 300; iter++ {
		n := 1 + rng.IntN(40)
		tg := testGraph{name: "random", n: n}
		m := rng.IntN(3 * n)
		for i := 0; i < m; i++ {
			w := float64(rng.IntN(4)) // includes zero weights
			if rng.IntN(2) == 0 {
				w = rng.Float64() * 3
			}
			tg.edges = append(tg.edges, edge{rng.IntN(n), rng.IntN(n), w})
		}
		opt := Options{Seed: rng.Uint64(), Resolution: []float64{0, 0.5, 1, 2}[rng.IntN(4)]}
		if rng.IntN(2) == 0 {
			opt.Pinned = make([]int, n)
			for i := range opt.Pinned {
				opt.Pinned[i] = rng.IntN(6) - 3
				if opt.Pinned[i] < -1 {
					opt.Pinned[i] = -1
				}
			}
		}
		if rng.IntN(2) == 0 {
			opt.Initial = make([]int, n)
			for i := range opt.Initial {
				opt.Initial[i] = rng.IntN(4)
			}
		}
		res := mustRun(t, tg, opt)
		again := mustRun(t, tg, opt)
		if !slices.Equal(res.Membership, again.Membership) {
			t.Fatalf("iteration %d: repeated run differs", iter)
		}
		if opt.Pinned == nil {
			if res.Quality < Modularity(tg.leiden(), make([]int, n), opt.Resolution)-1e-9 {
				t.Errorf("iteration %d: Q %.6f below the single-community partition", iter, res.Quality)
			}
		}
	}
}

// FuzzRun feeds arbitrary edge lists and pins to Run: it must never panic
// and every result must satisfy the invariants.
func FuzzRun(f *testing.F) {
	f.Add([]byte{5, 0, 1, 2, 1, 2, 2, 3, 4, 1}, uint64(1), false)
	f.Add([]byte{9, 0, 0, 3, 1, 8, 1, 2, 3, 5, 7, 7, 1}, uint64(2), true)
	f.Fuzz(func(t *testing.T, data []byte, seed uint64, pinned bool) {
		if len(data) == 0 {
			return
		}
		n := int(data[0]%32) + 1
		tg := testGraph{name: "fuzz", n: n}
		for i := 1; i+2 < len(data); i += 3 {
			tg.edges = append(tg.edges, edge{int(data[i]) % n, int(data[i+1]) % n, float64(data[i+2]%8) / 2})
		}
		opt := Options{Seed: seed}
		if pinned {
			opt.Pinned = make([]int, n)
			for i := range opt.Pinned {
				opt.Pinned[i] = int(seed>>(i%60))%4 - 2
				if opt.Pinned[i] < -1 {
					opt.Pinned[i] = -1
				}
			}
		}
		mustRun(t, tg, opt)
	})
}
