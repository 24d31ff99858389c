//go:build e2e

// The browser test: make e2e (called by make test) installs Debian's
// chromium when it is missing and runs it with -tags e2e.
package render_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/decomp/decomp/internal/pipeline"
	"github.com/decomp/decomp/internal/synth"
	"github.com/decomp/decomp/report"
	"github.com/decomp/decomp/report/render"
)

// browser opens an HTML report headless and records console errors,
// exceptions and every request other than the page itself.
type browser struct {
	ctx      context.Context
	mu       sync.Mutex
	problems []string
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	exe := os.Getenv("CHROMIUM")
	if exe == "" {
		exe = "/usr/bin/chromium"
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.Headless, chromedp.WindowSize(1400, 1000))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	// A selector that never matches fails the test instead of hanging it.
	ctx, cancel3 := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancel3)
	b := &browser{ctx: ctx}
	err := chromedp.Listen(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value))
				}
				b.problems = append(b.problems, "console "+string(ev.Type)+": "+strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			msg := ev.ExceptionDetails.Text
			if ex := ev.ExceptionDetails.Exception; ex != nil {
				msg += " " + ex.Description
			}
			b.problems = append(b.problems, fmt.Sprintf("exception at line %d: %s", ev.ExceptionDetails.LineNumber, msg))
		case *network.EventRequestWillBeSent:
			if ev.Type != network.ResourceTypeDocument {
				b.problems = append(b.problems, "request: "+ev.Request.URL)
			}
		}
	})
	if err != nil {
		t.Fatalf("start chromium (%s): %v", exe, err)
	}
	return b
}

func (b *browser) check(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		t.Error(p)
	}
}

func writeHTML(t *testing.T, r *report.Report, dir, name string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := render.WriteHTML(&buf, r); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func screenshots(t *testing.T) string {
	dir := os.Getenv("DECOMP_SCREENSHOTS")
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "decomp-screenshots-"); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshots in %s", dir)
	return dir
}

func shot(t *testing.T, b *browser, dir, name string) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// viewShot saves what the viewport shows, as a reader sees it.
func viewShot(t *testing.T, b *browser, dir, name string) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func do(t *testing.T, b *browser, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func run[T any](t *testing.T, b *browser, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestBrowserSample(t *testing.T) {
	out := screenshots(t)
	path := writeHTML(t, reportOf(t, "../../testdata/musicstream"), t.TempDir(), "report.html")
	b := newBrowser(t)
	do(t, b, chromedp.Navigate("file://"+path), chromedp.WaitVisible(chromedp.CSS("#map")))
	if title := run(t, b, chromedp.Title()); !strings.Contains(title, "example.com/musicstream") {
		t.Errorf("title %q", title)
	}
	shot(t, b, out, "1-context-map.png")
	do(t, b, chromedp.Click(chromedp.CSS(`g.node[data-context="billing"] circle`)))
	details := run(t, b, chromedp.Text(chromedp.CSS("#details h2")))
	members := run(t, b, chromedp.Evaluate[int](`document.querySelectorAll("#details ul.members li").length`))
	if details != "Context billing" || members == 0 {
		t.Errorf("clicking billing shows %q with %d members", details, members)
	}
	if text := run(t, b, chromedp.Text(chromedp.CSS("#details"))); !strings.Contains(text, "Depends on") || !strings.Contains(text, ".go:") {
		t.Errorf("billing's details lack its dependencies with file:line evidence: %.300q", text)
	}
	do(t, b, chromedp.Click(chromedp.CSS(`g.node[data-context="catalog"] circle`)))
	if text := run(t, b, chromedp.Text(chromedp.CSS("#details"))); !strings.Contains(text, "Oversized models it uses") || !strings.Contains(text, "models.Track") {
		t.Errorf("catalog's details lack the Track model: %.300q", text)
	}
	do(t, b, chromedp.Click(chromedp.CSS(`g.node[data-context="billing"] circle`)))
	shot(t, b, out, "2-context-billing.png")
	do(t, b, chromedp.SendKeys(chromedp.CSS("#search"), "CatalogService"))
	results := run(t, b, chromedp.Text(chromedp.CSS("#result-list")))
	if !strings.Contains(results, "internal/services.CatalogService") || !strings.Contains(results, "in catalog") {
		t.Errorf("search results: %q", results)
	}
	shot(t, b, out, "3-search.png")
	do(t, b, chromedp.ScrollIntoView(chromedp.CSS("#models")))
	heat := run(t, b, chromedp.Evaluate[int](`document.querySelectorAll("#models table.heat td.w, #models table.heat td.rw").length`))
	if heat == 0 {
		t.Error("the Track heat map shows no write")
	}
	shot(t, b, out, "4-track-heatmap.png")
	do(t, b, chromedp.ScrollIntoView(chromedp.CSS("#plan")))
	if steps := run(t, b, chromedp.Evaluate[int](`document.querySelectorAll("#plan-body details.step").length`)); steps < 5 {
		t.Errorf("plan shows %d steps", steps)
	}
	shot(t, b, out, "5-plan.png")
	b.check(t)
}

// Hostile names from the analysed code never execute or add elements.
func TestBrowserHostile(t *testing.T) {
	path := writeHTML(t, reportOf(t, "../../testdata/xss"), t.TempDir(), "xss.html")
	b := newBrowser(t)
	do(t, b, chromedp.Navigate("file://"+path), chromedp.WaitVisible(chromedp.CSS("#map")))
	xss := run(t, b, chromedp.Evaluate[int](`typeof window.__xss === "undefined" ? 0 : window.__xss`))
	imgs := run(t, b, chromedp.Evaluate[int](`document.querySelectorAll("img").length`))
	scripts := run(t, b, chromedp.Evaluate[int](`document.querySelectorAll("script").length`))
	tables := run(t, b, chromedp.Text(chromedp.CSS("#tables-body")))
	if xss != 0 || imgs != 0 || scripts != 2 {
		t.Errorf("window.__xss=%d, %d img elements, %d script elements", xss, imgs, scripts)
	}
	if !strings.Contains(tables, "<script>window.__xss=1</script>") {
		t.Errorf("the hostile table name is not shown as text: %q", tables)
	}
	b.check(t)
}

// synthReport generates a monolith under dir, analyses it at type
// granularity and returns its report and the number of units placed.
func synthReport(t *testing.T, dir string, opt synth.Options) (*report.Report, int) {
	t.Helper()
	if err := synth.Generate(filepath.Join(dir, "m"), opt); err != nil {
		t.Fatal(err)
	}
	o := pipeline.DefaultOptions()
	o.Dir = filepath.Join(dir, "m")
	o.Granularity = "type"
	res, err := pipeline.Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	r := report.Build(res.ReportInput(), "test")
	units := 0
	for _, c := range r.Contexts {
		units += len(c.Units)
	}
	return r, units
}

// A 2,000-unit monolith's report opens and renders in under 3 s.
func TestBrowserLarge(t *testing.T) {
	dir := t.TempDir()
	r, units := synthReport(t, dir, synth.Options{Packages: 800, Seed: 1})
	path := writeHTML(t, r, dir, "large.html")
	fi, _ := os.Stat(path)
	b := newBrowser(t)
	do(t, b, chromedp.Navigate("about:blank"))
	start := time.Now()
	do(t, b, chromedp.Navigate("file://"+path), chromedp.WaitVisible(chromedp.CSS("#plan-body")))
	steps := run(t, b, chromedp.Evaluate[int](`document.querySelectorAll("#plan-body details.step").length`))
	took := time.Since(start)
	t.Logf("%d units, %d contexts, %d plan steps, %.1f MB of HTML: opened and rendered in %.2f s", units, len(r.Contexts), steps, float64(fi.Size())/1e6, took.Seconds())
	if units < 2000 {
		t.Errorf("only %d units: the synthetic monolith is too small", units)
	}
	if took > 3*time.Second {
		t.Errorf("took %v, want under 3 s", took)
	}
	b.check(t)
}

// The views of a 300-unit, 20-context generated monolith: one map edge per
// context pair, a click highlights exactly the context's neighbours, a
// search answers inside the viewport, the plan starts with its summary and
// its steps folded, the map stays in view while the details scroll.
func TestBrowserMonolith(t *testing.T) {
	out := screenshots(t)
	dir := t.TempDir()
	r, units := synthReport(t, dir, synth.Options{Packages: 110, Domains: 16, CrossDomain: 0.5, Seed: 1})
	if units < 300 || len(r.Contexts) < 20 {
		t.Fatalf("%d units in %d contexts: the monolith is too small", units, len(r.Contexts))
	}
	// The context with the most neighbours, and who they are.
	near := map[string]map[string]bool{}
	for _, d := range r.Dependencies {
		for _, p := range [][2]string{{d.From, d.To}, {d.To, d.From}} {
			if near[p[0]] == nil {
				near[p[0]] = map[string]bool{}
			}
			near[p[0]][p[1]] = true
		}
	}
	hub := r.Contexts[0].Name
	for _, c := range r.Contexts {
		if len(near[c.Name]) > len(near[hub]) || len(near[c.Name]) == len(near[hub]) && c.Name < hub {
			hub = c.Name
		}
	}
	var want []string
	for n := range near[hub] {
		want = append(want, n)
	}
	sort.Strings(want)
	path := writeHTML(t, r, dir, "monolith.html")
	b := newBrowser(t)
	do(t, b, chromedp.Navigate("file://"+path), chromedp.WaitVisible(chromedp.CSS("#matrix")))
	// 20 contexts and more open on the matrix: one cell per directed pair.
	if cells := run(t, b, chromedp.Evaluate[int](`document.querySelectorAll("#matrix td[title]").length`)); cells != len(report.Pairs(r.Dependencies)) {
		t.Errorf("the matrix has %d filled cells, want one per directed pair (%d)", cells, len(report.Pairs(r.Dependencies)))
	}
	viewShot(t, b, out, "monolith-1-matrix.png")
	do(t, b, chromedp.Click(chromedp.CSS("#view-map")), chromedp.WaitVisible(chromedp.CSS("#map")))
	viewShot(t, b, out, "monolith-2-map.png")

	pairs := run(t, b, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#map .edge")).map(e => [e.dataset.a, e.dataset.b].sort().join(" "))`))
	seen := map[string]bool{}
	for _, p := range pairs {
		if seen[p] {
			t.Errorf("two map edges for the pair %s", p)
		}
		seen[p] = true
	}
	if len(pairs) == 0 {
		t.Fatal("no edge on the map")
	}
	shown := run(t, b, chromedp.Evaluate[int](`document.querySelectorAll("#map .edge:not(.off)").length`))
	if def := r.Contexts; shown == 0 || shown >= len(pairs) && len(pairs) > 2*len(def) {
		t.Errorf("%d of %d edges shown by default", shown, len(pairs))
	}
	do(t, b, chromedp.SetValue(chromedp.CSS("#edge-top"), "5"), chromedp.Evaluate[chromedp.Void](`document.getElementById("edge-top").dispatchEvent(new Event("input"))`))
	if n := run(t, b, chromedp.Evaluate[int](`document.querySelectorAll("#map .edge:not(.off)").length`)); n != 5 {
		t.Errorf("strongest 5: %d edges shown", n)
	}

	do(t, b, chromedp.Click(chromedp.CSS(fmt.Sprintf(`g.node[data-context=%q] circle`, hub))))
	got := run(t, b, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#map .node.neighbour")).map(n => n.dataset.context).sort()`))
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("clicking %s highlights %v, want its neighbours %v", hub, got, want)
	}
	hl := run(t, b, chromedp.Evaluate[int](`document.querySelectorAll("#map .edge.hl").length`))
	if hl != len(want) {
		t.Errorf("clicking %s highlights %d edges, want %d", hub, hl, len(want))
	}
	viewShot(t, b, out, "monolith-3-selected.png")

	// The details scroll inside their panel; the map stays where it was.
	inView := `(sel => { const r = document.querySelector(sel).getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight && r.bottom > 0; })`
	do(t, b, chromedp.Evaluate[chromedp.Void](`document.getElementById("details").scrollTop = 100000`))
	if !run(t, b, chromedp.Evaluate[bool](inView+`("#map")`)) {
		t.Error("the map left the viewport when the details scrolled")
	}
	if h := run(t, b, chromedp.Evaluate[float64](`document.getElementById("details").getBoundingClientRect().height / innerHeight`)); h > 1 {
		t.Errorf("the details panel is %.1f viewports tall", h)
	}

	do(t, b, chromedp.ScrollIntoView(chromedp.CSS("#platform")))
	unit := r.Contexts[len(r.Contexts)-1].Units[0].ID
	do(t, b, chromedp.SendKeys(chromedp.CSS("#search"), unit[strings.LastIndex(unit, "/")+1:]))
	if !run(t, b, chromedp.Evaluate[bool](inView+`("#result-list li")`)) {
		t.Error("the first search result is outside the viewport")
	}
	viewShot(t, b, out, "monolith-4-search.png")
	do(t, b, chromedp.Click(chromedp.CSS("#result-list li a")))
	if h := run(t, b, chromedp.Text(chromedp.CSS("#details h2"))); h != "Context "+r.Contexts[len(r.Contexts)-1].Name {
		t.Errorf("picking the result shows %q", h)
	}

	do(t, b, chromedp.Evaluate[chromedp.Void](`document.getElementById("plan").scrollIntoView({block: "start"})`))
	if !run(t, b, chromedp.Evaluate[bool](inView+`("#plan-summary")`)) {
		t.Error("the plan's summary is below the fold of the plan section")
	}
	if open := run(t, b, chromedp.Evaluate[int](`document.querySelectorAll("#plan-body details.step[open]").length`)); open != 0 {
		t.Errorf("%d plan steps open at load", open)
	}
	do(t, b, chromedp.Click(chromedp.CSS("#plan-summary tr:nth-child(2)")))
	if n := run(t, b, chromedp.Evaluate[int](`document.querySelectorAll("#step-1[open] p").length`)); n == 0 {
		t.Error("clicking the first summary row does not open step 1")
	}
	viewShot(t, b, out, "monolith-5-plan.png")

	do(t, b, chromedp.Click(chromedp.CSS("#view-matrix")), chromedp.ScrollIntoView(chromedp.CSS("#map-section")),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`#matrix th.row[data-context=%q]`, hub))))
	if n := run(t, b, chromedp.Evaluate[int](`document.querySelectorAll("#matrix th.col.near").length`)); n != len(want) {
		t.Errorf("the matrix marks %d neighbours of %s, want %d", n, hub, len(want))
	}
	viewShot(t, b, out, "monolith-6-matrix-selected.png")
	b.check(t)
}

// DECOMP_HTML=report.html make e2e screenshots any report, such as a real
// repository's, beside the tests' own.
func TestBrowserReport(t *testing.T) {
	path := os.Getenv("DECOMP_HTML")
	if path == "" {
		t.Skip("DECOMP_HTML names no report")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	out := screenshots(t)
	b := newBrowser(t)
	do(t, b, chromedp.Navigate("file://"+abs), chromedp.WaitReady(chromedp.CSS("#map-section")))
	viewShot(t, b, out, "report-1-open.png")
	do(t, b, chromedp.Click(chromedp.CSS("#view-map")), chromedp.WaitVisible(chromedp.CSS("#map")))
	viewShot(t, b, out, "report-2-map.png")
	do(t, b, chromedp.Click(chromedp.CSS(`g.node circle`)))
	viewShot(t, b, out, "report-3-selected.png")
	do(t, b, chromedp.Click(chromedp.CSS("#view-matrix")))
	viewShot(t, b, out, "report-4-matrix-selected.png")
	do(t, b, chromedp.Evaluate[chromedp.Void](`document.getElementById("plan").scrollIntoView({block: "start"})`))
	viewShot(t, b, out, "report-5-plan.png")
	b.check(t)
}
