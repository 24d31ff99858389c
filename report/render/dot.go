package render

import (
	"fmt"
	"io"
	"sort"
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
// context is a cluster subgraph of its units, and the edges are the
// cross-context unit edges, weighted and labelled by kind; at the context
// level the nodes are contexts sized by lines and the edges the
// dependencies.
func WriteDOT(w io.Writer, r *report.Report, level Level) error {
	p := &mdWriter{w: w}
	p.printf("digraph decomp {\n\tgraph [label=%s, rankdir=LR, compound=true];\n\tnode [shape=box, style=rounded, fontname=\"Helvetica\"];\n\tedge [fontname=\"Helvetica\", fontsize=9];\n", dotQuote("decomp: "+r.Module))
	if level == ContextLevel {
		for _, c := range r.Contexts {
			size := 0.6 + float64(c.Lines)/float64(max(1, r.Summary.Lines))*4
			p.printf("\t%s [label=%s, width=%.2f, height=%.2f];\n", dotQuote("ctx:"+c.Name), dotQuote(fmt.Sprintf("%s\n%d lines", c.Name, c.Lines)), size, size/2)
		}
		type key struct{ from, to, kind string }
		counts := map[key]int{}
		for _, d := range r.Dependencies {
			counts[key{d.From, d.To, d.Kind}] += d.Count
		}
		keys := make([]key, 0, len(counts))
		for k := range counts {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			a, b := keys[i], keys[j]
			return a.from < b.from || a.from == b.from && (a.to < b.to || a.to == b.to && a.kind < b.kind)
		})
		for _, k := range keys {
			n := counts[k]
			p.printf("\t%s -> %s [label=%s, weight=%d, penwidth=%.2f, color=%s];\n", dotQuote("ctx:"+k.from), dotQuote("ctx:"+k.to),
				dotQuote(fmt.Sprintf("%s %d", k.kind, n)), n, 1+float64(min(n, 50))/10, dotQuote(kindColor[k.kind]))
		}
		p.printf("}\n")
		return p.err
	}
	for i, c := range r.Contexts {
		p.printf("\tsubgraph %s {\n\t\tlabel=%s;\n\t\tstyle=rounded;\n", dotQuote("cluster_"+strconv.Itoa(i)), dotQuote(c.Name))
		for _, u := range c.Units {
			p.printf("\t\t%s [label=%s];\n", dotQuote(u.ID), dotQuote(shortSym(u.ID, r.Module)))
		}
		p.printf("\t}\n")
	}
	for _, e := range r.UnitEdges {
		p.printf("\t%s -> %s [label=%s, weight=%d, color=%s];\n", dotQuote(e.From), dotQuote(e.To), dotQuote(fmt.Sprintf("%s %d", e.Kind, e.Count)), e.Count, dotQuote(kindColor[e.Kind]))
	}
	p.printf("}\n")
	return p.err
}

// dotQuote writes a DOT quoted ID: backslashes and quotes escaped, control
// characters shown escaped, newlines as DOT's line breaks.
func dotQuote(s string) string {
	s = strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s)
	s = strings.ReplaceAll(Escape(strings.ReplaceAll(s, "\n", "\x00")), `\x00`, `\n`)
	return `"` + s + `"`
}
