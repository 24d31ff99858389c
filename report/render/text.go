package render

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/decomp/decomp/report"
)

// textLimits keep the terminal summary readable on large modules; the JSON
// report always has everything.
const (
	maxUnitsShown = 12
	maxDepsShown  = 15
	maxWarnShown  = 10
)

// WriteText writes the terminal summary.
func WriteText(w io.Writer, r *report.Report) error { return WriteTextAll(w, r, false) }

// WriteTextAll writes the terminal summary; with all, every member,
// dependency and shared table is listed instead of the first few.
func WriteTextAll(w io.Writer, r *report.Report, all bool) error {
	maxUnitsShown, maxDepsShown := maxUnitsShown, maxDepsShown
	if all {
		maxUnitsShown, maxDepsShown = -1, -1
	}
	sw := &SafeWriter{w: w}
	b := bufio.NewWriter(sw)
	defer sw.Flush()
	s := r.Summary
	fmt.Fprintf(b, "decomp %s — %s\n", r.Tool.Version, r.Module)
	fmt.Fprintf(b, "%d packages, %d files, %d lines; %d %s units and %d tables in %d contexts\n",
		s.Packages, s.Files, s.Lines, s.Units, r.Inputs.Granularity, s.Tables, s.Contexts)
	if r.Declared {
		fmt.Fprintf(b, "contexts as decomp.yaml declares them (%d units it leaves out placed by the clustering); --propose shows decomp's own\n", len(r.Placements))
	}
	if s.IllTypedPackage > 0 {
		fmt.Fprintf(b, "%d of %d packages did not type-check: they are placed from what could be read (see warnings)\n",
			s.IllTypedPackage, s.Packages)
	}
	if s.Accesses > 0 {
		fmt.Fprintf(b, "%d table accesses from %d query sites (%d best effort: SQL that could not be read whole, such as a template with holes)\n",
			s.Accesses, s.QuerySites, s.BestEffortSites)
	}
	m := r.Metrics
	fmt.Fprintf(b, "modularity %.3f · inter-context calls (ICP) %.1f%% · SM %.3f · IFN %.2f · NED %.2f\n",
		m.Modularity, 100*m.ICP, m.SM, m.IFN, m.NED)
	for _, w := range r.WeakCut {
		fmt.Fprintf(b, "weak cut: %s; take the contexts as a starting map, not as boundaries to split along\n", w)
	}
	fmt.Fprintln(b)

	for _, c := range r.Contexts {
		fmt.Fprintf(b, "■ %s — %d units, %d files, %d lines, cohesion %.2f%s\n", c.Name, len(c.Units), c.Files, c.Lines, c.Cohesion, shapedBy(c.ShapedBy))
		if len(c.Modules) > 0 {
			fmt.Fprintf(b, "    modules: %s\n", moduleList(c.Modules, func(s string) string { return s }))
		}
		shown := 0
		for _, u := range c.Units {
			if u.Kind == "table" {
				continue
			}
			if shown == maxUnitsShown {
				fmt.Fprintf(b, "    … and %d more\n", countCode(c.Units)-shown)
				break
			}
			fmt.Fprintf(b, "    %s\n", shortUnit(u.ID, r.Module))
			shown++
		}
		if len(c.Tables) > 0 {
			fmt.Fprintf(b, "    tables: %s\n", strings.Join(c.Tables, ", "))
		}
	}

	if len(r.Platform) > 0 {
		fmt.Fprintf(b, "\nPlatform / shared kernel (set aside, used by the contexts, owned by none):\n")
		for _, p := range r.Platform {
			fmt.Fprintf(b, "  %-20s %-12s %d units, %d lines: %s\n", p.Folder, p.Role, len(p.Units), p.Lines, p.Why)
		}
	}
	if len(r.Merges) > 0 {
		fmt.Fprintf(b, "\nDomain folders that behave as one context:\n")
		for _, mg := range r.Merges {
			verdict := "kept apart, nearly merged"
			if mg.Merged {
				verdict = "merged into " + mg.Context
			}
			fmt.Fprintf(b, "  %s and %s: %s (coupling between them %.1f; own cohesion %.1f and %.1f; coupling elsewhere %.1f and %.1f)\n",
				mg.A, mg.B, verdict, mg.Mutual, mg.InternalA, mg.InternalB, mg.OutsideA, mg.OutsideB)
			for _, e := range mg.Evidence {
				fmt.Fprintf(b, "    %s\n", shortEvidence(e, r.Module))
			}
		}
	}

	if pairs := report.Pairs(r.Dependencies); len(pairs) > 0 {
		// One line per context pair, every kind summed, so the strongest
		// couplings fit on a screen whatever the number of kinds.
		fmt.Fprintf(b, "\nStrongest cross-context dependencies (%d context pairs, all kinds summed):\n", len(pairs))
		capped(b, len(pairs), maxDepsShown, " weaker pairs (--all lists them)", func(i int) {
			p := pairs[i]
			ev := ""
			if p.Evidence != "" {
				ev = "  e.g. " + p.Evidence
			}
			fmt.Fprintf(b, "  %-16s → %-16s %5d  %s%s\n", p.From, p.To, p.Weight, kindsText(p.Kinds), ev)
		})
	}
	writeSharedTables(b, r, maxDepsShown)
	writeModels(b, r)
	if len(r.Disagreements) > 0 {
		fmt.Fprintf(b, "\nCode whose folder and coupling disagree:\n")
		capped(b, len(r.Disagreements), maxDepsShown, "", func(i int) {
			d := r.Disagreements[i]
			fmt.Fprintf(b, "  %s stays in %s (context %s) but is coupled more to %s (%.1f vs %.1f)\n", shortUnit(d.Unit, r.Module), d.Folder, d.FolderContext, d.Context, d.Other, d.Own)
		})
	}
	if len(r.Uncertain) > 0 {
		fmt.Fprintf(b, "\nUnits whose context is uncertain (clustering runs from different seeds disagree; %d):\n", len(r.Uncertain))
		capped(b, len(r.Uncertain), maxDepsShown, "", func(i int) {
			u := r.Uncertain[i]
			fmt.Fprintf(b, "  %s in %s (%.0f%% of the runs), else %s\n", shortUnit(u.Unit, r.Module), u.Context, 100*u.Agreement, u.Other)
		})
	}
	if len(r.AgainstMap) > 0 {
		fmt.Fprintf(b, "\nWhere the code disagrees with decomp.yaml: units more coupled to another context (%d; decomp explain UNIT shows both sides):\n", len(r.AgainstMap))
		capped(b, len(r.AgainstMap), maxDepsShown, seeJSON, func(i int) {
			a := r.AgainstMap[i]
			fmt.Fprintf(b, "  %-40s declared %s (coupling %.2f), pulled by %s (%.2f)\n", shortUnit(a.Unit, r.Module), a.Context, a.Own, a.Other, a.Pull)
		})
	}
	if len(r.Placements) > 0 {
		fmt.Fprintf(b, "\nNot in decomp.yaml, placed by the clustering (%d units):\n", len(r.Placements))
		capped(b, len(r.Placements), maxDepsShown, seeJSON, func(i int) {
			pl := r.Placements[i]
			fmt.Fprintf(b, "  %-40s → %s\n", shortUnit(pl.Unit, r.Module), pl.Context)
		})
	}
	writeHistory(b, r, maxDepsShown)
	if r.Plan != nil && len(r.Plan.Steps) > 0 {
		fmt.Fprintf(b, "\nMigration plan (%s; decomp plan gives each step's seam, callers, data and risks):\n", r.Plan.Order)
		for _, s := range r.Plan.Steps {
			e := s.Effort
			co := ""
			if e.CoChanged > 0 {
				co = fmt.Sprintf(", changes with %d (history)", e.CoChanged)
			}
			fmt.Fprintf(b, "  %2d. %-14s effort %5.1f: %d callers, %d calls out, %d seam methods, %d blockers, %d cycles, %d routes%s\n",
				s.N, s.Context, e.Score, e.Callers, e.CallsOut, e.SeamMethods, e.Blockers, e.Cycles, len(s.Routes), co)
		}
		for _, f := range r.Plan.Folded {
			fmt.Fprintf(b, "      no step: %s goes with %s (%s)\n", f.Context, f.Goes(), f.Reason)
		}
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintf(b, "\n%d warnings:\n", len(r.Warnings))
		for i, wn := range r.Warnings {
			if i == maxWarnShown {
				fmt.Fprintf(b, "  … and %d more\n", len(r.Warnings)-i)
				break
			}
			fmt.Fprintf(b, "  %s\n", warningLine(wn.Pkg, wn.Pos, wn.Message))
		}
	}
	return b.Flush()
}

func warningLine(pkg, pos, msg string) string {
	switch {
	case pos != "":
		return pos + ": " + msg
	case pkg != "":
		return pkg + ": " + msg
	}
	return msg
}

func countCode(us []report.Unit) int {
	n := 0
	for _, u := range us {
		if u.Kind != "table" {
			n++
		}
	}
	return n
}

// shortEvidence drops the module path from every unit in an evidence line.
func shortEvidence(e, module string) string {
	if module == "" {
		return e
	}
	return strings.ReplaceAll(e, module+"/", "")
}

// shortUnit drops the module path prefix, which every unit shares.
func shortUnit(id, module string) string {
	if module != "" && strings.HasPrefix(id, module+"/") {
		return id[len(module)+1:]
	}
	return id
}

// writeModels summarises the oversized models: who uses what, and the split.
func writeModels(b *bufio.Writer, r *report.Report) {
	if len(r.OversizedModels) == 0 {
		return
	}
	fmt.Fprintf(b, "\nOversized models (%d fields or more, used by several contexts):\n", r.Inputs.ModelFields)
	for _, m := range r.OversizedModels {
		var ctxs []string
		for _, c := range m.Contexts {
			ctxs = append(ctxs, c.Name)
		}
		table := ""
		if m.Table != "" {
			table = ", table " + m.Table
		}
		fmt.Fprintf(b, "  %s — %d fields, used by %d contexts (%s)%s\n", shortUnit(m.Type, r.Module), m.Fields, len(m.Contexts), strings.Join(ctxs, ", "), table)
		for _, e := range m.Exclusive {
			fmt.Fprintf(b, "    only %s uses %d: %s\n", e.Context, len(e.Fields), abbreviate(e.Fields, 8))
		}
		if len(m.Unused) > 0 {
			fmt.Fprintf(b, "    unused %d: %s\n", len(m.Unused), abbreviate(m.Unused, 8))
		}
		fmt.Fprintf(b, "    proposed split: %s (core, %s)", m.Split.Core.Name, count(len(m.Split.Core.Fields), "field"))
		for _, c := range m.Split.Contexts {
			fmt.Fprintf(b, ", %s (%s, %s)", c.Name, count(len(c.Fields), "field"), count(c.Sites, "site"))
		}
		fmt.Fprintln(b)
		for i, o := range m.Split.Ownership {
			if i == 5 {
				fmt.Fprintf(b, "    … and %d more owned fields\n", len(m.Split.Ownership)-i)
				break
			}
			fmt.Fprintf(b, "    %s is written only by %s: %s read it through %s's API or events\n", o.Field, o.Owner, strings.Join(o.Readers, ", "), o.Owner)
		}
	}
}

// abbreviate joins at most n names.
func abbreviate(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:n], ", ") + fmt.Sprintf(", … (+%d)", len(names)-n)
}

// writeSharedTables lists the tables several contexts touch, worst first.
func writeSharedTables(b *bufio.Writer, r *report.Report, maxDepsShown int) {
	if len(r.SharedTables) == 0 {
		return
	}
	fmt.Fprintf(b, "\nShared tables (touched by several contexts):\n")
	capped(b, len(r.SharedTables), maxDepsShown, seeJSON, func(i int) {
		t := r.SharedTables[i]
		fmt.Fprintf(b, "  %-6s %s — owner %s; writers %s; readers %s\n", t.Severity, t.Table, t.Owner.Name,
			orNone(t.Writers), orNone(t.Readers))
		for _, rec := range t.Recommendations {
			fmt.Fprintf(b, "         %s: %s\n", rec.Context.Name, rec.Text)
		}
	})
}

// writeHistory writes what the git history says: the contexts that change
// together, their owners, the units whose history ties them elsewhere.
func writeHistory(b *bufio.Writer, r *report.Report, limit int) {
	h := r.History
	if h == nil {
		return
	}
	if h.Head == "" {
		fmt.Fprintf(b, "\nHistory: none (%s)\n", h.Note)
		return
	}
	fmt.Fprintf(b, "\nHistory (git, %s up to %.12s): %s by %s; left out %d merges, %d bulk commits, %d by bots\n",
		h.Window, h.Head, count(h.Commits, "commit"), count(h.Authors, "author"), h.Merges, h.Bulk, h.Bots)
	if h.Note != "" {
		fmt.Fprintf(b, "  note: %s\n", h.Note)
	}
	if len(h.Together) > 0 {
		fmt.Fprintf(b, "  Contexts that change together (%d pairs with %d commits or more):\n", len(h.Together), 3)
		capped(b, len(h.Together), limit, seeJSON, func(i int) {
			p := h.Together[i]
			ex := ""
			if len(p.Examples) > 0 {
				ex = fmt.Sprintf("  e.g. %.8s %s", p.Examples[0].Hash, p.Examples[0].Subject)
			}
			fmt.Fprintf(b, "    %-14s + %-14s %4d commits, %3.0f%% of either's%s\n", p.A, p.B, p.Commits, 100*p.Share, ex)
		})
	}
	if len(h.Owners) > 0 {
		fmt.Fprintf(b, "  Owners (main authors by lines changed; spread: authors of 80%% of the lines):\n")
		capped(b, len(h.Owners), limit, seeJSON, func(i int) {
			o := h.Owners[i]
			var top []string
			for _, a := range o.Top {
				top = append(top, fmt.Sprintf("%s %.0f%%", a.Author, 100*a.Share))
			}
			fmt.Fprintf(b, "    %-16s spread %d, %s: %s\n", o.Context, o.Spread, count(o.Commits, "commit"), strings.Join(top, ", "))
		})
	}
	if len(h.SamePeople) > 0 {
		fmt.Fprintf(b, "  Contexts changed by the same people:\n")
		capped(b, len(h.SamePeople), limit, seeJSON, func(i int) {
			g := h.SamePeople[i]
			fmt.Fprintf(b, "    %s: %s\n", strings.Join(g.Authors, ", "), strings.Join(g.Contexts, ", "))
		})
	}
	if len(h.Pulled) > 0 {
		fmt.Fprintf(b, "  Units whose history ties them to another context (%d):\n", len(h.Pulled))
		capped(b, len(h.Pulled), limit, seeJSON, func(i int) {
			p := h.Pulled[i]
			fmt.Fprintf(b, "    %-40s in %s, changes with %s (%d commits; weight %.1f vs %.1f)\n", shortUnit(p.Unit, r.Module), p.Context, p.Other, p.Commits, p.OtherWeight, p.OwnWeight)
		})
	}
}

// kindsText renders a pair's kinds, strongest first: "call 12, type-use 3".
func kindsText(kinds []report.KindCount) string {
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = fmt.Sprintf("%s %d", k.Kind, k.Count)
	}
	return strings.Join(parts, ", ")
}

// seeJSON is the pointer a capped list ends with when JSON has the rest.
const seeJSON = " (see --format json)"

// capped writes line(i) for the first limit of n items (every one when
// limit is negative), then how many were left out.
func capped(b *bufio.Writer, n, limit int, more string, line func(i int)) {
	for i := 0; i < n; i++ {
		if i == limit {
			fmt.Fprintf(b, "  … and %d more%s\n", n-i, more)
			return
		}
		line(i)
	}
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}

// shapedBy says which kinds of coupling hold a context together, strongest
// first, as shares of its internal edge weight.
func shapedBy(m map[string]float64) string {
	total := 0.0
	kinds := make([]string, 0, len(m))
	for k, v := range m {
		total += v
		kinds = append(kinds, k)
	}
	if total == 0 {
		return ""
	}
	sort.Slice(kinds, func(i, j int) bool {
		if m[kinds[i]] != m[kinds[j]] {
			return m[kinds[i]] > m[kinds[j]]
		}
		return kinds[i] < kinds[j]
	})
	var parts []string
	for i, k := range kinds {
		if i == 3 {
			break
		}
		parts = append(parts, fmt.Sprintf("%s %.0f%%", k, 100*m[k]/total))
	}
	return "; held by " + strings.Join(parts, ", ")
}

// count renders "1 site", "3 sites".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
