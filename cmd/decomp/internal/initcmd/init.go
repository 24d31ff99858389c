// Package initcmd implements `decomp init`: the first context map, from an
// analysis.
package initcmd

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/decomp/decomp/check"
	"github.com/decomp/decomp/cmd/decomp/internal/cmdutil"
	"github.com/decomp/decomp/cmd/decomp/internal/version"
	"github.com/decomp/decomp/config"
	"github.com/decomp/decomp/internal/pipeline"
)

// Options are the command's settings after flag parsing.
type Options struct {
	IO       *cmdutil.IOStreams
	Pipeline pipeline.Options
	// Output is the file to write (default decomp.yaml in DIR).
	Output string
	Force  bool
}

// New returns the init command; runF replaces the run in tests.
func New(ios *cmdutil.IOStreams, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{IO: ios}
	cmd := &cobra.Command{
		Use:   "init [packages]",
		Short: "Write decomp.yaml with the contexts found by an analysis",
		Long: `Init runs the same analysis as analyze and writes its contexts as a context
map that decomp check enforces: each context's packages and types as
patterns, the tables it owns, the platform every context may use, an empty
list of allowed dependencies and the baseline file's name, each key
explained by a comment. Edit it until it is the map the team agrees on,
then accept today's violations with decomp check --write-baseline.

Init refuses to replace an existing file without --force; with --force the
analysis settings of the file it replaces are kept.`,
		Example: `  decomp init
  decomp init -o decomp.yaml --force ./internal/...`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.PrepareOptions(cmd, o.IO, &o.Pipeline, args); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return Run(cmd.Context(), o)
		},
	}
	cmdutil.AddPipelineFlags(cmd, &o.Pipeline)
	cmd.Flags().StringVarP(&o.Output, "output", "o", config.FileName, "`file` to write, relative to DIR")
	cmd.Flags().BoolVar(&o.Force, "force", false, "replace an existing file")
	return cmd
}

// Run executes the command.
func Run(ctx context.Context, o *Options) error {
	target := cmdutil.InDir(o.Pipeline.Dir, o.Output)
	if target == "" || target == "-" {
		target = cmdutil.InDir(o.Pipeline.Dir, config.FileName)
	}
	if _, err := os.Stat(target); err == nil && !o.Force {
		return &cmdutil.UsageError{Msg: fmt.Sprintf("%s exists; pass --force to replace it", target)}
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return &cmdutil.UsageError{Msg: fmt.Sprintf("cannot write %s: %v", target, err)}
	}
	dst, err := cmdutil.OpenOutput(o.IO, target)
	if err != nil {
		return err
	}
	out, err := pipeline.Run(ctx, o.Pipeline)
	if err != nil {
		dst.Abort()
		return err
	}
	ignored := func(string) bool { return false }
	if c := o.Pipeline.Config; c != nil {
		ignored = check.IgnoreFunc(c)
	}
	declared := check.Declare(out.Facts, &out.Result.Decomposition, ignored)
	if prev := o.Pipeline.Config; prev != nil && o.Pipeline.ConfigPath != "" && sameFile(o.Pipeline.ConfigPath, target) {
		declared = prev.WithContextMap(declared)
	}
	// Today's coupling between contexts becomes one allowance per pair,
	// with its count; the team's own rules stay as they are.
	allows, err := check.Allowances(out.Facts, declared, ignored)
	if err != nil {
		dst.Abort()
		return err
	}
	declared.Allow = append(declared.Allow, allows...)
	header := fmt.Sprintf("decomp context map, written by decomp init (%s) from an analysis of %s.\nEdit it to the map the team agrees on; decomp check enforces it.", version.String(), moduleName(out.Facts.Module))
	if _, err := dst.Writer().Write(declared.MarshalContextMap(header)); err != nil {
		dst.Abort()
		return err
	}
	if err := dst.Commit(); err != nil {
		return err
	}
	n := len(declared.Platform.Packages) + len(declared.Platform.Types)
	_, err = fmt.Fprintf(o.IO.Err, "decomp init: wrote %s: %d contexts, %d platform patterns; next: decomp check --write-baseline\n", target, len(declared.Contexts), n)
	return err
}

func moduleName(m string) string {
	if m == "" {
		return "the loaded packages"
	}
	return m
}

func sameFile(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(fa, fb)
	}
	return filepath.Clean(a) == filepath.Clean(b)
}
