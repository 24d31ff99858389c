package dbaccess

import (
	"strings"
	"testing"

	"github.com/decomp/decomp/analysis/load"
)

// TestGuard checks that a panic while extracting one function becomes a
// warning and extraction carries on.
func TestGuard(t *testing.T) {
	x := newExtractor(&load.Program{})
	func() {
		defer x.guard("example.com/p", "p/p.go:3", "example.com/p.F")
		panic("boom")
	}()
	func() {
		defer x.guard("example.com/p", "p/p.go:9", "example.com/p.G")
	}()
	if len(x.warnings) != 1 {
		t.Fatalf("warnings = %v, want exactly one", x.warnings)
	}
	w := x.warnings[0]
	if w.Pkg != "example.com/p" || w.Pos != "p/p.go:3" || !strings.Contains(w.Message, "internal error in example.com/p.F") || !strings.Contains(w.Message, "boom") {
		t.Errorf("warning = %+v", w)
	}
}
