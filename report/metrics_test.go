package report

import (
	"reflect"
	"testing"

	"github.com/decomp/decomp/cluster/metrics"
)

func TestWeakCut(t *testing.T) {
	for _, c := range []struct {
		m    metrics.Result
		want []string
	}{
		{metrics.Result{Calls: 100, CrossCalls: 42, ICP: 0.42, Modularity: 0.54, K: 20}, nil},
		{metrics.Result{Calls: 3513, CrossCalls: 2026, ICP: 0.577, Modularity: 0.338, K: 16}, []string{
			"58% of the calls between contexts' code cross a context boundary (2026 of 3513): more of the behaviour spans contexts than stays in one"}},
		{metrics.Result{Calls: 10, CrossCalls: 6, ICP: 0.6, Modularity: 0.12, K: 4}, []string{
			"60% of the calls between contexts' code cross a context boundary (6 of 10): more of the behaviour spans contexts than stays in one",
			"modularity 0.12, under 0.3: the coupling graph has little community structure"}},
		{metrics.Result{Modularity: 0, K: 1}, nil}, // one context: no cut to judge
	} {
		if got := weakCut(c.m); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%+v:\n got %q\nwant %q", c.m, got, c.want)
		}
	}
}
