package render_test

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/decomp/decomp/cluster"
	"github.com/decomp/decomp/report"
	"github.com/decomp/decomp/report/render"
)

// bigReport is a report of n contexts of units members each, every context
// depending on the next three, for the views' size limits.
func bigReport(n, units int) *report.Report {
	r := &report.Report{Module: "example.com/big"}
	for i := 0; i < n; i++ {
		c := report.Context{ID: i, Name: fmt.Sprintf("context%03d", i), Lines: 1000 + i}
		for j := 0; j < units; j++ {
			c.Units = append(c.Units, report.Unit{ID: fmt.Sprintf("example.com/big/internal/domain%03d.SomeRatherLongTypeName%03d", i, j), Kind: "type", Lines: 40})
		}
		r.Contexts = append(r.Contexts, c)
		for k := 1; k <= 3; k++ {
			r.Dependencies = append(r.Dependencies, report.Dependency{From: c.Name, To: fmt.Sprintf("context%03d", (i+k)%n), Kind: "call", Count: n*4 - i - k,
				Evidence: []string{fmt.Sprintf("internal/domain%03d/service.go:%d", i, 10+k)}})
		}
	}
	r.Summary.Contexts = n
	return r
}

// The Markdown summary fits a pull-request comment however large the module,
// folds each context's members, and lists the strongest pairs first.
func TestMarkdownSummaryFitsAComment(t *testing.T) {
	for _, tc := range []struct {
		contexts, units, platform int
		wantFolded, wantCut       bool
	}{
		{20, 15, 0, true, false},
		{24, 300, 0, true, false},
		{300, 40, 0, true, false},
		{3000, 10, 0, false, false}, // the first 40 contexts, no members
		{20, 15, 3000, false, true}, // 3,000 platform folders: cut at a line
	} {
		r := bigReport(tc.contexts, tc.units)
		for i := 0; i < tc.platform; i++ {
			r.Platform = append(r.Platform, cluster.PlatformGroup{Folder: fmt.Sprintf("internal/platform%04d", i), Role: "infra", Lines: 100, Why: "folder name platform is shared infrastructure"})
		}
		var full, sum bytes.Buffer
		if err := render.WriteMarkdown(&full, r, false); err != nil {
			t.Fatal(err)
		}
		if err := render.WriteMarkdown(&sum, r, true); err != nil {
			t.Fatal(err)
		}
		s := sum.String()
		name := fmt.Sprintf("%d contexts of %d units", tc.contexts, tc.units)
		if n := utf8.RuneCountInString(s); n > render.CommentLimit {
			t.Errorf("%s: summary is %d characters, over %d", name, n, render.CommentLimit)
		}
		if !strings.Contains(s, "## Contexts") || !strings.Contains(s, "| **context000** |") {
			t.Errorf("%s: summary lacks the contexts table", name)
		}
		if folded := strings.Count(s, "<details>"); tc.wantFolded && folded == 0 || folded != strings.Count(s, "</details>") {
			t.Errorf("%s: %d <details> for %d </details>", name, folded, strings.Count(s, "</details>"))
		}
		if tc.wantFolded && !strings.Contains(s, "## Cross-context dependencies") {
			t.Errorf("%s: summary lacks the dependencies", name)
		}
		if cut := strings.HasSuffix(s, "has the full report.\n"); cut != tc.wantCut {
			t.Errorf("%s: cut %v, want %v: %q", name, cut, tc.wantCut, s[len(s)-200:])
		}
		if tc.contexts > 1000 && !regexp.MustCompile(`\| … \| \d+ more \| \| \| \| \| \|`).MatchString(s) {
			t.Errorf("%s: the contexts table does not say how many it left out", name)
		}
		// The full report has every member.
		if got, want := strings.Count(full.String(), "SomeRatherLongTypeName"), tc.contexts*tc.units; got != want {
			t.Errorf("%s: full report lists %d members, want %d", name, got, want)
		}
	}
}

// The strongest pair of the summary is the heaviest of all kinds summed.
func TestPairs(t *testing.T) {
	deps := []report.Dependency{
		{From: "a", To: "b", Kind: "call", Count: 5, Evidence: []string{"a.go:1"}},
		{From: "b", To: "a", Kind: "call", Count: 7, Evidence: []string{"b.go:1"}},
		{From: "a", To: "b", Kind: "type-use", Count: 6, Evidence: []string{"a.go:9"}},
		{From: "c", To: "a", Kind: "data-access", Count: 2},
	}
	got := report.Pairs(deps)
	want := []report.Pair{
		{From: "a", To: "b", Weight: 11, Kinds: []report.KindCount{{Kind: "type-use", Count: 6}, {Kind: "call", Count: 5}}, Evidence: "a.go:9"},
		{From: "b", To: "a", Weight: 7, Kinds: []report.KindCount{{Kind: "call", Count: 7}}, Evidence: "b.go:1"},
		{From: "c", To: "a", Weight: 2, Kinds: []report.KindCount{{Kind: "data-access", Count: 2}}},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Pairs:\n got %v\nwant %v", got, want)
	}
	for _, tc := range []struct{ min, top, want int }{{0, 0, 3}, {7, 0, 2}, {0, 1, 1}, {8, 0, 1}, {12, 0, 0}} {
		if n := len(report.Strongest(got, tc.min, tc.top)); n != tc.want {
			t.Errorf("Strongest(min %d, top %d) = %d pairs, want %d", tc.min, tc.top, n, tc.want)
		}
	}
}
