package report

import "sort"

// Pair is the dependency of one context on another with every kind summed:
// what the views draw as one edge. Weight is the sum of the kinds' counts
// (call sites, type references, queries, implementations).
type Pair struct {
	From, To string
	Weight   int
	// Kinds are the pair's dependencies by kind, strongest first.
	Kinds []KindCount
	// Evidence is the first file:line of the strongest kind.
	Evidence string
}

// KindCount is one kind's share of a Pair.
type KindCount struct {
	Kind  string
	Count int
}

// Pairs sums deps by directed context pair, strongest first (ties by name),
// so the order is the same on every run.
func Pairs(deps []Dependency) []Pair {
	type key struct{ from, to string }
	idx := map[key]int{}
	var out []Pair
	for _, d := range deps {
		k := key{d.From, d.To}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, Pair{From: d.From, To: d.To})
		}
		p := &out[i]
		p.Weight += d.Count
		p.Kinds = append(p.Kinds, KindCount{d.Kind, d.Count})
	}
	for i := range out {
		p := &out[i]
		sort.SliceStable(p.Kinds, func(a, b int) bool {
			if p.Kinds[a].Count != p.Kinds[b].Count {
				return p.Kinds[a].Count > p.Kinds[b].Count
			}
			return p.Kinds[a].Kind < p.Kinds[b].Kind
		})
	}
	// Evidence of the strongest kind: deps are not necessarily sorted, so
	// look it up after the kinds are.
	for _, d := range deps {
		p := &out[idx[key{d.From, d.To}]]
		if p.Evidence == "" && d.Kind == p.Kinds[0].Kind && len(d.Evidence) > 0 {
			p.Evidence = d.Evidence[0]
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Weight != b.Weight {
			return a.Weight > b.Weight
		}
		if a.From != b.From {
			return a.From < b.From
		}
		return a.To < b.To
	})
	return out
}

// Strongest keeps the pairs (strongest first, as Pairs returns them) of
// weight at least minWeight, at most top of them when top > 0.
func Strongest(pairs []Pair, minWeight, top int) []Pair {
	var out []Pair
	for _, p := range pairs {
		if p.Weight < minWeight || top > 0 && len(out) == top {
			break
		}
		out = append(out, p)
	}
	return out
}
