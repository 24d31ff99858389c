// Package eval implements `decomp eval`: scoring a decomposition against a
// ground-truth file, which is how decomp's own quality is measured.
package eval

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/decomp/decomp/cluster"
	"github.com/decomp/decomp/cluster/eval"
	"github.com/decomp/decomp/cmd/decomp/internal/cmdutil"
	"github.com/decomp/decomp/internal/pipeline"
	"github.com/decomp/decomp/report/render"
)

// Options are the command's settings after flag parsing.
type Options struct {
	IO         *cmdutil.IOStreams
	Pipeline   pipeline.Options
	Truth      string
	DomainOnly bool
	// Details adds, per computed context, how its scored units split over
	// the truth's labels, and lists the units outside each context's
	// majority label.
	Details bool
	// Level is "context" (the default) or "module": the communities the
	// clustering found, before aggregate parts join their aggregate.
	Level string
}

// New returns the eval command; runF replaces the run in tests of the flag
// parsing.
func New(ios *cmdutil.IOStreams, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{IO: ios}
	cmd := &cobra.Command{
		Use:   "eval --truth FILE [packages]",
		Short: "Score decomp's contexts against a ground-truth decomposition",
		Long: `Eval runs the same analysis as analyze and compares the contexts with a
ground-truth file (packages:, types: and files: mapping code to context
names), printing MoJoFM and the adjusted Rand index. Truth labels that begin
with "_" mark non-domain buckets; --domain-only scores without them.`,
		Example: `  decomp eval --truth truth.yaml
  decomp eval --truth truth.yaml --domain-only --granularity type ./...`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.Truth == "" {
				return &cmdutil.UsageError{Msg: "eval needs --truth FILE"}
			}
			if err := cmdutil.PrepareOptions(cmd, o.IO, &o.Pipeline, args); err != nil {
				return err
			}
			switch o.Level {
			case "context":
			case "module":
				if o.Pipeline.Tune == nil {
					o.Pipeline.Tune = cluster.Tuning{}
				}
				o.Pipeline.Tune["join-aggregates"] = 0
			default:
				return &cmdutil.UsageError{Msg: fmt.Sprintf("--level %q: want context or module", o.Level)}
			}
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return Run(cmd.Context(), o)
		},
	}
	cmdutil.AddPipelineFlags(cmd, &o.Pipeline)
	cmd.Flags().StringVar(&o.Pipeline.History, "history", "off", "read the git history of that `WINDOW` before HEAD (off, all, 1y, ...); with weights.coChange in decomp.yaml it couples units changed together")
	cmd.Flags().StringVar(&o.Truth, "truth", "", "ground-truth `file` (YAML)")
	cmd.Flags().BoolVar(&o.DomainOnly, "domain-only", false, `score only units whose truth label does not begin with "_"`)
	cmd.Flags().StringVar(&o.Level, "level", "context", "what to score: context, or module (the clustering's communities before aggregate parts join the context holding them)")
	cmd.Flags().BoolVar(&o.Details, "details", false, "also print each context's split over the truth labels and the units outside its majority label")
	return cmd
}

// Run executes the command.
func Run(ctx context.Context, o *Options) error {
	truth, err := eval.LoadTruth(cmdutil.InDir(o.Pipeline.Dir, o.Truth))
	if err != nil {
		return &cmdutil.UsageError{Msg: err.Error()}
	}
	out, err := pipeline.Run(ctx, o.Pipeline)
	if err != nil {
		return err
	}
	s := pipeline.Score(out, truth, o.DomainOnly)
	scope := "all units"
	if o.DomainOnly {
		scope = "domain units only"
	}
	if s.Objects == 0 {
		return &cmdutil.UsageError{Msg: fmt.Sprintf("the truth file labels none of the %d units decomp placed (%s): check its import paths", s.Objects+s.Extra, scope)}
	}
	base := pipeline.FolderBaseline(out, truth, o.DomainOnly)
	_, err = fmt.Fprintf(o.IO.Out, "%s granularity, %s: %d units scored (%d not in the truth), %d contexts vs %d in the truth\nMoJoFM %.4f\nARI    %.4f\ngroup by folder, same units: MoJoFM %.4f, ARI %.4f\n",
		out.Options.Granularity, scope, s.Objects, s.Extra, s.ComputedClusters, s.TruthClusters, s.MoJoFM, s.ARI, base.MoJoFM, base.ARI)
	if err != nil || !o.Details {
		return err
	}
	computed, want := pipeline.Labels(out, truth)
	return writeDetails(o.IO.Out, computed, want, o.DomainOnly)
}

// writeDetails prints, per computed context (largest first), the truth
// labels of its units with counts, then each unit whose label is not the
// context's majority: what to look at when a score is low.
func writeDetails(w io.Writer, computed, want map[string]string, domainOnly bool) error {
	members := map[string][]string{}
	for u, c := range computed {
		l, ok := want[u]
		if !ok || (domainOnly && eval.IsNonDomain(l)) {
			continue
		}
		members[c] = append(members[c], u)
	}
	names := slices.Sorted(maps.Keys(members))
	slices.SortStableFunc(names, func(a, b string) int { return len(members[b]) - len(members[a]) })
	var b strings.Builder
	for _, c := range names {
		units := members[c]
		slices.Sort(units)
		count := map[string]int{}
		for _, u := range units {
			count[want[u]]++
		}
		labels := slices.Sorted(maps.Keys(count))
		slices.SortStableFunc(labels, func(x, y string) int { return count[y] - count[x] })
		fmt.Fprintf(&b, "\n%s (%d units):", render.Escape(c), len(units))
		for _, l := range labels {
			fmt.Fprintf(&b, " %s %d", render.Escape(l), count[l])
		}
		b.WriteByte('\n')
		for _, u := range units {
			if want[u] != labels[0] {
				fmt.Fprintf(&b, "  %s: truth %s\n", render.Escape(u), render.Escape(want[u]))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
