package leiden

import (
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/graph/community"
)

// Benchmark graphs: planted partitions in groups of 100 with average degree
// 20 and 30% of the edges crossing groups. On the 100k graph the planted
// partition is not the modularity optimum (resolution limit: with 1000 groups,
// pairs that happen to share a few more edges gain by merging), so its ARI
// metric is low by design; Q is the figure to watch there.
func bench20k() testGraph  { return plantedSparse(20_000, 100, 200_000, 0.3, 20) }
func bench100k() testGraph { return plantedSparse(100_000, 100, 1_000_000, 0.3, 100) }

func benchmarkLeiden(b *testing.B, tg testGraph) {
	g := tg.leiden()
	var res Result
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var err error
		if res, err = Run(g, Options{Seed: uint64(i)}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(res.Quality, "Q")
	b.ReportMetric(float64(res.Communities), "communities")
	b.ReportMetric(float64(res.Iterations), "passes")
	b.ReportMetric(ari(res.Membership, tg.truth), "ARI")
}

// BenchmarkLeiden20k runs Leiden on 20k nodes / 200k edges.
func BenchmarkLeiden20k(b *testing.B) { benchmarkLeiden(b, bench20k()) }

// BenchmarkLeiden100k runs Leiden on 100k nodes / 1M edges.
func BenchmarkLeiden100k(b *testing.B) { benchmarkLeiden(b, bench100k()) }

// BenchmarkLouvain20k runs gonum's Louvain on the same 20k graph for
// comparison.
func BenchmarkLouvain20k(b *testing.B) {
	tg := bench20k()
	g := tg.gonum(b)
	var q float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := community.Modularize(g, 1, rand.NewPCG(uint64(i), 1))
		q = community.Q(g, r.Communities(), 1)
	}
	b.StopTimer()
	b.ReportMetric(q, "Q")
}
