package pipeline_test

import (
	"path/filepath"
	"testing"

	"github.com/decomp/decomp/config"
	"github.com/decomp/decomp/internal/pipeline"
)

// TestFlagsBeatConfig: every key the config sets is overridden by a flag
// the user gave, and fills in the option otherwise.
func TestFlagsBeatConfig(t *testing.T) {
	seed, prior := uint64(9), 0.0
	c := &config.Config{
		Granularity: "type", CallGraph: "cha", Resolution: 2, Seed: &seed, FolderPrior: &prior,
		Tags: []string{"x"}, Thresholds: config.Thresholds{ModelFields: 12}, IncludeGenerated: true,
	}
	flagged := pipeline.Options{Granularity: "package", CallGraph: "static", Resolution: 1.5, Seed: 3, FolderPrior: 0.5,
		Tags: []string{"y"}, ModelFields: 40, IncludeGenerated: false}
	all := func(string) bool { return true }
	o := flagged
	o.ApplyConfig(c, all)
	o.Config = nil
	if o.Granularity != "package" || o.CallGraph != "static" || o.Resolution != 1.5 || o.Seed != 3 || o.FolderPrior != 0.5 ||
		o.Tags[0] != "y" || o.ModelFields != 40 || o.IncludeGenerated {
		t.Errorf("flags did not win: %+v", o)
	}
	o = flagged
	o.ApplyConfig(c, func(string) bool { return false })
	if o.Granularity != "type" || o.CallGraph != "cha" || o.Resolution != 2 || o.Seed != 9 || o.FolderPrior != 0 ||
		o.Tags[0] != "x" || o.ModelFields != 12 || !o.IncludeGenerated {
		t.Errorf("config did not fill in: %+v", o)
	}
}

// TestFindConfig: the config is looked up in the directory, then in each
// parent up to the module root, never above it.
func TestFindConfig(t *testing.T) {
	files := map[string]bool{
		"/r/go.mod": true, "/r/.decomp.yaml": true, "/r/a/b/x.go": true,
		"/w/decomp.yaml": true, "/w/m/go.mod": true,
	}
	exists := func(p string) bool { return files[filepath.ToSlash(p)] }
	for _, tt := range []struct{ dir, given, want string }{
		{"/r/a/b", "", "/r/.decomp.yaml"}, // found in a parent
		{"/r", "", "/r/.decomp.yaml"},
		{"/w/m", "", ""}, // above the module root: not taken
		{"/r/a", "/elsewhere/c.yaml", "/elsewhere/c.yaml"},
	} {
		if got := filepath.ToSlash(pipeline.FindConfig(tt.dir, tt.given, exists)); got != tt.want {
			t.Errorf("FindConfig(%s, %q) = %q, want %q", tt.dir, tt.given, got, tt.want)
		}
	}
}
