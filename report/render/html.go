package render

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"sort"

	"github.com/decomp/decomp/report"
)

// The HTML report is one file that opens offline: its style and script
// are decomp's own, inlined; a Content-Security-Policy forbids every request.
// Code-derived text goes through html/template (the SVG) or is read from an
// escaped JSON island and set with textContent (the script), never
// concatenated into markup.
var (
	//go:embed html/report.html.tmpl
	htmlTemplate string
	//go:embed html/style.css
	htmlCSS string
	//go:embed html/app.js
	htmlJS string

	reportTemplate = template.Must(template.New("report").Parse(htmlTemplate))
)

type htmlNode struct {
	Name, Title     string
	X, Y, R, LabelY float64
}

type htmlEdge struct {
	Kind, Title           string
	X1, Y1, X2, Y2, Width float64
}

type htmlPage struct {
	Module, Summary string
	Width, Height   int
	Nodes           []htmlNode
	Edges           []htmlEdge
	Report          *report.Report
	CSS             template.CSS
	JS              template.JS
}

// WriteHTML writes the self-contained HTML report: the context map (laid
// out here, as SVG), each context's members and dependencies on click,
// search, the shared tables, the oversized models' heat maps and the plan.
func WriteHTML(w io.Writer, r *report.Report) error {
	const size = 900
	page := htmlPage{
		Module: r.Module, Width: size, Height: size, Report: r,
		Summary: fmt.Sprintf("%d packages, %d lines; %d units and %d tables in %d contexts; modularity %.3f",
			r.Summary.Packages, r.Summary.Lines, r.Summary.Units, r.Summary.Tables, r.Summary.Contexts, r.Metrics.Modularity),
		CSS: template.CSS(htmlCSS), JS: template.JS(htmlJS),
	}
	// Contexts on a circle, largest first, radius by the square root of
	// their lines.
	n := len(r.Contexts)
	maxLines := 1
	for _, c := range r.Contexts {
		maxLines = max(maxLines, c.Lines)
	}
	pos := map[string][2]float64{}
	ring := float64(size)/2 - 90
	for i, c := range r.Contexts {
		angle := 2*math.Pi*float64(i)/float64(max(n, 1)) - math.Pi/2
		x, y := float64(size)/2, float64(size)/2
		if n > 1 {
			x, y = x+ring*math.Cos(angle), y+ring*math.Sin(angle)
		}
		rad := 14 + 50*math.Sqrt(float64(c.Lines)/float64(maxLines))
		pos[c.Name] = [2]float64{x, y}
		page.Nodes = append(page.Nodes, htmlNode{Name: c.Name, X: round1(x), Y: round1(y), R: round1(rad), LabelY: round1(y + 4),
			Title: fmt.Sprintf("%s: %d lines, %d units", c.Name, c.Lines, len(c.Units))})
	}
	// One line per context pair and kind, width by count.
	type key struct{ a, b, kind string }
	counts := map[key]int{}
	for _, d := range r.Dependencies {
		a, b := d.From, d.To
		if a > b {
			a, b = b, a
		}
		counts[key{a, b, d.Kind}] += d.Count
	}
	keys := make([]key, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		return a.a < b.a || a.a == b.a && (a.b < b.b || a.b == b.b && a.kind < b.kind)
	})
	for _, k := range keys {
		p, q := pos[k.a], pos[k.b]
		c := counts[k]
		page.Edges = append(page.Edges, htmlEdge{Kind: k.kind, X1: round1(p[0]), Y1: round1(p[1]), X2: round1(q[0]), Y2: round1(q[1]),
			Width: round1(1 + math.Log1p(float64(c))), Title: fmt.Sprintf("%s – %s: %d %s", k.a, k.b, c, k.kind)})
	}
	return reportTemplate.Execute(w, page)
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
