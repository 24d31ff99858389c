package plan

import (
	"fmt"
	"html"
	"io"
	"strings"
	"unicode/utf8"
)

// Options shape the plan's text and Markdown.
type Options struct {
	// Module shortens symbols.
	Module string
	// Step, when set, writes that step alone and in full.
	Step int
	// WeakCut are the report's reasons the contexts' cut is weak: the
	// steps inherit the contexts, so the plan says it first.
	WeakCut []string
}

// listCap is how many items of each of a step's lists the text shows when
// it writes every step: the plan opens with the summary, --step N gives
// one step in full.
const listCap = 10

// CheckStep tells whether the plan has step n (1-based).
func (p *Plan) CheckStep(n int) error {
	if n < 1 || n > len(p.Steps) {
		return fmt.Errorf("--step %d: the plan has %d steps", n, len(p.Steps))
	}
	return nil
}

// Text writes the plan for a terminal: the ordered summary, then each step
// with its lists cut at listCap; o.Step writes one step in full.
func (p *Plan) Text(w io.Writer, o Options) error {
	module := o.Module
	pr := &lineWriter{w: w}
	if o.Step != 0 {
		if err := p.CheckStep(o.Step); err != nil {
			return err
		}
	} else {
		pr.printf("Migration plan (strangler fig), %d steps, %s.\n", len(p.Steps), p.Order)
		pr.printf("Effort = %s.\n", p.Formula)
		for _, w := range o.WeakCut {
			pr.printf("Weak cut: %s; the steps inherit these contexts: take them as a starting map.\n", w)
		}
		if p.TxScopes > 0 {
			pr.printf("%d of the %d transaction scopes found span the tables of two or more contexts (see each step's risks).\n", p.crossTxs(), p.TxScopes)
		}
		pr.printf("\n")
		p.textSummary(pr)
	}
	for _, s := range p.Steps {
		if o.Step != 0 && s.N != o.Step {
			continue
		}
		limit := listCap
		if o.Step != 0 {
			limit = -1
		}
		more := func(shown, n int, what string) {
			if n > shown {
				pr.printf("    … and %d more %s (decomp plan --step %d lists them)\n", n-shown, what, s.N)
			}
		}
		shown := func(n int) int {
			if limit >= 0 && n > limit {
				return limit
			}
			return n
		}
		pr.printf("\nStep %d: wall off %s (effort %.1f)\n", s.N, s.Context, s.Effort.Score)
		if len(s.With) > 0 {
			pr.printf("  with: %s (no domain of their own, see above)\n", strings.Join(s.With, ", "))
		}
		pr.printf("  why: %s\n", s.Why)
		if len(s.Patterns) > 0 {
			pr.printf("  patterns: %s\n", strings.Join(s.Patterns, "; "))
		}
		if len(s.Routes) > 0 {
			pr.printf("  routes to redirect at the edge (%d):\n", len(s.Routes))
			for _, r := range s.Routes[:shown(len(s.Routes))] {
				pr.printf("    %s %s → %s  %s\n", orAny(r.Method), r.Path, short(module, r.Handler), r.Pos)
			}
			more(shown(len(s.Routes)), len(s.Routes), "routes")
		}
		pr.printf("  seam: interface %s in package %s, %d methods", s.Seam.Interface, s.Seam.Package, len(s.Seam.Methods))
		if len(s.Seam.Methods) == 0 && len(s.Seam.Blockers) == 0 {
			pr.printf(" (nothing outside calls it: no seam needed)")
		}
		pr.printf("\n")
		for _, m := range s.Seam.Methods[:shown(len(s.Seam.Methods))] {
			pr.printf("    %s%s  → %s\n", m.Name, m.Signature, short(module, m.Target))
		}
		more(shown(len(s.Seam.Methods)), len(s.Seam.Methods), "methods")
		for _, b := range s.Seam.Blockers[:shown(len(s.Seam.Blockers))] {
			pr.printf("    blocker: %s: %s\n", short(module, b.Target), b.Reason)
		}
		more(shown(len(s.Seam.Blockers)), len(s.Seam.Blockers), "blockers")
		if len(s.Seam.Outside) > 0 {
			pr.printf("  kept out of the seam (%d, no service operations):\n", len(s.Seam.Outside))
			for _, b := range s.Seam.Outside[:shown(len(s.Seam.Outside))] {
				pr.printf("    %s: %s\n", short(module, b.Target), b.Reason)
			}
			more(shown(len(s.Seam.Outside)), len(s.Seam.Outside), "functions")
		}
		if len(s.Callers) > 0 {
			pr.printf("  callers to reroute (%d):\n", len(s.Callers))
			for _, c := range s.Callers[:shown(len(s.Callers))] {
				pr.printf("    %s  %s (%s) → %s%s\n", c.Pos, short(module, c.From), c.FromContext, short(module, c.To), moveFirst(c))
			}
			more(shown(len(s.Callers)), len(s.Callers), "callers")
		}
		for _, d := range s.Data[:shown(len(s.Data))] {
			if d.Moves {
				pr.printf("  data: %s moves with %s\n", d.Table, s.Context)
			} else {
				pr.printf("  data: %s stays with %s\n", d.Table, orNone(d.Owner))
			}
			for _, u := range d.Users {
				pr.printf("    %s: %s\n", u.Context, u.Strategy)
			}
		}
		more(shown(len(s.Data)), len(s.Data), "tables")
		for _, j := range s.Joins[:shown(len(s.Joins))] {
			pr.printf("  join across contexts at %s: %s (with %s): move the relationship into code\n", j.Pos, strings.Join(j.Tables, ", "), strings.Join(j.Others, ", "))
		}
		more(shown(len(s.Joins)), len(s.Joins), "joins")
		for _, m := range s.Models {
			pr.printf("  model split: %s takes %s {%s} of %s\n", s.Context, m.Struct, strings.Join(m.Fields, ", "), short(module, m.Model))
		}
		if len(s.DependsOn) > 0 {
			var deps []string
			for _, d := range s.DependsOn {
				deps = append(deps, fmt.Sprintf("%s (%d calls, %d uses)", d.Context, d.Calls, d.Uses))
			}
			pr.printf("  afterwards it calls, as a client: %s\n", strings.Join(deps, ", "))
		}
		for _, r := range s.Risks {
			pr.printf("  risk: %s\n", r)
		}
	}
	return pr.err
}

// moveFirst marks a caller that cannot import the seam.
func moveFirst(c Caller) string {
	if c.MoveFirst == "" {
		return ""
	}
	return "  [move first: " + c.MoveFirst + "]"
}

// crossTxs counts the transactions spanning contexts, each once.
func (p *Plan) crossTxs() int {
	seen := map[string]bool{}
	for _, s := range p.Steps {
		for _, t := range s.Transactions {
			seen[t.Func+" "+t.Pos] = true
		}
	}
	return len(seen)
}

// textSummary writes one line per step, then the contexts with no step.
func (p *Plan) textSummary(pr *lineWriter) {
	width := len("context")
	for _, s := range p.Steps {
		width = max(width, utf8.RuneCountInString(s.Context))
	}
	pr.printf("  step  %-*s  %8s  %7s  %9s  %11s  %4s  %8s  %6s  %6s\n", width, "context", "effort", "callers", "calls out", "uses in+out", "seam", "blockers", "cycles", "routes")
	for _, s := range p.Steps {
		e := s.Effort
		pr.printf("  %4d  %s%*s  %8.1f  %7d  %9d  %11s  %4d  %8d  %6d  %6d\n", s.N, s.Context, width-utf8.RuneCountInString(s.Context), "", e.Score, e.Callers, e.CallsOut,
			fmt.Sprintf("%d+%d", e.UsesIn, e.UsesOut), e.SeamMethods, e.Blockers, e.Cycles, len(s.Routes))
	}
	for _, f := range p.Folded {
		pr.printf("  no step: %s goes with %s (%s)\n", f.Context, f.Goes(), f.Reason)
	}
}

// Markdown writes the plan for a pull request or a wiki.
// Every step is folded under the summary; o.Step writes one step, open.
func (p *Plan) Markdown(w io.Writer, o Options) error {
	module := o.Module
	pr := &lineWriter{w: w}
	if o.Step != 0 {
		if err := p.CheckStep(o.Step); err != nil {
			return err
		}
	} else {
		p.summary(pr, o.WeakCut)
	}
	for _, s := range p.Steps {
		if o.Step != 0 && s.N != o.Step {
			continue
		}
		if o.Step != 0 {
			pr.printf("## Step %d: wall off %s (effort %.1f, %d callers)\n\n%s.\n\n", s.N, md(s.Context), s.Effort.Score, s.Effort.Callers, md(s.Why))
		} else {
			// Folded: the ordered summary above is what a reader needs first.
			pr.printf("\n<details><summary><b>Step %d: wall off %s</b> (effort %.1f, %d callers)</summary>\n\n%s.\n\n", s.N, htmlText(s.Context), s.Effort.Score, s.Effort.Callers, md(s.Why))
		}
		if len(s.With) > 0 {
			pr.printf("With %s (no domain of their own).\n\n", md(strings.Join(s.With, ", ")))
		}
		if len(s.Patterns) > 0 {
			pr.printf("Patterns: %s.\n\n", md(strings.Join(s.Patterns, "; ")))
		}
		if len(s.Routes) > 0 {
			pr.printf("**Routes** to redirect at the edge:\n\n| method | path | handler | where |\n| --- | --- | --- | --- |\n")
			for _, r := range s.Routes {
				pr.printf("| %s | %s | %s | %s |\n", md(orAny(r.Method)), md(r.Path), md(short(module, r.Handler)), md(r.Pos))
			}
			pr.printf("\n")
		}
		pr.printf("**Seam**: interface `%s` in package `%s`.\n\n", s.Seam.Interface, s.Seam.Package)
		if len(s.Seam.Methods) > 0 {
			pr.printf("```go\ntype %s interface {\n", s.Seam.Interface)
			for _, m := range s.Seam.Methods {
				pr.printf("\t%s%s\n", m.Name, m.Signature)
			}
			pr.printf("}\n```\n\n")
		} else if len(s.Seam.Blockers) == 0 {
			pr.printf("Nothing outside the context calls it: no seam is needed.\n\n")
		}
		for _, b := range s.Seam.Blockers {
			pr.printf("- blocker: %s: %s\n", md(short(module, b.Target)), md(b.Reason))
		}
		if len(s.Seam.Outside) > 0 {
			pr.printf("\nKept out of the seam (no service operations):\n\n")
			for _, b := range s.Seam.Outside {
				pr.printf("- %s: %s\n", md(short(module, b.Target)), md(b.Reason))
			}
		}
		if len(s.Callers) > 0 {
			pr.printf("\n**Callers to reroute** (%d):\n\n| where | caller | context | calls |\n| --- | --- | --- | --- |\n", len(s.Callers))
			for _, c := range s.Callers {
				pr.printf("| %s | %s | %s | %s |\n", md(c.Pos), md(short(module, c.From)), md(c.FromContext), md(short(module, c.To)+moveFirst(c)))
			}
		}
		if len(s.Data) > 0 {
			pr.printf("\n**Data**:\n\n")
			for _, d := range s.Data {
				if d.Moves {
					pr.printf("- %s moves with %s\n", md(d.Table), md(s.Context))
				} else {
					pr.printf("- %s stays with %s\n", md(d.Table), md(orNone(d.Owner)))
				}
				for _, u := range d.Users {
					pr.printf("  - %s: %s\n", md(u.Context), md(u.Strategy))
				}
			}
		}
		for _, j := range s.Joins {
			pr.printf("- join across contexts at %s: %s (with %s): move the relationship into code\n", md(j.Pos), md(strings.Join(j.Tables, ", ")), md(strings.Join(j.Others, ", ")))
		}
		for _, m := range s.Models {
			pr.printf("- model split: %s takes %s of %s\n", md(m.Struct), md(strings.Join(m.Fields, ", ")), md(short(module, m.Model)))
		}
		if len(s.DependsOn) > 0 {
			var deps []string
			for _, d := range s.DependsOn {
				deps = append(deps, fmt.Sprintf("%s (%d calls, %d uses)", md(d.Context), d.Calls, d.Uses))
			}
			pr.printf("\nAfterwards it calls, as a client: %s.\n", strings.Join(deps, ", "))
		}
		if len(s.Risks) > 0 {
			pr.printf("\n**Risks**:\n\n")
			for _, r := range s.Risks {
				pr.printf("- %s\n", md(r))
			}
		}
		if o.Step == 0 {
			pr.printf("\n</details>\n")
		}
	}
	return pr.err
}

// MarkdownSummary writes the plan's ordered summary alone: one table row
// per step.
func (p *Plan) MarkdownSummary(w io.Writer) error {
	pr := &lineWriter{w: w}
	p.summary(pr, nil)
	return pr.err
}

func (p *Plan) summary(pr *lineWriter, weak []string) {
	pr.printf("## Migration plan\n\n%d steps, %s. Effort = %s.\n\n", len(p.Steps), md(p.Order), md(p.Formula))
	for _, w := range weak {
		pr.printf("> **Weak cut**: %s; the steps inherit these contexts: take them as a starting map.\n\n", md(w))
	}
	if p.TxScopes > 0 {
		pr.printf("%d of the %d transaction scopes found span the tables of two or more contexts (see each step's risks).\n\n", p.crossTxs(), p.TxScopes)
	}
	pr.printf("| step | context | effort | callers | calls out | type uses in+out | seam methods | blockers | cycles | routes |\n| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, s := range p.Steps {
		e := s.Effort
		pr.printf("| %d | %s | %.1f | %d | %d | %d+%d | %d | %d | %d | %d |\n", s.N, md(s.Context), e.Score, e.Callers, e.CallsOut, e.UsesIn, e.UsesOut, e.SeamMethods, e.Blockers, e.Cycles, len(s.Routes))
	}
	if len(p.Folded) > 0 {
		pr.printf("\nNo step of their own:\n\n")
		for _, f := range p.Folded {
			pr.printf("- %s goes with %s: %s\n", md(f.Context), md(f.Goes()), md(f.Reason))
		}
	}
}

type lineWriter struct {
	w   io.Writer
	err error
}

func (p *lineWriter) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func short(module, sym string) string {
	if module != "" {
		if rest, ok := strings.CutPrefix(sym, module+"/"); ok {
			return rest
		}
	}
	return sym
}

func orAny(m string) string {
	if m == "" {
		return "ANY"
	}
	return m
}

func orNone(s string) string {
	if s == "" {
		return "no context"
	}
	return s
}

// md escapes code-derived text for a Markdown table cell or paragraph:
// every character GitHub's Markdown gives a meaning (backslash first), no
// HTML, control characters shown escaped.
func md(s string) string {
	return controls(strings.NewReplacer("\\", `\\`, "|", `\|`, "<", "&lt;", ">", "&gt;", "&", "&amp;", "*", `\*`, "_", `\_`,
		"`", "\\`", "[", `\[`, "]", `\]`, "\n", " ").Replace(s))
}

// htmlText escapes code-derived text inside an HTML block such as
// <summary>, where Markdown's backslash escapes would show literally.
func htmlText(s string) string {
	return controls(strings.ReplaceAll(html.EscapeString(s), "\n", " "))
}

// controls shows control characters escaped.
func controls(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
