package judge

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/decomp/decomp/analysis"
	"github.com/decomp/decomp/analysis/load"
	"github.com/decomp/decomp/cluster"
)

// TestOversizedModelsFromExtract runs the judge on what the extractors find
// in the field-use fixture, so the two agree on field naming
// (promoted fields, containers, whole-object uses).
func TestOversizedModelsFromExtract(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "analysis", "fielduse", "testdata", "basic"))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := load.Load(context.Background(), load.Config{Dir: dir, Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")})
	if err != nil {
		t.Fatal(err)
	}
	// The field-use extractor lists the structs, the data-access one names
	// their tables.
	f, err := analysis.Extract(context.Background(), prog, analysis.Options{Disable: []string{"calls", "uses"}})
	if err != nil {
		t.Fatal(err)
	}
	d := &cluster.Decomposition{
		Contexts:    []cluster.Context{{ID: 0, Name: "catalog"}, {ID: 1, Name: "billing"}, {ID: 2, Name: "models"}},
		FuncContext: map[string]int{},
		TypeContext: map[string]int{},
	}
	for _, u := range f.FieldUses {
		for c, name := range []string{"catalog", "billing", "models"} {
			if strings.HasPrefix(u.Func, "example.com/basic/"+name+".") {
				d.FuncContext[u.Func] = c
			}
		}
	}
	got := OversizedModels(f, d, ModelOptions{MinFields: 10})
	if len(got) != 1 || got[0].Type != "example.com/basic/models.Track" {
		t.Fatalf("flagged %+v, want only models.Track", got)
	}
	m := got[0]
	if m.Fields != 13 || names(m.Contexts) != "catalog,billing,models" || m.Table != "tracks" {
		t.Errorf("fields %d, contexts %s, table %q", m.Fields, names(m.Contexts), m.Table)
	}
	cells := map[string]string{}
	for _, r := range m.Matrix {
		var s []string
		for _, u := range r.Uses {
			s = append(s, u.Context+":"+u.Mode)
		}
		cells[r.Label] = strings.Join(s, " ")
	}
	for label, want := range map[string]string{
		"Price":           "catalog:w billing:r",
		"Audit.Stamp.By":  "catalog:w",
		"Audit":           "catalog:r",
		"Audit.CreatedAt": "catalog:rw",
		"Title":           "catalog:rw models:rw",
		"Notes":           "",
	} {
		if cells[label] != want {
			t.Errorf("%s: %q, want %q", label, cells[label], want)
		}
	}
	if len(m.Whole) != 1 || m.Whole[0].Context != "catalog" || len(m.Whole[0].Sites) != 5 {
		t.Errorf("whole uses %+v", m.Whole)
	}
	if !strings.Contains(m.Split.Core.Source, "Notes sql.NullString // unused") {
		t.Errorf("core source:\n%s", m.Split.Core.Source)
	}
}
