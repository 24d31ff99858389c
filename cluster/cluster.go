// Package cluster groups the unit graph into candidate bounded contexts.
//
// Two signals are combined. The folder structure is the prior: a folder that
// holds one domain (internal/billing/...) is the authors' own bounded context
// and starts as one community, anchored by a virtual node so that only code
// with clearly stronger ties elsewhere leaves it; a folder that holds a
// technical layer (handlers, services, models) gives no prior, so the
// coupling graph alone cuts vertical slices through the layers. The coupling
// graph is the evidence: Leiden community detection (cluster/leiden) with a
// fixed seed and node order, so the same input always gives the same
// contexts, and every context is connected. Where prior and evidence
// disagree, the report says so.
package cluster

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/decomp/decomp/cluster/graph"
	"github.com/decomp/decomp/cluster/leiden"
)

// Options tune the clustering.
type Options struct {
	// Resolution is Leiden's γ: higher gives more, smaller contexts. 0 means 1.
	Resolution float64
	// Seed fixes the randomness of the refinement phase.
	Seed uint64
	// FolderPrior is the weight of a unit's tie to its domain folder, as a
	// fraction of the unit's own coupling weight. 0 turns the prior off;
	// negative means the default.
	FolderPrior float64
	// Pins force units into named contexts: pattern -> context name, where a
	// pattern is a unit ID, a package path, or a path.Match glob over either.
	Pins []Pin
}

// Pin puts every unit matching Pattern into the context Name.
type Pin struct {
	Pattern string `json:"pattern" yaml:"pattern"`
	Context string `json:"context" yaml:"context"`
}

// DefaultFolderPrior is tuned on the bundled fixtures: a unit leaves its
// domain folder only when well over half of its coupling points elsewhere.
const DefaultFolderPrior = 0.3

// Result is a decomposition plus what the clustering saw on the way.
type Result struct {
	Decomposition
	// Membership is the context index per graph unit (-1 when unassigned).
	Membership []int `json:"-"`
	// Folders lists the folder groups and how each was classified.
	Folders []Folder `json:"folders"`
	// Disagreements are units that left their domain folder's context.
	Disagreements []Disagreement `json:"disagreements,omitempty"`
	// Quality is the modularity of the final partition on the unit graph.
	Quality float64 `json:"quality"`
}

// Disagreement is a unit placed in another context than the rest of its
// domain folder: code that the folder structure and the coupling disagree on.
type Disagreement struct {
	Unit          string `json:"unit"`
	Folder        string `json:"folder"`
	FolderContext string `json:"folderContext"`
	Context       string `json:"context"`
}

// Decompose clusters g.
func Decompose(g *graph.Graph, opt Options) (*Result, error) {
	if opt.Resolution == 0 {
		opt.Resolution = 1
	}
	if opt.FolderPrior < 0 {
		opt.FolderPrior = DefaultFolderPrior
	}
	n := len(g.Units)
	unitFolder, folders := classifyFolders(g)

	pinOf, pinNames, err := resolvePins(g, opt.Pins)
	if err != nil {
		return nil, err
	}

	// Infrastructure and entry-point units are used by every context and
	// belong to none (Bunch's "omnipresent modules"): left in the graph
	// they attract whatever calls them most, so they are set aside in one
	// context per folder and their edges do not vote.
	aside := make([]bool, n)
	if opt.FolderPrior > 0 {
		for i := range g.Units {
			if _, pinned := pinOf[i]; pinned {
				continue
			}
			if f := folders[unitFolder[i]]; f != nil && (f.Role == RoleInfra || f.Role == RoleEntry) {
				aside[i] = true
			}
		}
	}

	// Domain folders get an anchor node each; anchors of folders large
	// enough to stand alone are pinned apart, so two of the authors'
	// contexts are never merged, while their code can still leave.
	folderKeys := make([]string, 0, len(folders))
	for k, f := range folders {
		if f.Role == RoleDomain && opt.FolderPrior > 0 {
			folderKeys = append(folderKeys, k)
		}
	}
	sort.Strings(folderKeys)
	anchor := map[string]int{}
	for i, k := range folderKeys {
		anchor[k] = n + i
	}
	total := n + len(folderKeys)
	lg := leiden.NewGraph(total)
	strength := make([]float64, n)
	for _, e := range g.Edges {
		if aside[e.A] || aside[e.B] {
			continue
		}
		lg.AddEdge(e.A, e.B, e.Weight)
		strength[e.A] += e.Weight
		strength[e.B] += e.Weight
	}
	folderUnits := map[string]int{}
	for i := range g.Units {
		if a, ok := anchor[unitFolder[i]]; ok {
			folderUnits[unitFolder[i]]++
			w := opt.FolderPrior * strength[i]
			if w == 0 {
				w = opt.FolderPrior // an isolated unit still belongs to its folder
			}
			lg.AddEdge(i, a, w)
		}
	}

	initial := make([]int, total)
	pinned := make([]int, total)
	for i := range initial {
		initial[i] = i
		pinned[i] = -1
	}
	for i := range g.Units {
		if a, ok := anchor[unitFolder[i]]; ok {
			initial[i] = a
		}
		if p, ok := pinOf[i]; ok {
			pinned[i] = p
		}
	}
	nextPin := len(pinNames)
	for _, k := range folderKeys {
		// Subfolders of a split folder are not pinned apart: their
		// coupling may merge them back.
		if folderUnits[k] >= 2 && folders[k].Parent == "" {
			pinned[anchor[k]] = nextPin
			nextPin++
		}
	}
	// A pinned unit must not start in a community with a unit of another
	// pin: start it on its own.
	for i := range g.Units {
		if pinned[i] >= 0 {
			initial[i] = i
		}
	}

	res, err := leiden.Run(lg, leiden.Options{
		Resolution: opt.Resolution,
		Seed:       opt.Seed,
		Initial:    initial,
		Pinned:     pinned,
	})
	if err != nil {
		return nil, fmt.Errorf("cluster: %w", err)
	}
	membership := res.Membership[:n]
	next := res.Communities
	asideCommunity := map[string]int{}
	for _, k := range sortedKeys(folders) {
		for i := range g.Units {
			if aside[i] && unitFolder[i] == k {
				c, ok := asideCommunity[k]
				if !ok {
					c = next
					next++
					asideCommunity[k] = c
				}
				membership[i] = c
			}
		}
	}
	membership = absorbSingletons(g, membership, pinned[:n], aside)
	membership = placeIsolated(g, membership, pinned[:n], aside)

	out := &Result{Membership: membership}
	out.Decomposition = assemble(g, membership, pinOf, pinNames, unitFolder, folders)
	// Renumber Membership to the ordered context IDs.
	for i := range out.Membership {
		if c, ok := out.UnitContext[g.Units[i].ID]; ok {
			out.Membership[i] = c
		} else {
			out.Membership[i] = -1
		}
	}
	out.Quality = leiden.Modularity(unitGraph(g), out.Membership, opt.Resolution)
	for _, k := range sortedKeys(folders) {
		out.Folders = append(out.Folders, *folders[k])
	}
	out.Disagreements = disagreements(g, out, unitFolder, folders)
	return out, nil
}

func unitGraph(g *graph.Graph) *leiden.Graph {
	lg := leiden.NewGraph(len(g.Units))
	for _, e := range g.Edges {
		lg.AddEdge(e.A, e.B, e.Weight)
	}
	return lg
}

// absorbSingletons folds a community made of a single unit into the
// community it is most strongly tied to: one type on its own is not a
// bounded context. Units with no ties at all stay where they are; pinned
// units are left alone.
func absorbSingletons(g *graph.Graph, membership, pinned []int, aside []bool) []int {
	m := append([]int(nil), membership...)
	size := map[int]int{}
	for _, c := range m {
		size[c]++
	}
	adj := make([]map[int]float64, len(m))
	for _, e := range g.Edges {
		if aside[e.A] || aside[e.B] {
			continue
		}
		if adj[e.A] == nil {
			adj[e.A] = map[int]float64{}
		}
		if adj[e.B] == nil {
			adj[e.B] = map[int]float64{}
		}
		adj[e.A][e.B] += e.Weight
		adj[e.B][e.A] += e.Weight
	}
	for i := range m {
		if size[m[i]] != 1 || pinned[i] >= 0 || aside[i] || len(adj[i]) == 0 {
			continue
		}
		w := map[int]float64{}
		for j, x := range adj[i] {
			if m[j] != m[i] {
				w[m[j]] += x
			}
		}
		best, bestW := -1, 0.0
		for c, x := range w {
			if x > bestW || (x == bestW && c < best) {
				best, bestW = c, x
			}
		}
		if best >= 0 {
			size[m[i]]--
			m[i] = best
			size[best]++
		}
	}
	return m
}

// placeIsolated gives a unit with no coupling at all, alone in its
// community, the context of the code declared beside it: the units sharing
// its files, else its package, weighted by lines. A type nothing refers to
// (an implementation wired up by reflection, a DTO) still sits next to the
// code it was written for.
func placeIsolated(g *graph.Graph, membership, pinned []int, aside []bool) []int {
	m := append([]int(nil), membership...)
	size := map[int]int{}
	for _, c := range m {
		size[c]++
	}
	degree := make([]int, len(m))
	for _, e := range g.Edges {
		if !aside[e.A] && !aside[e.B] {
			degree[e.A]++
			degree[e.B]++
		}
	}
	byFile := map[string][]int{}
	byPkg := map[string][]int{}
	for i, u := range g.Units {
		for _, f := range u.Files {
			byFile[f] = append(byFile[f], i)
		}
		if u.Pkg != "" {
			byPkg[u.Pkg] = append(byPkg[u.Pkg], i)
		}
	}
	vote := func(i int, cands []int, votes map[int]int) {
		for _, j := range cands {
			if j != i && !aside[j] && size[m[j]] > 1 {
				votes[m[j]] += g.Units[j].Lines + 1
			}
		}
	}
	for i, u := range g.Units {
		if degree[i] > 0 || size[m[i]] != 1 || pinned[i] >= 0 || aside[i] || u.Kind == graph.KindTable {
			continue
		}
		votes := map[int]int{}
		for _, f := range u.Files {
			vote(i, byFile[f], votes)
		}
		if len(votes) == 0 {
			vote(i, byPkg[u.Pkg], votes)
		}
		best, bestN := -1, 0
		for c, n := range votes {
			if n > bestN || (n == bestN && c < best) {
				best, bestN = c, n
			}
		}
		if best >= 0 {
			size[m[i]]--
			m[i] = best
			size[best]++
		}
	}
	return m
}

// resolvePins maps pin patterns to units. A pattern naming a unit exactly
// wins over every package, prefix or glob pattern; among those, the first
// matching pin wins.
func resolvePins(g *graph.Graph, pins []Pin) (map[int]int, []string, error) {
	pinOf := map[int]int{}
	var names []string
	nameIdx := map[string]int{}
	exact := map[string]int{}
	for _, p := range pins {
		if p.Pattern == "" || p.Context == "" {
			return nil, nil, fmt.Errorf("pin needs both a pattern and a context (got %q -> %q)", p.Pattern, p.Context)
		}
		if _, err := path.Match(p.Pattern, ""); err != nil {
			return nil, nil, fmt.Errorf("pin %q: bad pattern: %w", p.Pattern, err)
		}
		idx, ok := nameIdx[p.Context]
		if !ok {
			idx = len(names)
			names = append(names, p.Context)
			nameIdx[p.Context] = idx
		}
		if _, dup := exact[p.Pattern]; !dup {
			exact[p.Pattern] = idx
		}
	}
	for i, u := range g.Units {
		if idx, ok := exact[u.ID]; ok {
			pinOf[i] = idx
		}
	}
	for _, p := range pins {
		idx := nameIdx[p.Context]
		for i, u := range g.Units {
			if _, done := pinOf[i]; done {
				continue
			}
			if MatchUnit(p.Pattern, u) {
				pinOf[i] = idx
			}
		}
	}
	return pinOf, names, nil
}

// MatchUnit reports whether a pin or ignore pattern selects a unit: an exact
// unit ID, package path or table name, a "pkg/..." prefix, or a path.Match
// glob over the unit ID or package path.
func MatchUnit(pattern string, u graph.Unit) bool {
	cands := []string{u.ID}
	if u.Pkg != "" && u.Pkg != u.ID {
		cands = append(cands, u.Pkg)
	}
	if u.Kind == graph.KindTable {
		cands = append(cands, u.Name)
	}
	for _, c := range cands {
		if c == pattern {
			return true
		}
		if base, ok := strings.CutSuffix(pattern, "/..."); ok && (c == base || strings.HasPrefix(c, base+"/") || strings.HasPrefix(c, base+".")) {
			return true
		}
		if ok, _ := path.Match(pattern, c); ok {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// disagreements lists units of a domain folder that ended up outside the
// context holding most of that folder's code.
func disagreements(g *graph.Graph, r *Result, unitFolder []string, folders map[string]*Folder) []Disagreement {
	lines := map[string]map[int]int{}
	for i, u := range g.Units {
		f := unitFolder[i]
		c := r.Membership[i]
		if f == "" || c < 0 || folders[f].Layer() {
			continue
		}
		if lines[f] == nil {
			lines[f] = map[int]int{}
		}
		lines[f][c] += u.Lines + 1
	}
	major := map[string]int{}
	for f, m := range lines {
		best, bestN := -1, -1
		for c, n := range m {
			if n > bestN || (n == bestN && c < best) {
				best, bestN = c, n
			}
		}
		major[f] = best
	}
	var out []Disagreement
	for i, u := range g.Units {
		f := unitFolder[i]
		c := r.Membership[i]
		if f == "" || c < 0 || folders[f].Layer() || c == major[f] {
			continue
		}
		out = append(out, Disagreement{Unit: u.ID, Folder: f, FolderContext: r.Contexts[major[f]].Name, Context: r.Contexts[c].Name})
	}
	return out
}
