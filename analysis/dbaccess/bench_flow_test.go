package dbaccess_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/decomp/decomp/analysis/dbaccess"
	"github.com/decomp/decomp/analysis/load"
	"github.com/decomp/decomp/analysis/ssabuild"
	"github.com/decomp/decomp/internal/synth"
)

// BenchmarkValueFlow times the value-flow part of the extraction (Finish:
// indexing the module's SSA and answering every call whose model or
// statement the syntax does not show) on generated monoliths of 1,000 and
// 4,000 packages; loading, the syntax part and the SSA build are outside
// the timer. Every store runs consistency checks whose SQL sits in struct
// fields handed to a shared helper, so each size asks the same questions
// per package. (make bench)
func BenchmarkValueFlow(b *testing.B) {
	for _, n := range []int{1000, 4000} {
		b.Run(fmt.Sprintf("packages=%d", n), func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "m")
			if err := synth.Generate(dir, synth.Options{Packages: n, Seed: 1}); err != nil {
				b.Fatal(err)
			}
			prog, err := load.Load(context.Background(), load.Config{Dir: dir, Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")})
			if err != nil {
				b.Fatal(err)
			}
			sp := ssabuild.Build(prog, false)
			instrs := 0
			for _, fn := range sp.ModuleFuncs() {
				for _, bb := range fn.Blocks {
					instrs += len(bb.Instrs)
				}
			}
			accesses := 0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				x := dbaccess.Start(prog)
				b.StartTimer()
				accesses = len(x.Finish(func() *ssabuild.Program { return sp }).Accesses)
			}
			b.ReportMetric(float64(accesses), "accesses")
			b.ReportMetric(float64(instrs), "instructions")
		})
	}
}
