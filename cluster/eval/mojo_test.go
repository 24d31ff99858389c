package eval

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// part builds an object -> label map from clusters written as
// "label:obj,obj label:obj".
func part(spec string) map[string]string {
	m := map[string]string{}
	for _, cl := range strings.Fields(spec) {
		label, objs, _ := strings.Cut(cl, ":")
		for _, o := range strings.Split(objs, ",") {
			m[o] = label
		}
	}
	return m
}

const eps = 1e-12

func TestMoJoFMHandComputed(t *testing.T) {
	tests := []struct {
		name            string
		computed, truth string
		wantMNO         int
		wantMax         int
		want            float64
	}{
		{
			// Same partition under other names: no moves, every A cluster
			// keeps its own group. mno = 0, MoJoFM = 1.
			name:     "identical partitions, renamed",
			computed: "x:a,b,c y:d,e,f",
			truth:    "P:a,b,c Q:d,e,f",
			wantMNO:  0, wantMax: 4, want: 1,
		},
		{
			// A = {a..f}; B sizes 3,3. A1 ties on both groups with 3:
			// 6−3 = 3 moves, one A cluster, matched: 0 joins. mno = 3.
			// max: sizes ascending 3,3 → G = 2 → 6−2 = 4. 1 − 3/4 = 0.25.
			name:     "one cluster vs two",
			computed: "all:a,b,c,d,e,f",
			truth:    "P:a,b,c Q:d,e,f",
			wantMNO:  3, wantMax: 4, want: 0.25,
		},
		{
			// Six singletons: no moves; each is tagged with its own group,
			// the matching pairs one singleton per group (2), so
			// 6−2 = 4 joins. mno = 4 = max → MoJoFM 0.
			name:     "all singletons vs two clusters",
			computed: "1:a 2:b 3:c 4:d 5:e 6:f",
			truth:    "P:a,b,c Q:d,e,f",
			wantMNO:  4, wantMax: 4, want: 0,
		},
		{
			// One cluster vs four singletons: A1 overlaps each group by 1,
			// 4−1 = 3 moves, no joins. max: sizes 1,1,1,1 → G = 1 → 3.
			name:     "one cluster vs all singletons",
			computed: "all:a,b,c,d",
			truth:    "1:a 2:b 3:c 4:d",
			wantMNO:  3, wantMax: 3, want: 0,
		},
		{
			// Four singletons vs one cluster: no moves, all four tagged
			// with the one group, one matched, 3 joins. max: size 4 → G = 1
			// → 3. MoJoFM 0.
			name:     "all singletons vs one cluster",
			computed: "1:a 2:b 3:c 4:d",
			truth:    "all:a,b,c,d",
			wantMNO:  3, wantMax: 3, want: 0,
		},
		{
			// c sits with d,e,f: A1 {a,b} → P (2, no move); A2 {c,d,e,f}
			// → Q 3 of 4, one move (c). Both matched, no joins. mno = 1,
			// max = 4, MoJoFM = 0.75.
			name:     "one object misplaced",
			computed: "x:a,b y:c,d,e,f",
			truth:    "P:a,b,c Q:d,e,f",
			wantMNO:  1, wantMax: 4, want: 0.75,
		},
		{
			// Truth is one cluster split three ways: no moves, all three
			// tagged P, one matched, 2 joins. max: size 5 → G = 1 → 4.
			// 1 − 2/4 = 0.5.
			name:     "truth cluster split in three",
			computed: "x:a,b y:c,d z:e",
			truth:    "P:a,b,c,d,e",
			wantMNO:  2, wantMax: 4, want: 0.5,
		},
		{
			// Needs an augmenting path. A1 {1,3} ties P (1) and Q (3): one
			// move. A2 {2} → P. A3 {4,5,6}: Q 1, R 2 → one move, tag R.
			// Greedy would give A1 P and leave A2 unmatched (3 joins
			// short); the maximum matching is A1–Q, A2–P, A3–R = 3, so no
			// joins. mno = 2. max: sizes 2,2,2 → G = 2 → 6−2 = 4. 0.5.
			name:     "maximum matching, not greedy",
			computed: "a1:1,3 a2:2 a3:4,5,6",
			truth:    "P:1,2 Q:3,4 R:5,6",
			wantMNO:  2, wantMax: 4, want: 0.5,
		},
		{
			// Objects outside the intersection are ignored: z only in the
			// computed map, w only in the truth. What is left is the
			// "one object misplaced" case.
			name:     "only common objects are scored",
			computed: "x:a,b y:c,d,e,f,z",
			truth:    "P:a,b,c Q:d,e,f,w",
			wantMNO:  1, wantMax: 4, want: 0.75,
		},
		{
			// Truth 4+3; x {a,b,c} → P, y {d} → P, z {e,f,g} → Q: no
			// moves; tags P,P,Q, matching 2 of 3 → one join. mno = 1.
			// max: sizes 3,4 → G = 2 → 7−2 = 5. 1 − 1/5 = 0.8.
			name:     "one join",
			computed: "x:a,b,c y:d z:e,f,g",
			truth:    "P:a,b,c,d Q:e,f,g",
			wantMNO:  1, wantMax: 5, want: 0.8,
		},
		{
			// y {d,e} ties P (d) and Q (e): one move, tags P,Q. x {a,b,c}
			// → P, z {f,g} → Q. Only two groups, so the matching is 2 of 3
			// → one join. mno = 2, max = 5, 1 − 2/5 = 0.6.
			name:     "a move and a join",
			computed: "x:a,b,c y:d,e z:f,g",
			truth:    "P:a,b,c,d Q:e,f,g",
			wantMNO:  2, wantMax: 5, want: 0.6,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := commonPartitions(part(tc.computed), part(tc.truth))
			if got := mno(a, b); got != tc.wantMNO {
				t.Errorf("mno = %d, want %d", got, tc.wantMNO)
			}
			if got := maxMNO(clusterSizes(b)); got != tc.wantMax {
				t.Errorf("max mno = %d, want %d", got, tc.wantMax)
			}
			if got := MoJoFM(part(tc.computed), part(tc.truth)); math.Abs(got-tc.want) > eps {
				t.Errorf("MoJoFM = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestMaxMNOReferenceExample(t *testing.T) {
	// The sizes in the comment of the MoJo 2.0 reference implementation's
	// maxDistanceTo: 1,2,3,4,5,6,7,8,10,10,10,15 give G = 11; n = 81.
	sizes := []int{10, 1, 15, 2, 3, 10, 4, 5, 6, 7, 8, 10} // order must not matter
	if got, want := maxMNO(sizes), 81-11; got != want {
		t.Errorf("maxMNO = %d, want %d", got, want)
	}
	if got := maxMNO([]int{0, 3, 0}); got != 2 {
		t.Errorf("maxMNO ignores empty clusters: got %d, want 2", got)
	}
	if got := maxMNO(nil); got != 0 {
		t.Errorf("maxMNO(nil) = %d, want 0", got)
	}
}

func TestMoJoFMTiny(t *testing.T) {
	if got := MoJoFM(nil, nil); got != 1 {
		t.Errorf("MoJoFM(empty) = %v, want 1 (defined)", got)
	}
	if got := MoJoFM(part("x:a"), part("P:a")); got != 1 {
		t.Errorf("MoJoFM(one object) = %v, want 1", got)
	}
	if got := MoJoFM(part("x:a"), part("P:b")); got != 1 {
		t.Errorf("MoJoFM(no common object) = %v, want 1 (defined)", got)
	}
}

// TestMNOMatchesBruteForce checks the matching algorithm against a
// breadth-first search over every partition reachable by single moves and
// joins, for every pair of partitions of up to six objects, and checks that
// maxMNO is the true maximum over all A for every B.
func TestMNOMatchesBruteForce(t *testing.T) {
	for n := 1; n <= 6; n++ {
		parts := allPartitions(n)
		worst := map[string]int{}
		for _, a := range parts {
			dist := bfsMoJo(a)
			for _, b := range parts {
				d, ok := dist[key(b)]
				if !ok {
					t.Fatalf("n=%d: %v unreachable from %v", n, b, a)
				}
				if got := mno(a, b); got != d {
					t.Fatalf("n=%d: mno(%v, %v) = %d, brute force %d", n, a, b, got, d)
				}
				if d > worst[key(b)] {
					worst[key(b)] = d
				}
			}
		}
		for _, b := range parts {
			if got, want := maxMNO(clusterSizes(b)), worst[key(b)]; got != want {
				t.Errorf("n=%d: maxMNO(%v) = %d, brute-force maximum %d", n, clusterSizes(b), got, want)
			}
		}
	}
}

func TestMoJoFMProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 300; trial++ {
		n := 2 + rng.IntN(60)
		a := randomLabels(rng, n, 1+rng.IntN(8), "c")
		b := randomLabels(rng, n, 1+rng.IntN(8), "t")
		if got := MoJoFM(a, a); got != 1 {
			t.Fatalf("MoJoFM(A, A) = %v, want 1 (A=%v)", got, a)
		}
		got := MoJoFM(a, b)
		if got < 0 || got > 1 || math.IsNaN(got) {
			t.Fatalf("MoJoFM out of [0,1]: %v (A=%v B=%v)", got, a, b)
		}
		// Renaming clusters changes nothing.
		renamed := map[string]string{}
		for o, l := range a {
			renamed[o] = "zz" + strings.ToUpper(l)
		}
		if r := MoJoFM(renamed, b); r != got {
			t.Fatalf("MoJoFM depends on cluster names: %v vs %v", r, got)
		}
	}
}

func randomLabels(rng *rand.Rand, n, k int, prefix string) map[string]string {
	m := make(map[string]string, n)
	for i := 0; i < n; i++ {
		m["o"+strconv.Itoa(i)] = prefix + strconv.Itoa(rng.IntN(k))
	}
	return m
}

// allPartitions lists every partition of n objects as restricted-growth
// strings (object i in cluster p[i], p[i] ≤ 1 + max(p[:i])).
func allPartitions(n int) [][]int {
	var out [][]int
	p := make([]int, n)
	var rec func(i, k int)
	rec = func(i, k int) {
		if i == n {
			out = append(out, append([]int(nil), p...))
			return
		}
		for c := 0; c <= k; c++ {
			p[i] = c
			next := k
			if c == k {
				next = k + 1
			}
			rec(i+1, next)
		}
	}
	rec(0, 0)
	return out
}

// canon renumbers clusters in order of first appearance.
func canon(p []int) []int {
	m := map[int]int{}
	out := make([]int, len(p))
	for i, c := range p {
		if _, ok := m[c]; !ok {
			m[c] = len(m)
		}
		out[i] = m[c]
	}
	return out
}

func key(p []int) string { return fmt.Sprint(canon(p)) }

// bfsMoJo returns the Move/Join distance from a to every partition.
func bfsMoJo(a []int) map[string]int {
	start := canon(a)
	dist := map[string]int{key(start): 0}
	queue := [][]int{start}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		d := dist[key(p)]
		k := len(clusterSizes(p))
		var next [][]int
		// Move one object to another existing cluster or to a new one.
		for o := range p {
			for c := 0; c <= k; c++ {
				if c == p[o] {
					continue
				}
				q := append([]int(nil), p...)
				q[o] = c
				next = append(next, q)
			}
		}
		// Join two clusters.
		for c1 := 0; c1 < k; c1++ {
			for c2 := c1 + 1; c2 < k; c2++ {
				q := append([]int(nil), p...)
				for o := range q {
					if q[o] == c2 {
						q[o] = c1
					}
				}
				next = append(next, q)
			}
		}
		for _, q := range next {
			q = canon(q)
			if _, seen := dist[key(q)]; !seen {
				dist[key(q)] = d + 1
				queue = append(queue, q)
			}
		}
	}
	return dist
}
