// Command decomp tells a team how to break its Go monolith into bounded
// contexts, and keeps the new boundaries from eroding.
//
// Exit status: 0 on success, 1 when findings block a gate (decomp check),
// 2 for usage and load errors.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/decomp/decomp/cmd/decomp/internal/cmdutil"
	"github.com/decomp/decomp/cmd/decomp/internal/root"
)

func main() {
	adjustStartingHeap(startingHeap(cgroupFiles()))
	ios := cmdutil.System()
	err := execute(ios, os.Args[1:])
	if err != nil {
		fmt.Fprintln(ios.Err, "decomp: "+cmdutil.Message(err))
	}
	os.Exit(cmdutil.ExitCode(err))
}

// execute runs the command tree. A panic is a bug in decomp, but the user
// still gets one line and exit status 2, not a stack trace.
func execute(ios *cmdutil.IOStreams, args []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v (please report this with the command you ran)", r)
		}
	}()
	// Interrupting (SIGINT or SIGTERM) stops the go command decomp is
	// waiting on, too, and every stage at its next step; a second one, or
	// a stage still running after interruptGrace, stops at once, removing
	// the temporary files of unwritten outputs.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	finished := make(chan struct{})
	defer close(finished)
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	go watchSignals(ctx, cancel, sigs, finished, interruptGrace, ios, os.Exit)
	cmd, finish := root.NewWithProfiles(ios)
	cmd.SetArgs(args)
	err = cmd.ExecuteContext(ctx)
	if ferr := finish(); err == nil {
		err = ferr
	}
	return err
}

// interruptGrace is how long an interrupted run may take to stop at its
// next step before it is stopped at once: an extractor or the clustering
// of a large module checks for the interrupt only between steps that can
// take many seconds, and a user pressing Ctrl-C expects to get the prompt
// back now. Outputs are written through temporary files, so stopping at
// any point loses nothing already on disk.
const interruptGrace = 1500 * time.Millisecond

// watchSignals cancels the run on the first signal; on a second, or when
// the run has not finished grace later, it removes the temporary files of
// outputs not yet written and exits.
func watchSignals(ctx context.Context, cancel func(), sigs <-chan os.Signal, finished <-chan struct{}, grace time.Duration, ios *cmdutil.IOStreams, exit func(int)) {
	select {
	case <-sigs:
	case <-ctx.Done():
		return
	}
	cancel()
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case <-sigs:
	case <-t.C:
	case <-finished:
		return
	}
	ios.Temps.RemoveAll()
	fmt.Fprintln(ios.Err, "decomp: interrupted")
	exit(cmdutil.ExitInterrupted)
}
