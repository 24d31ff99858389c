package eval

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestScore(t *testing.T) {
	// Truth: two domain contexts of three plus an infrastructure bucket of
	// two; w is only in the truth, z only in the computed decomposition.
	truth := part("P:a,b,c Q:d,e,f _infra:i1,i2,w")
	computed := part("x:a,b y:c,d,e,f,i1 z:i2,z")

	t.Run("all labels", func(t *testing.T) {
		s := Score(computed, truth, false)
		// Scored: a b c d e f i1 i2 (8). A: x {a,b}→P, y {c,d,e,f,i1}→Q
		// (3 of 5: 2 moves), z {i2}→_infra. Matching 3, no joins, mno = 2.
		// B sizes 2,3,3 → G = 3 → max = 8 − 3 = 5; MoJoFM = 1 − 2/5.
		want := Scores{MoJoFM: 0.6, MoJo: 2, Objects: 8, Missing: 1, Extra: 1, ComputedClusters: 3, TruthClusters: 3}
		checkScores(t, s, want)
		// ARI: n_ij x·P 2→1, y·P 1, y·Q 3→3, y·_infra 1, z·_infra 1 → 4.
		// Rows 1 + 10 + 0 = 11; columns 3+3+1 = 7; C(8,2) = 28;
		// E = 77/28 = 2.75; max = 9. ARI = 1.25/6.25 = 0.2.
		if math.Abs(s.ARI-0.2) > eps {
			t.Errorf("ARI = %v, want 0.2", s.ARI)
		}
	})

	t.Run("domain only", func(t *testing.T) {
		s := Score(computed, truth, true)
		// i1, i2 dropped (and w, which is missing anyway, is not counted
		// as missing because it is non-domain). Scored a..f: the "one
		// object misplaced" case: mno 1, max 4.
		want := Scores{MoJoFM: 0.75, MoJo: 1, Objects: 6, Missing: 0, Extra: 1, NonDomain: 2, ComputedClusters: 2, TruthClusters: 2}
		checkScores(t, s, want)
		if math.Abs(s.ARI-12.0/37.0) > eps {
			t.Errorf("ARI = %v, want 12/37", s.ARI)
		}
	})

	t.Run("nothing in common", func(t *testing.T) {
		s := Score(part("x:q"), truth, false)
		if s.Objects != 0 || s.Missing != 9 || s.Extra != 1 {
			t.Errorf("Score = %+v, want 0 objects, 9 missing, 1 extra", s)
		}
	})
}

func checkScores(t *testing.T, got, want Scores) {
	t.Helper()
	if math.Abs(got.MoJoFM-want.MoJoFM) > eps {
		t.Errorf("MoJoFM = %v, want %v", got.MoJoFM, want.MoJoFM)
	}
	got.MoJoFM, got.ARI = want.MoJoFM, want.ARI
	if got != want {
		t.Errorf("Score = %+v\nwant    %+v", got, want)
	}
}

func BenchmarkScore(b *testing.B) {
	rng := rand.New(rand.NewPCG(11, 12))
	computed := randomLabels(rng, 50000, 300, "c")
	truth := randomLabels(rng, 50000, 200, "t")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Score(computed, truth, false)
	}
}
