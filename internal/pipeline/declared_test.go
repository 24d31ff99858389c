package pipeline_test

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/check"
	"github.com/decomp/decomp/config"
	"github.com/decomp/decomp/internal/pipeline"
	"github.com/decomp/decomp/report"
	"github.com/decomp/decomp/report/render"
)

// editedMap is the sample's decomp.yaml as a team would edit it: royalty
// merged into payment, artist renamed artists, and playback's handler file
// moved to catalog.
func editedMap(t *testing.T) *config.Config {
	t.Helper()
	cfg, err := config.Load(filepath.Join(sample, "decomp.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	idx := func(name string) int {
		i := slices.IndexFunc(cfg.Contexts, func(c config.Context) bool { return c.Name == name })
		if i < 0 {
			t.Fatalf("the sample's map has no context %s", name)
		}
		return i
	}
	pay, roy := idx("payment"), idx("royalty")
	p, r := &cfg.Contexts[pay], cfg.Contexts[roy]
	p.Packages = append(p.Packages, r.Packages...)
	p.Files = append(p.Files, r.Files...)
	p.Types = append(p.Types, r.Types...)
	p.Tables = append(p.Tables, r.Tables...)
	cfg.Contexts = slices.Delete(cfg.Contexts, roy, roy+1)
	cfg.Contexts[idx("artist")].Name = "artists"
	const moved = "internal/handlers/playback_handler.go"
	pb := &cfg.Contexts[idx("playback")]
	pb.Files = slices.DeleteFunc(pb.Files, func(f string) bool { return f == moved })
	cat := &cfg.Contexts[idx("catalog")]
	cat.Files = append(cat.Files, moved)
	return cfg
}

// TestDeclaredMapDrivesAnalyze: with contexts in the config, the analysis
// reports exactly the declared map, and every declaration sits where
// decomp check resolves it.
func TestDeclaredMapDrivesAnalyze(t *testing.T) {
	cfg := editedMap(t)
	opt := defaults(sample, "auto")
	opt.Config, opt.ConfigPath = cfg, "decomp.yaml"
	out, err := pipeline.Run(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	d := &out.Result.Decomposition
	var got, want []string
	for _, c := range d.Contexts {
		got = append(got, c.Name)
	}
	for _, c := range cfg.Contexts {
		want = append(want, c.Name)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("contexts %v, want the declared %v", got, want)
	}
	m, err := check.NewMap(cfg, "decomp.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := m.Resolve(out.Facts, check.IgnoreFunc(cfg), false)
	if err != nil {
		t.Fatal(err)
	}
	wrong := 0
	for _, fn := range out.Facts.Funcs {
		if fn.Generated || fn.Test {
			continue
		}
		file, _ := facts.SplitPos(fn.Pos)
		recv := ""
		if fn.Recv != "" {
			recv = fn.Pkg + "." + fn.Recv
		}
		declared := r.Of(fn.Pkg, recv, file)
		gotCtx := d.ContextName(d.ContextOfFunc(fn.ID))
		if declared == config.PlatformName || declared == config.EntryName {
			declared = ""
		}
		if gotCtx != declared {
			wrong++
			if wrong <= 10 {
				t.Errorf("%s (%s): in %q, declared %q", fn.ID, file, gotCtx, declared)
			}
		}
	}
	if wrong > 0 {
		t.Errorf("%d of %d functions are not where decomp.yaml puts them", wrong, len(out.Facts.Funcs))
	}
	for _, c := range d.Contexts {
		if c.Name == "artists" && c.NameReason != "declared in decomp.yaml" {
			t.Errorf("artists: name reason %q", c.NameReason)
		}
	}
	if len(out.Result.Placements) != 0 {
		t.Errorf("the sample's map leaves nothing unassigned, yet %d placements: %v", len(out.Result.Placements), out.Result.Placements[:1])
	}
	// The HTML report shows the edited map: every declared name, not the
	// merged one.
	var html bytes.Buffer
	if err := render.WriteHTML(&html, report.Build(out.ReportInput(), "test")); err != nil {
		t.Fatal(err)
	}
	for _, name := range want {
		if !strings.Contains(html.String(), `"name":"`+name+`"`) {
			t.Errorf("the HTML report lacks context %s", name)
		}
	}
	if strings.Contains(html.String(), `"name":"royalty"`) || strings.Contains(html.String(), `"name":"artist"`) {
		t.Error("the HTML report still shows a context the edit merged or renamed")
	}
	// The plan plans the declared contexts.
	for _, s := range out.Plan.Steps {
		if !slices.Contains(want, s.Context) {
			t.Errorf("plan step for %q, not a declared context", s.Context)
		}
	}
}

// TestPinsAreLocal: pinning units moves them and leaves alone every
// context that holds no pinned unit and has no edge to one.
func TestPinsAreLocal(t *testing.T) {
	for _, tc := range []struct {
		dir  string
		pins []string // unit IDs
	}{
		{sample, []string{"example.com/musicstream/internal/models.Track", "example.com/musicstream/internal/services.SearchService", "example.com/musicstream/internal/jobs.RenewalJob"}},
		{filepath.Join("..", "..", "testdata", "shopdomains"), []string{"example.com/shopdomains/internal/promotions/store"}},
	} {
		opt := defaults(tc.dir, "auto")
		opt.NoConfig = true
		base, err := pipeline.Run(context.Background(), opt)
		if err != nil {
			t.Fatal(err)
		}
		cfg := &config.Config{}
		for _, id := range tc.pins {
			cfg.Pins = append(cfg.Pins, config.Pin{Pattern: id, Context: "pinned"})
		}
		opt.Config = cfg
		out, err := pipeline.Cluster(base.Facts, opt)
		if err != nil {
			t.Fatal(err)
		}
		pinned := map[string]bool{}
		for _, id := range tc.pins {
			pinned[id] = true
		}
		touches := map[string]bool{} // units with an edge to a pinned one
		for _, e := range base.Graph.Edges {
			a, b := base.Graph.Units[e.A].ID, base.Graph.Units[e.B].ID
			if pinned[a] {
				touches[b] = true
			}
			if pinned[b] {
				touches[a] = true
			}
		}
		after := map[string]bool{}
		for _, c := range out.Result.Contexts {
			after[strings.Join(c.Units, ",")] = true
		}
		kept, checked := 0, 0
		for _, c := range base.Result.Contexts {
			near := false
			for _, u := range c.Units {
				near = near || pinned[u] || touches[u]
			}
			if near {
				continue
			}
			checked++
			if after[strings.Join(c.Units, ",")] {
				kept++
			} else {
				t.Errorf("%s: context %s, with no pinned unit and no edge to one, changed", tc.dir, c.Name)
			}
		}
		if checked == 0 {
			t.Errorf("%s: every context touches a pinned unit; the test checks nothing", tc.dir)
		}
		for _, c := range out.Result.Contexts {
			if c.Name == "pinned" && len(c.Units) < len(tc.pins) {
				t.Errorf("%s: pinned context holds %v", tc.dir, c.Units)
			}
		}
	}
}
