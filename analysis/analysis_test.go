package analysis_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/decomp/decomp/analysis"
	"github.com/decomp/decomp/analysis/load"
)

func program(t *testing.T) *load.Program {
	t.Helper()
	t.Setenv("GOFLAGS", "-mod=mod")
	prog, err := load.Load(context.Background(), load.Config{Dir: "../testdata/shopdomains"})
	if err != nil {
		t.Fatal(err)
	}
	return prog
}

// Every extractor runs, in order, and is timed; a disabled one adds nothing.
func TestExtractors(t *testing.T) {
	prog := program(t)
	var ran []string
	f, err := analysis.Extract(context.Background(), prog, analysis.Options{
		Disable:  []string{"fielduse"},
		Progress: func(name string, _ time.Duration) { ran = append(ran, name) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ran, " "); got != "decls uses routes dbaccess ssa calls valueflow" {
		t.Errorf("ran %q", got)
	}
	if len(f.Structs) != 0 || len(f.FieldUses) != 0 || len(f.Funcs) == 0 || len(f.Accesses) == 0 {
		t.Errorf("facts: %d structs, %d field uses, %d funcs, %d accesses", len(f.Structs), len(f.FieldUses), len(f.Funcs), len(f.Accesses))
	}
}

// The call graph, run last, releases the syntax it no longer needs; an
// extractor after it still finds the syntax in place.
func TestCallsReleaseSyntaxWhenLast(t *testing.T) {
	prog := program(t)
	if _, err := analysis.Extract(context.Background(), prog, analysis.Options{}); err != nil {
		t.Fatal(err)
	}
	for _, p := range prog.Packages {
		if p.Syntax != nil || p.TypesInfo != nil {
			t.Fatalf("%s kept its syntax after the last extractor", p.PkgPath)
		}
	}
	prog = program(t)
	var calls *analysis.Extractor
	for _, x := range analysis.Extractors() {
		if x.Name == "calls" {
			calls = x
		}
	}
	sawSyntax := false
	probe := &analysis.Extractor{Name: "probe", Run: func(p *analysis.Pass) { sawSyntax = p.Prog.Packages[0].Syntax != nil }}
	if _, err := analysis.Extract(context.Background(), prog, analysis.Options{Extractors: []*analysis.Extractor{calls, probe}}); err != nil {
		t.Fatal(err)
	}
	if !sawSyntax {
		t.Error("calls released the syntax although an extractor ran after it")
	}
}

// An extractor that panics leaves a warning and the others still run.
func TestExtractorPanic(t *testing.T) {
	prog := program(t)
	xs := append([]*analysis.Extractor{{Name: "boom", Run: func(*analysis.Pass) { panic("odd code") }}}, analysis.Extractors()...)
	f, err := analysis.Extract(context.Background(), prog, analysis.Options{Extractors: xs})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range f.Warnings {
		found = found || strings.Contains(w.Message, "extractor boom stopped on an internal error") && strings.Contains(w.Message, "odd code")
	}
	if !found || len(f.Funcs) == 0 {
		t.Errorf("warnings %v, %d funcs", f.Warnings, len(f.Funcs))
	}
}

func TestRequires(t *testing.T) {
	prog := program(t)
	xs := append(analysis.Extractors(), &analysis.Extractor{Name: "late", Requires: []string{"fielduse"}, Run: func(*analysis.Pass) {}})
	if _, err := analysis.Extract(context.Background(), prog, analysis.Options{Disable: []string{"fielduse"}, Extractors: xs}); err == nil || !strings.Contains(err.Error(), "late requires fielduse") {
		t.Errorf("err = %v", err)
	}
}
