package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/decomp/decomp/check"
	"github.com/decomp/decomp/cmd/decomp/internal/cmdutil"
	"github.com/decomp/decomp/cmd/decomp/internal/root"
	"github.com/decomp/decomp/internal/testenv"
	"github.com/decomp/decomp/internal/testfs"
)

var sample = filepath.Join("..", "..", "testdata", "musicstream")

// The sample monolith ships its context map and baseline: the gate passes
// on it as committed, and fails once a violation is injected.
func TestCheckSample(t *testing.T) {
	code, out, stderr := run(t, "check", "-C", sample)
	if code != 0 {
		t.Fatalf("check on the sample: exit %d\n%s%s", code, out, stderr)
	}
	if !strings.Contains(out, "decomp check: ok: 0 new") {
		t.Errorf("summary missing:\n%s", out)
	}

	// A subset is checked against the same map: the other contexts'
	// patterns match nothing loaded, and what was not loaded is not fixed.
	if code, out, stderr := run(t, "check", "-C", sample, "./internal/services/..."); code != 0 || !strings.Contains(out, " 0 fixed") {
		t.Errorf("check on a subset: exit %d\n%s%s", code, out, stderr)
	}

	dir := testfs.Copy(t, sample)
	inject := `package services

import "example.com/musicstream/internal/models"

// Peek reads the billing plan from the search code.
func (s *SearchService) Peek(p *models.Plan) string { return p.Name }
`
	if err := os.WriteFile(filepath.Join(dir, "internal", "services", "search_peek.go"), []byte(inject), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = run(t, "check", "-C", dir)
	if code != 1 {
		t.Fatalf("injected violation: exit %d, want 1\n%s", code, out)
	}
	if !strings.Contains(out, "search → billing (1 new)") || !strings.Contains(out, "internal/services/search_peek.go:6: type:") {
		t.Errorf("report does not show the injected type use at its line:\n%s", out)
	}
	for _, format := range []string{"github", "sarif", "json"} {
		code, out, _ = run(t, "check", "-C", dir, "--format", format, "--path-prefix", "svc")
		if code != 1 || !strings.Contains(out, "svc/internal/services/search_peek.go") && format != "json" {
			t.Errorf("--format %s: exit %d\n%s", format, code, out)
		}
	}
	if code, out, _ = run(t, "check", "-C", dir, "--format", "github"); !strings.HasPrefix(out, "::error file=internal/services/search_peek.go,line=6,title=decomp check%3A type::") {
		t.Errorf("github annotation: exit %d\n%s", code, out)
	}
}

func TestInitThenCheck(t *testing.T) {
	dir := testfs.Copy(t, sample)
	if err := os.Remove(filepath.Join(dir, "decomp.yaml")); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "decomp-baseline.json"))
	if code, _, stderr := run(t, "check", "-C", dir); code != 2 || !strings.Contains(stderr, "decomp init") {
		t.Errorf("check without a config: exit %d, %s", code, stderr)
	}
	if code, _, stderr := run(t, "init", "-C", dir); code != 0 {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	first, err := os.ReadFile(filepath.Join(dir, "decomp.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "init", "-C", dir); code != 2 || !strings.Contains(stderr, "exists; pass --force") {
		t.Errorf("second init: exit %d, %s", code, stderr)
	}
	// init turned today's coupling into allowances with a max, and a
	// shared package into its files: nothing is left for the baseline.
	if !strings.Contains(string(first), "    max: ") {
		t.Errorf("init wrote no allowance with a max:\n%s", first)
	}
	if code, out, stderr := run(t, "check", "-C", dir); code != 0 || !strings.Contains(out, "ok: 0 new, 0 accepted") {
		t.Errorf("check right after init: exit %d, want 0\n%s%s", code, out, stderr)
	}
	// A new file in a shared package is unassigned, not the majority's.
	newFile := filepath.Join(dir, "internal", "services", "zz_new.go")
	if err := os.WriteFile(newFile, []byte("package services\n\nfunc Fresh() int { return 1 }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := run(t, "check", "-C", dir); code != 1 || !strings.Contains(out, "internal/services/zz_new.go:3: unassigned") {
		t.Errorf("a new file in a shared package: exit %d\n%s", code, out)
	}
	os.Remove(newFile)
	if code, _, stderr := run(t, "check", "-C", dir, "--write-baseline"); code != 0 || !strings.Contains(stderr, "accepted violation") {
		t.Fatalf("--write-baseline: exit %d, %s", code, stderr)
	}
	base, _ := os.ReadFile(filepath.Join(dir, "decomp-baseline.json"))
	if code, out, _ := run(t, "check", "-C", dir); code != 0 {
		t.Errorf("check after the baseline: exit %d\n%s", code, out)
	}
	// Same input, same files.
	if code, _, _ := run(t, "init", "-C", dir, "--force"); code != 0 {
		t.Fatal("init --force failed")
	}
	again, _ := os.ReadFile(filepath.Join(dir, "decomp.yaml"))
	if string(again) != string(first) {
		t.Error("init --force on the same code wrote a different file")
	}
	run(t, "check", "-C", dir, "--write-baseline")
	if base2, _ := os.ReadFile(filepath.Join(dir, "decomp-baseline.json")); string(base2) != string(base) {
		t.Error("--write-baseline on the same code wrote a different file")
	}
}

func TestCheckBadInput(t *testing.T) {
	dir := testfs.Copy(t, sample)
	write := func(name, content string) string {
		p := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	unknownCtx := write("decomp.yaml", "contexts:\n  - name: a\n    packages: [example.com/musicstream/...]\nallow:\n  - from: a\n    to: b\n")
	nothing := write("decomp.yaml", "contexts:\n  - name: a\n    packages:\n      - example.com/musicstream/internal/nowhere\n")
	badBase := write("base.json", "{\"version\": 7, \"violations\": []}")
	const entry = `{"kind":"call","from":"a.F","to":"b.G","count":1}`
	garbage := write("base.json", "{\"version\": 1, \"violations\": ["+entry+"]} {}")
	negative := write("base.json", "{\"version\": 1, \"violations\": ["+strings.Replace(entry, `"count":1`, `"count":-3`, 1)+"]}")
	unknownKind := write("base.json", "{\"version\": 1, \"violations\": ["+strings.Replace(entry, `"call"`, `"calls"`, 1)+"]}")
	empty := write("base.json", "")
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"unknown context in a rule", []string{"--config", unknownCtx}, unknownCtx + `:5: allow[0]: unknown context "b" (contexts: a)`},
		{"pattern matching nothing", []string{"--config", nothing}, nothing + `:4: package pattern "example.com/musicstream/internal/nowhere" of a matches nothing`},
		{"bad baseline", []string{"--baseline", badBase}, "unsupported version 7"},
		{"baseline with trailing data", []string{"--baseline", garbage}, "unexpected data after the baseline object"},
		{"negative count", []string{"--baseline", negative}, "has count -3"},
		{"unknown kind", []string{"--baseline", unknownKind}, `unknown kind "calls"`},
		{"empty baseline", []string{"--baseline", empty}, "is empty"},
		{"missing --baseline", []string{"--baseline", filepath.Join(t.TempDir(), "none.json")}, "no such file or directory (write one with --write-baseline)"},
		{"-o onto the baseline", []string{"-o", "decomp-baseline.json"}, "-o decomp-baseline.json is the baseline file"},
		{"-o onto the config", []string{"-o", "decomp.yaml"}, "-o decomp.yaml is the config file"},
		{"--write-baseline with -o", []string{"--write-baseline", "-o", "x.json"}, "--write-baseline writes the baseline file"},
		{"bad format", []string{"--format", "xml"}, `unknown format "xml"`},
	}
	keep := snapshot(t, dir)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, append([]string{"check", "-C", dir}, tt.args...)...)
			if after := snapshot(t, dir); after != keep {
				t.Errorf("the module changed: %s", firstDiff(keep, after))
			}
			if code != 2 || !strings.Contains(stderr, tt.wantErr) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want 2 and one line with %q", code, stderr, tt.wantErr)
			}
		})
	}
}

// Progress shows on a terminal only; -v adds memory and the config file.
func TestProgress(t *testing.T) {
	for _, tt := range []struct {
		tty, verbose bool
		want, not    []string
	}{
		{false, false, nil, []string{"decomp: load"}},
		{true, false, []string{"decomp: load ", "decomp: extract "}, []string{"MB from the OS", "extract/"}},
		{false, true, []string{"MB from the OS", "decomp: extract/calls", "decomp: config "}, nil},
	} {
		var out, errb bytes.Buffer
		args := []string{"check", "-C", sample, "--no-cache"} // the stages a cache hit skips are under test
		if tt.verbose {
			args = append(args, "-v")
		}
		if err := execute(&cmdutil.IOStreams{Out: &out, Err: &errb, ErrTTY: tt.tty}, args); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(errb.String(), w) {
				t.Errorf("tty %v, -v %v: stderr lacks %q:\n%s", tt.tty, tt.verbose, w, errb.String())
			}
		}
		for _, n := range tt.not {
			if strings.Contains(errb.String(), n) {
				t.Errorf("tty %v, -v %v: stderr has %q:\n%s", tt.tty, tt.verbose, n, errb.String())
			}
		}
	}
}

// Every example in every command's help works as written, run in a copy of
// the sample monolith (for a line that starts with init, one without its
// decomp.yaml: init writes it).
func TestHelpExamples(t *testing.T) {
	cmd := root.New(&cmdutil.IOStreams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}})
	cmds := append([]*cobra.Command{cmd}, cmd.Commands()...)
	n := 0
	for _, c := range cmds {
		for _, line := range strings.Split(c.Example, "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			n++
			t.Run(c.Name()+": "+line, func(t *testing.T) {
				dir := testfs.Copy(t, sample)
				if strings.HasPrefix(line, "decomp init") {
					os.Remove(filepath.Join(dir, "decomp.yaml"))
				}
				for _, part := range strings.Split(line, "&&") {
					args := strings.Fields(part)
					if len(args) == 0 || args[0] != "decomp" {
						t.Fatalf("example %q is not a decomp command", part)
					}
					args = append(args[1:2], append([]string{"-C", dir}, args[2:]...)...)
					if code, out, stderr := run(t, args...); code != 0 {
						t.Fatalf("%s: exit %d\n%s%s", part, code, out, stderr)
					}
				}
			})
		}
	}
	if n < 10 {
		t.Errorf("only %d examples found", n)
	}
}

// --emit-patch writes one patch per step with a seam, refuses to replace
// them, and refuses a seam file the patches would create.
func TestEmitPatch(t *testing.T) {
	dir := testfs.Copy(t, sample)
	code, _, stderr := run(t, "plan", "-C", dir, "--history", "off", "--emit-patch", "patches")
	if code != 0 || !strings.Contains(stderr, "decomp: wrote ") || !strings.Contains(stderr, " call sites rerouted") {
		t.Fatalf("emit: exit %d: %s", code, stderr)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "patches", "*.patch"))
	if len(names) == 0 {
		t.Fatal("no patch written")
	}
	first, _ := os.ReadFile(names[0])
	if !strings.HasPrefix(string(first), "decomp plan, step ") || !strings.Contains(string(first), "\n--- /dev/null\n+++ b/internal/seams/") {
		t.Errorf("%s:\n%s", names[0], first)
	}
	if code, _, stderr := run(t, "plan", "-C", dir, "--history", "off", "--emit-patch", "patches"); code != 2 || !strings.Contains(stderr, "exists; pass --force") {
		t.Errorf("second emit: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "plan", "-C", dir, "--history", "off", "--emit-seams", "internal/seams"); code != 0 {
		t.Fatalf("emit seams: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "plan", "-C", dir, "--history", "off", "--emit-patch", "p2"); code != 2 || !strings.Contains(stderr, "exists and the patch would create it") {
		t.Errorf("seam file there: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "plan", "-C", dir, "--history", "off", "--emit-patch", "p3", "--emit-seams", "internal/seams", "--force"); code != 0 {
		t.Errorf("patches against emitted seams: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "plan", "-C", dir, "--emit-patch", "go.mod/x"); code != 2 || !strings.Contains(stderr, "is not a directory") {
		t.Errorf("a file as the folder: exit %d: %s", code, stderr)
	}
}

func TestPlanCommand(t *testing.T) {
	dir := testfs.Copy(t, sample)
	if code, _, stderr := run(t, "plan", "-C", dir, "--emit-seams", "internal/seams"); code != 0 {
		t.Fatalf("emit: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "internal", "seams", "catalogseam", "seam.go")); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "plan", "-C", dir, "--emit-seams", "internal/seams"); code != 2 || !strings.Contains(stderr, "exists; pass --force") {
		t.Errorf("second emit: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "plan", "-C", dir, "--emit-seams", "internal/seams", "--force"); code != 0 {
		t.Errorf("emit --force: exit %d: %s", code, stderr)
	}
	code, _, stderr := run(t, "plan", "-C", dir, "--first", "nope")
	if code != 2 || !strings.Contains(stderr, `--first "nope" is no context (contexts: account, analytics, artist, billing,`) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("--first nope: exit %d: %q", code, stderr)
	}
	if code, out, _ := run(t, "plan", "-C", dir, "--first", "billing", "--format", "md"); code != 0 || !strings.Contains(out, "<summary><b>Step 1: wall off billing</b>") {
		t.Errorf("--first billing: exit %d\n%s", code, out)
	}
	if code, out, _ := run(t, "plan", "-C", dir, "--format", "html"); code != 0 || !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, `id="plan-body"`) {
		t.Errorf("plan --format html: exit %d, %.100q", code, out)
	}
}

// --cpuprofile and --memprofile write pprof files (gzipped protobuf), on
// success and when a gate fails alike.
func TestProfiles(t *testing.T) {
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof")
	if code, _, stderr := run(t, "check", "-C", sample, "--cpuprofile", cpu, "--memprofile", mem); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, p := range []string{cpu, mem} {
		data, err := os.ReadFile(p)
		if err != nil || len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
			t.Errorf("%s: not a pprof file (%v, %d bytes)", p, err, len(data))
		}
	}
	if code, _, stderr := run(t, "check", "-C", sample, "--cpuprofile", filepath.Join(dir, "no", "such", "dir", "x")); code != 2 || !strings.Contains(stderr, "cpu profile") {
		t.Errorf("unwritable profile: exit %d: %s", code, stderr)
	}
}

// TestNarrowedWriteBaseline: --write-baseline over part of the module keeps
// the entries it did not look at, so the next full check still passes.
func TestNarrowedWriteBaseline(t *testing.T) {
	dir := testfs.Copy(t, sample)
	basePath := filepath.Join(dir, "decomp-baseline.json")
	before, err := check.ReadBaseline(basePath)
	if err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "check", "-C", dir); code != 0 {
		t.Fatalf("full check before: exit %d: %s", code, stderr)
	}
	code, _, stderr := run(t, "check", "-C", dir, "--write-baseline", "./internal/handlers/...")
	if code != 0 || !strings.Contains(stderr, "kept from it") {
		t.Fatalf("narrowed --write-baseline: exit %d: %s", code, stderr)
	}
	after, err := check.ReadBaseline(basePath)
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Violations) < len(before.Violations) {
		t.Errorf("baseline shrank from %d to %d entries", len(before.Violations), len(after.Violations))
	}
	if code, out, _ := run(t, "check", "-C", dir); code != 0 {
		t.Errorf("full check after: exit %d\n%s", code, out)
	}
}

// TestEmitSeamsBadTarget: a seams folder Go cannot import from, or one
// that is a file, is refused before the analysis and nothing is written.
func TestEmitSeamsBadTarget(t *testing.T) {
	dir := testfs.Copy(t, sample)
	if err := os.WriteFile(filepath.Join(dir, "afile"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	for _, tc := range []struct{ seams, want string }{
		{"internal/my seams", "not a folder Go can import from"},
		{"internal/ärzte", "not a folder Go can import from"},
		{"afile/seams", "is not a directory"},
	} {
		code, _, stderr := run(t, "plan", "-C", dir, "--emit-seams", tc.seams)
		if code != 2 || !strings.Contains(stderr, tc.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("--emit-seams %q: exit %d, %q; want 2 and %q", tc.seams, code, stderr, tc.want)
		}
		if after := snapshot(t, dir); after != before {
			t.Errorf("--emit-seams %q wrote into the module: %s", tc.seams, firstDiff(before, after))
		}
	}
}

// TestEmitSeamsNonASCII: a context named with non-ASCII letters gets an
// ASCII seam package and an exported interface, and the module builds.
func TestEmitSeamsNonASCII(t *testing.T) {
	dir := testfs.Copy(t, filepath.Join("..", "..", "testdata", "seams"))
	cfg := "pins:\n  - {pattern: example.com/seams/shop/..., context: shop}\n  - {pattern: example.com/seams/catalog/..., context: Ärzte}\n"
	if err := os.WriteFile(filepath.Join(dir, "decomp.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "plan", "-C", dir, "--first", "Ärzte", "--emit-seams", "internal/seams"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	src, err := os.ReadFile(filepath.Join(dir, "internal", "seams", "aerzteseam", "seam.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "type ÄrzteAPI interface") {
		t.Errorf("seam.go:\n%s", src)
	}
	if out, err := testenv.Go(t, dir, "build", "./...").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
}

func TestExplainCommand(t *testing.T) {
	code, out, stderr := run(t, "explain", "-C", sample, "--propose", "internal/models.Track")
	if code != 0 || !strings.Contains(out, "internal/models.Track (type,") || !strings.Contains(out, "placed by: ") ||
		!strings.Contains(out, "held in catalog: weight") || !strings.Contains(out, ".go:") {
		t.Errorf("explain a unit: exit %d\n%s%s", code, out, stderr)
	}
	code, out, stderr = run(t, "explain", "-C", sample, "--propose", "billing")
	if code != 0 || !strings.Contains(out, "billing: ") || !strings.Contains(out, "placed by:") {
		t.Errorf("explain a context: exit %d\n%s%s", code, out, stderr)
	}
	code, out, _ = run(t, "explain", "-C", sample, "--propose", "--format", "json", "table:invoices")
	if code != 0 || !strings.Contains(out, `"unit": "table:invoices"`) || !strings.Contains(out, `"confidence"`) {
		t.Errorf("explain a table as JSON: exit %d\n%s", code, out)
	}
	// With the sample's decomp.yaml, the map is the rule.
	if code, out, _ = run(t, "explain", "-C", sample, "internal/models.Track"); code != 0 || !strings.Contains(out, "placed by: declared in decomp.yaml") {
		t.Errorf("explain under the map: exit %d\n%s", code, out)
	}
	if code, _, stderr = run(t, "explain", "-C", sample, "nope"); code != 2 || !strings.Contains(stderr, `"nope" is no unit, context or table`) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("explain nope: exit %d: %q", code, stderr)
	}
}

func TestAnalyzeContextAndAll(t *testing.T) {
	_, full, _ := run(t, "analyze", "-C", sample, "--propose")
	code, out, stderr := run(t, "analyze", "-C", sample, "--propose", "--context", "search")
	if code != 0 || !strings.Contains(out, "■ search ") {
		t.Fatalf("--context search: exit %d\n%s%s", code, out, stderr)
	}
	if _, deps, ok := strings.Cut(out, "Strongest cross-context dependencies:\n"); ok {
		deps, _, _ = strings.Cut(deps, "\n\n")
		for _, line := range strings.Split(deps, "\n") {
			if !strings.Contains(line, "search") && !strings.HasPrefix(strings.TrimSpace(line), "…") {
				t.Errorf("--context search lists a dependency without it: %q", line)
			}
		}
	}
	if len(out) >= len(full) {
		t.Errorf("--context search is not shorter than the whole report (%d >= %d bytes)", len(out), len(full))
	}
	if code, _, stderr := run(t, "analyze", "-C", sample, "--propose", "--context", "nope"); code != 2 || !strings.Contains(stderr, `--context "nope" is no context`) {
		t.Errorf("--context nope: exit %d: %s", code, stderr)
	}
	_, all, _ := run(t, "analyze", "-C", sample, "--propose", "--all")
	if strings.Contains(all, "… and") || !strings.Contains(full, "… and") {
		t.Errorf("--all still abbreviates, or the full report never does")
	}
}
