package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/decomp/decomp/report"
)

// WriteMarkdown writes the report for pull requests and wikis: tables that
// render on GitHub, code-derived text escaped.
func WriteMarkdown(w io.Writer, r *report.Report) error {
	p := &mdWriter{w: w}
	s := r.Summary
	p.printf("# decomp: %s\n\n", mdText(r.Module))
	p.printf("%d packages, %d lines; %d units and %d tables in **%d contexts**. Modularity %.3f, inter-context calls %.1f%%.\n\n",
		s.Packages, s.Lines, s.Units, s.Tables, s.Contexts, r.Metrics.Modularity, 100*r.Metrics.ICP)
	if r.Declared {
		p.printf("The contexts are the ones `decomp.yaml` declares; %d units it leaves out were placed by the clustering (`--propose` shows decomp's own).\n\n", len(r.Placements))
	}
	p.printf("## Contexts\n\n| context | lines | units | packages | tables | cohesion | interface |\n| --- | ---: | ---: | --- | --- | ---: | ---: |\n")
	for _, c := range r.Contexts {
		p.printf("| **%s** | %d | %d | %s | %s | %.2f | %d |\n", mdText(c.Name), c.Lines, len(c.Units),
			mdList(shortAll(c.Packages, r.Module), 4), mdList(c.Tables, 6), c.Cohesion, c.Interface)
	}
	if len(r.Platform) > 0 {
		p.printf("\n## Platform / shared kernel\n\n| folder | role | lines | why |\n| --- | --- | ---: | --- |\n")
		for _, g := range r.Platform {
			p.printf("| %s | %s | %d | %s |\n", mdText(g.Folder), g.Role, g.Lines, mdText(g.Why))
		}
	}
	if len(r.Dependencies) > 0 {
		p.printf("\n## Cross-context dependencies\n\n| from | to | kind | count | evidence |\n| --- | --- | --- | ---: | --- |\n")
		for i, d := range r.Dependencies {
			if i == 40 {
				p.printf("| … | %d more | | | |\n", len(r.Dependencies)-i)
				break
			}
			p.printf("| %s | %s | %s | %d | %s |\n", mdText(d.From), mdText(d.To), d.Kind, d.Count, mdList(d.Evidence, 3))
		}
	}
	if len(r.SharedTables) > 0 {
		p.printf("\n## Shared tables\n\n| table | severity | writers | readers | proposed owner |\n| --- | --- | --- | --- | --- |\n")
		for _, t := range r.SharedTables {
			p.printf("| %s | %s | %s | %s | **%s** |\n", mdText(t.Table), t.Severity, mdText(strings.Join(t.Writers, ", ")), mdText(strings.Join(t.Readers, ", ")), mdText(t.Owner.Name))
		}
	}
	if len(r.OversizedModels) > 0 {
		p.printf("\n## Oversized models\n\n")
		for _, m := range r.OversizedModels {
			var ctxs []string
			for _, c := range m.Contexts {
				ctxs = append(ctxs, c.Name)
			}
			p.printf("- %s: %d fields used by %s; proposed split:", mdText(shortSym(m.Type, r.Module)), m.Fields, mdText(strings.Join(ctxs, ", ")))
			for _, part := range m.Split.Contexts {
				p.printf(" %s (%s, %d fields)", mdText(part.Name), mdText(part.Context), len(part.Fields))
			}
			p.printf("\n")
		}
	}
	if p.err == nil && r.Plan != nil {
		p.printf("\n")
		p.err = r.Plan.Markdown(w, r.Module)
	}
	if len(r.Warnings) > 0 {
		p.printf("\n## Warnings (%d)\n\n", len(r.Warnings))
		for i, wn := range r.Warnings {
			if i == 20 {
				p.printf("- … and %d more\n", len(r.Warnings)-i)
				break
			}
			where := wn.Pos
			if where == "" {
				where = wn.Pkg
			}
			p.printf("- %s %s\n", mdText(where), mdText(wn.Message))
		}
	}
	return p.err
}

type mdWriter struct {
	w   io.Writer
	err error
}

func (p *mdWriter) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// mdText escapes code-derived text for Markdown: no HTML, no table breaks,
// no emphasis, no control characters. It is used in table cells instead of
// code spans: inside a table even a code span splits at a pipe, and a
// backslash there is literal.
func mdText(s string) string {
	return Escape(strings.NewReplacer("\\", `\\`, "|", `\|`, "<", "&lt;", ">", "&gt;", "&", "&amp;", "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "\n", " ").Replace(s))
}

func mdList(items []string, max int) string {
	if len(items) == 0 {
		return ""
	}
	var out []string
	for i, it := range items {
		if i == max {
			out = append(out, fmt.Sprintf("+%d", len(items)-i))
			break
		}
		out = append(out, mdText(it))
	}
	return strings.Join(out, ", ")
}

func shortAll(ss []string, module string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = shortSym(s, module)
	}
	return out
}

func shortSym(s, module string) string {
	if module != "" {
		if rest, ok := strings.CutPrefix(s, module+"/"); ok {
			return rest
		}
	}
	return s
}
