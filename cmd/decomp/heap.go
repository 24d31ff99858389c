package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// startingHeap is the heap size of decomp's first garbage collection.
const startingHeap = 512 << 20

// gcPercent is the collector's pacing once the heap has passed
// startingHeap: a run that large holds a whole monolith's syntax, types and
// SSA at once, and the default's headroom (the heap may grow to twice what
// is live) is most of its peak. 50 keeps a 4,000-package run under 1.5 GB
// (1.7 GB at 100) for a fifth more time.
const gcPercent = 50

// adjustStartingHeap delays the first garbage collection until the heap
// reaches goal, then paces the collector at gcPercent, as cmd/compile
// delays its own (cmd/compile/internal/base.AdjustStartingHeap). decomp's
// live heap only grows until its facts are out, so collecting it while it
// is small is wasted work: a quarter of the CPU time of a run on an
// 80k-line module. A GOGC or GOMEMLIMIT the user set wins.
func adjustStartingHeap(goal int64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(goal)
	// The first collection finds the sentinel unreachable and runs its
	// finalizer, which sets the pacing for the rest of the run.
	sentinel := new([16]byte)
	runtime.SetFinalizer(sentinel, func(*[16]byte) {
		debug.SetGCPercent(gcPercent)
		debug.SetMemoryLimit(math.MaxInt64)
	})
}
