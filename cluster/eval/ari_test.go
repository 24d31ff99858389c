package eval

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestARIHandComputed(t *testing.T) {
	tests := []struct {
		name            string
		computed, truth string
		want            float64
	}{
		{
			// Identical up to names → 1.
			name:     "identical, renamed",
			computed: "x:a,b,c y:d,e",
			truth:    "P:a,b,c Q:d,e",
			want:     1,
		},
		{
			// The scikit-learn documentation example: truth [0 0 0 1 1 1],
			// computed [0 0 1 1 2 2]. n_ij: (x,P)=2 (y,P)=1 (y,Q)=1 (z,Q)=2
			// → Σ C(n_ij,2) = 1+0+0+1 = 2. Rows 2,2,2 → Σ = 3; columns
			// 3,3 → Σ = 6; C(6,2) = 15; E = 3·6/15 = 1.2; max = 4.5.
			// ARI = (2 − 1.2)/(4.5 − 1.2) = 0.8/3.3 = 8/33.
			name:     "scikit-learn example",
			computed: "x:a,b y:c,d z:e,f",
			truth:    "P:a,b,c Q:d,e,f",
			want:     8.0 / 33.0,
		},
		{
			// One computed cluster vs truth 2+2: n_ij 2,2 → Σ = 2; rows:
			// C(4,2) = 6; columns 1+1 = 2; E = 6·2/6 = 2; max = 4.
			// ARI = 0/2 = 0.
			name:     "one cluster vs two",
			computed: "all:a,b,c,d",
			truth:    "P:a,b Q:c,d",
			want:     0,
		},
		{
			// All singletons vs truth 2+2: Σ n_ij = 0, rows 0, E = 0,
			// max = 1. ARI = 0.
			name:     "singletons vs two",
			computed: "1:a 2:b 3:c 4:d",
			truth:    "P:a,b Q:c,d",
			want:     0,
		},
		{
			// Crossed: {a,b}{c,d} vs {a,c}{b,d}: Σ n_ij = 0; rows 2,
			// columns 2; E = 4/6; max = 2. ARI = (−2/3)/(4/3) = −0.5.
			name:     "crossed partitions",
			computed: "x:a,b y:c,d",
			truth:    "P:a,c Q:b,d",
			want:     -0.5,
		},
		{
			// One object moved: x {a,b} y {c,d,e,f} vs P {a,b,c} Q {d,e,f}.
			// n_ij: (x,P)=2 (y,P)=1 (y,Q)=3 → 1+0+3 = 4. Rows: 1 + 6 = 7;
			// columns 3+3 = 6; E = 42/15 = 2.8; max = 6.5.
			// ARI = 1.2/3.7 = 12/37.
			name:     "one object moved",
			computed: "x:a,b y:c,d,e,f",
			truth:    "P:a,b,c Q:d,e,f",
			want:     12.0 / 37.0,
		},
		// Degenerate cases, defined as 1 (the partitions are equal).
		{name: "no objects", computed: "", truth: "", want: 1},
		{name: "one object", computed: "x:a", truth: "P:a", want: 1},
		{name: "one cluster each", computed: "x:a,b,c", truth: "P:a,b,c", want: 1},
		{name: "all singletons each", computed: "1:a 2:b 3:c", truth: "4:a 5:b 6:c", want: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ARI(part(tc.computed), part(tc.truth))
			if math.Abs(got-tc.want) > eps {
				t.Errorf("ARI = %v, want %v", got, tc.want)
			}
		})
	}
}

// pairCountARI is the pair-counting form of the same index, written
// independently: a = pairs together in both, b = together only in A,
// c = together only in B, d = apart in both;
// ARI = 2(ad − bc) / ((a+b)(b+d) + (a+c)(c+d)).
func pairCountARI(x, y map[string]string) float64 {
	var objs []string
	for o := range x {
		if _, ok := y[o]; ok {
			objs = append(objs, o)
		}
	}
	var a, b, c, d float64
	for i := range objs {
		for j := i + 1; j < len(objs); j++ {
			sx := x[objs[i]] == x[objs[j]]
			sy := y[objs[i]] == y[objs[j]]
			switch {
			case sx && sy:
				a++
			case sx:
				b++
			case sy:
				c++
			default:
				d++
			}
		}
	}
	return 2 * (a*d - b*c) / ((a+b)*(b+d) + (a+c)*(c+d))
}

func TestARIProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 300; trial++ {
		n := 3 + rng.IntN(50)
		a := randomLabels(rng, n, 2+rng.IntN(6), "c")
		b := randomLabels(rng, n, 2+rng.IntN(6), "t")
		if got := ARI(a, a); math.Abs(got-1) > eps {
			t.Fatalf("ARI(A, A) = %v, want 1", got)
		}
		ab, ba := ARI(a, b), ARI(b, a)
		if math.Abs(ab-ba) > eps {
			t.Fatalf("ARI not symmetric: %v vs %v", ab, ba)
		}
		if ab > 1+eps || ab < -1-eps || math.IsNaN(ab) {
			t.Fatalf("ARI out of range: %v", ab)
		}
		want := pairCountARI(a, b)
		if math.IsNaN(want) {
			continue // both trivial in the same way; covered by the hand cases
		}
		if math.Abs(ab-want) > 1e-9 {
			t.Fatalf("ARI = %v, pair-counting form %v (A=%v B=%v)", ab, want, a, b)
		}
	}
}
