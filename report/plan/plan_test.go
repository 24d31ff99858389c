package plan_test

import (
	"context"
	"github.com/decomp/decomp/internal/testenv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/decomp/decomp/internal/pipeline"
	"github.com/decomp/decomp/internal/testfs"
	"github.com/decomp/decomp/internal/wanttest"
	"github.com/decomp/decomp/report/plan"
)

func planOf(t *testing.T, dir, first string) *plan.Plan {
	t.Helper()
	o := pipeline.DefaultOptions()
	o.Dir, o.First = dir, first
	cfg := filepath.Join(dir, "decomp.yaml")
	if _, err := os.Stat(cfg); err == nil {
		o.ConfigPath = cfg
	}
	if o.ConfigPath != "" {
		c, err := loadConfig(cfg)
		if err != nil {
			t.Fatal(err)
		}
		o.ApplyConfig(c, func(string) bool { return false })
	}
	out, err := pipeline.Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	return out.Plan
}

// Every step's seam and facade, written into a copy of the fixture one
// step after another, keeps the module building and vetting; and every
// call into the context from outside is a seam method, a blocker with its reason, or kept out of the
// seam with its reason.
func TestSeamsBuild(t *testing.T) {
	for _, fixture := range []string{"musicstream", "seams"} {
		t.Run(fixture, func(t *testing.T) {
			dir := testfs.Copy(t, filepath.Join("..", "..", "testdata", fixture))
			p := planOf(t, dir, "")
			emitted := 0
			for _, s := range p.Steps {
				covered := map[string]bool{}
				for _, m := range s.Seam.Methods {
					covered[m.Target] = true
				}
				for _, b := range s.Seam.Blockers {
					covered[b.Target] = true
				}
				for _, b := range s.Seam.Outside {
					covered[b.Target] = true
				}
				for _, c := range s.Callers {
					if !covered[c.To] {
						t.Errorf("step %d (%s): the call at %s to %s is neither in the seam, a blocker nor kept out", s.N, s.Context, c.Pos, c.To)
					}
				}
				if len(s.Seam.Methods) == 0 {
					continue
				}
				files, err := s.Seam.Files(s.Context)
				if err != nil {
					t.Fatal(err)
				}
				for name, src := range files {
					path := filepath.Join(dir, "internal", "seams", s.Seam.Package, name)
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, src, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				emitted++
				for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
					cmd := testenv.Go(t, dir, args...)
					if out, err := cmd.CombinedOutput(); err != nil {
						t.Fatalf("after step %d (%s): go %s: %v\n%s", s.N, s.Context, strings.Join(args, " "), err, out)
					}
				}
			}
			if emitted == 0 {
				t.Fatal("no seam emitted")
			}
		})
	}
}

// The hard signatures: generics, unexported types, variadics, name and
// package-name clashes.
func TestHardSignatures(t *testing.T) {
	p := planOf(t, filepath.Join("..", "..", "testdata", "seams"), "catalog")
	s := p.Steps[0]
	if s.Context != "catalog" || !strings.Contains(s.Why, "--first") {
		t.Fatalf("first step %s: %s", s.Context, s.Why)
	}
	got := map[string]string{}
	for _, m := range s.Seam.Methods {
		got[m.Name] = m.Signature
	}
	want := map[string]string{
		"CacheGet": "(id int) (models.Item, error)",
		"ShelfGet": "(id int) (models.Item, error)",
		"Shelf":    "() *catalog.Shelf",
		"RepoGet":  "(id int) (models.Item, error)",
		"Convert":  "(x models.Item, y models2.Invoice) models2.Invoice",
		"Tag":      "(name string, labels ...string) string",
		"Raw":      "(p int, p0 string) error",
		"Lookup":   "(f_ int) (n int, err error)",
		"Named":    "(catalog_ int) int",
		"Blank":    "(p0 int, p int) int",
		"Count":    "() int",
		"Repo":     "() int",
		"Find":     "(id int) models.Item",
		"String":   "() string",
	}
	for name, sig := range want {
		if got[name] != sig {
			t.Errorf("method %s: %q, want %q", name, got[name], sig)
		}
	}
	if len(got) != len(want) {
		t.Errorf("methods %v", got)
	}
	reasons := map[string]string{}
	for _, b := range s.Seam.Blockers {
		reasons[b.Target[strings.LastIndexByte(b.Target, '/')+1:]] = b.Reason
	}
	for target, word := range map[string]string{
		"catalog.Map":           "generic",
		"catalog.(*item).Price": "unexported type",
		"catalog.Secret":        "unexported type catalog.hidden",
		"catalog.PickItem":      "unexported type catalog.item",
		"catalog.Box.Get":       "generic",
	} {
		if !strings.Contains(reasons[target], word) {
			t.Errorf("blocker %s: %q, want it to say %q", target, reasons[target], word)
		}
	}
	// What is no service operation stays out of the seam, with its reason.
	kept := map[string]string{}
	for _, b := range s.Seam.Outside {
		kept[b.Target[strings.LastIndexByte(b.Target, '/')+1:]] = b.Reason
	}
	for target, word := range map[string]string{
		"catalog.(*NotFound).Missing": "a method of error type catalog.NotFound",
		"catalog.NewQuery":            "a constructor",
		"catalog.(*Query).Limit":      "a builder's method",
		"catalog.Serve":               "mentions http.ResponseWriter (net/http)",
	} {
		if !strings.Contains(kept[target], word) {
			t.Errorf("kept out %s: %q, want it to say %q", target, kept[target], word)
		}
	}
	if len(kept) != 4 {
		t.Errorf("kept out of the seam: %v", kept)
	}
	for _, m := range s.Seam.Methods {
		if m.Name == "Tag" && m.Call != "catalog.Tag(name, labels...)" {
			t.Errorf("variadic call %q", m.Call)
		}
		if m.Name == "Find" && m.Call != "f.Store.Find(id)" {
			t.Errorf("interface call %q", m.Call)
		}
	}
	fields := map[string]string{}
	for _, fl := range s.Seam.Fields {
		fields[fl.Name] = fl.Type
	}
	for name, typ := range map[string]string{"Store": "catalog.Store", "CatalogRepo": "*catalog.Repo", "DbRepo": "*db.Repo", "Service": "*catalog.Service"} {
		if fields[name] != typ {
			t.Errorf("facade field %s: %q, want %q (fields %v)", name, fields[name], typ, fields)
		}
	}
}

func TestFirstUnknown(t *testing.T) {
	o := pipeline.DefaultOptions()
	o.Dir, o.First = filepath.Join("..", "..", "testdata", "musicstream"), "nope"
	_, err := pipeline.Run(context.Background(), o)
	if err == nil || !strings.Contains(err.Error(), `--first "nope" is no context (contexts: account, analytics,`) {
		t.Errorf("err = %v", err)
	}
}

// Statements spanning tables of two contexts, checked against the
// `// want` comments in the sample monolith.
func TestJoins(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "musicstream")
	o := pipeline.DefaultOptions()
	o.Dir = dir
	out, err := pipeline.Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	var findings []wanttest.Finding
	for _, j := range plan.Joins(out.Facts, &out.Result.Decomposition) {
		findings = append(findings, wanttest.Finding{Pos: j.Pos, Message: "join " + strings.Join(j.Tables, ", ") + ": " + strings.Join(j.Others, ", ")})
	}
	wanttest.Check(t, dir, findings)
}
