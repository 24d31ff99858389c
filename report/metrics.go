package report

import (
	"fmt"

	"github.com/decomp/decomp/cluster/graph"
	"github.com/decomp/decomp/cluster/metrics"
)

// computeMetrics feeds the unit graph to cluster/metrics, calls with the
// direction the graph kept, so that IFN counts the units called from
// outside, not the callers.
func computeMetrics(out *Input) (metrics.Result, error) {
	g := out.Graph
	in := metrics.Input{
		Membership: out.Result.Membership,
		CallKinds:  []string{graph.Call.String(), graph.Dynamic.String()},
	}
	for _, u := range g.Units {
		in.Nodes = append(in.Nodes, u.ID)
		in.Size = append(in.Size, u.Lines)
	}
	w := out.Weights
	for _, e := range g.Edges {
		back := e.Backward()
		for k, n := range e.Counts {
			if n == 0 {
				continue
			}
			kind := graph.EdgeKind(k)
			var one [graph.NumKinds]int
			one[k] = n
			weight := graph.Weight(one, w)
			if kind == graph.Call || kind == graph.Dynamic {
				ab, ba := e.Forward[k], back[k]
				if ab > 0 {
					in.Edges = append(in.Edges, metrics.Edge{From: e.A, To: e.B, Kind: kind.String(), Count: ab, Weight: weight * float64(ab) / float64(n)})
				}
				if ba > 0 {
					in.Edges = append(in.Edges, metrics.Edge{From: e.B, To: e.A, Kind: kind.String(), Count: ba, Weight: weight * float64(ba) / float64(n)})
				}
				continue
			}
			in.Edges = append(in.Edges, metrics.Edge{From: e.A, To: e.B, Kind: kind.String(), Count: n, Weight: weight})
		}
	}
	return metrics.Compute(in)
}

func globalMetrics(m metrics.Result) Metrics {
	return Metrics{
		Modularity: round(m.Modularity),
		ICP:        round(m.ICP),
		SM:         round(m.SM),
		IFN:        round(m.IFN),
		NED:        round(m.NED),
	}
}

// Thresholds of a weak cut: more calls cross the boundaries than stay
// inside them; and Newman and Girvan's rule of thumb that a modularity
// under about 0.3 shows no significant community structure ("Finding and
// evaluating community structure in networks", 2004).
const (
	weakICP        = 0.5
	weakModularity = 0.3
)

// WeakCut gives the reasons the input's cut is weak, or none: for the
// outputs that do not build the whole report (the plan).
func WeakCut(in *Input) []string {
	m, err := computeMetrics(in)
	if err != nil {
		return nil
	}
	return weakCut(m)
}

// weakCut gives the reasons the cut is weak, or none.
func weakCut(m metrics.Result) []string {
	var out []string
	if m.Calls > 0 && m.ICP > weakICP {
		out = append(out, fmt.Sprintf("%.0f%% of the calls between contexts' code cross a context boundary (%d of %d): more of the behaviour spans contexts than stays in one", 100*m.ICP, m.CrossCalls, m.Calls))
	}
	if m.K > 1 && m.Modularity < weakModularity {
		out = append(out, fmt.Sprintf("modularity %.2f, under 0.3: the coupling graph has little community structure", m.Modularity))
	}
	return out
}
