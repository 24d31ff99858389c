package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestFactCacheIdentical: a run that reads its facts from the cache prints
// exactly what a run without the cache prints, for analyze, plan and check.
func TestFactCacheIdentical(t *testing.T) {
	sample := filepath.Join("..", "..", "testdata", "musicstream")
	t.Setenv("DECOMP_CACHE", t.TempDir())
	for _, args := range [][]string{
		{"analyze", "--format", "json"},
		{"analyze", "--format", "md"},
		{"plan"},
		{"check", "--format", "json"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			base := append(args[:len(args):len(args)], "-C", sample)
			code, want, _ := run(t, append(base, "--no-cache")...)
			_, cold, _ := run(t, base...)
			code2, warm, stderr := run(t, append(base, "-v")...)
			if !strings.Contains(stderr, "load and extract (cached)") {
				t.Errorf("the second run did not read the cache: %s", stderr)
			}
			if code2 != code || cold != want || warm != want {
				t.Errorf("outputs differ with the cache: exit %d/%d, cold same %v, warm same %v", code, code2, cold == want, warm == want)
			}
		})
	}
}
