package metrics

import (
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

const eps = 1e-9

func near(a, b float64) bool { return math.Abs(a-b) <= eps }

func nodes(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "u" + strconv.Itoa(i)
	}
	return out
}

// threeContexts is the main hand-computed fixture: contexts C0 = {0,1,2},
// C1 = {3,4}, C2 = {5}; node 6 is unassigned.
func threeContexts() Input {
	return Input{
		Nodes:      nodes(7),
		Membership: []int{0, 0, 0, 1, 1, 2, -1},
		Edges: []Edge{
			{From: 0, To: 1, Kind: "call", Count: 3, Weight: 2},       // e1 intra C0
			{From: 1, To: 2, Kind: "call", Count: 1, Weight: 1},       // e2 intra C0
			{From: 0, To: 2, Kind: "type-use", Count: 2, Weight: 0.5}, // e3 intra C0
			{From: 2, To: 3, Kind: "call", Count: 2, Weight: 1},       // e4 C0 -> C1
			{From: 3, To: 4, Kind: "call", Count: 4, Weight: 2},       // e5 intra C1
			{From: 4, To: 0, Kind: "type-use", Count: 1, Weight: 0.5}, // e6 C1 -> C0
			{From: 5, To: 3, Kind: "call", Count: 1, Weight: 1},       // e7 C2 -> C1
			{From: 0, To: 6, Kind: "call", Count: 10, Weight: 5},      // e8 to an unassigned node: ignored
			{From: 1, To: 0, Kind: "call", Count: 1, Weight: 1},       // e9 intra C0, reverse of e1
			{From: 2, To: 2, Kind: "call", Count: 2, Weight: 1},       // e10 self-loop in C0
		},
	}
}

func TestComputeThreeContexts(t *testing.T) {
	r, err := Compute(threeContexts())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		got, want float64
	}{
		// Undirected pair weights (self-loop and e8 left out):
		// {0,1} 3, {1,2} 1, {0,2} .5, {2,3} 1, {3,4} 2, {0,4} .5, {3,5} 1;
		// 2m = 18. Strengths: k0 4, k1 4, k2 2.5, k3 4, k4 2.5, k5 1.
		// Q = Σ_c [2·W_c/2m − (K_c/2m)²]
		//   = 9/18 + 4/18 + 0 − (10.5² + 6.5² + 1²)/324
		//   = 234/324 − 153.5/324 = 161/648.
		{"modularity", r.Modularity, 161.0 / 648.0},
		// Calls between assigned nodes: e1 3, e2 1, e4 2, e5 4, e7 1,
		// e9 1, e10 2 = 14; crossing: e4 2 + e7 1 = 3.
		{"ICP", r.ICP, 3.0 / 14.0},
		// Directed distinct pairs: C0 (0,1) (1,2) (0,2) (1,0) → μ0 = 4;
		// C1 (3,4) → μ1 = 1; C2 μ2 = 0. σ01 = (2,3) (4,0) = 2;
		// σ12 = (5,3) = 1; σ02 = 0.
		// cohesion = (4/9 + 1/4 + 0)/3 = 25/108;
		// coupling = (2/(2·3·2) + 0 + 1/(2·2·1))/3 = (1/6 + 1/4)/3 = 5/36.
		// SM = 25/108 − 15/108 = 5/54.
		{"SM", r.SM, 5.0 / 54.0},
		// Units called from another context: C1's unit 3 (by 2 and by 5);
		// e6 is a type use, not a call. IFN = (0 + 1 + 0)/3.
		{"IFN", r.IFN, 1.0 / 3.0},
		// Every context has fewer than 5 units.
		{"NED", r.NED, 1},
		{"NEDBySize", r.NEDBySize, 1},
	}
	for _, tc := range tests {
		if !near(tc.got, tc.want) {
			t.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
	if r.Units != 6 || r.K != 3 || r.Calls != 14 || r.CrossCalls != 3 {
		t.Errorf("Units %d K %d Calls %d CrossCalls %d; want 6 3 14 3", r.Units, r.K, r.Calls, r.CrossCalls)
	}

	// C0: intra e1 2 + e2 1 + e3 .5 + e9 1 + e10 1 = 5.5; boundary e4 1 +
	// e6 .5 = 1.5 → cohesion 11/14. C1: intra 2; boundary e4 1 + e6 .5 +
	// e7 1 = 2.5 → 4/9. C2: boundary e7 1 → cohesion 0, coupling 1.
	wantCtx := []Context{
		{ID: 0, Units: 3, Size: 3, Intra: 5.5, Boundary: 1.5, Cohesion: 11.0 / 14.0, Coupling: 3.0 / 14.0, Interface: 0},
		{ID: 1, Units: 2, Size: 2, Intra: 2, Boundary: 2.5, Cohesion: 4.0 / 9.0, Coupling: 5.0 / 9.0, Interface: 1},
		{ID: 2, Units: 1, Size: 1, Intra: 0, Boundary: 1, Cohesion: 0, Coupling: 1, Interface: 0},
	}
	if len(r.Contexts) != len(wantCtx) {
		t.Fatalf("%d contexts, want %d", len(r.Contexts), len(wantCtx))
	}
	for i, w := range wantCtx {
		g := r.Contexts[i]
		if g.ID != w.ID || g.Units != w.Units || g.Size != w.Size || g.Interface != w.Interface ||
			!near(g.Intra, w.Intra) || !near(g.Boundary, w.Boundary) || !near(g.Cohesion, w.Cohesion) || !near(g.Coupling, w.Coupling) {
			t.Errorf("context %d = %+v\nwant        %+v", i, g, w)
		}
	}

	wantCross := []CrossPair{
		{From: 0, To: 1, Count: 2, Weight: 1, Kinds: []KindCount{{Kind: "call", Count: 2, Weight: 1}}},
		{From: 1, To: 0, Count: 1, Weight: 0.5, Kinds: []KindCount{{Kind: "type-use", Count: 1, Weight: 0.5}}},
		{From: 2, To: 1, Count: 1, Weight: 1, Kinds: []KindCount{{Kind: "call", Count: 1, Weight: 1}}},
	}
	if !reflect.DeepEqual(r.Cross, wantCross) {
		t.Errorf("Cross = %+v\nwant    %+v", r.Cross, wantCross)
	}
}

func TestComputeSmallCases(t *testing.T) {
	tests := []struct {
		name string
		in   Input
		want Result // only the global figures are compared
	}{
		{
			// Two contexts, no edge crosses. 2m = 2·(1+1) = 4, each
			// community has W 1 and strength 2: Q = 2·(2/4 − 1/4) = 0.5.
			// μ = 1 each: SM = (1/4 + 1/4)/2 − 0 = 0.25.
			name: "two clean contexts",
			in: Input{
				Nodes: nodes(4), Membership: []int{0, 0, 1, 1},
				Edges: []Edge{{0, 1, "call", 5, 1}, {2, 3, "call", 1, 1}},
			},
			want: Result{Modularity: 0.5, ICP: 0, SM: 0.25, IFN: 0, NED: 1, NEDBySize: 1},
		},
		{
			// Two contexts joined only by calls: 0->2 and 1->3, both
			// crossing. Pairs {0,2} {1,3} weight 1, 2m = 4, each community
			// strength 2, W 0: Q = 2·(0 − 1/4) = −0.5 (the minimum).
			// ICP = 1. SM = 0 − (2/(2·2·2))/1 = −0.25. IFN = (0 + 2)/2 = 1.
			name: "everything crosses",
			in: Input{
				Nodes: nodes(4), Membership: []int{0, 0, 1, 1},
				Edges: []Edge{{0, 2, "call", 1, 1}, {1, 3, "call", 3, 1}},
			},
			want: Result{Modularity: -0.5, ICP: 1, SM: -0.25, IFN: 1, NED: 1, NEDBySize: 1},
		},
		{
			// One context: Q is 0 (W/m − (2m/2m)² = 1 − 1); SM is just
			// the density μ/N² = 2/9; nothing crosses.
			name: "single context",
			in: Input{
				Nodes: nodes(3), Membership: []int{0, 0, 0},
				Edges: []Edge{{0, 1, "call", 1, 1}, {1, 2, "type-use", 1, 3}},
			},
			want: Result{Modularity: 0, ICP: 0, SM: 2.0 / 9.0, IFN: 0, NED: 1, NEDBySize: 1},
		},
		{
			// No edges at all: every figure is defined as 0 except NED.
			name: "no edges",
			in:   Input{Nodes: nodes(2), Membership: []int{0, 1}},
			want: Result{NED: 1, NEDBySize: 1},
		},
		{
			// Nothing assigned.
			name: "all unassigned",
			in: Input{
				Nodes: nodes(2), Membership: []int{-1, -1},
				Edges: []Edge{{0, 1, "call", 1, 1}},
			},
			want: Result{},
		},
		{
			// Custom call kinds: the dynamic call crosses (count 3), the
			// static one does not (count 1). ICP = 3/4; unit 2 is an
			// interface of context 1: IFN = (0+1)/2.
			// Pairs {0,1} 1, {0,2} 1: 2m = 4; k0 2, k1 1, k2 1.
			// C0 {0,1}: W 1, K 3; C1 {2}: W 0, K 1.
			// Q = 2/4 − 9/16 − 1/16 = −0.125.
			// SM: μ0 = 1 → 1/4; μ1 = 0; σ01 = 1 → 1/(2·2·1) = 1/4.
			// SM = (1/4)/2 − (1/4)/1 = −0.125.
			name: "call kinds",
			in: Input{
				Nodes: nodes(3), Membership: []int{0, 0, 1},
				Edges:     []Edge{{0, 1, "call", 1, 1}, {0, 2, "dynamic-call", 3, 1}},
				CallKinds: []string{"call", "dynamic-call"},
			},
			want: Result{Modularity: -0.125, ICP: 0.75, SM: -0.125, IFN: 0.5, NED: 1, NEDBySize: 1},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Compute(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			got := []float64{r.Modularity, r.ICP, r.SM, r.IFN, r.NED, r.NEDBySize}
			want := []float64{tc.want.Modularity, tc.want.ICP, tc.want.SM, tc.want.IFN, tc.want.NED, tc.want.NEDBySize}
			names := []string{"Modularity", "ICP", "SM", "IFN", "NED", "NEDBySize"}
			for i := range got {
				if !near(got[i], want[i]) {
					t.Errorf("%s = %v, want %v", names[i], got[i], want[i])
				}
			}
		})
	}
}

func TestNED(t *testing.T) {
	// Contexts of 4, 5, 20 and 21 units: 4 and 21 are extreme (the bounds 5
	// and 20 are not). NED = (4 + 21)/50 = 0.5. Sizes: 10 per unit in the
	// first, 1 in the next two, 2 in the last → extreme 40 + 42 of
	// 40 + 5 + 20 + 42 = 107.
	var in Input
	for c, n := range []int{4, 5, 20, 21} {
		for i := 0; i < n; i++ {
			in.Membership = append(in.Membership, c)
			in.Size = append(in.Size, []int{10, 1, 1, 2}[c])
		}
	}
	in.Nodes = nodes(len(in.Membership))
	r, err := Compute(in)
	if err != nil {
		t.Fatal(err)
	}
	if !near(r.NED, 0.5) {
		t.Errorf("NED = %v, want 0.5", r.NED)
	}
	if !near(r.NEDBySize, 82.0/107.0) {
		t.Errorf("NEDBySize = %v, want 82/107", r.NEDBySize)
	}
	if r.Contexts[0].Size != 40 || r.Contexts[3].Size != 42 {
		t.Errorf("context sizes %d, %d; want 40, 42", r.Contexts[0].Size, r.Contexts[3].Size)
	}
}

func TestEmptyContextIndex(t *testing.T) {
	// Context 1 has no units: it is listed (IDs stay indices) but does not
	// count in K, so IFN and SM average over the two real contexts.
	in := Input{
		Nodes: nodes(2), Membership: []int{0, 2},
		Edges: []Edge{{0, 1, "call", 1, 1}},
	}
	r, err := Compute(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Contexts) != 3 || r.Contexts[1].Units != 0 || r.K != 2 {
		t.Fatalf("contexts %+v, K %d; want 3 listed, K 2", r.Contexts, r.K)
	}
	// IFN = (0 + 1)/2; SM = 0 − (1/(2·1·1))/1 = −0.5.
	if !near(r.IFN, 0.5) || !near(r.SM, -0.5) {
		t.Errorf("IFN %v SM %v; want 0.5, -0.5", r.IFN, r.SM)
	}
}

func TestComputeRejectsBadInput(t *testing.T) {
	tests := []struct {
		name string
		in   Input
		want string
	}{
		{"membership length", Input{Nodes: nodes(2), Membership: []int{0}}, "1 memberships for 2 nodes"},
		{"size length", Input{Nodes: nodes(2), Membership: []int{0, 0}, Size: []int{1}}, "1 sizes for 2 nodes"},
		{"bad context", Input{Nodes: nodes(1), Membership: []int{-2}}, "context -2"},
		{"negative size", Input{Nodes: nodes(1), Membership: []int{0}, Size: []int{-1}}, "negative size"},
		{"edge out of range", Input{Nodes: nodes(1), Membership: []int{0}, Edges: []Edge{{0, 1, "call", 1, 1}}}, "out of range"},
		{"negative edge index", Input{Nodes: nodes(1), Membership: []int{0}, Edges: []Edge{{-1, 0, "call", 1, 1}}}, "out of range"},
		{"negative count", Input{Nodes: nodes(2), Membership: []int{0, 0}, Edges: []Edge{{0, 1, "call", -1, 1}}}, "negative count"},
		{"negative weight", Input{Nodes: nodes(2), Membership: []int{0, 0}, Edges: []Edge{{0, 1, "call", 1, -1}}}, "weight -1"},
		{"NaN weight", Input{Nodes: nodes(2), Membership: []int{0, 0}, Edges: []Edge{{0, 1, "call", 1, math.NaN()}}}, "weight NaN"},
		{"infinite weight", Input{Nodes: nodes(2), Membership: []int{0, 0}, Edges: []Edge{{0, 1, "call", 1, math.Inf(1)}}}, "weight +Inf"},
		{"empty kind", Input{Nodes: nodes(2), Membership: []int{0, 0}, Edges: []Edge{{0, 1, "", 1, 1}}}, "empty kind"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Compute(tc.in)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// referenceQ computes Newman's modularity directly, as an independent check
// of the gonum-based figure: Q = Σ_c [W_c/m − (K_c/2m)²] over the
// undirected, self-loop-free graph of assigned units.
func referenceQ(in Input) float64 {
	var m float64
	strength := map[int]float64{}
	within := map[int]float64{}
	total := map[int]float64{}
	for _, e := range in.Edges {
		a, b := in.Membership[e.From], in.Membership[e.To]
		if a < 0 || b < 0 || e.From == e.To {
			continue
		}
		m += e.Weight
		strength[e.From] += e.Weight
		strength[e.To] += e.Weight
		if a == b {
			within[a] += e.Weight
		}
	}
	if m == 0 {
		return 0
	}
	for v, s := range strength {
		total[in.Membership[v]] += s
	}
	var q float64
	for c, k := range total {
		q += within[c]/m - (k/(2*m))*(k/(2*m))
	}
	return q
}

func randomInput(rng *rand.Rand, n, k, edges int) Input {
	in := Input{Nodes: nodes(n), Membership: make([]int, n)}
	for v := range in.Membership {
		in.Membership[v] = rng.IntN(k+1) - 1 // some unassigned
	}
	kinds := []string{"call", "type-use", "data-access"}
	for i := 0; i < edges; i++ {
		in.Edges = append(in.Edges, Edge{
			From: rng.IntN(n), To: rng.IntN(n), Kind: kinds[rng.IntN(len(kinds))],
			Count: rng.IntN(5), Weight: float64(rng.IntN(8)) / 2,
		})
	}
	return in
}

func TestModularityMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := 0; trial < 200; trial++ {
		in := randomInput(rng, 2+rng.IntN(30), 1+rng.IntN(5), rng.IntN(80))
		r, err := Compute(in)
		if err != nil {
			t.Fatal(err)
		}
		if want := referenceQ(in); math.Abs(r.Modularity-want) > 1e-9 {
			t.Fatalf("trial %d: Modularity %v, reference %v", trial, r.Modularity, want)
		}
		if r.ICP < 0 || r.ICP > 1 || r.SM < -1 || r.SM > 1 || r.NED < 0 || r.NED > 1 {
			t.Fatalf("trial %d: figure out of range: %+v", trial, r)
		}
		for _, c := range r.Contexts {
			if c.Intra+c.Boundary > 0 && !near(c.Cohesion+c.Coupling, 1) {
				t.Fatalf("trial %d: cohesion %v + coupling %v != 1", trial, c.Cohesion, c.Coupling)
			}
		}
	}
}

func TestComputeDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	in := randomInput(rng, 200, 8, 2000)
	first, err := Compute(in)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		again, err := Compute(in)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(first, again) {
			t.Fatalf("run %d differs from the first", i)
		}
	}
}

func BenchmarkCompute(b *testing.B) {
	rng := rand.New(rand.NewPCG(9, 10))
	in := randomInput(rng, 5000, 40, 50000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Compute(in); err != nil {
			b.Fatal(err)
		}
	}
}
