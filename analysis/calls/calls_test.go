package calls_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/decomp/decomp/analysis/calls"
	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/load"
	"github.com/decomp/decomp/analysis/ssabuild"
	"github.com/decomp/decomp/internal/testfs"
	"github.com/decomp/decomp/internal/wanttest"
)

func loadFixture(t *testing.T, name string) *load.Program {
	t.Helper()
	prog, err := load.Load(context.Background(), load.Config{
		Dir: filepath.Join("testdata", name),
		Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off"),
	})
	if err != nil {
		t.Fatal(err)
	}
	return prog
}

func findings(cs []facts.Call) []wanttest.Finding {
	var out []wanttest.Finding
	for _, c := range cs {
		m := string(c.Kind) + " " + c.Callee
		if c.Closure {
			m += " (closure)"
		}
		out = append(out, wanttest.Finding{Pos: c.Pos, Message: m})
	}
	return out
}

// TestCallGraphs checks every call site of the fixture against its want
// comments with the algorithms that resolve interface calls.
func TestCallGraphs(t *testing.T) {
	prog := loadFixture(t, "basic")
	for _, algo := range []calls.Algorithm{calls.CHA, calls.VTA, calls.RTA} {
		t.Run(string(algo), func(t *testing.T) {
			cs, warns := calls.Extract(prog, algo, func() *ssabuild.Program { return ssabuild.Build(prog, false) })
			wanttest.Check(t, filepath.Join("testdata", "basic"), findings(cs))
			if len(warns) != 1 || warns[0].Pkg != "example.com/basic/broken" {
				t.Errorf("want one warning for the ill-typed package, got %v", warns)
			}
		})
	}
}

// TestStaticMissesDynamic: the static algorithm resolves no interface
// call to an implementation; the call still depends on the interface.
func TestStaticMissesDynamic(t *testing.T) {
	prog := loadFixture(t, "basic")
	cs, _ := calls.Extract(prog, calls.Static, func() *ssabuild.Program { return ssabuild.Build(prog, false) })
	static := 0
	for _, c := range cs {
		if c.Kind == facts.CallDynamic {
			if c.Callee != "example.com/basic/store.Saver.Save" {
				t.Errorf("static call graph resolved a dynamic call: %+v", c)
			}
			continue
		}
		static++
	}
	if static != 10 {
		t.Errorf("static calls = %d, want 10", static)
	}
}

func TestParseAlgorithm(t *testing.T) {
	for _, s := range []string{"syntax", "static", "cha", "rta", "vta"} {
		if _, err := calls.ParseAlgorithm(s); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
	if _, err := calls.ParseAlgorithm("pointer"); err == nil {
		t.Error("pointer: want an error")
	}
}

// TestGenericsAfterRelease: with release on, a package's bodies are
// emptied once its SSA is built, except generic ones, whose instances are
// built from them when a package built later instantiates them.
func TestGenericsAfterRelease(t *testing.T) {
	for _, release := range []bool{false, true} {
		prog := loadFixture(t, "generic")
		cs, warns := calls.Extract(prog, calls.VTA, func() *ssabuild.Program { return ssabuild.Build(prog, release) })
		if len(warns) > 0 {
			t.Errorf("release %v: warnings %v", release, warns)
		}
		wanttest.Check(t, filepath.Join("testdata", "generic"), findings(cs))
	}
}

// TestCallGraphWithTests: with tests on, b imports the plain a while the
// test variant of a is the one analysed; SSA still needs the plain one
// created, or building b fails ("unsatisfied import").
func TestCallGraphWithTests(t *testing.T) {
	prog, err := load.Load(context.Background(), load.Config{
		Dir:   filepath.Join("testdata", "withtests"),
		Env:   append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off"),
		Tests: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	cs, warns := calls.Extract(prog, calls.VTA, func() *ssabuild.Program { return ssabuild.Build(prog, true) })
	for _, w := range warns {
		t.Errorf("warning: %s %s", w.Pkg, w.Message)
	}
	wanttest.Check(t, filepath.Join("testdata", "withtests"), findings(cs))
}

// TestPluginPoint: an interface call is resolved to its implementations
// only up to maxImplementations of them; past that it depends on the
// interface alone (the dynamic call read from the syntax).
func TestPluginPoint(t *testing.T) {
	for _, tc := range []struct {
		impls     int
		wantEdges bool
	}{{3, true}, {1001, false}} {
		var src strings.Builder
		src.WriteString("package p\n\ntype I interface{ M() int }\n\nfunc Call(v I) int { return v.M() }\n\nvar Values = []I{")
		for i := range tc.impls {
			fmt.Fprintf(&src, "T%d{}, ", i)
		}
		src.WriteString("}\n\nfunc Run() int { return Call(Values[0]) }\n")
		for i := range tc.impls {
			fmt.Fprintf(&src, "\ntype T%d struct{}\n\nfunc (T%d) M() int { return %d }\n", i, i, i)
		}
		dir := testfs.Write(t, map[string]string{"go.mod": "module example.com/p\n\ngo 1.22\n", "p.go": src.String()})
		prog, err := load.Load(context.Background(), load.Config{Dir: dir, Env: append(os.Environ(), "GOPROXY=off")})
		if err != nil {
			t.Fatal(err)
		}
		cs, warns := calls.Extract(prog, calls.VTA, func() *ssabuild.Program { return ssabuild.Build(prog, false) })
		if len(warns) > 0 {
			t.Fatalf("%d implementations: warnings %v", tc.impls, warns)
		}
		edges, dynamic := 0, 0
		for _, c := range cs {
			if c.Caller != "example.com/p.Call" {
				continue
			}
			switch {
			case c.Kind == facts.CallDynamic && c.Callee == "example.com/p.I.M":
				dynamic++
			case strings.HasPrefix(c.Callee, "example.com/p.T"):
				edges++
			}
		}
		if dynamic != 1 || (edges > 0) != tc.wantEdges {
			t.Errorf("%d implementations: %d edges to implementations, %d dynamic calls to I.M; want edges %v and one dynamic call", tc.impls, edges, dynamic, tc.wantEdges)
		}
	}
}
