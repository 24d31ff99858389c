package load_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/decomp/decomp/analysis/load"
)

var offline = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")

func paths(p *load.Program) []string {
	var out []string
	for _, pk := range p.Packages {
		out = append(out, pk.PkgPath)
	}
	return out
}

func TestLoadInputErrors(t *testing.T) {
	notModule := t.TempDir()
	if err := os.WriteFile(filepath.Join(notModule, "x.go"), []byte("package x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tooNew := t.TempDir()
	if err := os.WriteFile(filepath.Join(tooNew, "go.mod"), []byte("module example.com/new\n\ngo 1.999\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tooNew, "x.go"), []byte("package x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badMod := t.TempDir()
	if err := os.WriteFile(filepath.Join(badMod, "go.mod"), []byte("module example.com/bad\n\ngo 1.22\nfrobnicate x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		cfg      load.Config
		wantText string
	}{
		{"malformed go.mod keeps its cause", load.Config{Dir: badMod}, "go.mod:4: unknown directive: frobnicate"},
		{"not a module", load.Config{Dir: notModule}, "not inside a Go module"},
		{"missing directory", load.Config{Dir: filepath.Join(notModule, "nope")}, "is not a directory"},
		{"pattern matches nothing", load.Config{Dir: "testdata/broken", Patterns: []string{"./nothing/..."}}, "nothing"},
		{"go.mod needs a newer Go", load.Config{Dir: tooNew}, "go >= 1.999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.cfg.Env = offline
			_, err := load.Load(context.Background(), tt.cfg)
			if err == nil {
				t.Fatal("want an error")
			}
			if !load.IsInputError(err) {
				t.Errorf("want an input error, got %T %v", err, err)
			}
			if !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("error %q does not mention %q", err, tt.wantText)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}

// TestLoadTypeError: a package that does not type-check is loaded with a
// warning, and the rest of the module is analysed as usual.
func TestLoadTypeError(t *testing.T) {
	p, err := load.Load(context.Background(), load.Config{Dir: "testdata/broken", Env: offline})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(paths(p), " "); got != "example.com/broken/bad example.com/broken/ok" {
		t.Errorf("packages = %s", got)
	}
	if len(p.Warnings) == 0 || p.Warnings[0].Pkg != "example.com/broken/bad" || !strings.HasPrefix(p.Warnings[0].Pos, "bad/bad.go:") {
		t.Errorf("want a warning at bad/bad.go, got %+v", p.Warnings)
	}
	if !load.IllTyped(p.Packages[0]) || load.IllTyped(p.Packages[1]) {
		t.Error("only bad should be ill-typed")
	}
	gen := 0
	for _, f := range p.Packages[0].CompiledGoFiles {
		if p.Generated(f) {
			gen++
		}
	}
	if gen != 1 {
		t.Errorf("generated files = %d, want 1", gen)
	}
}

func TestLoadVendor(t *testing.T) {
	p, err := load.Load(context.Background(), load.Config{Dir: "testdata/vendored", Env: os.Environ()})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(paths(p), " "); got != "example.com/vendored/app" {
		t.Errorf("packages = %s", got)
	}
	if p.InModule("example.com/dep") {
		t.Error("vendored dependency counted as module code")
	}
	if len(p.Warnings) > 0 {
		t.Errorf("warnings: %v", p.Warnings)
	}
	// A dependency is type-checked for its declarations only, and keeps
	// neither syntax nor type information about its bodies.
	dep := p.All["example.com/dep"]
	if dep == nil || dep.Types == nil || len(dep.Types.Scope().Names()) == 0 {
		t.Fatalf("vendored dep not loaded: %+v", dep)
	}
	if dep.Syntax != nil || dep.TypesInfo != nil {
		t.Error("dependency kept its syntax or type information")
	}
}

func TestLoadWorkspace(t *testing.T) {
	p, err := load.Load(context.Background(), load.Config{Dir: "testdata/work", Env: append(os.Environ(), "GOFLAGS=", "GOPROXY=off")})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(paths(p), " "); got != "example.com/a example.com/b" {
		t.Errorf("packages = %s", got)
	}
	abs, _ := filepath.Abs("testdata/work")
	if p.Root != abs {
		t.Errorf("root = %s, want the go.work directory %s", p.Root, abs)
	}
}

// TestLoadTests: with Tests on, a package is loaded with its _test.go files
// and its external test package is loaded too.
func TestLoadTests(t *testing.T) {
	p, err := load.Load(context.Background(), load.Config{Dir: "testdata/broken", Env: offline, Tests: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(paths(p), " "); got != "example.com/broken/bad example.com/broken/ok example.com/broken/ok_test" {
		t.Fatalf("packages = %s", got)
	}
	if n := len(p.Packages[1].Syntax); n != 2 {
		t.Errorf("ok has %d files with tests on, want 2 (ok.go, ok_test.go)", n)
	}
	without, err := load.Load(context.Background(), load.Config{Dir: "testdata/broken", Env: offline})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(without.Packages[1].Syntax); n != 1 {
		t.Errorf("ok has %d files with tests off, want 1", n)
	}
}

// TestLoadMissingDependency: a dependency that is not in the module cache
// (decomp never downloads) leaves the package ill-typed, with a hint.
func TestLoadMissingDependency(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/app\n\ngo 1.24\n\nrequire example.com/missing v1.0.0\n",
		"app.go": "package app\n\nimport \"example.com/missing\"\n\n// Use calls the missing module.\nfunc Use() { missing.Do() }\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := load.Load(context.Background(), load.Config{Dir: dir, Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOMODCACHE="+t.TempDir())})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Packages) != 1 || !load.IllTyped(p.Packages[0]) {
		t.Fatalf("want one ill-typed package, got %v", paths(p))
	}
	hint := false
	for _, w := range p.Warnings {
		hint = hint || strings.Contains(w.Message, "go mod download")
	}
	if !hint {
		t.Errorf("no hint about missing dependencies in %+v", p.Warnings)
	}
}

// TestLoadCgo: even where CGO_ENABLED=1 is the user's setting, decomp loads
// a cgo package from its Go files, runs no C compiler, and says what it
// left out.
func TestLoadCgo(t *testing.T) {
	env := append(append([]string(nil), offline...), "CGO_ENABLED=1", "CC=/nonexistent/cc")
	p, err := load.Load(context.Background(), load.Config{Dir: "testdata/cgo", Env: env})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(paths(p), " "); got != "example.com/cgo/mixed" {
		t.Fatalf("packages = %s", got)
	}
	found := false
	for _, w := range p.Warnings {
		found = found || w.Pkg == "example.com/cgo/mixed" && strings.Contains(w.Message, "cgo files left out") && strings.Contains(w.Message, "mixed/rand.go")
	}
	if !found {
		t.Errorf("no warning naming the cgo file: %+v", p.Warnings)
	}
	if load.IllTyped(p.Packages[0]) {
		t.Errorf("the Go files should type-check: %v", p.Packages[0].Errors)
	}
}

// TestWarningsModuleRelative: no warning carries the checkout's absolute
// path, so two checkouts of one module give the same report.
func TestWarningsModuleRelative(t *testing.T) {
	p, err := load.Load(context.Background(), load.Config{Dir: "testdata/broken", Env: offline})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range p.Warnings {
		if strings.Contains(w.Message, p.Root) || strings.Contains(w.Pos, p.Root) {
			t.Errorf("absolute path in warning %+v", w)
		}
	}
}

// TestLoadOddDirectory: a folder the go command cannot load (a space in its
// name) is a warning, not a silent gap, while the rest loads.
func TestLoadOddDirectory(t *testing.T) {
	p, err := load.Load(context.Background(), load.Config{Dir: "testdata/oddnames", Env: offline})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(paths(p), " "); got != "example.com/oddnames/ok" {
		t.Errorf("packages = %s", got)
	}
	found := false
	for _, w := range p.Warnings {
		found = found || strings.Contains(w.Message, `not loaded: malformed import path "example.com/oddnames/has space"`)
	}
	if !found {
		t.Errorf("no warning for the folder with a space: %+v", p.Warnings)
	}
}

// An import the go command could not load is reported with the go
// command's own reason, and the module-cache advice comes only where the
// cache is the cause.
func TestImportCauses(t *testing.T) {
	tests := []struct {
		name, gomod, src, want string
		advice                 bool
	}{
		{"package missing from the module", "module example.com/app\n\ngo 1.22\n",
			"package app\n\nimport _ \"example.com/app/missing\"\n", "no required module provides package example.com/app/missing", false},
		{"replace to a missing directory", "module example.com/app\n\ngo 1.22\n\nrequire example.com/gone v0.0.0\n\nreplace example.com/gone => ./nowhere\n",
			"package app\n\nimport _ \"example.com/gone\"\n", "replacement directory ./nowhere does not exist", false},
		{"missing go.sum entry", "module example.com/app\n\ngo 1.22\n\nrequire github.com/spf13/pflag v1.0.9\n",
			"package app\n\nimport _ \"github.com/spf13/pflag\"\n", "missing go.sum entry", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, src := range map[string]string{"go.mod": tt.gomod, "app.go": tt.src} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			// The user's own settings: no -mod=mod, so go.mod is read as it is.
			p, err := load.Load(context.Background(), load.Config{Dir: dir, Env: append(os.Environ(), "GOFLAGS=")})
			if err != nil {
				t.Fatal(err)
			}
			var cause, advice bool
			for _, w := range p.Warnings {
				cause = cause || strings.Contains(w.Message, tt.want) && !strings.Contains(w.Message, `invalid package name: ""`)
				advice = advice || strings.Contains(w.Message, "go mod download")
			}
			if !cause || advice != tt.advice {
				t.Errorf("cause shown %v, advice %v (want %v): %+v", cause, advice, tt.advice, p.Warnings)
			}
		})
	}
}

// A folder the go command cannot read, and one named nul, are warnings;
// the rest of the module loads.
func TestLoadUnreadableAndNul(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"go.mod":      "module example.com/odd\n\ngo 1.22\n",
		"ok/ok.go":    "package ok\n\nfunc OK() {}\n",
		"nul/nul.go":  "package nul\n\nfunc N() {}\n",
		"locked/l.go": "package locked\n\nfunc L() {}\n",
	})
	locked := os.Geteuid() != 0 // root reads every folder
	if locked {
		if err := os.Chmod(filepath.Join(dir, "locked"), 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(filepath.Join(dir, "locked"), 0o755) })
	}
	p, err := load.Load(context.Background(), load.Config{Dir: dir, Env: offline})
	if err != nil {
		t.Fatal(err)
	}
	warned := warningText(p)
	if !strings.Contains(warned, `not loaded: malformed import path "example.com/odd/nul"`) {
		t.Errorf("no warning for nul: %s", warned)
	}
	if locked && !strings.Contains(warned, "not loaded: pattern ./...: open locked: permission denied") {
		t.Errorf("no warning for the unreadable folder: %s", warned)
	}
	if !strings.Contains(strings.Join(paths(p), " "), "example.com/odd/ok") {
		t.Errorf("packages = %v", paths(p))
	}
}

// TestLoadImportCycle: a cycle is reported as one, not as a missing
// package, and the load finishes.
func TestLoadImportCycle(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"go.mod": "module example.com/cyc\n\ngo 1.22\n",
		"a/a.go": "package a\n\nimport \"example.com/cyc/b\"\n\nfunc A() { b.B() }\n",
		"b/b.go": "package b\n\nimport \"example.com/cyc/a\"\n\nfunc B() { a.A() }\n",
	})
	p, err := load.Load(context.Background(), load.Config{Dir: dir, Env: offline})
	if err != nil {
		t.Fatal(err)
	}
	all := warningText(p)
	if !strings.Contains(all, "could not import example.com/cyc/b (import cycle)") || strings.Contains(all, "missing package") {
		t.Errorf("warnings do not call the cycle a cycle:\n%s", all)
	}
}

// writeTree writes files (slash-separated names) into a new temporary
// directory and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// warningText joins the messages of a load's warnings, a line each.
func warningText(p *load.Program) string {
	var msgs []string
	for _, w := range p.Warnings {
		msgs = append(msgs, w.Message)
	}
	return strings.Join(msgs, "\n")
}
