package render_test

import (
	"bytes"
	"context"
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
	for _, level := range []render.Level{render.UnitLevel, render.ContextLevel} {
		var b bytes.Buffer
		if err := render.WriteDOT(&b, r, level); err != nil {
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
		var walk func(stmts []dotast.Stmt)
		walk = func(stmts []dotast.Stmt) {
			for _, s := range stmts {
				switch s := s.(type) {
				case *dotast.EdgeStmt:
					edges++
				case *dotast.Subgraph:
					if strings.HasPrefix(strings.Trim(s.ID, `"`), "cluster_") {
						clusters++
					}
					walk(s.Stmts)
				}
			}
		}
		walk(f.Graphs[0].Stmts)
		switch level {
		case render.UnitLevel:
			if clusters != len(r.Contexts) || edges != len(r.UnitEdges) {
				t.Errorf("unit level: %d clusters, %d edges; want %d, %d", clusters, edges, len(r.Contexts), len(r.UnitEdges))
			}
		case render.ContextLevel:
			if clusters != 0 || edges == 0 {
				t.Errorf("context level: %d clusters, %d edges", clusters, edges)
			}
		}
	}
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
		if err := render.Write(&b, f, r, render.UnitLevel); err != nil {
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
