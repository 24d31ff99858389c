package pipeline_test

import (
	"context"
	"github.com/decomp/decomp/internal/testenv"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/cluster"
	"github.com/decomp/decomp/cluster/eval"
	"github.com/decomp/decomp/config"
	"github.com/decomp/decomp/internal/pipeline"
)

const sample = "../../testdata/musicstream"

// truthRun analyses the sample monolith with every unit pinned to its
// truth label, so the judges see exactly the truth's contexts: what is
// tested is extraction and judgement, not clustering (TestQualityFloors
// covers that).
func truthRun(t *testing.T) (*pipeline.Output, *eval.Truth) {
	t.Helper()
	truth, err := eval.LoadTruth(filepath.Join(sample, "truth.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	opt := defaults(sample, "type")
	first, err := pipeline.Run(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	_, labels := pipeline.Labels(first, truth)
	cfg := &config.Config{}
	ids := make([]string, 0, len(labels))
	for id := range labels {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		cfg.Pins = append(cfg.Pins, config.Pin{Pattern: id, Context: labels[id]})
	}
	opt.Config = cfg
	out, err := pipeline.Cluster(first.Facts, opt)
	if err != nil {
		t.Fatal(err)
	}
	return out, truth
}

// TestTablesMatchTruth: every table's writers and readers, as extracted,
// are the truth's, and every shared table gets the truth's owner.
func TestTablesMatchTruth(t *testing.T) {
	out, truth := truthRun(t)
	d := &out.Result.Decomposition
	writers := map[string]map[string]bool{}
	readers := map[string]map[string]bool{}
	for _, a := range out.Facts.Accesses {
		c := d.ContextName(d.ContextOfFunc(a.Func))
		if c == "" {
			t.Errorf("%s: access by %s is in no context", a.Pos, a.Func)
			continue
		}
		m := readers
		if a.Mode == facts.Write {
			m = writers
		}
		if m[a.Table] == nil {
			m[a.Table] = map[string]bool{}
		}
		m[a.Table][c] = true
	}
	keys := func(m map[string]bool, drop map[string]bool) []string {
		out := []string{}
		for k := range m {
			if !drop[k] {
				out = append(out, k)
			}
		}
		sort.Strings(out)
		return out
	}
	seen := map[string]bool{}
	for name, tt := range truth.Tables {
		seen[name] = true
		gotW := keys(writers[name], nil)
		gotR := keys(readers[name], writers[name])
		if !reflect.DeepEqual(gotW, nonNil(tt.Writers)) || !reflect.DeepEqual(gotR, nonNil(tt.Readers)) {
			t.Errorf("table %s: writers %v readers %v, truth writers %v readers %v", name, gotW, gotR, tt.Writers, tt.Readers)
		}
	}
	for name := range writers {
		if !seen[name] {
			t.Errorf("table %s found but not in the truth", name)
		}
	}
	for name := range readers {
		if !seen[name] {
			t.Errorf("table %s found but not in the truth", name)
		}
	}
	shared := 0
	for _, st := range out.SharedTables {
		shared++
		if want := truth.Tables[st.Table].Owner; st.Owner.Name != want {
			t.Errorf("shared table %s: owner %s, truth %s (%s)", st.Table, st.Owner.Name, want, st.Reason)
		}
	}
	t.Logf("%d shared tables, %d tables in the truth", shared, len(truth.Tables))
	if shared < 5 {
		t.Errorf("only %d shared tables reported; the sample has at least 5", shared)
	}
}

// TestTrackMatrixMatchesTruth: models.Track is the worst oversized model
// and its field × context matrix is the truth's, field by field.
func TestTrackMatrixMatchesTruth(t *testing.T) {
	out, truth := truthRun(t)
	if len(out.Models) == 0 {
		t.Fatal("no oversized model found")
	}
	const track = "example.com/musicstream/internal/models.Track"
	m := out.Models[0]
	if m.Type != track {
		t.Fatalf("first oversized model is %s, want %s", m.Type, track)
	}
	want := truth.Models[track].Fields
	got := map[string]map[string]string{}
	for _, row := range m.Matrix {
		cells := map[string]string{}
		for _, u := range row.Uses {
			cells[u.Context] = u.Mode
		}
		got[row.Name] = cells
	}
	for field, w := range want {
		if !reflect.DeepEqual(got[field], w) {
			t.Errorf("Track.%s: got %v, truth %v", field, got[field], w)
		}
	}
	for field := range got {
		if _, ok := want[field]; !ok {
			t.Errorf("Track.%s is in the matrix but not in the truth", field)
		}
	}
	for _, other := range out.Models[1:] {
		if other.Type == "example.com/musicstream/internal/models.StreamSession" {
			t.Errorf("StreamSession is used by one context only and must not be flagged")
		}
	}
}

// TestTrackSplitCompiles writes the proposed per-context structs into a
// scratch package of a copy of the sample module and builds it.
func TestTrackSplitCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module")
	}
	out, _ := truthRun(t)
	if len(out.Models) == 0 {
		t.Fatal("no oversized model found")
	}
	src, err := out.Models[0].Split.File("scratch")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(sample)); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "internal", "scratch"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "internal", "scratch", "split.go"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := testenv.Go(t, dir, "build", "./internal/scratch")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("proposed split does not compile: %v\n%s\n%s", err, b, src)
	}
	for _, name := range []string{"type Track struct", "type CatalogTrack struct", "type SocialTrack struct"} {
		if !strings.Contains(string(src), name) {
			t.Errorf("split lacks %q", name)
		}
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// TestPinMatchingNothingWarns: a pin that selects no unit is a warning, not
// a silent no-op.
func TestPinMatchingNothingWarns(t *testing.T) {
	opt := defaults(filepath.Join("..", "..", "testdata", "shopdomains"), "auto")
	opt.Config = &config.Config{Pins: []config.Pin{{Pattern: "example.com/nowhere/...", Context: "ghost"}}}
	out, err := pipeline.Run(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range out.Facts.Warnings {
		if strings.Contains(w.Message, `pin "example.com/nowhere/..." (context ghost) matches no unit`) {
			return
		}
	}
	t.Errorf("no warning for the unmatched pin: %+v", out.Facts.Warnings)
}

// TestMigrationsStaySchemaWide: migrations held as function literals in a
// package variable count their lines, and their accesses stay with the
// schema-wide code instead of being charged to the context of the runner
// that calls them through function values (which made every table shared);
// the runner, keeping its own books, is schema code too.
func TestMigrationsStaySchemaWide(t *testing.T) {
	out, err := pipeline.Run(context.Background(), defaults(filepath.Join("..", "..", "testdata", "migrations"), "auto"))
	if err != nil {
		t.Fatal(err)
	}
	d := &out.Result.Decomposition
	var schema *cluster.PlatformGroup
	for i, pg := range d.Platform {
		if pg.Folder == "(schema-wide code)" {
			schema = &d.Platform[i]
		}
	}
	if schema == nil {
		t.Fatalf("no schema-wide code set aside: %+v", d.Platform)
	}
	// Twelve literals of four lines each.
	if schema.Lines < 48 {
		t.Errorf("schema-wide code counts %d lines, want 48 or more (the migration literals)", schema.Lines)
	}
	for _, st := range out.SharedTables {
		t.Errorf("table %s reported shared by %v (writers %v)", st.Table, st.Users, st.Writers)
	}
	// The runner, which alone keeps schema_version, goes with them.
	for _, want := range []string{"example.com/migrations/db:database.go", "table:schema_version"} {
		if !slices.Contains(schema.Units, want) {
			t.Errorf("schema-wide group %v lacks %s", schema.Units, want)
		}
	}
	if c := d.ContextName(d.ContextOfFunc("example.com/migrations/db.Migrate")); c != "" {
		t.Errorf("the runner stands in context %q", c)
	}
}
