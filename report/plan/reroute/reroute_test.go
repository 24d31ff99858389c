package reroute_test

import (
	"bytes"
	"context"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/decomp/decomp/config"
	"github.com/decomp/decomp/internal/pipeline"
	"github.com/decomp/decomp/internal/testenv"
	"github.com/decomp/decomp/internal/testfs"
	"github.com/decomp/decomp/internal/udiff"
	"github.com/decomp/decomp/report/plan/reroute"
)

// patches plans a copy of a fixture and computes every step's patch.
func patches(t *testing.T, fixture, first string) (string, []reroute.Result) {
	t.Helper()
	dir := testfs.Copy(t, filepath.Join("..", "..", "..", "testdata", fixture))
	o := pipeline.DefaultOptions()
	o.Dir, o.First, o.History = dir, first, "off"
	if cfg := filepath.Join(dir, "decomp.yaml"); fileExists(cfg) {
		c, err := config.Load(cfg)
		if err != nil {
			t.Fatal(err)
		}
		o.ConfigPath = cfg
		o.ApplyConfig(c, func(string) bool { return false })
	}
	out, err := pipeline.Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := pipeline.LoadProgram(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	var steps []reroute.Step
	for _, s := range out.Plan.Steps {
		if len(s.Seam.Methods) == 0 {
			continue
		}
		files, err := s.Seam.Files(s.Context)
		if err != nil {
			t.Fatal(err)
		}
		steps = append(steps, reroute.Step{N: s.N, Context: s.Context, Seam: s.Seam, Callers: s.Callers,
			Import: out.Facts.Module + "/internal/seams/" + s.Seam.Package, File: "internal/seams/" + s.Seam.Package + "/seam.go", Src: files["seam.go"]})
	}
	res, err := reroute.Patches(prog, steps)
	if err != nil {
		t.Fatal(err)
	}
	return dir, res
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// apply applies a multi-file patch made of udiff.Unified sections.
func apply(t *testing.T, dir string, patch []byte) {
	t.Helper()
	lines := strings.SplitAfter(string(patch), "\n")
	var starts []int
	for i := 0; i+1 < len(lines); i++ {
		if strings.HasPrefix(lines[i], "--- ") && strings.HasPrefix(lines[i+1], "+++ ") {
			starts = append(starts, i)
		}
	}
	for k, at := range starts {
		end := len(lines)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		name := strings.TrimSpace(strings.TrimPrefix(lines[at+1], "+++ b/"))
		path := filepath.Join(dir, filepath.FromSlash(name))
		old, err := os.ReadFile(path)
		if err != nil && lines[at] != "--- /dev/null\n" {
			t.Fatal(err)
		}
		got, err := udiff.Apply(old, []byte(strings.Join(lines[at:end], "")))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		if src, err := format.Source(got); err != nil || !bytes.Equal(src, got) {
			t.Errorf("%s is not gofmt-clean after the patch (%v)", name, err)
		}
	}
}

// Every step's patch, applied to a copy of the fixture one after another,
// keeps the module building and vetting, and reroutes every caller of a
// seam method that is not to move first.
func TestPatchesBuild(t *testing.T) {
	for _, c := range []struct{ fixture, first string }{{"musicstream", ""}, {"seams", "catalog"}} {
		t.Run(c.fixture, func(t *testing.T) {
			dir, res := patches(t, c.fixture, c.first)
			rerouted := 0
			for _, r := range res {
				for _, s := range r.Skipped {
					if !strings.HasPrefix(s.Reason, "move first: ") {
						t.Errorf("step %d: %s left: %s", r.N, s.Pos, s.Reason)
					}
				}
				rerouted += r.Rerouted
				apply(t, dir, r.Patch)
				for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
					if out, err := testenv.Go(t, dir, args...).CombinedOutput(); err != nil {
						t.Fatalf("after step %d (%s): go %s: %v\n%s\npatch:\n%s", r.N, r.Context, args[0], err, out, r.Patch)
					}
				}
			}
			if rerouted == 0 {
				t.Error("no call site rerouted")
			}
		})
	}
}

// The rewrites of the seams fixture: a function, a pointer receiver, a
// value receiver (its address taken), an interface.
func TestRewrites(t *testing.T) {
	dir, res := patches(t, "seams", "catalog")
	if len(res) == 0 || res[0].Context != "catalog" {
		t.Fatalf("results %+v", res)
	}
	apply(t, dir, res[0].Patch)
	src, err := os.ReadFile(filepath.Join(dir, "shop", "shop.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`(&catalogseam.Facade{}).Tag("a", "b", "c")`,
		`(&catalogseam.Facade{CatalogRepo: r}).RepoGet(1)`,
		`(&catalogseam.Facade{Cache: &c}).CacheGet(2)`,
		`(&catalogseam.Facade{Store: s}).Find(3)`,
		`(&catalogseam.Facade{CatalogShelf: (&catalogseam.Facade{CatalogRepo: r}).Shelf()}).ShelfGet(5)`,
		`"example.com/seams/internal/seams/catalogseam"`,
		`catalog.Map(`, // generic: a blocker, left as it is
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("shop.go lacks %s:\n%s", want, src)
		}
	}
}
