package plan

import (
	"fmt"
	"html"
	"io"
	"strings"
)

// Text writes the plan for a terminal; module shortens symbols.
func (p *Plan) Text(w io.Writer, module string) error {
	pr := &lineWriter{w: w}
	pr.printf("Migration plan (strangler fig), %d steps, %s.\n", len(p.Steps), p.Order)
	pr.printf("Effort = %s.\n", p.Formula)
	for _, s := range p.Steps {
		pr.printf("\nStep %d: wall off %s (effort %.1f)\n", s.N, s.Context, s.Effort.Score)
		pr.printf("  why: %s\n", s.Why)
		if len(s.Patterns) > 0 {
			pr.printf("  patterns: %s\n", strings.Join(s.Patterns, "; "))
		}
		if len(s.Routes) > 0 {
			pr.printf("  routes to redirect at the edge (%d):\n", len(s.Routes))
			for _, r := range s.Routes {
				pr.printf("    %s %s → %s  %s\n", orAny(r.Method), r.Path, short(module, r.Handler), r.Pos)
			}
		}
		pr.printf("  seam: interface %s in package %s, %d methods", s.Seam.Interface, s.Seam.Package, len(s.Seam.Methods))
		if len(s.Seam.Methods) == 0 && len(s.Seam.Blockers) == 0 {
			pr.printf(" (nothing outside calls it: no seam needed)")
		}
		pr.printf("\n")
		for _, m := range s.Seam.Methods {
			pr.printf("    %s%s  → %s\n", m.Name, m.Signature, short(module, m.Target))
		}
		for _, b := range s.Seam.Blockers {
			pr.printf("    blocker: %s: %s\n", short(module, b.Target), b.Reason)
		}
		if len(s.Callers) > 0 {
			pr.printf("  callers to reroute (%d):\n", len(s.Callers))
			for _, c := range s.Callers {
				pr.printf("    %s  %s (%s) → %s\n", c.Pos, short(module, c.From), c.FromContext, short(module, c.To))
			}
		}
		for _, d := range s.Data {
			if d.Moves {
				pr.printf("  data: %s moves with %s\n", d.Table, s.Context)
			} else {
				pr.printf("  data: %s stays with %s\n", d.Table, orNone(d.Owner))
			}
			for _, u := range d.Users {
				pr.printf("    %s: %s\n", u.Context, u.Strategy)
			}
		}
		for _, j := range s.Joins {
			pr.printf("  join across contexts at %s: %s (with %s): move the relationship into code\n", j.Pos, strings.Join(j.Tables, ", "), strings.Join(j.Others, ", "))
		}
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

// Markdown writes the plan for a pull request or a wiki.
func (p *Plan) Markdown(w io.Writer, module string) error {
	pr := &lineWriter{w: w}
	p.summary(pr)
	for _, s := range p.Steps {
		// Folded: the ordered summary above is what a reader needs first.
		pr.printf("\n<details><summary><b>Step %d: wall off %s</b> (effort %.1f, %d callers)</summary>\n\n%s.\n\n", s.N, htmlText(s.Context), s.Effort.Score, s.Effort.Callers, md(s.Why))
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
		if len(s.Callers) > 0 {
			pr.printf("\n**Callers to reroute** (%d):\n\n| where | caller | context | calls |\n| --- | --- | --- | --- |\n", len(s.Callers))
			for _, c := range s.Callers {
				pr.printf("| %s | %s | %s | %s |\n", md(c.Pos), md(short(module, c.From)), md(c.FromContext), md(short(module, c.To)))
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
		pr.printf("\n</details>\n")
	}
	return pr.err
}

// MarkdownSummary writes the plan's ordered summary alone: one table row
// per step.
func (p *Plan) MarkdownSummary(w io.Writer) error {
	pr := &lineWriter{w: w}
	p.summary(pr)
	return pr.err
}

func (p *Plan) summary(pr *lineWriter) {
	pr.printf("## Migration plan\n\n%d steps, %s. Effort = %s.\n\n", len(p.Steps), md(p.Order), md(p.Formula))
	pr.printf("| step | context | effort | callers | seam methods | blockers | cycles | routes |\n| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, s := range p.Steps {
		e := s.Effort
		pr.printf("| %d | %s | %.1f | %d | %d | %d | %d | %d |\n", s.N, md(s.Context), e.Score, e.Callers, e.SeamMethods, e.Blockers, e.Cycles, len(s.Routes))
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
