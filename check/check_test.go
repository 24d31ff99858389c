package check_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/decomp/decomp/check"
	"github.com/decomp/decomp/config"
	"github.com/decomp/decomp/internal/pipeline"
	"github.com/decomp/decomp/internal/testfs"
)

// gate runs the check on dir, a copy of testdata/gate with edits applied.
func gate(t *testing.T, dir string) *check.Report {
	t.Helper()
	cfgPath := filepath.Join(dir, config.FileName)
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	f, err := pipeline.Facts(context.Background(), pipeline.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	base, err := check.ReadBaseline(cfg.BaselinePath(cfgPath))
	if err != nil {
		t.Fatal(err)
	}
	r, _, err := check.Run(f, cfg, check.Options{ConfigPath: cfgPath, Baseline: base})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// copyFixture copies testdata/gate to a scratch directory and applies the
// edits: file → new content ("" deletes the file).
func copyFixture(t *testing.T, edits map[string]string) string {
	t.Helper()
	dst := testfs.Copy(t, filepath.Join("testdata", "gate"))
	for name, content := range edits {
		p := filepath.Join(dst, filepath.FromSlash(name))
		if content == "" {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func read(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "gate", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

const billingHead = `package billing

import (
	"database/sql"

	"example.com/gate/catalog"
)

var _ catalog.Item
var _ *sql.DB
`

func TestGate(t *testing.T) {
	billing := read(t, "billing/billing.go")
	tests := []struct {
		name  string
		edits map[string]string
		// want are the new violations as "kind from → to @ site".
		want  []string
		fixed int
	}{
		{name: "baseline holds", edits: nil},
		{
			name: "new call",
			edits: map[string]string{"billing/refund.go": billingHead + `
func Refund(r *catalog.Repo) {
	_, _ = r.Get(1)
}
`},
			want: []string{"call billing.Refund → catalog.(*Repo).Get @ billing/refund.go:13"},
		},
		{
			name: "new function used as a value",
			edits: map[string]string{"billing/hook.go": billingHead + `
func Hooks() []func(catalog.Item) int {
	return []func(catalog.Item) int{catalog.Price}
}
`},
			want: []string{"call billing.Hooks → catalog.Price @ billing/hook.go:13"},
		},
		{
			name: "new type use",
			edits: map[string]string{"review/item.go": `package review

import "example.com/gate/catalog"

// Reviewed is the last item reviewed.
var Reviewed catalog.Item

func last() int { return Reviewed.Price + len([]catalog.Item{}) }
`},
			want: []string{
				"type review.init → catalog.Item @ review/item.go:6",
				"type review.last → catalog.Item @ review/item.go:8",
			},
		},
		{
			name: "new table read",
			edits: map[string]string{"billing/report.go": billingHead + `
func Report(db *sql.DB) {
	_, _ = db.Query("SELECT price FROM items")
}
`},
			want: []string{"read billing.Report → items @ billing/report.go:13"},
		},
		{
			name: "new table write",
			edits: map[string]string{"billing/reprice.go": billingHead + `
func Reprice(db *sql.DB) {
	_, _ = db.Exec("UPDATE items SET price = 0")
}
`},
			want: []string{"write billing.Reprice → items @ billing/reprice.go:13"},
		},
		{
			name: "reformat, rename locals, move code",
			edits: map[string]string{"billing/billing.go": strings.NewReplacer(
				"total := catalog.Price(it)", "\n\n\tsum := catalog.Price(it)\n",
				"it.ID, total)", "it.ID, sum)",
				"Total: total}", "Total: sum}",
				"// Service bills.", "// a moved comment\n\n\n// Service bills.",
			).Replace(billing)},
		},
		{
			name: "allowed dependency passes",
			edits: map[string]string{"billing/quote.go": billingHead + `
func Quote(items []catalog.Item) int { return len(items) }
`},
		},
		{
			name: "baselined violation removed",
			edits: map[string]string{"billing/billing.go": strings.Replace(billing,
				"total := catalog.Price(it)", "total := it.Price", 1)},
			fixed: 1,
		},
		{
			name:  "package outside every context",
			edits: map[string]string{"shipping/shipping.go": "package shipping\n\n// Ship sends.\nfunc Ship() {}\n"},
			want:  []string{"unassigned shipping →  @ shipping/shipping.go:4"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := gate(t, copyFixture(t, tt.edits))
			var got []string
			for _, v := range r.New {
				site := ""
				if len(v.Sites) > 0 {
					site = v.Sites[0]
				}
				got = append(got, string(v.Kind)+" "+check.Short(r.Module, v.From)+" → "+check.Short(r.Module, v.To)+" @ "+site)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("new violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if len(r.Fixed) != tt.fixed {
				t.Errorf("fixed = %v, want %d", r.Fixed, tt.fixed)
			}
			if r.Blocked() != (len(tt.want) > 0) {
				t.Errorf("blocked = %v", r.Blocked())
			}
		})
	}
}
