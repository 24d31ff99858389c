package cluster

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLooGridCoversTunables: scripts/loo.sh judges every tunable, at its
// shipped default.
func TestLooGridCoversTunables(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "scripts", "loo.sh"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tu := range Tunables {
		line := `"` + tu.Name + " " + strconv.FormatFloat(tu.Default, 'g', -1, 64) + " "
		if !strings.Contains(string(b), line) {
			t.Errorf("scripts/loo.sh has no grid line starting %s", line)
		}
	}
}

func TestParseTuning(t *testing.T) {
	for _, tc := range []struct {
		specs   []string
		want    string
		wantErr string
	}{
		{nil, "", ""},
		{[]string{"term-weight=2", "merge-folders=0"}, "merge-folders=0,term-weight=2", ""},
		{[]string{"term-weight"}, "", "want NAME=VALUE"},
		{[]string{"no-such=1"}, "", "unknown name"},
		{[]string{"merge-folders=0.5"}, "", "0 or 1 for a rule"},
		{[]string{"term-weight=NaN"}, "", "want a number"},
		{[]string{"term-weight=-1"}, "", "want a number"},
	} {
		got, err := ParseTuning(tc.specs)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("ParseTuning(%q) error %v, want %q", tc.specs, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got.String() != tc.want {
			t.Errorf("ParseTuning(%q) = %q, %v; want %q", tc.specs, got.String(), err, tc.want)
		}
	}
	if (Tuning{}).V("term-weight") != DefaultTermWeight || !(Tuning{}).On("merge-folders") {
		t.Error("a missing name does not have its default")
	}
}
