// Package root assembles decomp's command tree.
package root

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/decomp/decomp/cmd/decomp/internal/analyze"
	"github.com/decomp/decomp/cmd/decomp/internal/check"
	"github.com/decomp/decomp/cmd/decomp/internal/cmdutil"
	"github.com/decomp/decomp/cmd/decomp/internal/eval"
	"github.com/decomp/decomp/cmd/decomp/internal/explaincmd"
	"github.com/decomp/decomp/cmd/decomp/internal/initcmd"
	"github.com/decomp/decomp/cmd/decomp/internal/plancmd"
	"github.com/decomp/decomp/cmd/decomp/internal/version"
)

// New returns the root command.
func New(ios *cmdutil.IOStreams) *cobra.Command {
	cmd, _ := NewWithProfiles(ios)
	return cmd
}

// NewWithProfiles returns the root command and the function that finishes
// the profiles --cpuprofile and --memprofile asked for; call it once the
// command has run, whatever its outcome.
func NewWithProfiles(ios *cmdutil.IOStreams) (*cobra.Command, func() error) {
	prof := &cmdutil.Profiles{}
	cmd := &cobra.Command{
		Use:   "decomp <command>",
		Short: "Find the bounded contexts in a Go monolith and plan its split into services",
		Long: `decomp reads a Go module, builds a weighted graph of its calls, type uses and
database accesses, clusters it into candidate bounded contexts, flags the
coupling that would keep services from changing independently, and keeps the
boundaries from eroding in CI.

It never runs the code it analyses and never downloads anything on its own.`,
		Example: `  decomp analyze ./...
  decomp analyze --granularity type --format json -o report.json
  decomp init && decomp check --write-baseline
  decomp check --format github`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version.String(),
	}
	cmd.SetVersionTemplate("decomp {{.Version}}\n") // as `decomp version` prints it
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.Err)
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return fmt.Errorf("%w (see '%s --help')", err, c.CommandPath())
	})
	cmd.AddCommand(analyze.New(ios, nil), eval.New(ios, nil), initcmd.New(ios, nil), plancmd.New(ios, nil), explaincmd.New(ios, nil), check.New(ios, nil), version.New(ios))
	// cobra's completion command prints its help, with status 0, for a
	// shell it does not know: make that a usage error.
	cmd.PersistentFlags().StringVar(&prof.CPU, "cpuprofile", "", "write a CPU profile of the run to `file` (go tool pprof reads it)")
	cmd.PersistentFlags().StringVar(&prof.Mem, "memprofile", "", "write a heap profile to `file` when the run ends")
	cmd.PersistentPreRunE = func(*cobra.Command, []string) error { return prof.Start() }
	cmd.InitDefaultCompletionCmd()
	for _, c := range cmd.Commands() {
		if c.Name() == "completion" {
			c.Args = cobra.ArbitraryArgs
			c.RunE = func(c *cobra.Command, args []string) error {
				if len(args) > 0 {
					return fmt.Errorf("unknown shell %q (want bash, zsh, fish or powershell)", args[0])
				}
				return c.Help()
			}
		}
	}
	return cmd, prof.Stop
}
