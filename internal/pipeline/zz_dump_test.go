package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/decomp/decomp/internal/pipeline"
)

func TestZZDump(t *testing.T) {
	dir := os.Getenv("DUMP_DIR")
	if dir == "" {
		t.Skip()
	}
	o := defaults(dir, "auto")
	if p := os.Getenv("DUMP_PAT"); p != "" {
		o.Patterns = []string{p}
	}
	out, err := pipeline.Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	g := out.Graph
	f := os.Getenv("DUMP_UNIT")
	for _, e := range g.Edges {
		a, b := g.Units[e.A].ID, g.Units[e.B].ID
		if f == "" || strings.Contains(a, f) || strings.Contains(b, f) {
			fmt.Printf("%-60s %-60s %v %.2f  [%d %d]\n", a, b, e.Counts, e.Weight, out.Result.Membership[e.A], out.Result.Membership[e.B])
		}
	}
}
