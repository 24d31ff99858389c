package pipeline

import (
	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/cluster/eval"
	"github.com/decomp/decomp/cluster/graph"
)

// Score compares a run's contexts with a ground truth, unit by unit. A
// unit's truth label is the one carried by most of its code: each member
// type and function votes with its lines, through the truth's precedence
// (types:, then files:, then packages:). Tables are not scored: the truth
// scores code placement, and its tables: section is checked separately.
func Score(out *Output, truth *eval.Truth, domainOnly bool) eval.Scores {
	computed, want := Labels(out, truth)
	return eval.Score(computed, want, domainOnly)
}

// FolderBaseline scores the naive decomposition "group by top-level
// folder" on the same units as Score: what decomp has to beat.
func FolderBaseline(out *Output, truth *eval.Truth, domainOnly bool) eval.Scores {
	computed, want := Labels(out, truth)
	byFolder := map[string]string{}
	for _, u := range out.Graph.Units {
		if _, ok := computed[u.ID]; ok {
			byFolder[u.ID] = out.Layout.TopFolder[u.Pkg]
		}
	}
	return eval.Score(byFolder, want, domainOnly)
}

// Labels returns, for every code unit, its computed context name and its
// truth label (units the truth does not label are absent from the latter).
func Labels(out *Output, truth *eval.Truth) (computed, want map[string]string) {
	funcs := map[string]facts.Func{}
	for _, f := range out.Facts.Funcs {
		funcs[f.ID] = f
	}
	types := map[string]facts.Type{}
	for _, t := range out.Facts.Types {
		types[t.ID] = t
	}
	computed, want = map[string]string{}, map[string]string{}
	platform := map[string]string{}
	for _, pg := range out.Result.Platform {
		for _, id := range pg.Units {
			platform[id] = "_" + string(pg.Role)
		}
	}
	for i, u := range out.Graph.Units {
		if u.Kind == graph.KindTable {
			continue
		}
		if c := out.Result.Membership[i]; c >= 0 {
			computed[u.ID] = out.Result.Contexts[c].Name
		} else if l, ok := platform[u.ID]; ok {
			// The platform is scored as one bucket per role, as the
			// truth's _infra and _entry are.
			computed[u.ID] = l
		} else {
			continue
		}
		votes := map[string]int{}
		for _, id := range u.Types {
			if l, ok := truth.TypeLabel(types[id]); ok {
				votes[l] += types[id].Lines + 1
			}
		}
		for _, id := range u.Funcs {
			if l, ok := truth.FuncLabel(funcs[id]); ok {
				votes[l] += funcs[id].Lines + 1
			}
		}
		if len(votes) == 0 {
			if l, ok := truth.Label(u.Pkg, "", ""); ok {
				votes[l] = 1
			}
		}
		best, bestN := "", 0
		for l, n := range votes {
			if n > bestN || (n == bestN && l < best) {
				best, bestN = l, n
			}
		}
		if best != "" {
			want[u.ID] = best
		}
	}
	return computed, want
}
