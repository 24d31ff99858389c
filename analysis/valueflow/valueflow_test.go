package valueflow_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/decomp/decomp/analysis/load"
	"github.com/decomp/decomp/analysis/ssabuild"
	"github.com/decomp/decomp/analysis/valueflow"
	"github.com/decomp/decomp/internal/wanttest"
)

// TestWant asks the value flow about the argument of every sinkT and
// sinkS call of testdata/src and checks each answer against the want
// comments on the lines where the values are written.
func TestWant(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := load.Load(context.Background(), load.Config{Dir: dir, Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")})
	if err != nil {
		t.Fatal(err)
	}
	sp := ssabuild.Build(prog, false)
	funcs := sp.ModuleFuncs()
	a := valueflow.New(funcs, nil)
	var findings []wanttest.Finding
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok || call.Call.StaticCallee() == nil {
					continue
				}
				var (
					origins []valueflow.Origin
					unknown bool
				)
				switch call.Call.StaticCallee().Name() {
				case "sinkT":
					origins, unknown = a.Types(call.Call.Args[0], fn, call.Pos(), false)
				case "sinkS":
					origins, unknown = a.Strings(call.Call.Args[0], fn, call.Pos(), false)
				default:
					continue
				}
				for _, o := range origins {
					msg := "S " + o.Text
					if o.Type != nil {
						msg = "T " + o.Type.String()
					}
					findings = append(findings, wanttest.Finding{Pos: line(prog.Pos(o.Pos)), Message: msg})
				}
				if unknown {
					findings = append(findings, wanttest.Finding{Pos: line(prog.Pos(call.Pos())), Message: "unknown"})
				}
			}
		}
	}
	exps, err := wanttest.Expectations(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range wanttest.Compare(exps, findings) {
		t.Error(p)
	}
}

// line drops the column of a file:line:col position.
func line(pos string) string {
	if i := strings.LastIndexByte(pos, ':'); strings.Count(pos, ":") > 1 {
		return pos[:i]
	}
	return pos
}
