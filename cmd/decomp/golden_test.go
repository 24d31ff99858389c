package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenCases are full runs on the bundled fixtures whose output is pinned.
var goldenCases = []struct {
	name string
	args []string
}{
	{"shopdomains.txt", []string{"analyze", "--history", "off", "-C", "../../testdata/shopdomains"}},
	{"shopdomains.json", []string{"analyze", "--history", "off", "-C", "../../testdata/shopdomains", "--format", "json"}},
	{"musicstream-type.txt", []string{"analyze", "--history", "off", "-C", "../../testdata/musicstream", "--propose", "--granularity", "type"}},
	{"musicstream-type.json", []string{"analyze", "--history", "off", "-C", "../../testdata/musicstream", "--propose", "--granularity", "type", "--format", "json"}},
	{"musicstream.md", []string{"analyze", "--history", "off", "-C", "../../testdata/musicstream", "--propose", "--format", "md"}},
	{"musicstream-context.dot", []string{"analyze", "--history", "off", "-C", "../../testdata/musicstream", "--propose", "--format", "dot", "--level", "context"}},
	{"shopdomains.dot", []string{"analyze", "--history", "off", "-C", "../../testdata/shopdomains", "--format", "dot"}},
	{"musicstream-focus.dot", []string{"analyze", "--history", "off", "-C", "../../testdata/musicstream", "--propose", "--format", "dot", "--level", "context", "--focus", "catalog", "--top", "6"}},
	{"musicstream-summary.md", []string{"analyze", "--history", "off", "-C", "../../testdata/musicstream", "--propose", "--format", "md", "--summary"}},
	// The sample's own decomp.yaml drives analyze without --propose.
	{"musicstream-map.txt", []string{"analyze", "--history", "off", "-C", "../../testdata/musicstream"}},
	{"musicstream-plan.txt", []string{"plan", "--history", "off", "-C", "../../testdata/musicstream", "--propose"}},
	{"musicstream-plan.md", []string{"plan", "--history", "off", "-C", "../../testdata/musicstream", "--propose", "--format", "md"}},
	{"seams-plan.txt", []string{"plan", "--history", "off", "-C", "../../testdata/seams"}},
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tc.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			path := filepath.Join("testdata", "golden", tc.name)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(stdout), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/decomp -update to create it)", err)
			}
			if !bytes.Equal(want, []byte(stdout)) {
				t.Errorf("output differs from %s (rerun with -update after checking the change):\n%s", path, firstDiff(string(want), stdout))
			}
		})
	}
}

// TestDeterministic: the same input gives byte-identical JSON across runs
// and across GOMAXPROCS.
func TestDeterministic(t *testing.T) {
	for _, dir := range []string{"../../testdata/musicstream", "../../testdata/shopdomains"} {
		args := []string{"analyze", "--history", "off", "-C", dir, "--granularity", "type", "--format", "json"}
		var outputs []string
		for _, procs := range []int{1, 2, 2, 1} {
			prev := runtime.GOMAXPROCS(procs)
			code, stdout, stderr := run(t, args...)
			runtime.GOMAXPROCS(prev)
			if code != 0 {
				t.Fatalf("%s: exit %d: %s", dir, code, stderr)
			}
			outputs = append(outputs, stdout)
		}
		for i := 1; i < len(outputs); i++ {
			if outputs[i] != outputs[0] {
				t.Errorf("%s: run %d differs from run 0:\n%s", dir, i, firstDiff(outputs[0], outputs[i]))
			}
		}
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(a, b string) string {
	al, bl := bytes.Split([]byte(a), []byte("\n")), bytes.Split([]byte(b), []byte("\n"))
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y []byte
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if !bytes.Equal(x, y) {
			return fmt.Sprintf("line %d:\n  want %s\n   got %s", i+1, x, y)
		}
	}
	return "(no difference)"
}
