package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
)

// maxStartingHeap is the heap size of decomp's first garbage collection,
// unless the container's memory limit asks for less.
const maxStartingHeap = 512 << 20

// cgroupFiles hold the memory limit of the cgroup decomp runs in (v2, v1).
func cgroupFiles() []string {
	return []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}
}

// startingHeap returns maxStartingHeap, or a quarter of the container's
// memory limit when that is less: a run in a 512 MiB CI container must
// collect long before it fills it.
func startingHeap(files []string) int64 {
	goal := int64(maxStartingHeap)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		if limit, ok := parseMemoryLimit(string(data)); ok && limit/4 < goal {
			goal = limit / 4
		}
		break
	}
	return goal
}

// parseMemoryLimit reads a cgroup memory limit: "max" (v2) or a huge
// number (v1) mean none.
func parseMemoryLimit(s string) (int64, bool) {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n <= 0 || n >= 1<<50 {
		return 0, false
	}
	return n, true
}

// gcPercent is the collector's pacing once the heap has passed the
// starting heap: a run that large holds a whole monolith's syntax, types
// and SSA at once, and the default's headroom (the heap may grow to twice
// what is live) is most of its peak. 50 keeps a 4,000-package run under 1.5 GB
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
