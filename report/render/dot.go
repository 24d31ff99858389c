package render

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/decomp/decomp/report"
)

// Level is the granularity of a graph output.
type Level string

// Levels.
const (
	UnitLevel    Level = "unit"
	ContextLevel Level = "context"
)

// ParseLevel validates a --level value.
func ParseLevel(s string) (Level, error) {
	switch Level(s) {
	case UnitLevel, ContextLevel:
		return Level(s), nil
	}
	return "", fmt.Errorf("unknown level %q (want unit or context)", s)
}

// kindColor colours edges by kind.
var kindColor = map[string]string{
	"call": "#1f77b4", "dynamic-call": "#17becf", "type-use": "#ff7f0e", "data-access": "#d62728", "implements": "#9467bd",
}

// WriteDOT writes the decomposition for Graphviz. At the unit level each
// context is a cluster subgraph of its units and the edges are the
// cross-context unit edges; at the context level the nodes are contexts
// sized by lines and the edges the dependencies. Either way there is one
// edge per directed pair, weighted by every kind summed (o.EdgeKinds: one
// per kind, labelled), the strongest o.Top of weight o.MinWeight or more.
func WriteDOT(w io.Writer, r *report.Report, o Options) error {
	p := &mdWriter{w: w}
	var all []report.Pair
	if o.Level == ContextLevel {
		all = report.Pairs(r.Dependencies)
	} else {
		deps := make([]report.Dependency, len(r.UnitEdges))
		for i, e := range r.UnitEdges {
			deps[i] = report.Dependency{From: e.From, To: e.To, Kind: e.Kind, Count: e.Count}
		}
		all = report.Pairs(deps)
	}
	pairs := report.Strongest(all, o.MinWeight, o.Top)
	label := "decomp: " + r.Module
	if len(pairs) < len(all) {
		label += fmt.Sprintf("\n%d of %d edges, the strongest (--top, --min-weight)", len(pairs), len(all))
	}
	// The unit level is laid out by force (fdp, which keeps clusters): dot
	// ranks 600 units of 24 contexts into a 60,000-point row, over cairo's
	// bitmap limit; fdp draws them in 16,000 x 10,000 in a few seconds.
	layout := ""
	if o.Level != ContextLevel {
		layout = "layout=fdp, "
	}
	p.printf("digraph decomp {\n\tgraph [%slabel=%s, compound=true];\n\tnode [shape=box, style=rounded, fontname=\"Helvetica\"];\n\tedge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n", layout, dotQuote(label))
	id := func(s string) string { return dotQuote(s) }
	if o.Level == ContextLevel {
		id = func(s string) string { return dotQuote("ctx:" + s) }
		for _, c := range r.Contexts {
			size := 0.6 + float64(c.Lines)/float64(max(1, r.Summary.Lines))*4
			p.printf("\t%s [label=%s, width=%.2f, height=%.2f];\n", id(c.Name), dotQuote(fmt.Sprintf("%s\n%d lines", c.Name, c.Lines)), size, size/2)
		}
	} else {
		for i, c := range r.Contexts {
			p.printf("\tsubgraph %s {\n\t\tlabel=%s;\n\t\tstyle=rounded;\n", dotQuote("cluster_"+strconv.Itoa(i)), dotQuote(c.Name))
			for _, u := range c.Units {
				p.printf("\t\t%s [label=%s];\n", id(u.ID), dotQuote(shortSym(u.ID, r.Module)))
			}
			p.printf("\t}\n")
		}
	}
	maxW := 1
	for _, pr := range pairs {
		maxW = max(maxW, pr.Weight)
	}
	for _, pr := range pairs {
		if o.EdgeKinds {
			for _, k := range pr.Kinds {
				p.printf("\t%s -> %s [label=%s, weight=%d, penwidth=%.2f, color=%s];\n", id(pr.From), id(pr.To),
					dotQuote(fmt.Sprintf("%s %d", k.Kind, k.Count)), k.Count, penWidth(k.Count, maxW), dotQuote(kindColor[k.Kind]))
			}
			continue
		}
		// Coloured by the strongest kind; the tooltip (SVG) has them all.
		attrs := fmt.Sprintf("weight=%d, penwidth=%.2f, color=%s, tooltip=%s", pr.Weight, penWidth(pr.Weight, maxW),
			dotQuote(kindColor[pr.Kinds[0].Kind]), dotQuote(fmt.Sprintf("%s → %s: %s", pr.From, pr.To, kindsText(pr.Kinds))))
		if o.Level == ContextLevel {
			attrs = "label=" + dotQuote(strconv.Itoa(pr.Weight)) + ", " + attrs
		}
		p.printf("\t%s -> %s [%s];\n", id(pr.From), id(pr.To), attrs)
	}
	p.printf("}\n")
	return p.err
}

// penWidth scales an edge between 0.8 and 6 points by the square root of
// its share of the heaviest, so ten times the weight reads as about three
// times the width.
func penWidth(w, maxW int) float64 {
	return 0.8 + 5.2*math.Sqrt(float64(w)/float64(maxW))
}

// dotQuote writes a DOT quoted ID: backslashes and quotes escaped, control
// characters shown escaped, newlines as DOT's line breaks.
func dotQuote(s string) string {
	s = strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s)
	s = strings.ReplaceAll(Escape(strings.ReplaceAll(s, "\n", "\x00")), `\x00`, `\n`)
	return `"` + s + `"`
}
