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

	"github.com/decomp/decomp/cmd/decomp/internal/cmdutil"
	"github.com/decomp/decomp/cmd/decomp/internal/root"
)

func main() {
	ios := cmdutil.System()
	cmd := root.New(ios)
	err := cmd.ExecuteContext(context.Background())
	if err != nil {
		fmt.Fprintln(ios.Err, "decomp: "+cmdutil.Message(err))
	}
	os.Exit(cmdutil.ExitCode(err))
}
