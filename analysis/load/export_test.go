package load_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/decomp/decomp/analysis"
	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/load"
	"github.com/decomp/decomp/internal/testfs"
)

// memExports is an in-memory load.ExportCache that counts its traffic.
type memExports struct {
	mu         sync.Mutex
	m          map[string][]byte
	hits, puts int
	corrupt    bool // serve garbage for every key
}

func (c *memExports) GetExport(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	data, ok := c.m[key]
	if ok {
		c.hits++
		if c.corrupt {
			return []byte("i\x00garbage"), true
		}
	}
	return data, ok
}

func (c *memExports) PutExport(key string, data []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key] = data
	c.puts++
}

func extract(t *testing.T, dir string, exports load.ExportCache) (*load.Program, *facts.Facts) {
	t.Helper()
	prog, err := load.Load(context.Background(), load.Config{Dir: dir, Env: os.Environ(), Exports: exports})
	if err != nil {
		t.Fatal(err)
	}
	deps := 0
	for path := range prog.All {
		if !prog.InModule(path) && path != "unsafe" {
			deps++
		}
	}
	if prog.Deps != deps {
		t.Errorf("Deps = %d, want %d", prog.Deps, deps)
	}
	f, err := analysis.Extract(context.Background(), prog, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return prog, f
}

// TestLoadExportCache: dependencies type-checked once are read back from
// export data, the module never is, and the facts are the same either way,
// also when an entry does not decode or a dependency changes.
func TestLoadExportCache(t *testing.T) {
	dir := testfs.Copy(t, "testdata/vendored")
	_, want := extract(t, dir, nil)
	if len(want.Calls) == 0 {
		t.Fatal("no calls: the fixture no longer calls through the dependency")
	}

	c := &memExports{m: map[string][]byte{}}
	prog, got := extract(t, dir, c)
	// Every dependency, the vendored one with an init and a generic
	// function included, type-checks without an error and is kept.
	if c.puts != prog.Deps || c.hits != 0 || prog.DepsCached != 0 {
		t.Errorf("first load: %d puts, %d hits, %d cached, want a put for each of %d dependencies", c.puts, c.hits, prog.DepsCached, prog.Deps)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("facts differ with an empty export cache")
	}

	puts := c.puts
	prog, got = extract(t, dir, c)
	if c.puts != puts || c.hits != prog.Deps || prog.DepsCached != prog.Deps {
		t.Errorf("second load: %d new puts, %d hits, %d cached, want every one of %d dependencies from the cache", c.puts-puts, c.hits, prog.DepsCached, prog.Deps)
	}
	if dep := prog.All["example.com/dep"]; dep == nil || dep.Types.Scope().Lookup("Map") == nil {
		t.Fatalf("dependency not read back: %+v", dep)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("facts differ when dependencies come from export data")
	}

	c.corrupt = true
	prog, got = extract(t, dir, c)
	if prog.DepsCached != 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("undecodable entries: %d dependencies taken from them, facts same %v", prog.DepsCached, reflect.DeepEqual(got, want))
	}
	c.corrupt = false

	// A vendored dependency is identified by its content.
	name := filepath.Join(dir, "vendor", "example.com", "dep", "dep.go")
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, append(src, "\n// Lower is new.\nfunc Lower(s string) string { return strings.ToLower(s) }\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	puts = c.puts
	prog, _ = extract(t, dir, c)
	if c.puts != puts+1 || prog.DepsCached != prog.Deps-1 {
		t.Errorf("after editing the vendored dependency: %d puts, %d of %d from the cache, want 1 put and the rest cached", c.puts-puts, prog.DepsCached, prog.Deps)
	}
	if prog.All["example.com/dep"].Types.Scope().Lookup("Lower") == nil {
		t.Error("the edited dependency was read from a stale entry")
	}
}

// TestLoadExportCacheTestVariant: with tests on and a dependency matched
// by the patterns, the dependency's test variant is type-checked too, but
// the export data of the packages importing the dependency is always read
// against the dependency itself (they once raced for it, and a module
// package saw two *a.T types).
func TestLoadExportCacheTestVariant(t *testing.T) {
	dir := filepath.Join("testdata", "testvariant", "m")
	c := &memExports{m: map[string][]byte{}}
	for i := range 12 {
		prog, err := load.Load(context.Background(), load.Config{
			Dir: dir, Env: append(os.Environ(), "GOFLAGS=-mod=mod"), Tests: true,
			Patterns: []string{"./...", "example.com/a"}, Exports: c,
		})
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 && prog.DepsCached == 0 {
			t.Fatalf("load %d: nothing read from the cache", i)
		}
		for _, w := range prog.Warnings {
			t.Errorf("load %d: %s %s %s", i, w.Pkg, w.Pos, w.Message)
		}
	}
}
