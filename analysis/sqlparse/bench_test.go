package sqlparse

import "testing"

// BenchmarkExtractCorpus measures Extract over the whole corpus, each entry
// with its own dialect hint (one op = one pass over the corpus).
func BenchmarkExtractCorpus(b *testing.B) {
	entries := loadCorpus(b)
	Extract("SELECT 1", Postgres) // keep the one-time WebAssembly compile out of the timing
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, e := range entries {
			Extract(e.sql, e.dialect)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(entries)), "ns/stmt")
}

// BenchmarkExtractUnknownDialect measures the guess-then-try path.
func BenchmarkExtractUnknownDialect(b *testing.B) {
	entries := loadCorpus(b)
	Extract("SELECT 1", Postgres)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, e := range entries {
			Extract(e.sql, Unknown)
		}
	}
}

// BenchmarkScannerCorpus measures the tolerant scanner alone.
func BenchmarkScannerCorpus(b *testing.B) {
	entries := loadCorpus(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, e := range entries {
			scanOnly(e.sql, e.dialect)
		}
	}
}
