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
	// Interrupting stops the go command decomp is waiting on, too, and
	// every stage at its next step; a second interrupt kills at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	cmd, finish := root.NewWithProfiles(ios)
	cmd.SetArgs(args)
	err = cmd.ExecuteContext(ctx)
	if ferr := finish(); err == nil {
		err = ferr
	}
	return err
}
