package synth

import (
	"bytes"
	"errors"
	"github.com/decomp/decomp/internal/testenv"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

type truthFile struct {
	Packages map[string]string `yaml:"packages"`
	Tables   map[string]struct {
		Owner   string   `yaml:"owner"`
		Writers []string `yaml:"writers"`
		Readers []string `yaml:"readers"`
	} `yaml:"tables"`
}

func readTruth(t *testing.T, dir string) truthFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "truth.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var tr truthFile
	if err := yaml.Unmarshal(data, &tr); err != nil {
		t.Fatalf("truth.yaml: %v", err)
	}
	return tr
}

func goCmd(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := testenv.Go(t, dir, args...)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return out.String()
}

// TestGenerateBuilds writes a small module, compiles and vets it, and
// checks truth.yaml against `go list` and against the SQL found in the
// generated sources by a scanner independent of the generator.
func TestGenerateBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated module")
	}
	dir := t.TempDir()
	opt := Options{Packages: 30, Domains: 2, Seed: 7}
	if err := Generate(dir, opt); err != nil {
		t.Fatal(err)
	}
	goCmd(t, dir, "build", "./...")
	goCmd(t, dir, "vet", "./...")
	listed := strings.Fields(goCmd(t, dir, "list", "./..."))

	tr := readTruth(t, dir)
	if len(listed) != opt.Packages || len(tr.Packages) != opt.Packages {
		t.Fatalf("go list has %d packages, truth %d, want %d", len(listed), len(tr.Packages), opt.Packages)
	}
	perDomain := map[string]int{}
	for _, path := range listed {
		label, ok := tr.Packages[path]
		switch {
		case !ok:
			t.Errorf("package %s missing from truth", path)
		case path == "example.com/synth/cmd/server":
			if label != "_entry" {
				t.Errorf("%s labelled %q, want _entry", path, label)
			}
		case strings.HasPrefix(path, "example.com/synth/internal/platform/"):
			if label != "_infra" {
				t.Errorf("%s labelled %q, want _infra", path, label)
			}
		default:
			perDomain[label]++
		}
	}
	if len(perDomain) != opt.Domains {
		t.Errorf("domains in truth: %v, want %d", perDomain, opt.Domains)
	}
	for d, n := range perDomain {
		if n < minDomainSize || strings.HasPrefix(d, "_") {
			t.Errorf("domain %q has %d packages", d, n)
		}
	}

	want := scanTables(t, dir, tr.Packages)
	if len(want) == 0 {
		t.Fatal("no SQL found in the generated module")
	}
	var got []string
	for name := range tr.Tables {
		got = append(got, name)
	}
	sort.Strings(got)
	var wantNames []string
	for name := range want {
		wantNames = append(wantNames, name)
	}
	sort.Strings(wantNames)
	if strings.Join(got, ",") != strings.Join(wantNames, ",") {
		t.Fatalf("truth tables %v, SQL touches %v", got, wantNames)
	}
	for name, w := range want {
		g := tr.Tables[name]
		if g.Owner != w.owner || strings.Join(g.Writers, ",") != strings.Join(w.writers, ",") ||
			strings.Join(g.Readers, ",") != strings.Join(w.readers, ",") {
			t.Errorf("table %s: truth owner %s writers %v readers %v; SQL says owner %s writers %v readers %v",
				name, g.Owner, g.Writers, g.Readers, w.owner, w.writers, w.readers)
		}
	}
}

var (
	rawLiteral    = regexp.MustCompile("`[^`]*`")
	writeStmt     = regexp.MustCompile(`^(?:INSERT INTO|UPDATE|DELETE FROM)\s+([a-z0-9_]+)`)
	readFrom      = regexp.MustCompile(`\bFROM\s+([a-z0-9_]+)`)
	packageClause = regexp.MustCompile(`(?m)^package \w+`)
)

// scanTables recomputes the table truth from the generated SQL literals:
// one write site per INSERT/UPDATE/DELETE literal, reads from SELECTs.
func scanTables(t *testing.T, dir string, labels map[string]string) map[string]tableTruth {
	t.Helper()
	writes := map[string]map[string]int{}
	reads := map[string]map[string]bool{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, err := filepath.Rel(dir, filepath.Dir(path))
		if err != nil {
			return err
		}
		ctx := labels["example.com/synth/"+filepath.ToSlash(rel)]
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !packageClause.Match(data) {
			t.Errorf("%s has no package clause", path)
		}
		for _, lit := range rawLiteral.FindAll(data, -1) {
			sql := strings.Trim(string(lit), "`")
			if m := writeStmt.FindStringSubmatch(sql); m != nil {
				if writes[m[1]] == nil {
					writes[m[1]] = map[string]int{}
				}
				writes[m[1]][ctx]++
				continue
			}
			if strings.HasPrefix(sql, "SELECT") {
				for _, m := range readFrom.FindAllStringSubmatch(sql, -1) {
					if reads[m[1]] == nil {
						reads[m[1]] = map[string]bool{}
					}
					reads[m[1]][ctx] = true
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]tableTruth{}
	for table := range reads {
		if _, ok := writes[table]; !ok {
			writes[table] = map[string]int{}
		}
	}
	for table, byCtx := range writes {
		var tt tableTruth
		best := 0
		var ctxs []string
		for c := range byCtx {
			ctxs = append(ctxs, c)
		}
		sort.Strings(ctxs)
		for _, c := range ctxs {
			tt.writers = append(tt.writers, c)
			if n := byCtx[c]; n > best {
				best, tt.owner = n, c
			} else if n == best {
				t.Errorf("table %s: write-site tie between %s and %s", table, tt.owner, c)
			}
		}
		var readers []string
		for c := range reads[table] {
			if byCtx[c] == 0 {
				readers = append(readers, c)
			}
		}
		sort.Strings(readers)
		tt.readers = readers
		out[table] = tt
	}
	return out
}

func treeBytes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestGenerateDeterministic(t *testing.T) {
	opt := Options{Packages: 120, Seed: 42}
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for _, run := range []struct {
		dir  string
		seed uint64
	}{{a, 42}, {b, 42}, {c, 43}} {
		o := opt
		o.Seed = run.seed
		if err := Generate(run.dir, o); err != nil {
			t.Fatal(err)
		}
	}
	ta, tb, tc := treeBytes(t, a), treeBytes(t, b), treeBytes(t, c)
	if len(ta) != len(tb) {
		t.Fatalf("same seed wrote %d and %d files", len(ta), len(tb))
	}
	for name, data := range ta {
		if tb[name] != data {
			t.Errorf("same seed, %s differs", name)
		}
	}
	if ta["truth.yaml"] == tc["truth.yaml"] {
		t.Error("seeds 42 and 43 wrote the same truth.yaml")
	}
}

func TestPlanProperties(t *testing.T) {
	tests := []struct {
		name        string
		opt         Options
		domains     int
		layered     int // domains laid out layered
		crossLo     float64
		crossHi     float64
		wantForeign bool
	}{
		{"default 1000", Options{Seed: 1}, 40, 20, 0.09, 0.11, true},
		{"layered 400", Options{Packages: 400, Seed: 3, Layout: LayoutLayered}, 16, 16, 0.09, 0.11, true},
		{"domains 400", Options{Packages: 400, Seed: 3, Layout: LayoutDomains, CrossDomain: 0.2}, 16, 0, 0.19, 0.21, true},
		{"no cross", Options{Packages: 200, Domains: 5, Seed: 9, CrossDomain: -1}, 5, 3, 0, 0, false},
		{"smallest", Options{Packages: 7, Seed: 5}, 1, 1, 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := newPlan(tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := len(p.pkgs) + fixedPackages; got != p.opt.Packages {
				t.Errorf("packages = %d, want %d", got, p.opt.Packages)
			}
			if len(p.domains) != tc.domains {
				t.Errorf("domains = %d, want %d", len(p.domains), tc.domains)
			}
			layered, sizes := 0, 0
			for _, d := range p.domains {
				if d.layered {
					layered++
				}
				if d.size < minDomainSize {
					t.Errorf("domain %s has %d packages", d.name, d.size)
				}
				sizes += d.size
			}
			if layered != tc.layered {
				t.Errorf("layered domains = %d, want %d", layered, tc.layered)
			}
			if sizes != len(p.pkgs) {
				t.Errorf("domain sizes sum to %d, packages %d", sizes, len(p.pkgs))
			}
			total, cross := p.edges()
			share := float64(cross) / float64(total)
			t.Logf("cross-domain import edges: %d of %d (%.3f)", cross, total, share)
			if share < tc.crossLo || share > tc.crossHi {
				t.Errorf("cross-domain share %.3f (%d/%d) outside [%.2f, %.2f]", share, cross, total, tc.crossLo, tc.crossHi)
			}
			big, foreign := 0, false
			dirs, aliases, names := map[string]bool{}, map[string]bool{}, map[string]bool{}
			for _, f := range p.features {
				if f.big && len(f.extras)+6 >= 40 {
					big++
				}
				if f.model == nil || f.service == nil {
					t.Errorf("feature %s lacks a model or service", f.name)
				}
				if f.handler != nil && f.repo == nil {
					t.Errorf("feature %s has a handler but no repository", f.name)
				}
				if names[f.name] {
					t.Errorf("feature name %s used twice", f.name)
				}
				names[f.name] = true
			}
			if big == 0 {
				t.Error("no big struct")
			}
			for _, k := range p.pkgs {
				if dirs[k.dir] || aliases[k.alias] {
					t.Errorf("package %s (alias %s) not unique", k.dir, k.alias)
				}
				dirs[k.dir], aliases[k.alias] = true, true
				for _, d := range k.svcDeps {
					if k.role == roleService && d.rank >= k.rank {
						t.Errorf("%s calls %s of equal or higher rank: import cycle risk", k.dir, d.dir)
					}
				}
				if k.foreign != nil {
					foreign = true
				}
			}
			if foreign != tc.wantForeign {
				t.Errorf("foreign table reads present = %v, want %v", foreign, tc.wantForeign)
			}
			for name, tt := range p.tables() {
				if tt.owner == "" || len(tt.writers) == 0 {
					t.Errorf("table %s has no writer", name)
				}
			}
		})
	}
}

func TestOptionsErrors(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
	}{
		{"too few packages", Options{Packages: 6}},
		{"too many domains", Options{Packages: 30, Domains: 7}},
		{"negative domains", Options{Packages: 30, Domains: -1}},
		{"cross too high", Options{Packages: 30, CrossDomain: 0.95}},
		{"bad layout", Options{Packages: 30, Layout: Layout(9)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			if err := Generate(dir, tc.opt); err == nil {
				t.Fatal("Generate succeeded")
			}
			if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("output directory created despite the error: %v", err)
			}
		})
	}
}

func TestGenerateRefusesNonEmptyDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Generate(dir, Options{Packages: 10})
	if !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("err = %v, want ErrNotEmpty", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("directory now has %d entries", len(entries))
	}
}

func TestParseLayout(t *testing.T) {
	for _, l := range []Layout{LayoutMixed, LayoutLayered, LayoutDomains} {
		got, err := ParseLayout(l.String())
		if err != nil || got != l {
			t.Errorf("ParseLayout(%q) = %v, %v", l.String(), got, err)
		}
	}
	if _, err := ParseLayout("flat"); err == nil {
		t.Error("ParseLayout(flat) succeeded")
	}
}

func BenchmarkGenerate1000(b *testing.B) {
	for b.Loop() {
		if err := Generate(filepath.Join(b.TempDir(), "m"), Options{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
