package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// startingHeap is the heap size of decomp's first garbage collection.
const startingHeap = 512 << 20

// adjustStartingHeap delays the first garbage collection until the heap
// reaches goal, then hands over to the default pacing, as cmd/compile does
// (cmd/compile/internal/base.AdjustStartingHeap). decomp's live heap only
// grows until its facts are out, so collecting it while it is small is
// wasted work: a quarter of the CPU time of a run on an 80k-line module.
// The peak of a large run is set later, by the default pacing, and does
// not change. A GOGC or GOMEMLIMIT the user set wins.
func adjustStartingHeap(goal int64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(goal)
	// The first collection finds the sentinel unreachable and runs its
	// finalizer, which restores the defaults.
	sentinel := new([16]byte)
	runtime.SetFinalizer(sentinel, func(*[16]byte) {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	})
}
