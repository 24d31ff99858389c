package main

import (
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
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
	adjustStartingHeap(maxStartingHeap)
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Fatalf("GC percent before the first collection = %d, want off", got)
	}
	if got := debug.SetMemoryLimit(-1); got != maxStartingHeap {
		t.Fatalf("memory limit = %d, want %d", got, maxStartingHeap)
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
	adjustStartingHeap(maxStartingHeap)
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set, GC percent = %d, want it left alone", got)
	}
}

func TestStartingHeap(t *testing.T) {
	dir := t.TempDir()
	file := func(text string) []string {
		name := filepath.Join(dir, strings.ReplaceAll(text, "\n", ""))
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return []string{name}
	}
	for _, tt := range []struct {
		name  string
		files []string
		want  int64
	}{
		{"no cgroup files", []string{filepath.Join(dir, "none")}, maxStartingHeap},
		{"v2 without a limit", file("max\n"), maxStartingHeap},
		{"v1 without a limit", file("9223372036854771712\n"), maxStartingHeap},
		{"512 MiB container", file("536870912\n"), 128 << 20},
		{"8 GiB container", file("8589934592\n"), maxStartingHeap},
		{"garbage", file("lots\n"), maxStartingHeap},
	} {
		if got := startingHeap(tt.files); got != tt.want {
			t.Errorf("%s: startingHeap = %d, want %d", tt.name, got, tt.want)
		}
	}
}
