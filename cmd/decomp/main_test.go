package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/decomp/decomp/cmd/decomp/internal/cmdutil"
	"github.com/decomp/decomp/cmd/decomp/internal/root"
	"github.com/decomp/decomp/internal/testfs"
)

// run executes decomp in-process the way main does and returns the exit
// code with both streams.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	ios := &cmdutil.IOStreams{In: strings.NewReader(""), Out: &out, Err: &errb}
	err := execute(ios, args)
	if err != nil {
		errb.WriteString("decomp: " + cmdutil.Message(err) + "\n")
	}
	return cmdutil.ExitCode(err), out.String(), errb.String()
}

func TestMain(m *testing.M) {
	// A fact cache of the run's own, never the user's: the tests that run
	// a fixture twice then read it back, which the outputs must not show.
	cache, err := os.MkdirTemp("", "decomp-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("DECOMP_CACHE", cache)
	code := m.Run()
	os.RemoveAll(cache)
	os.Exit(code)
}

func TestBadInput(t *testing.T) {
	notModule := t.TempDir()
	if err := os.WriteFile(filepath.Join(notModule, "x.go"), []byte("package x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	unreadable := filepath.Join(t.TempDir(), "decomp.yaml")
	if err := os.WriteFile(unreadable, []byte("pins: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	unknownKey := filepath.Join(t.TempDir(), "decomp.yaml")
	if err := os.WriteFile(unknownKey, []byte("granularty: type\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	hugeRes := filepath.Join(t.TempDir(), "decomp.yaml")
	if err := os.WriteFile(hugeRes, []byte("resolution: 1e308\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	nothingTruth := filepath.Join(t.TempDir(), "truth.yaml")
	if err := os.WriteFile(nothingTruth, []byte("packages:\n  example.com/elsewhere: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	shop := filepath.Join("..", "..", "testdata", "shopdomains")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"not a module", []string{"analyze", "-C", notModule}, 2, "not inside a Go module"},
		{"pattern matches nothing", []string{"analyze", "-C", shop, "./nothing/..."}, 2, "nothing"},
		{"unknown flag", []string{"analyze", "--frobnicate"}, 2, "unknown flag: --frobnicate"},
		{"unknown command", []string{"analyse"}, 2, "unknown command \"analyse\" for \"decomp\" (did you mean analyze?)"},
		{"missing config", []string{"analyze", "-C", shop, "--config", "/nonexistent/decomp.yaml"}, 2, "read config"},
		{"config syntax error", []string{"analyze", "-C", shop, "--config", unreadable}, 2, "config"},
		{"config unknown key", []string{"analyze", "-C", shop, "--config", unknownKey}, 2, "granularty"},
		{"bad granularity", []string{"analyze", "-C", shop, "--granularity", "file"}, 2, "unknown granularity"},
		{"bad format", []string{"analyze", "-C", shop, "--format", "yaml"}, 2, "unknown format"},
		{"bad callgraph", []string{"analyze", "-C", shop, "--callgraph", "pointer"}, 2, "unknown call-graph algorithm"},
		{"tag with a space", []string{"analyze", "-C", shop, "--tags", "a b,c"}, 2, `bad build tag "a b"`},
		{"tag with a space in check", []string{"check", "-C", filepath.Join("..", "..", "testdata", "musicstream"), "--tags", "x y"}, 2, `bad build tag "x y"`},
		{"bad resolution", []string{"analyze", "-C", shop, "--resolution", "-1"}, 2, "resolution must be in (0, 1000]"},
		{"huge resolution", []string{"analyze", "-C", shop, "--resolution", "1e308"}, 2, "resolution must be in (0, 1000]"},
		{"NaN folder prior", []string{"analyze", "-C", shop, "--folder-prior", "NaN", "--format", "json"}, 2, "folder prior must be in [0, 100]"},
		{"negative folder prior", []string{"analyze", "-C", shop, "--folder-prior", "-1"}, 2, "folder prior must be in [0, 100]"},
		{"negative model fields", []string{"analyze", "-C", shop, "--model-fields", "-1"}, 2, "model fields must be at least 1"},
		{"huge resolution in config", []string{"analyze", "-C", shop, "--config", hugeRes}, 2, "resolution must be in (0, 1000]"},
		{"output is a directory", []string{"analyze", "-C", shop, "-o", t.TempDir()}, 2, "is a directory"},
		{"output not writable", []string{"analyze", "-C", shop, "-o", "/nonexistent/dir/report.txt"}, 2, "cannot write output"},
		{"eval truth labels nothing", []string{"eval", "-C", shop, "--truth", nothingTruth}, 2, "labels none of the"},
		{"completion for an unknown shell", []string{"completion", "bogus"}, 2, "unknown shell"},
		{"eval without truth", []string{"eval", "-C", shop}, 2, "--truth"},
		{"top without dot", []string{"analyze", "-C", shop, "--top", "3"}, 2, "shape --format dot"},
		{"negative top", []string{"analyze", "-C", shop, "--format", "dot", "--top", "-1"}, 2, "take 0 or more"},
		{"summary without md", []string{"analyze", "-C", shop, "--summary", "--format", "html"}, 2, "--summary applies to --format md"},
		{"focus on no context", []string{"analyze", "-C", shop, "--focus", "nope"}, 2, `--context "nope" is no context`},
		{"eval missing truth", []string{"eval", "-C", shop, "--truth", "/nonexistent.yaml"}, 2, "nonexistent.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.wantCode, stderr)
			}
			if !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("stderr %q does not mention %q", stderr, tt.wantErr)
			}
			if lines := strings.Count(strings.TrimSpace(stderr), "\n"); lines > 0 {
				t.Errorf("error is not one line: %q", stderr)
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
				t.Errorf("stack trace on bad input: %q", stderr)
			}
		})
	}
}

// TestTypeErrorContinues: a package that does not type-check is reported
// as a warning and the analysis still places it.
func TestTypeErrorContinues(t *testing.T) {
	dir := filepath.Join("..", "..", "analysis", "load", "testdata", "broken")
	code, stdout, stderr := run(t, "analyze", "-C", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "warnings:") || !strings.Contains(stdout, "bad/bad.go:") {
		t.Errorf("no type-error warning in the summary:\n%s", stdout)
	}
	code, stdout, stderr = run(t, "analyze", "-C", dir, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r struct {
		Summary  struct{ IllTypedPackages int }
		Contexts []struct{ Packages []string }
		Warnings []struct{ Pkg string }
	}
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatal(err)
	}
	placed := false
	for _, c := range r.Contexts {
		for _, p := range c.Packages {
			placed = placed || p == "example.com/broken/bad"
		}
	}
	if !placed {
		t.Error("ill-typed package example.com/broken/bad is in no context")
	}
	if r.Summary.IllTypedPackages != 1 || len(r.Warnings) == 0 || r.Warnings[0].Pkg != "example.com/broken/bad" {
		t.Errorf("want 1 ill-typed package with warnings, got %+v %+v", r.Summary, r.Warnings)
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := run(t, "version")
	if code != 0 || !strings.HasPrefix(stdout, "decomp ") {
		t.Errorf("version: code %d, %q", code, stdout)
	}
	code, flag, _ := run(t, "--version")
	if code != 0 || flag != stdout {
		t.Errorf("--version printed %q, version printed %q", flag, stdout)
	}
}

func TestHelpAndCompletion(t *testing.T) {
	code, stdout, _ := run(t, "analyze", "--help")
	if code != 0 || !strings.Contains(stdout, "--granularity") || !strings.Contains(stdout, "Examples:") {
		t.Errorf("analyze --help: code %d\n%s", code, stdout)
	}
	code, stdout, _ = run(t, "completion", "bash")
	if code != 0 || !strings.Contains(stdout, "bash completion") {
		t.Errorf("completion bash: code %d, %.80q", code, stdout)
	}
}

// TestOutputFile: -o writes the report to a file and nothing to stdout.
func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.json")
	code, stdout, stderr := run(t, "analyze", "-C", filepath.Join("..", "..", "testdata", "shopdomains"), "--format", "json", "-o", out)
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var r struct{ SchemaVersion int }
	if err := json.Unmarshal(data, &r); err != nil || r.SchemaVersion != 1 {
		t.Errorf("report file: schemaVersion %d, err %v", r.SchemaVersion, err)
	}
	code, _, stderr = run(t, "analyze", "-C", filepath.Join("..", "..", "testdata", "shopdomains"), "-o", filepath.Join(t.TempDir(), "no", "such", "dir", "r.txt"))
	if code != 2 || !strings.Contains(stderr, "cannot write output") {
		t.Errorf("unwritable output: exit %d, %q", code, stderr)
	}
}

// TestOutputKeptOnFailure: a run that fails leaves an existing -o file as it
// was, and a successful one replaces it whole.
func TestOutputKeptOnFailure(t *testing.T) {
	shop := filepath.Join("..", "..", "testdata", "shopdomains")
	dst := filepath.Join(t.TempDir(), "report.json")
	if err := os.WriteFile(dst, []byte("previous report\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Fails after the output was opened: the pattern matches nothing.
	if code, _, _ := run(t, "analyze", "-C", shop, "-o", dst, "./nothing/..."); code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	if b, _ := os.ReadFile(dst); string(b) != "previous report\n" {
		t.Fatalf("failed run changed the output file: %q", b)
	}
	entries, _ := os.ReadDir(filepath.Dir(dst))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if code, _, stderr := run(t, "analyze", "-C", shop, "--format", "json", "-o", dst); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(dst); !strings.HasPrefix(string(b), "{") {
		t.Errorf("output not replaced: %.40q", b)
	}
}

// TestInterrupted: a cancelled run stops with status 130 and writes nothing.
func TestInterrupted(t *testing.T) {
	shop := filepath.Join("..", "..", "testdata", "shopdomains")
	dst := filepath.Join(t.TempDir(), "report.txt")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	cmd := root.New(&cmdutil.IOStreams{In: strings.NewReader(""), Out: &out, Err: &errb})
	cmd.SetArgs([]string{"analyze", "-C", shop, "-o", dst})
	err := cmd.ExecuteContext(ctx)
	if code := cmdutil.ExitCode(err); code != cmdutil.ExitInterrupted && code != cmdutil.ExitUsage {
		t.Fatalf("exit %d (%v), want 130", code, err)
	}
	if _, err := os.Stat(dst); !os.IsNotExist(err) {
		t.Errorf("interrupted run wrote %s", dst)
	}
}

// TestConfigDiscovery: .decomp.yaml is found from a subdirectory of the
// module, and --no-config ignores it.
func TestConfigDiscovery(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"go.mod":       "module example.com/disc\n\ngo 1.22\n",
		"a/a.go":       "// Package a is small.\npackage a\n\n// F is fine.\nfunc F() int { return 1 }\n",
		".decomp.yaml": "granularty: type\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := run(t, "analyze", "-C", filepath.Join(dir, "a"), "."); code != 2 || !strings.Contains(stderr, "granularty") {
		t.Errorf("config in the module root not found from a/: exit %d, %q", code, stderr)
	}
	if code, _, stderr := run(t, "analyze", "-C", dir, "--no-config"); code != 0 {
		t.Errorf("--no-config: exit %d, %q", code, stderr)
	}
	if code, _, stderr := run(t, "analyze", "-C", dir, "--no-config", "--config", "x.yaml"); code != 2 || !strings.Contains(stderr, "contradict") {
		t.Errorf("--no-config with --config: exit %d, %q", code, stderr)
	}
}

// TestVerbose: -v prints the config used and each stage's time on stderr,
// and nothing extra on stdout.
func TestVerbose(t *testing.T) {
	shop := filepath.Join("..", "..", "testdata", "shopdomains")
	code, stdout, stderr := run(t, "analyze", "-C", shop, "-v", "--format", "json", "--no-cache")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"decomp: config none", "decomp: load ", "decomp: extract ", "decomp: graph, cluster, judge, plan "} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.HasPrefix(stdout, "{") {
		t.Errorf("stdout is not the report: %.40q", stdout)
	}
}

// TestNeverWritesTheModule: with GOFLAGS=-mod=mod, as many CI setups have
// it, the go command would add the missing go directive to go.mod (and
// write go.sum); no command of decomp may change a byte of the tree it
// analyses except the files it is asked to write, here all outside it.
func TestNeverWritesTheModule(t *testing.T) {
	dir := testfs.Copy(t, sample)
	gomod := filepath.Join(dir, "go.mod")
	b, err := os.ReadFile(gomod)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(gomod, bytes.Replace(b, []byte("go 1.24\n"), nil, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	t.Setenv("GOFLAGS", "-mod=mod")
	out := t.TempDir()
	cfg := filepath.Join(out, "decomp.yaml")
	for _, args := range [][]string{
		{"analyze", "-C", dir, "--no-cache"},
		{"plan", "-C", dir, "--no-cache"},
		{"init", "-C", dir, "--no-cache", "-o", cfg},
		{"check", "-C", dir, "--no-cache", "--config", cfg, "--baseline", filepath.Join(out, "base.json"), "--write-baseline"},
	} {
		if code, _, stderr := run(t, args...); code != 0 {
			t.Fatalf("%s: exit %d: %s", args[0], code, stderr)
		}
		if after := snapshot(t, dir); after != before {
			t.Fatalf("%s changed the analysed tree: %s", args[0], firstDiff(before, after))
		}
	}
}

// snapshot is every file under dir with its contents, in path order.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var sb strings.Builder
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		sb.WriteString(p + "\n" + string(b) + "\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return sb.String()
}

// TestSecondSignal: the first signal cancels the run; the second removes
// the temporary file of an output not yet committed and exits at once.
func TestSecondSignal(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "out.json")
	if err := os.WriteFile(dst, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	var errb bytes.Buffer
	ios := &cmdutil.IOStreams{Err: &errb, Temps: &cmdutil.TempFiles{}}
	o, err := cmdutil.OpenOutput(ios, dst)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(o.Writer(), "half")
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 2)
	exited := make(chan int, 1)
	done := make(chan struct{})
	go func() {
		watchSignals(ctx, cancel, sigs, nil, time.Hour, ios, func(code int) { exited <- code })
		close(done)
	}()
	sigs <- syscall.SIGTERM
	<-ctx.Done()
	sigs <- os.Interrupt
	<-done
	if code := <-exited; code != cmdutil.ExitInterrupted {
		t.Errorf("exit %d, want %d", code, cmdutil.ExitInterrupted)
	}
	entries, _ := os.ReadDir(filepath.Dir(dst))
	if len(entries) != 1 {
		t.Errorf("left beside the output: %v", entries)
	}
	if b, _ := os.ReadFile(dst); string(b) != "old" {
		t.Errorf("output now %q, want it untouched", b)
	}
}

// TestInterruptGrace: a run still busy after the grace period that
// follows the first signal is stopped without a second one, its temporary
// outputs removed; a run that finishes in time is left to return.
func TestInterruptGrace(t *testing.T) {
	for _, finishes := range []bool{false, true} {
		dst := filepath.Join(t.TempDir(), "out.json")
		var errb bytes.Buffer
		ios := &cmdutil.IOStreams{Err: &errb, Temps: &cmdutil.TempFiles{}}
		o, err := cmdutil.OpenOutput(ios, dst)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprint(o.Writer(), "half")
		ctx, cancel := context.WithCancel(context.Background())
		sigs := make(chan os.Signal, 1)
		finished := make(chan struct{})
		exited := make(chan int, 1)
		done := make(chan struct{})
		grace := 20 * time.Millisecond
		if finishes {
			grace = time.Hour
		}
		go func() {
			watchSignals(ctx, cancel, sigs, finished, grace, ios, func(code int) { exited <- code })
			close(done)
		}()
		sigs <- os.Interrupt
		<-ctx.Done()
		if finishes {
			close(finished)
		}
		<-done
		select {
		case code := <-exited:
			if finishes {
				t.Errorf("a run that finished was stopped with exit %d", code)
			} else if code != cmdutil.ExitInterrupted {
				t.Errorf("exit %d, want %d", code, cmdutil.ExitInterrupted)
			}
		default:
			if !finishes {
				t.Error("a run busy after the grace period was not stopped")
			}
		}
		if entries, _ := os.ReadDir(filepath.Dir(dst)); !finishes && len(entries) != 0 {
			t.Errorf("left beside the output: %v", entries)
		}
		o.Abort()
	}
}
