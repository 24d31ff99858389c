// Package analyze implements `decomp analyze`.
package analyze

import (
	"context"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/decomp/decomp/cmd/decomp/internal/cmdutil"
	"github.com/decomp/decomp/cmd/decomp/internal/version"
	"github.com/decomp/decomp/internal/pipeline"
	"github.com/decomp/decomp/report"
	"github.com/decomp/decomp/report/render"
)

// Options are the command's settings after flag parsing.
type Options struct {
	IO       *cmdutil.IOStreams
	Pipeline pipeline.Options
	Format   string
	Output   string
	// Level is the granularity of --format dot: unit or context.
	Level string
	// Context limits the report to one context and its neighbours.
	Context string
	// All lists every member in the text report.
	All bool
	// MinWeight, Top and EdgeKinds shape the edges of --format dot.
	MinWeight, Top int
	EdgeKinds      bool
	// Summary makes --format md fit a pull-request comment.
	Summary bool
}

// New returns the analyze command; runF replaces the run in tests of the
// flag parsing.
func New(ios *cmdutil.IOStreams, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{IO: ios}
	cmd := &cobra.Command{
		Use:   "analyze [packages]",
		Short: "Find the bounded contexts of a Go module",
		Long: `Analyze loads the packages matched by the patterns (default ./...), builds the
weighted graph of their calls, type uses and data accesses, clusters it into
candidate bounded contexts and reports them with their coupling.`,
		Example: `  decomp analyze ./...
  decomp analyze --granularity type ./internal/...
  decomp analyze --format json -o report.json`,
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
	cmd.Flags().StringVar(&o.Format, "format", "text", "output format: text, json, md (Markdown), dot (Graphviz) or html (one offline file)")
	cmd.Flags().StringVar(&o.Pipeline.History, "history", "1y", "read the git history of that `WINDOW` before HEAD (off, all, 1y, 6m, 8w, 90d): contexts that change together, owners")
	cmd.Flags().StringVar(&o.Level, "level", "unit", "graph level of --format dot: unit (contexts as clusters of units) or context")
	cmd.Flags().StringVar(&o.Context, "context", "", "limit the report to context `NAME`, its dependencies and what depends on it")
	cmd.Flags().BoolVar(&o.All, "all", false, "text report: list every member, dependency and shared table instead of the first few")
	cmd.Flags().IntVar(&o.MinWeight, "min-weight", 0, "dot: draw only the edges of at least this weight (every kind summed)")
	cmd.Flags().IntVar(&o.Top, "top", 0, "dot: draw only the `N` strongest edges (0: all)")
	cmd.Flags().BoolVar(&o.EdgeKinds, "edge-kinds", false, "dot: one edge per kind, labelled, instead of one per pair")
	cmd.Flags().BoolVar(&o.Summary, "summary", false, "md: a summary that fits a pull-request comment (65,536 characters), lists folded")
	// --focus is the name the dot and HTML views know the context filter by.
	cmd.Flags().SetNormalizeFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
		if name == "focus" {
			name = "context"
		}
		return pflag.NormalizedName(name)
	})
	cmd.Flags().StringVarP(&o.Output, "output", "o", "", "write the report to `file` instead of standard output")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json", "md", "dot", "html"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// Run executes the command.
func Run(ctx context.Context, o *Options) error {
	format, err := render.ParseFormat(o.Format)
	if err != nil {
		return &cmdutil.UsageError{Msg: err.Error()}
	}
	level, err := render.ParseLevel(o.Level)
	if err != nil {
		return &cmdutil.UsageError{Msg: err.Error()}
	}
	if err := o.checkFormatFlags(format); err != nil {
		return err
	}
	dst, err := cmdutil.OpenOutput(o.IO, cmdutil.InDir(o.Pipeline.Dir, o.Output))
	if err != nil {
		return err
	}
	out, err := pipeline.Run(ctx, o.Pipeline)
	if err != nil {
		dst.Abort()
		return err
	}
	r := report.Build(out.ReportInput(), version.String())
	if o.Context != "" {
		if r, err = report.Focus(r, o.Context); err != nil {
			dst.Abort()
			return &cmdutil.UsageError{Msg: err.Error()}
		}
	}
	ro := render.Options{Level: level, All: o.All, MinWeight: o.MinWeight, Top: o.Top, EdgeKinds: o.EdgeKinds, Summary: o.Summary}
	if err := render.Write(dst.Writer(), format, r, ro); err != nil {
		dst.Abort()
		return err
	}
	return dst.Commit()
}

// checkFormatFlags refuses a flag the chosen format would ignore: a user
// who asked for --top on a Markdown report would otherwise think it held.
func (o *Options) checkFormatFlags(f render.Format) error {
	if o.MinWeight < 0 || o.Top < 0 {
		return &cmdutil.UsageError{Msg: "--min-weight and --top take 0 or more"}
	}
	if f != render.DOT && (o.MinWeight > 0 || o.Top > 0 || o.EdgeKinds) {
		return &cmdutil.UsageError{Msg: "--min-weight, --top and --edge-kinds shape --format dot"}
	}
	if f != render.Markdown && o.Summary {
		return &cmdutil.UsageError{Msg: "--summary applies to --format md"}
	}
	return nil
}
