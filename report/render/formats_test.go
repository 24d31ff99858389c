package render_test

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph/formats/dot"
	dotast "gonum.org/v1/gonum/graph/formats/dot/ast"

	"github.com/decomp/decomp/internal/pipeline"
	"github.com/decomp/decomp/report"
	"github.com/decomp/decomp/report/render"
)

func reportOf(t *testing.T, dir string) *report.Report {
	t.Helper()
	o := pipeline.DefaultOptions()
	o.Dir = dir
	out, err := pipeline.Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	return report.Build(out.ReportInput(), "test")
}

// DOT output parses back with gonum's DOT parser, at both levels, with the
// contexts as clusters and every cross-context edge.
func TestDOTParses(t *testing.T) {
	r := reportOf(t, "../../testdata/musicstream")
	for _, o := range []render.Options{{Level: render.UnitLevel}, {Level: render.ContextLevel}, {Level: render.UnitLevel, EdgeKinds: true}, {Level: render.ContextLevel, EdgeKinds: true}} {
		level := o.Level
		var b bytes.Buffer
		if err := render.WriteDOT(&b, r, o); err != nil {
			t.Fatal(err)
		}
		f, err := dot.ParseBytes(b.Bytes())
		if err != nil {
			t.Fatalf("%s level: %v\n%s", level, err, b.String())
		}
		// And Graphviz itself draws it, where it is installed.
		if exe, err := exec.LookPath("dot"); err == nil {
			cmd := exec.Command(exe, "-Tsvg")
			cmd.Stdin = bytes.NewReader(b.Bytes())
			if out, err := cmd.CombinedOutput(); err != nil || !bytes.Contains(out, []byte("<svg")) {
				t.Errorf("%s level: dot -Tsvg: %v\n%.400s", level, err, out)
			}
		}
		clusters, edges := 0, 0
		pairs := map[string]bool{}
		var walk func(stmts []dotast.Stmt)
		walk = func(stmts []dotast.Stmt) {
			for _, s := range stmts {
				switch s := s.(type) {
				case *dotast.EdgeStmt:
					edges++
					pairs[s.From.String()+" "+s.To.Vertex.String()] = true
				case *dotast.Subgraph:
					if strings.HasPrefix(strings.Trim(s.ID, `"`), "cluster_") {
						clusters++
					}
					walk(s.Stmts)
				}
			}
		}
		walk(f.Graphs[0].Stmts)
		// One edge per directed pair unless the kinds are asked for.
		var want int
		switch {
		case level == render.UnitLevel && o.EdgeKinds:
			want = len(r.UnitEdges)
		case level == render.UnitLevel:
			want = len(unitPairs(r))
		case o.EdgeKinds:
			want = len(r.Dependencies)
		default:
			want = len(report.Pairs(r.Dependencies))
		}
		if !o.EdgeKinds && len(pairs) != edges {
			t.Errorf("%+v: %d edges for %d pairs", o, edges, len(pairs))
		}
		wantClusters := 0
		if level == render.UnitLevel {
			wantClusters = len(r.Contexts)
		}
		if clusters != wantClusters || edges != want || want == 0 {
			t.Errorf("%+v: %d clusters, %d edges; want %d, %d", o, clusters, edges, wantClusters, want)
		}
	}
}

func unitPairs(r *report.Report) map[[2]string]bool {
	out := map[[2]string]bool{}
	for _, e := range r.UnitEdges {
		out[[2]string{e.From, e.To}] = true
	}
	return out
}

// --top and --min-weight keep the strongest context pairs, in weight order.
func TestDOTStrongest(t *testing.T) {
	r := reportOf(t, "../../testdata/musicstream")
	all := report.Pairs(r.Dependencies)
	if len(all) < 4 {
		t.Fatalf("only %d pairs", len(all))
	}
	for _, tc := range []struct {
		name           string
		top, minWeight int
		want           int
	}{
		{"all", 0, 0, len(all)},
		{"top 3", 3, 0, 3},
		{"min weight of the third", 0, all[2].Weight, countAtLeast(all, all[2].Weight)},
		{"both", 1, all[2].Weight, 1},
		{"above the heaviest", 0, all[0].Weight + 1, 0},
	} {
		var b bytes.Buffer
		if err := render.WriteDOT(&b, r, render.Options{Level: render.ContextLevel, Top: tc.top, MinWeight: tc.minWeight}); err != nil {
			t.Fatal(err)
		}
		got := strings.Count(b.String(), " -> ")
		if got != tc.want {
			t.Errorf("%s: %d edges, want %d", tc.name, got, tc.want)
		}
		if tc.want > 0 && !strings.Contains(b.String(), fmt.Sprintf("%q -> %q [label=\"%d\"", "ctx:"+all[0].From, "ctx:"+all[0].To, all[0].Weight)) {
			t.Errorf("%s: the strongest pair %s -> %s (%d) is not drawn:\n%s", tc.name, all[0].From, all[0].To, all[0].Weight, b.String())
		}
		if tc.want < len(all) && !strings.Contains(b.String(), fmt.Sprintf("%d of %d edges", tc.want, len(all))) {
			t.Errorf("%s: the label does not say edges were left out", tc.name)
		}
	}
}

func countAtLeast(pairs []report.Pair, w int) int {
	n := 0
	for _, p := range pairs {
		if p.Weight >= w {
			n++
		}
	}
	return n
}

// The HTML report makes no request: no address in src, href, url( or
// import, and a Content-Security-Policy that forbids them anyway.
func TestHTMLOffline(t *testing.T) {
	var b bytes.Buffer
	if err := render.WriteHTML(&b, reportOf(t, "../../testdata/musicstream")); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	for _, re := range []string{`(?i)(src|href)\s*=\s*["']?\s*(https?:)?//`, `(?i)url\(\s*["']?\s*(https?:)?//`, `(?i)@import`, `(?i)\bimport\s*\(`, `(?i)<link\b`, `(?i)<iframe\b`} {
		if m := regexp.MustCompile(re).FindString(html); m != "" {
			t.Errorf("network reference %q in the HTML", m)
		}
	}
	if !strings.Contains(html, `content="default-src 'none';`) {
		t.Error("no Content-Security-Policy forbidding requests")
	}
}

// Hostile table names and context names stay text in every human format.
func TestEscaping(t *testing.T) {
	r := reportOf(t, "../../testdata/xss")
	hostile := []string{"<script>window.__xss", "<img src=x", "</script><script>"}
	for _, f := range []render.Format{render.HTML, render.Markdown, render.DOT, render.Text} {
		var b bytes.Buffer
		if err := render.Write(&b, f, r, render.Options{}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if f == render.Markdown {
			// Code spans show HTML as text (a backtick in a name is
			// replaced, so none can end the span early).
			out = regexp.MustCompile("`[^`\n]*`").ReplaceAllString(out, "")
		}
		for _, h := range hostile {
			if strings.Contains(out, h) && f != render.DOT && f != render.Text {
				t.Errorf("%s output carries %q raw", f, h)
			}
		}
		if f == render.HTML {
			if n := strings.Count(strings.ToLower(out), "<script"); n != 2 {
				t.Errorf("HTML has %d <script> tags, want 2 (the data and the app)", n)
			}
			if !strings.Contains(out, `\u003cscript\u003ewindow.__xss=1\u003c/script\u003e`) {
				t.Error("the hostile table name is not in the data island, escaped")
			}
		}
	}
}

// A weak cut is said in every human format, escaped in HTML.
func TestWeakCutShown(t *testing.T) {
	r := &report.Report{Module: "m", WeakCut: []string{"58% of the calls <cross>"}}
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer) error
		want  string
	}{
		{"text", func(b *bytes.Buffer) error { return render.WriteText(b, r) }, "weak cut: 58% of the calls <cross>; take the contexts as a starting map"},
		{"md", func(b *bytes.Buffer) error { return render.WriteMarkdown(b, r, false) }, "> **Weak cut**: 58% of the calls"},
		{"html", func(b *bytes.Buffer) error { return render.WriteHTML(b, r) }, `<p class="weak">Weak cut: 58% of the calls &lt;cross&gt;;`},
	} {
		var b bytes.Buffer
		if err := f.write(&b); err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		if !strings.Contains(b.String(), f.want) {
			t.Errorf("%s lacks %q", f.name, f.want)
		}
	}
}

// A context made of modules lists them in text, Markdown and the HTML's
// data (the page's script renders them).
func TestModulesShown(t *testing.T) {
	r := &report.Report{Module: "m", Contexts: []report.Context{{Name: "cargo", Units: []report.Unit{{ID: "m.Cargo"}, {ID: "m.Delivery"}}, Modules: []report.Module{
		{Name: "cargo", Units: []string{"m.Cargo"}},
		{Name: "delivery", Units: []string{"m.Delivery"}, Why: "part of the aggregate holding it by value (Cargo.Delivery), no table of its own"},
	}}}}
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer) error
		want  string
	}{
		{"text", func(b *bytes.Buffer) error { return render.WriteText(b, r) }, "    modules: cargo (1 unit), delivery (1 unit: part of the aggregate holding it by value (Cargo.Delivery), no table of its own)\n"},
		{"md", func(b *bytes.Buffer) error { return render.WriteMarkdown(b, r, false) }, "**cargo** is made of modules: cargo (1 unit), delivery (1 unit: part of the aggregate"},
		{"html", func(b *bytes.Buffer) error { return render.WriteHTML(b, r) }, `"modules":[{"name":"cargo"`},
	} {
		var b bytes.Buffer
		if err := f.write(&b); err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		if !strings.Contains(b.String(), f.want) {
			t.Errorf("%s lacks %q", f.name, f.want)
		}
	}
}
