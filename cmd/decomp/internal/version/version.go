// Package version implements `decomp version`.
package version

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/decomp/decomp/cmd/decomp/internal/cmdutil"
)

// Version is decomp's release version; main-module builds report the module
// version recorded by `go install` when there is one.
const Version = "0.1.0"

// String returns the version to print and to record in reports.
func String() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return Version
}

// New returns the version command.
func New(ios *cmdutil.IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print decomp's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(ios.Out, "decomp %s\n", String())
			return err
		},
	}
}
