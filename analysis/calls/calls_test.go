package calls_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/decomp/decomp/analysis/calls"
	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/load"
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
		out = append(out, wanttest.Finding{Pos: c.Pos, Message: string(c.Kind) + " " + c.Callee})
	}
	return out
}

// TestCallGraphs checks every call site of the fixture against its want
// comments with the algorithms that resolve interface calls.
func TestCallGraphs(t *testing.T) {
	prog := loadFixture(t, "basic")
	for _, algo := range []calls.Algorithm{calls.CHA, calls.VTA, calls.RTA} {
		t.Run(string(algo), func(t *testing.T) {
			cs, warns := calls.Extract(prog, algo, false)
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
	cs, _ := calls.Extract(prog, calls.Static, false)
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
	if static != 9 {
		t.Errorf("static calls = %d, want 9", static)
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
		cs, warns := calls.Extract(prog, calls.VTA, release)
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
	cs, warns := calls.Extract(prog, calls.VTA, true)
	for _, w := range warns {
		t.Errorf("warning: %s %s", w.Pkg, w.Message)
	}
	wanttest.Check(t, filepath.Join("testdata", "withtests"), findings(cs))
}
