package report

import (
	"github.com/decomp/decomp/cluster/graph"
	"github.com/decomp/decomp/cluster/metrics"
)

// computeMetrics feeds the unit graph to cluster/metrics. Graph edges are
// undirected; calls get their direction back from the call facts so that
// IFN counts the units called from outside, not the callers.
func computeMetrics(out *Input) (metrics.Result, error) {
	g := out.Graph
	type dkey struct {
		from, to int
		kind     graph.EdgeKind
	}
	dir := map[dkey]int{}
	for _, c := range out.Facts.Calls {
		from, ok1 := g.FuncUnit[c.Caller]
		to, ok2 := g.FuncUnit[c.Callee]
		if !ok1 || !ok2 || from == to {
			continue
		}
		k := graph.Call
		if c.Kind == "dynamic" {
			k = graph.Dynamic
		}
		dir[dkey{from, to, k}]++
	}
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
		for k, n := range e.Counts {
			if n == 0 {
				continue
			}
			kind := graph.EdgeKind(k)
			var one [graph.NumKinds]int
			one[k] = n
			weight := graph.Weight(one, w)
			if kind == graph.Call || kind == graph.Dynamic {
				ab, ba := dir[dkey{e.A, e.B, kind}], dir[dkey{e.B, e.A, kind}]
				if ab+ba > 0 {
					if ab > 0 {
						in.Edges = append(in.Edges, metrics.Edge{From: e.A, To: e.B, Kind: kind.String(), Count: ab, Weight: weight * float64(ab) / float64(ab+ba)})
					}
					if ba > 0 {
						in.Edges = append(in.Edges, metrics.Edge{From: e.B, To: e.A, Kind: kind.String(), Count: ba, Weight: weight * float64(ba) / float64(ab+ba)})
					}
					continue
				}
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
