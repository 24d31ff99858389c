package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/decomp/decomp/cluster/eval"
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
	if tf := os.Getenv("DUMP_TRUTH"); tf != "" {
		truth, err := eval.LoadTruth(tf)
		if err != nil {
			t.Fatal(err)
		}
		c, w := pipeline.Labels(out, truth)
		var ids []string
		for id := range c {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool { return c[ids[i]]+ids[i] < c[ids[j]]+ids[j] })
		for _, id := range ids {
			mark := ""
			if !strings.HasPrefix(w[id], "_") {
				mark = "*"
			}
			i, _ := g.Index(id)
			fmt.Printf("%-22s %-14s %s %-70s %d\n", c[id], w[id], mark, id, g.Units[i].Lines)
		}
		return
	}
	f := os.Getenv("DUMP_UNIT")
	for _, e := range g.Edges {
		a, b := g.Units[e.A].ID, g.Units[e.B].ID
		if f == "" || strings.Contains(a, f) || strings.Contains(b, f) {
			fmt.Printf("%-60s %-60s %v %.2f  [%d %d]\n", a, b, e.Counts, e.Weight, out.Result.Membership[e.A], out.Result.Membership[e.B])
		}
	}
}
