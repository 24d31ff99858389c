// Package check implements `decomp check`, the CI gate.
package check

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/check"
	"github.com/decomp/decomp/check/output"
	"github.com/decomp/decomp/cmd/decomp/internal/cmdutil"
	"github.com/decomp/decomp/cmd/decomp/internal/version"
	"github.com/decomp/decomp/internal/pipeline"
	"github.com/decomp/decomp/report/render"
)

// Options are the command's settings after flag parsing.
type Options struct {
	IO       *cmdutil.IOStreams
	Pipeline pipeline.Options
	Format   string
	Output   string
	// Baseline overrides the config's baseline file.
	Baseline      string
	WriteBaseline bool
	StrictCount   bool
	PathPrefix    string
	Verbose       bool
}

// New returns the check command; runF replaces the run in tests of the
// flag parsing.
func New(ios *cmdutil.IOStreams, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{IO: ios}
	cmd := &cobra.Command{
		Use:   "check [packages]",
		Short: "Fail when code adds a dependency the context map does not allow",
		Long: `Check assigns the code to the contexts declared in decomp.yaml (no
clustering), lists every call, type use and table read or write that crosses
from one context to another without an allow rule, and every package in no
context, subtracts the accepted violations of the baseline file, and exits 1
if anything new is left. Violations are keyed by symbols, never lines, so
moving or reformatting code leaves the baseline as it is.

Exit status: 0 nothing new, 1 new violations, 2 bad config, flags or input.`,
		Example: `  decomp init && decomp check --write-baseline
  decomp check
  decomp check ./internal/services/...
  decomp check --format github
  decomp check --format sarif -o decomp.sarif`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.PrepareOptions(cmd, o.IO, &o.Pipeline, args); err != nil {
				return err
			}
			o.Verbose, _ = cmd.Flags().GetBool("verbose")
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return Run(cmd.Context(), o)
		},
	}
	cmdutil.AddLoadFlags(cmd, &o.Pipeline)
	f := cmd.Flags()
	f.StringVar(&o.Format, "format", "text", "output format: "+strings.Join(output.Formats, ", "))
	f.StringVarP(&o.Output, "output", "o", "", "write the report to `file` instead of standard output")
	f.StringVar(&o.Baseline, "baseline", "", "baseline `file` (default: the config's baseline, decomp-baseline.json beside it)")
	f.BoolVar(&o.WriteBaseline, "write-baseline", false, "accept every current violation: write them to the baseline file and exit 0")
	f.BoolVar(&o.StrictCount, "strict-count", false, "report occurrences beyond the baseline's count along an accepted dependency as new")
	f.StringVar(&o.PathPrefix, "path-prefix", "", "`prefix` for file paths in the output, when the module is not at the repository root")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(output.Formats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// Run executes the command.
func Run(ctx context.Context, o *Options) error {
	if !validFormat(o.Format) {
		return &cmdutil.UsageError{Msg: fmt.Sprintf("unknown format %q (want %s)", o.Format, strings.Join(output.Formats, ", "))}
	}
	cfg := o.Pipeline.Config
	if cfg == nil {
		return &cmdutil.UsageError{Msg: "no decomp.yaml in the module: run `decomp init` to write one from an analysis, or pass --config"}
	}
	if len(cfg.Contexts) == 0 {
		return &cmdutil.UsageError{Msg: fmt.Sprintf("%s declares no contexts: run `decomp init --force` to write them from an analysis", o.Pipeline.ConfigPath)}
	}
	basePath := cmdutil.InDir(o.Pipeline.Dir, o.Baseline)
	if basePath == "" {
		basePath = cfg.BaselinePath(o.Pipeline.ConfigPath)
	}
	narrowed := partial(o.Pipeline.Patterns)
	target := cmdutil.InDir(o.Pipeline.Dir, o.Output)
	if o.WriteBaseline && target != "" && target != "-" {
		return &cmdutil.UsageError{Msg: "--write-baseline writes the baseline file (name it with --baseline), not -o " + o.Output}
	}
	for _, f := range []struct{ path, what, flag string }{{basePath, "baseline", "--baseline"}, {o.Pipeline.ConfigPath, "config", "--config"}} {
		if sameFile(target, f.path) {
			return &cmdutil.UsageError{Msg: fmt.Sprintf("-o %s is the %s file: the report would replace it", o.Output, f.what)}
		}
	}
	if o.Baseline != "" && !o.WriteBaseline {
		if _, err := os.Stat(basePath); err != nil {
			return &cmdutil.UsageError{Msg: fmt.Sprintf("baseline %s: %v (write one with --write-baseline)", o.Baseline, pathErr(err))}
		}
	}
	var base *check.Baseline
	if !o.WriteBaseline || narrowed {
		// A narrowed --write-baseline keeps what it did not look at.
		var err error
		if base, err = check.ReadBaseline(basePath); err != nil {
			return &cmdutil.UsageError{Msg: err.Error()}
		}
	}
	if o.WriteBaseline {
		target = basePath
	}
	dst, err := cmdutil.OpenOutput(o.IO, target)
	if err != nil {
		return err
	}
	f, err := pipeline.Facts(ctx, o.Pipeline)
	if err != nil {
		dst.Abort()
		return err
	}
	rep, all, err := check.Run(f, cfg, check.Options{ConfigPath: o.Pipeline.ConfigPath, Baseline: base, BaselinePath: basePath, Strict: o.StrictCount, Partial: narrowed})
	if err != nil {
		dst.Abort()
		return &cmdutil.UsageError{Msg: err.Error()}
	}
	if err := ctx.Err(); err != nil {
		dst.Abort()
		return err
	}
	if o.Verbose || len(f.Warnings) > 0 && o.Format == "text" {
		warnings(o, f.Warnings)
	}
	if o.WriteBaseline {
		nb := check.NewBaseline(all)
		kept := 0
		if narrowed {
			kept = nb.Keep(base)
		}
		data, err := nb.Marshal()
		if err == nil {
			_, err = dst.Writer().Write(data)
		}
		if err != nil {
			dst.Abort()
			return err
		}
		if err := dst.Commit(); err != nil {
			return err
		}
		if kept > 0 {
			_, err = fmt.Fprintf(o.IO.Err, "decomp check: wrote %s to %s (%d kept from it: the patterns load part of the module)\n", output.Plural(len(nb.Violations), "accepted violation"), basePath, kept)
			return err
		}
		_, err = fmt.Fprintf(o.IO.Err, "decomp check: wrote %s to %s\n", output.Plural(len(all), "accepted violation"), basePath)
		return err
	}
	if err := output.Write(dst.Writer(), o.Format, rep, output.Options{PathPrefix: o.PathPrefix, Version: version.String()}); err != nil {
		dst.Abort()
		return err
	}
	if err := dst.Commit(); err != nil {
		return err
	}
	if rep.Blocked() {
		return &cmdutil.BlockedError{Msg: output.Plural(len(rep.New), "new violation") + " of the context map"}
	}
	return nil
}

func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// sameFile reports whether an output path names the given file: the same
// file when both exist, else the same cleaned absolute path.
func sameFile(out, path string) bool {
	if out == "" || out == "-" || path == "" {
		return false
	}
	a, errA := os.Stat(out)
	b, errB := os.Stat(path)
	if errA == nil && errB == nil {
		return os.SameFile(a, b)
	}
	absA, errA := filepath.Abs(out)
	absB, errB := filepath.Abs(path)
	return errA == nil && errB == nil && absA == absB
}

// partial reports whether the patterns narrow the load below the whole
// module (or workspace).
func partial(patterns []string) bool {
	for _, p := range patterns {
		if p != "./..." && p != "all" {
			return true
		}
	}
	return false
}

func validFormat(f string) bool {
	for _, x := range output.Formats {
		if f == x {
			return true
		}
	}
	return false
}

// warnings tells on stderr what could not be read, since a partial picture
// lets violations through: all of them with -v, else the first few.
func warnings(o *Options, ws []facts.Warning) {
	shown := ws
	if !o.Verbose && len(shown) > 3 {
		shown = shown[:3]
	}
	for _, w := range shown {
		where := w.Pos
		if where == "" {
			where = w.Pkg
		}
		if where != "" {
			where += ": "
		}
		fmt.Fprintf(o.IO.Err, "decomp: warning: %s%s\n", where, render.Escape(w.Message))
	}
	if len(shown) < len(ws) {
		fmt.Fprintf(o.IO.Err, "decomp: and %d more warnings (-v lists them)\n", len(ws)-len(shown))
	}
}
