package cmdutil

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// Profiles writes the CPU and heap profiles a run asked for.
type Profiles struct {
	CPU, Mem string
	cpuFile  *os.File
}

// Start begins the CPU profile.
func (p *Profiles) Start() error {
	if p.CPU == "" {
		return nil
	}
	f, err := os.Create(p.CPU)
	if err != nil {
		return &UsageError{Msg: fmt.Sprintf("cpu profile: %v", err)}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return &UsageError{Msg: fmt.Sprintf("cpu profile: %v", err)}
	}
	p.cpuFile = f
	return nil
}

// Stop ends the CPU profile and writes the heap profile.
func (p *Profiles) Stop() error {
	if p.cpuFile != nil {
		pprof.StopCPUProfile()
		if err := p.cpuFile.Close(); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		p.cpuFile = nil
	}
	if p.Mem == "" {
		return nil
	}
	f, err := os.Create(p.Mem)
	if err != nil {
		return &UsageError{Msg: fmt.Sprintf("memory profile: %v", err)}
	}
	defer f.Close()
	runtime.GC() // the heap as the run left it
	if err := pprof.WriteHeapProfile(f); err != nil {
		return fmt.Errorf("memory profile: %w", err)
	}
	return f.Close()
}
