package pipeline

import (
	"strings"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/check"
	"github.com/decomp/decomp/cluster/graph"
	"github.com/decomp/decomp/config"
)

// declaredMap resolves the team's context map against the facts the way
// decomp check does (a type's pattern beats its file's, which beats its
// package's).
type declaredMap struct {
	r     *check.Resolver
	funcs map[string]declFunc
}

type declFunc struct{ pkg, recv, file string }

func resolveMap(f *facts.Facts, c *config.Config, path string, partial bool) (*declaredMap, error) {
	m, err := check.NewMap(c, path)
	if err != nil {
		return nil, err
	}
	r, err := m.Resolve(f, check.IgnoreFunc(c), partial)
	if err != nil {
		return nil, err
	}
	dm := &declaredMap{r: r, funcs: map[string]declFunc{}}
	for _, x := range f.Funcs {
		file, _ := facts.SplitPos(x.Pos)
		recv := ""
		if x.Recv != "" {
			recv = x.Pkg + "." + x.Recv
		}
		dm.funcs[x.ID] = declFunc{x.Pkg, recv, file}
	}
	return dm, nil
}

// ofFunc is the declared context of a function.
func (dm *declaredMap) ofFunc(id string) string {
	x := dm.funcs[id]
	return dm.r.Of(x.pkg, x.recv, x.file)
}

// together keeps a free function out of its type's unit when the map
// declares them in different contexts.
func (dm *declaredMap) together(fn, typ string) bool {
	x := dm.funcs[fn]
	return dm.ofFunc(fn) == dm.r.Of(x.pkg, typ, "")
}

// units assigns the graph's units: each goes to the context most of its
// declarations are in, and stays unassigned when most are in none.
// Declared tables go to their context.
func (dm *declaredMap) units(g *graph.Graph, c *config.Config) map[string]string {
	r := dm.r
	out := map[string]string{}
	for _, u := range g.Units {
		if u.Kind == graph.KindTable {
			continue
		}
		votes := map[string]int{}
		for _, t := range u.Types {
			votes[r.Of(u.Pkg, t, "")]++
		}
		for _, id := range u.Funcs {
			votes[dm.ofFunc(id)]++
		}
		if len(u.Types)+len(u.Funcs) == 0 {
			for _, file := range u.Files {
				votes[r.Of(u.Pkg, "", file)]++
			}
			if len(u.Files) == 0 {
				votes[r.Of(u.Pkg, "", "")]++
			}
		}
		best, bestN := "", 0
		for name, n := range votes {
			if name != "" && (n > bestN || n == bestN && name < best) {
				best, bestN = name, n
			}
		}
		if best != "" && bestN >= votes[""] {
			out[u.ID] = best
		}
	}
	for _, x := range c.Contexts {
		for _, t := range x.Tables {
			if t = strings.ToLower(t); g.TableUnit[t] >= 0 {
				if _, ok := g.TableUnit[t]; ok {
					out[graph.TableID(t)] = x.Name
				}
			}
		}
	}
	return out
}

// narrowed reports whether the patterns load less than the whole module,
// so that a map pattern matching nothing may match what was not loaded.
func narrowed(patterns []string) bool {
	for _, p := range patterns {
		if p != "./..." && p != "all" {
			return true
		}
	}
	return false
}
