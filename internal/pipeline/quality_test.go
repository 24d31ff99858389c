package pipeline_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/decomp/decomp/cluster/eval"
	"github.com/decomp/decomp/cluster/graph"
	"github.com/decomp/decomp/internal/pipeline"
)

func TestMain(m *testing.M) {
	// Fixtures wire stand-in libraries with replace directives; never reach
	// the network.
	os.Setenv("GOFLAGS", "-mod=mod")
	os.Setenv("GOPROXY", "off")
	os.Exit(m.Run())
}

// defaults mirrors the CLI's defaults.
func defaults(dir string, granularity graph.Granularity) pipeline.Options {
	return pipeline.Options{
		Dir: dir, Granularity: granularity, CallGraph: "vta", Resolution: 1,
		Seed: pipeline.DefaultSeed, FolderPrior: 0.3, ModelFields: pipeline.DefaultModelFields,
	}
}

// TestQualityFloors pins decomp's accuracy on the bundled fixtures: the
// layered sample (where it must cut vertical slices across the layers) and
// the domain-cut shop (where it must keep the authors' folders apart).
func TestQualityFloors(t *testing.T) {
	tests := []struct {
		fixture     string
		granularity graph.Granularity
		domainOnly  bool
		minMoJoFM   float64
	}{
		{"musicstream", "type", false, 0.80},
		{"musicstream", "type", true, 0.80},
		{"shopdomains", "package", false, 0.95},
		{"shopdomains", "package", true, 0.95},
		{"shopdomains", "type", false, 0.90},
	}
	for _, tt := range tests {
		name := tt.fixture + "/" + string(tt.granularity)
		if tt.domainOnly {
			name += "/domain-only"
		}
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("..", "..", "testdata", tt.fixture)
			truth, err := eval.LoadTruth(filepath.Join(dir, "truth.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			out, err := pipeline.Run(context.Background(), defaults(dir, tt.granularity))
			if err != nil {
				t.Fatal(err)
			}
			s := pipeline.Score(out, truth, tt.domainOnly)
			t.Logf("MoJoFM %.4f ARI %.4f over %d units (%d contexts, truth %d)", s.MoJoFM, s.ARI, s.Objects, s.ComputedClusters, s.TruthClusters)
			if s.Objects < 10 {
				t.Fatalf("only %d units scored: truth and units do not line up", s.Objects)
			}
			if s.MoJoFM < tt.minMoJoFM {
				t.Errorf("MoJoFM %.4f below the floor %.2f", s.MoJoFM, tt.minMoJoFM)
			}
		})
	}
}

// TestBeatsFolders: on the layered sample, grouping by folder is a poor
// decomposition, and decomp must do better; on the domain-cut shop,
// grouping by folder is right, and decomp must match it.
func TestBeatsFolders(t *testing.T) {
	for _, tt := range []struct {
		fixture     string
		granularity graph.Granularity
		mustBeat    bool
	}{
		{"musicstream", "type", true},
		{"shopdomains", "package", false},
	} {
		t.Run(tt.fixture, func(t *testing.T) {
			dir := filepath.Join("..", "..", "testdata", tt.fixture)
			truth, err := eval.LoadTruth(filepath.Join(dir, "truth.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			out, err := pipeline.Run(context.Background(), defaults(dir, tt.granularity))
			if err != nil {
				t.Fatal(err)
			}
			computed, want := pipeline.Labels(out, truth)
			byFolder := map[string]string{}
			for _, u := range out.Graph.Units {
				if _, ok := computed[u.ID]; ok {
					byFolder[u.ID] = u.Dir
				}
			}
			ours := eval.MoJoFM(computed, want)
			folders := eval.MoJoFM(byFolder, want)
			t.Logf("decomp %.4f, group-by-folder %.4f", ours, folders)
			if tt.mustBeat && ours <= folders {
				t.Errorf("decomp (%.4f) does not beat grouping by folder (%.4f)", ours, folders)
			}
			if !tt.mustBeat && ours < folders {
				t.Errorf("decomp (%.4f) is worse than grouping by folder (%.4f)", ours, folders)
			}
		})
	}
}
