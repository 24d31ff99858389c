package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestAdjustStartingHeap: collection is off until the first one, which the
// memory limit triggers; the pacing is gcPercent after it, without a limit.
// A GOGC the user set is left alone.
func TestAdjustStartingHeap(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	adjustStartingHeap(startingHeap)
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Fatalf("GC percent before the first collection = %d, want off", got)
	}
	if got := debug.SetMemoryLimit(-1); got != startingHeap {
		t.Fatalf("memory limit = %d, want %d", got, startingHeap)
	}
	runtime.GC()
	deadline := time.Now().Add(10 * time.Second)
	for debug.SetGCPercent(-1) == -1 {
		if time.Now().After(deadline) {
			t.Fatal("the first collection did not restore the pacing")
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	debug.SetGCPercent(gcPercent) // undo the probe's -1
	if got := debug.SetGCPercent(gcPercent); got != gcPercent {
		t.Errorf("GC percent after the first collection = %d, want %d", got, gcPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("memory limit after the first collection = %d, want none", got)
	}

	debug.SetGCPercent(100)
	t.Setenv("GOGC", "200")
	adjustStartingHeap(startingHeap)
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set, GC percent = %d, want it left alone", got)
	}
}
