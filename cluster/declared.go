package cluster

import (
	"sort"

	"github.com/decomp/decomp/cluster/graph"
	"github.com/decomp/decomp/config"
)

// Declared-map platform groups: the code decomp.yaml puts in its platform
// and entry sections.
const (
	declaredPlatform = "(platform in decomp.yaml)"
	declaredEntry    = "(entry in decomp.yaml)"
)

// Placement says how the clustering placed a unit the team's map leaves
// unassigned.
type Placement struct {
	Unit string `json:"unit"`
	// Context is where it went.
	Context string `json:"context"`
	// Why names the rule: the declared context most of its community's
	// declared code is in, or a context of its own when its community holds
	// no declared code.
	Why string `json:"why"`
}

// applyDeclared puts every unit the map assigns where the map says, and
// every other unit where the clustering's community takes it: into the
// declared context holding most of that community's declared lines, else
// (a community with no declared code) into a context of its own, named as
// any other. The clustering itself ran as without a map, so a unit the map
// does not name moves only because its community's declared code did.
// It adds the pins that name the declared contexts and returns the units
// it placed, each with whether it joined a declared context.
//
// Pins use the same mechanism without follow: the pinned units move and
// nothing else does, so that a pin is local (the clustering ran without it).
//
// existing maps context names the clustering already gives to their
// communities: a pin naming one of them joins it.
func (p *post) applyDeclared(declared map[string]string, follow bool, existing map[string]int, next *int, pinOf map[int]int, pinNames *[]string) []placedUnit {
	g := p.g
	community := map[string]int{} // declared name -> new community
	names := make([]string, 0)
	for _, name := range declared {
		if _, ok := community[name]; !ok {
			community[name] = -1
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		if c, ok := existing[name]; ok {
			community[name] = c
			continue
		}
		community[name] = *next
		*next++
		if !follow {
			continue
		}
		switch name {
		case config.PlatformName:
			p.platform[community[name]] = declaredPlatform
		case config.EntryName:
			p.platform[community[name]] = declaredEntry
		}
	}
	pinIdx := map[string]int{}
	for i, n := range *pinNames {
		pinIdx[n] = i
	}
	// The community lines each declared context holds, per old community.
	votes := map[int]map[string]int{}
	decl := make([]string, len(g.Units))
	for i, u := range g.Units {
		name, ok := declared[u.ID]
		if !ok {
			continue
		}
		decl[i] = name
		if c := p.m[i]; c >= 0 {
			if votes[c] == nil {
				votes[c] = map[string]int{}
			}
			votes[c][name] += max(1, u.Lines)
		}
	}
	var placed []placedUnit
	newM := make([]int, len(p.m))
	for i, u := range g.Units {
		newM[i] = p.m[i]
		name := decl[i]
		if name == "" {
			if !follow {
				continue
			}
			if u.Kind == graph.KindTable || p.m[i] < 0 {
				continue
			}
			if _, plat := p.platform[p.m[i]]; plat {
				continue
			}
			best, bestN := "", 0
			for n, v := range votes[p.m[i]] {
				if v > bestN || v == bestN && n < best {
					best, bestN = n, v
				}
			}
			placed = append(placed, placedUnit{i, best != ""})
			if best == "" {
				continue // a community the map knows nothing of
			}
			name = best
		} else {
			p.fixed[i] = true
		}
		newM[i] = community[name]
		_, plat := p.platform[newM[i]]
		p.aside[i] = plat
		if plat || decl[i] == "" {
			continue
		}
		idx, ok := pinIdx[name]
		if !ok {
			idx = len(*pinNames)
			*pinNames = append(*pinNames, name)
			pinIdx[name] = idx
		}
		pinOf[i] = idx
	}
	copy(p.m, newM)
	// Tables follow their code again.
	p.foldTables()
	return placed
}

type placedUnit struct {
	i      int
	joined bool
}

// placements describes the units applyDeclared placed, in unit order.
func placements(g *graph.Graph, placed []placedUnit, d *Decomposition, membership []int) []Placement {
	out := make([]Placement, 0, len(placed))
	for _, pu := range placed {
		pl := Placement{Unit: g.Units[pu.i].ID, Context: d.ContextName(membership[pu.i])}
		if pl.Context == "" {
			continue
		}
		if pu.joined {
			pl.Why = "not in decomp.yaml: joined the declared context holding most of the code it clusters with"
		} else {
			pl.Why = "not in decomp.yaml, nor is any code it clusters with: a context decomp proposes"
		}
		out = append(out, pl)
	}
	return out
}
