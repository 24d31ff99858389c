package report

import (
	"fmt"
	"slices"
	"strings"
)

// Focus returns a copy of r limited to one context and what it depends on
// or what depends on it: the context and its neighbours, the dependencies,
// unit edges, shared tables, oversized models, disagreements and placements
// that involve it, and its plan step. The summary and metrics stay those of
// the whole module.
func Focus(r *Report, name string) (*Report, error) {
	i := slices.IndexFunc(r.Contexts, func(c Context) bool { return c.Name == name })
	if i < 0 {
		var names []string
		for _, c := range r.Contexts {
			names = append(names, c.Name)
		}
		return nil, fmt.Errorf("--context %q is no context (contexts: %s)", name, strings.Join(names, ", "))
	}
	out := *r
	near := map[string]bool{name: true}
	out.Dependencies = nil
	for _, d := range r.Dependencies {
		if d.From == name || d.To == name {
			out.Dependencies = append(out.Dependencies, d)
			near[d.From], near[d.To] = true, true
		}
	}
	out.Contexts = nil
	units := map[string]bool{}
	for _, c := range r.Contexts {
		if near[c.Name] {
			out.Contexts = append(out.Contexts, c)
		}
		if c.Name == name {
			for _, u := range c.Units {
				units[u.ID] = true
			}
		}
	}
	out.UnitEdges = nil
	for _, e := range r.UnitEdges {
		if units[e.From] || units[e.To] {
			out.UnitEdges = append(out.UnitEdges, e)
		}
	}
	out.SharedTables = nil
	for _, st := range r.SharedTables {
		if st.Owner.Name == name || slices.Contains(st.Writers, name) || slices.Contains(st.Readers, name) {
			out.SharedTables = append(out.SharedTables, st)
		}
	}
	out.OversizedModels = nil
	for _, m := range r.OversizedModels {
		for _, u := range m.Contexts {
			if u.Name == name {
				out.OversizedModels = append(out.OversizedModels, m)
				break
			}
		}
	}
	out.Disagreements = nil
	for _, d := range r.Disagreements {
		if d.Context == name || d.FolderContext == name {
			out.Disagreements = append(out.Disagreements, d)
		}
	}
	out.Placements = nil
	for _, p := range r.Placements {
		if p.Context == name {
			out.Placements = append(out.Placements, p)
		}
	}
	if h := r.History; h != nil && h.Head != "" {
		fh := *h
		fh.Together, fh.Owners, fh.SamePeople, fh.Pulled = []ChangePair{}, []ContextOwners{}, []PeopleGroup{}, []HistoryPull{}
		for _, p := range h.Together {
			if p.A == name || p.B == name {
				fh.Together = append(fh.Together, p)
			}
		}
		for _, o := range h.Owners {
			if near[o.Context] {
				fh.Owners = append(fh.Owners, o)
			}
		}
		for _, g := range h.SamePeople {
			if slices.Contains(g.Contexts, name) {
				fh.SamePeople = append(fh.SamePeople, g)
			}
		}
		for _, u := range h.Pulled {
			if u.Context == name || u.Other == name {
				fh.Pulled = append(fh.Pulled, u)
			}
		}
		fh.UnitOwners = []UnitOwners{}
		for _, u := range h.UnitOwners {
			if units[u.Unit] {
				fh.UnitOwners = append(fh.UnitOwners, u)
			}
		}
		out.History = &fh
	}
	if r.Plan != nil {
		p := *r.Plan
		p.Steps = nil
		for _, s := range r.Plan.Steps {
			if s.Context == name {
				p.Steps = append(p.Steps, s)
			}
		}
		out.Plan = &p
	}
	return &out, nil
}
