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

	reportTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
		"scaleHeight": func(n int) int { return 18*n + 8 },
	}).Parse(htmlTemplate))
)

type htmlNode struct {
	Name, Title     string
	X, Y, R, LabelY float64
}

// htmlLink is the map's one edge per context pair: both directions summed,
// an arrowhead at each end a dependency points to.
type htmlLink struct {
	A, B, Title string
	// Rank is the link's place by weight, 0 the heaviest: the page's
	// "strongest N" control shows the links of rank below N.
	Rank, Weight       int
	Path               string
	Width              float64
	ToA, ToB           bool
	WeightAB, WeightBA int
}

// htmlScale is one sample of the map's width legend.
type htmlScale struct {
	Weight int
	Width  float64
	Y      float64
}

type htmlPage struct {
	// WeakCut are the report's reasons the cut is weak.
	WeakCut         []string
	Module, Summary string
	Width, Height   int
	Nodes           []htmlNode
	Links           []htmlLink
	Scale           []htmlScale
	DefaultTop      int
	// DefaultView is the view the page opens on: the matrix from
	// matrixFrom contexts on, where a map's edges no longer read.
	DefaultView string
	Report      *report.Report
	CSS         template.CSS
	JS          template.JS
}

// WriteHTML writes the self-contained HTML report: the context map (laid
// out here, as SVG) and its matrix, each context's members and
// dependencies on click, search, the plan, the shared tables and the
// oversized models' heat maps.
func WriteHTML(w io.Writer, r *report.Report) error {
	const size = 900
	page := htmlPage{
		Module: r.Module, Width: size, Height: size, Report: r,
		Summary: fmt.Sprintf("%d packages, %d lines; %d units and %d tables in %d contexts; modularity %.3f",
			r.Summary.Packages, r.Summary.Lines, r.Summary.Units, r.Summary.Tables, r.Summary.Contexts, r.Metrics.Modularity),
		CSS: template.CSS(htmlCSS), JS: template.JS(htmlJS), WeakCut: r.WeakCut,
	}
	links := mapLinks(report.Pairs(r.Dependencies))
	index := map[string]int{}
	for i, c := range r.Contexts {
		index[c.Name] = i
	}
	maxLines, maxW := 1, 1
	for _, c := range r.Contexts {
		maxLines = max(maxLines, c.Lines)
	}
	for _, l := range links {
		maxW = max(maxW, l.Weight)
	}
	radius := make([]float64, len(r.Contexts))
	for i, c := range r.Contexts {
		radius[i] = 10 + 34*math.Sqrt(float64(c.Lines)/float64(maxLines))
	}
	var springs []spring
	for _, l := range links {
		i, okA := index[l.A]
		j, okB := index[l.B]
		if okA && okB {
			springs = append(springs, spring{i, j, float64(l.Weight) / float64(maxW)})
		}
	}
	pos := forceLayout(len(r.Contexts), springs, radius, size)
	for i, c := range r.Contexts {
		x, y := pos[i][0], pos[i][1]
		page.Nodes = append(page.Nodes, htmlNode{Name: c.Name, X: round1(x), Y: round1(y), R: round1(radius[i]), LabelY: round1(y + radius[i] + 13),
			Title: fmt.Sprintf("%s: %d lines, %d units", c.Name, c.Lines, len(c.Units))})
	}
	// Drawn lightest first, so the heaviest lie on top.
	for k := len(links) - 1; k >= 0; k-- {
		l := links[k]
		i, okA := index[l.A]
		j, okB := index[l.B]
		if !okA || !okB {
			continue
		}
		l.Rank = k
		l.Width = linkWidth(l.Weight, maxW)
		l.Path = linkPath(pos[i], pos[j], radius[i], radius[j])
		page.Links = append(page.Links, l)
	}
	for i, w := range []int{maxW, (maxW + 3) / 4, max(1, maxW/20)} {
		if i > 0 && w == page.Scale[i-1].Weight {
			break
		}
		page.Scale = append(page.Scale, htmlScale{Weight: w, Width: round1(linkWidth(w, maxW)), Y: float64(14 + 18*i)})
	}
	page.DefaultTop = min(len(page.Links), max(12, 2*len(r.Contexts)))
	page.DefaultView = "map"
	if len(r.Contexts) >= matrixFrom {
		page.DefaultView = "matrix"
	}
	return reportTemplate.Execute(w, page)
}

// matrixFrom is the number of contexts from which the page opens on the
// matrix: on apache/answer's 24 contexts and 139 linked pairs the map shows
// its strongest 48 legibly, the matrix all 197 directed pairs with their
// weights (README, "Reports").
const matrixFrom = 20

// mapLinks folds directed pairs into one link per unordered pair, heaviest
// first (ties by names).
func mapLinks(pairs []report.Pair) []htmlLink {
	idx := map[[2]string]int{}
	var out []htmlLink
	for _, p := range pairs {
		a, b := p.From, p.To
		if a > b {
			a, b = b, a
		}
		k, ok := idx[[2]string{a, b}]
		if !ok {
			k = len(out)
			idx[[2]string{a, b}] = k
			out = append(out, htmlLink{A: a, B: b})
		}
		l := &out[k]
		l.Weight += p.Weight
		line := fmt.Sprintf("%s → %s: %d (%s)", p.From, p.To, p.Weight, kindsText(p.Kinds))
		if l.Title != "" {
			l.Title += "\n"
		}
		l.Title += line
		if p.From == a {
			l.ToB, l.WeightAB = true, p.Weight
		} else {
			l.ToA, l.WeightBA = true, p.Weight
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight > out[j].Weight
		}
		if out[i].A != out[j].A {
			return out[i].A < out[j].A
		}
		return out[i].B < out[j].B
	})
	return out
}

// linkWidth is 1 to 9 pixels by the square root of the link's share of the
// heaviest: ten times the weight reads as about three times the width.
func linkWidth(w, maxW int) float64 {
	return 1 + 8*math.Sqrt(float64(w)/float64(maxW))
}

// linkPath is a straight segment between the two circles' rims, so the
// arrowheads (markers at either end) show outside the nodes.
func linkPath(p, q [2]float64, rp, rq float64) string {
	dx, dy := q[0]-p[0], q[1]-p[1]
	d := math.Hypot(dx, dy)
	if d < 1e-9 {
		return fmt.Sprintf("M%.1f %.1fL%.1f %.1f", p[0], p[1], q[0], q[1])
	}
	ux, uy := dx/d, dy/d
	return fmt.Sprintf("M%.1f %.1fL%.1f %.1f", p[0]+ux*(rp+2), p[1]+uy*(rp+2), q[0]-ux*(rq+2), q[1]-uy*(rq+2))
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
