// Package explaincmd implements `decomp explain`: why a unit, a context or
// a table sits where decomp put it.
package explaincmd

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/decomp/decomp/cmd/decomp/internal/cmdutil"
	"github.com/decomp/decomp/internal/pipeline"
	"github.com/decomp/decomp/report/explain"
	"github.com/decomp/decomp/report/render"
)

// Options are the command's settings after flag parsing.
type Options struct {
	IO       *cmdutil.IOStreams
	Pipeline pipeline.Options
	Name     string
	Format   string
}

// New returns the explain command; runF replaces the run in tests.
func New(ios *cmdutil.IOStreams, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{IO: ios}
	cmd := &cobra.Command{
		Use:   "explain UNIT|CONTEXT|TABLE [packages]",
		Short: "Say why a unit, a context or a table sits where decomp put it",
		Long: `Explain runs the same analysis as analyze and prints why decomp placed the
named thing where it did. For a unit (an ID as analyze prints it, with or
without the module path: internal/models.Track, internal/services:util.go)
or a table (its name, or table:NAME): the rule that placed it (the map in
decomp.yaml, a pin, a domain folder, the platform, the coupling), its
coupling to its own context and to the strongest others by edge kind, with
file:line evidence, and its confidence (the share of that coupling that goes
to its own context). For a context: where its name comes from, how many of
its units each rule placed, and its least certain members with their
strongest other context.`,
		Example: `  decomp explain internal/models.Track
  decomp explain billing
  decomp explain table:invoices --format json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Name = args[0]
			if o.Format != "text" && o.Format != "json" {
				return &cmdutil.UsageError{Msg: fmt.Sprintf("--format %q: want text or json", o.Format)}
			}
			if err := cmdutil.PrepareOptions(cmd, o.IO, &o.Pipeline, args[1:]); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return Run(cmd.Context(), o)
		},
	}
	cmdutil.AddPipelineFlags(cmd, &o.Pipeline)
	cmd.Flags().StringVar(&o.Format, "format", "text", "output format: text or json")
	return cmd
}

// Run executes the command.
func Run(ctx context.Context, o *Options) error {
	out, err := pipeline.Run(ctx, o.Pipeline)
	if err != nil {
		return err
	}
	in := &explain.Input{Facts: out.Facts, Graph: out.Graph, Result: out.Result, Layout: out.Layout, Pins: out.Clustering.Pins}
	var v any
	if i, ok := explain.Find(in, o.Name); ok {
		v = explain.Explain(in, i)
	} else {
		for c, x := range out.Result.Contexts {
			if x.Name == o.Name {
				v = explain.ExplainContext(in, c)
				break
			}
		}
	}
	if v == nil {
		return &cmdutil.UsageError{Msg: fmt.Sprintf("%q is no unit, context or table of this analysis (units as analyze prints them, e.g. internal/models.Track; contexts: %s)", o.Name, contextNames(out))}
	}
	if o.Format == "json" {
		enc := json.NewEncoder(o.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	sw := render.NewSafeWriter(o.IO.Out)
	switch x := v.(type) {
	case *explain.Unit:
		writeUnit(sw, x, out.Facts.Module)
	case *explain.Context:
		writeContext(sw, x, out.Facts.Module)
	}
	return sw.Flush()
}

func contextNames(out *pipeline.Output) string {
	var names []string
	for _, c := range out.Result.Contexts {
		names = append(names, c.Name)
	}
	return strings.Join(names, ", ")
}

func short(id, module string) string {
	if module != "" && strings.HasPrefix(id, module+"/") {
		return id[len(module)+1:]
	}
	return id
}

func kinds(p explain.Pull) string {
	var parts []string
	for _, k := range p.Kinds {
		parts = append(parts, fmt.Sprintf("%d %s", k.Count, k.Kind))
	}
	return strings.Join(parts, ", ")
}

func writeUnit(w io.Writer, u *explain.Unit, module string) {
	where := u.Context
	if where == "" {
		where = "(no context)"
	}
	fmt.Fprintf(w, "%s (%s, %d lines) is in %s, confidence %.2f\n", short(u.Unit, module), u.Kind, u.Lines, where, u.Confidence)
	fmt.Fprintf(w, "  placed by: %s\n", u.Rule)
	if len(u.Pulls) == 0 {
		fmt.Fprintf(w, "  coupled to no context\n")
	}
	for _, p := range u.Pulls {
		label := "pulled towards"
		if p.Context == u.Context {
			label = "held in"
		}
		fmt.Fprintf(w, "  %s %s: weight %.2f (%s)\n", label, p.Context, p.Weight, kinds(p))
		for _, e := range p.Evidence {
			fmt.Fprintf(w, "      %s %s: %s → %s\n", e.Pos, e.Kind, short(e.From, module), short(e.To, module))
		}
	}
}

func writeContext(w io.Writer, c *explain.Context, module string) {
	fmt.Fprintf(w, "%s: %d units, %d lines; name: %s\n", c.Context, c.Units, c.Lines, c.NameReason)
	fmt.Fprintf(w, "  placed by:\n")
	for _, r := range c.Rules {
		fmt.Fprintf(w, "    %4d  %s\n", r.Units, r.Rule)
	}
	if len(c.Uncertain) > 0 {
		fmt.Fprintf(w, "  least certain members:\n")
	}
	for _, u := range c.Uncertain {
		other := ""
		for _, p := range u.Pulls {
			if p.Context != c.Context {
				other = fmt.Sprintf(", next %s (weight %.2f)", p.Context, p.Weight)
				break
			}
		}
		fmt.Fprintf(w, "    %s: confidence %.2f%s\n", short(u.Unit, module), u.Confidence, other)
	}
}
