package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/decomp/decomp/cmd/decomp/internal/cmdutil"
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
	// Fixtures carry stand-in modules wired with replace directives; never
	// let a test reach the network.
	os.Setenv("GOFLAGS", "-mod=mod")
	os.Setenv("GOPROXY", "off")
	os.Exit(m.Run())
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
		{"unknown command", []string{"analyse"}, 2, "unknown command"},
		{"missing config", []string{"analyze", "-C", shop, "--config", "/nonexistent/decomp.yaml"}, 2, "read config"},
		{"config syntax error", []string{"analyze", "-C", shop, "--config", unreadable}, 2, "config"},
		{"config unknown key", []string{"analyze", "-C", shop, "--config", unknownKey}, 2, "granularty"},
		{"bad granularity", []string{"analyze", "-C", shop, "--granularity", "file"}, 2, "unknown granularity"},
		{"bad format", []string{"analyze", "-C", shop, "--format", "yaml"}, 2, "unknown format"},
		{"bad callgraph", []string{"analyze", "-C", shop, "--callgraph", "pointer"}, 2, "unknown call-graph algorithm"},
		{"bad resolution", []string{"analyze", "-C", shop, "--resolution", "-1"}, 2, "resolution must be positive"},
		{"eval without truth", []string{"eval", "-C", shop}, 2, "--truth"},
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
	if code != 2 || !strings.Contains(stderr, "create output") {
		t.Errorf("unwritable output: exit %d, %q", code, stderr)
	}
}
