package render

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/decomp/decomp/report"
	"github.com/decomp/decomp/report/plan"
)

// CommentLimit is the most characters a GitHub pull-request comment holds.
const CommentLimit = 65536

// WriteMarkdown writes the report for pull requests and wikis: tables that
// render on GitHub, code-derived text escaped, each context's members and
// each plan step folded in <details>. summary writes the short form that
// fits a pull-request comment (CommentLimit): the tables, the strongest
// dependencies, the plan's ordered summary, the first members of each
// context; the lists shrink until it fits.
func WriteMarkdown(w io.Writer, r *report.Report, summary bool) error {
	if !summary {
		p := &mdWriter{w: w}
		writeMarkdown(p, r, mdLimits{members: -1, pairs: -1, tables: -1, warnings: 20, planSteps: true})
		return p.err
	}
	var out []byte
	for _, n := range []int{20, 10, 5, 2, 0} {
		var buf bytes.Buffer
		p := &mdWriter{w: &buf}
		writeMarkdown(p, r, mdLimits{members: n, pairs: max(n, 5), tables: max(n, 5), warnings: min(n, 5), contexts: 40 * max(n, 1)})
		if p.err != nil {
			return p.err
		}
		out = buf.Bytes()
		if utf8.RuneCount(out) <= CommentLimit {
			break
		}
	}
	if utf8.RuneCount(out) > CommentLimit {
		// Thousands of contexts: cut at a line, and say so.
		const tail = "\n\n… cut to fit a pull-request comment: `decomp analyze --format md` has the full report.\n"
		runes := []rune(string(out))[:CommentLimit-utf8.RuneCountInString(tail)]
		cut := string(runes)
		if i := strings.LastIndexByte(cut, '\n'); i > 0 {
			cut = cut[:i]
		}
		out = []byte(cut + tail)
	}
	_, err := w.Write(out)
	return err
}

// mdLimits caps the lists of the Markdown report; a negative cap lists all.
type mdLimits struct {
	members, pairs, tables, warnings int
	// contexts caps the contexts table and the members (0: all).
	contexts int
	// planSteps writes every plan step in full, folded; otherwise the plan
	// is its ordered summary.
	planSteps bool
}

func writeMarkdown(p *mdWriter, r *report.Report, lim mdLimits) {
	s := r.Summary
	p.printf("# decomp: %s\n\n", mdText(r.Module))
	p.printf("%d packages, %d lines; %d units and %d tables in **%d contexts**. Modularity %.3f, inter-context calls %.1f%%.\n\n",
		s.Packages, s.Lines, s.Units, s.Tables, s.Contexts, r.Metrics.Modularity, 100*r.Metrics.ICP)
	for _, w := range r.WeakCut {
		p.printf("> **Weak cut**: %s; take the contexts as a starting map, not as boundaries to split along.\n\n", mdText(w))
	}
	if r.Declared {
		p.printf("The contexts are the ones `decomp.yaml` declares; %d units it leaves out were placed by the clustering (`--propose` shows decomp's own).\n\n", len(r.Placements))
	}
	if !lim.planSteps {
		p.printf("A summary that fits a pull-request comment; `decomp analyze --format md` writes the full report, `decomp plan` the full plan.\n\n")
	}
	contexts := r.Contexts
	if lim.contexts > 0 && len(contexts) > lim.contexts {
		contexts = contexts[:lim.contexts]
	}
	p.printf("## Contexts\n\n| context | lines | units | packages | tables | cohesion | interface |\n| --- | ---: | ---: | --- | --- | ---: | ---: |\n")
	for _, c := range contexts {
		p.printf("| **%s** | %d | %d | %s | %s | %.2f | %d |\n", mdText(c.Name), c.Lines, len(c.Units),
			mdList(shortAll(c.Packages, r.Module), 4), mdList(c.Tables, 6), c.Cohesion, c.Interface)
	}
	if len(contexts) < len(r.Contexts) {
		p.printf("| … | %d more | | | | | |\n", len(r.Contexts)-len(contexts))
	}
	for _, c := range contexts {
		if len(c.Modules) == 0 {
			continue
		}
		p.printf("\n**%s** is made of modules: %s.\n", mdText(c.Name), moduleList(c.Modules, mdText))
	}
	if lim.members != 0 {
		p.printf("\n")
		for _, c := range contexts {
			// Inside an HTML block Markdown's escapes would show: HTML's instead.
			p.printf("<details><summary><b>%s</b>: %d units</summary>\n\n", Escape(html.EscapeString(c.Name)), len(c.Units))
			for i, u := range c.Units {
				if i == lim.members {
					p.printf("- … and %d more\n", len(c.Units)-i)
					break
				}
				p.printf("- %s (%s, %d lines)\n", mdText(shortSym(u.ID, r.Module)), u.Kind, u.Lines)
			}
			p.printf("\n</details>\n")
		}
	}
	if len(r.Platform) > 0 {
		p.printf("\n## Platform / shared kernel\n\n| folder | role | lines | why |\n| --- | --- | ---: | --- |\n")
		for _, g := range r.Platform {
			p.printf("| %s | %s | %d | %s |\n", mdText(g.Folder), g.Role, g.Lines, mdText(g.Why))
		}
	}
	if len(r.Uncertain) > 0 {
		p.printf("\n## Uncertain units\n\n%d units whose context the clustering's runs from different seeds disagree on.\n\n| unit | context | share of runs | else |\n| --- | --- | ---: | --- |\n", len(r.Uncertain))
		for i, u := range r.Uncertain {
			if i == lim.pairs {
				p.printf("| … | %d more | | |\n", len(r.Uncertain)-i)
				break
			}
			p.printf("| %s | %s | %.0f%% | %s |\n", mdText(shortSym(u.Unit, r.Module)), mdText(u.Context), 100*u.Agreement, mdText(u.Other))
		}
	}
	if pairs := report.Pairs(r.Dependencies); len(pairs) > 0 {
		p.printf("\n## Cross-context dependencies\n\n%d context pairs, strongest first; weight is every kind summed.\n\n| from | to | weight | kinds | e.g. |\n| --- | --- | ---: | --- | --- |\n", len(pairs))
		for i, d := range pairs {
			if i == lim.pairs {
				p.printf("| … | %d weaker pairs | | | |\n", len(pairs)-i)
				break
			}
			p.printf("| %s | %s | %d | %s | %s |\n", mdText(d.From), mdText(d.To), d.Weight, kindsText(d.Kinds), mdText(d.Evidence))
		}
	}
	if len(r.SharedTables) > 0 {
		p.printf("\n## Shared tables\n\n| table | severity | writers | readers | proposed owner |\n| --- | --- | --- | --- | --- |\n")
		for i, t := range r.SharedTables {
			if i == lim.tables {
				p.printf("| … | %d more | | | |\n", len(r.SharedTables)-i)
				break
			}
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
	writeMarkdownHistory(p, r, lim)
	if p.err == nil && r.Plan != nil {
		p.printf("\n")
		if lim.planSteps {
			p.err = r.Plan.Markdown(p.w, plan.Options{Module: r.Module})
		} else {
			p.err = r.Plan.MarkdownSummary(p.w)
		}
	}
	if len(r.Warnings) > 0 {
		p.printf("\n## Warnings (%d)\n\n", len(r.Warnings))
		for i, wn := range r.Warnings {
			if i == lim.warnings {
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
}

func writeMarkdownHistory(p *mdWriter, r *report.Report, lim mdLimits) {
	h := r.History
	if h == nil {
		return
	}
	if h.Head == "" {
		p.printf("\n## History\n\nNone: %s.\n", mdText(h.Note))
		return
	}
	p.printf("\n## History\n\n%d commits by %d authors (%s up to `%.12s`); left out %d merges, %d bulk commits, %d by bots.\n",
		h.Commits, h.Authors, h.Window, h.Head, h.Merges, h.Bulk, h.Bots)
	n := lim.pairs
	if len(h.Together) > 0 {
		p.printf("\n| contexts that change together | commits | share of either's | e.g. |\n| --- | ---: | ---: | --- |\n")
		for i, c := range h.Together {
			if i == n {
				p.printf("| … %d more | | | |\n", len(h.Together)-i)
				break
			}
			ex := ""
			if len(c.Examples) > 0 {
				ex = fmt.Sprintf("%.8s %s", c.Examples[0].Hash, c.Examples[0].Subject)
			}
			p.printf("| %s + %s | %d | %.0f%% | %s |\n", mdText(c.A), mdText(c.B), c.Commits, 100*c.Share, mdText(ex))
		}
	}
	if len(h.Owners) > 0 {
		p.printf("\n| context | commits | spread | main authors |\n| --- | ---: | ---: | --- |\n")
		for _, o := range h.Owners {
			var top []string
			for _, a := range o.Top {
				top = append(top, fmt.Sprintf("%s %.0f%%", a.Author, 100*a.Share))
			}
			p.printf("| %s | %d | %d | %s |\n", mdText(o.Context), o.Commits, o.Spread, mdText(strings.Join(top, ", ")))
		}
	}
	for _, g := range h.SamePeople {
		p.printf("\n- changed by the same people (%s): %s", mdText(strings.Join(g.Authors, ", ")), mdText(strings.Join(g.Contexts, ", ")))
	}
	if len(h.SamePeople) > 0 {
		p.printf("\n")
	}
	if len(h.Pulled) > 0 {
		p.printf("\n%d units change more with another context than with their own:\n\n", len(h.Pulled))
		for i, u := range h.Pulled {
			if i == n {
				p.printf("- … and %d more\n", len(h.Pulled)-i)
				break
			}
			p.printf("- %s (%s) changes with %s: %d commits\n", mdText(shortSym(u.Unit, r.Module)), mdText(u.Context), mdText(u.Other), u.Commits)
		}
	}
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
