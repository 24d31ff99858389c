package cluster

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/decomp/decomp/cluster/graph"
)

// post holds the community labels between Leiden and the final assembly,
// where the rules that modularity does not know are applied: singletons
// and tables fold into their neighbours, domain folders merge on
// overwhelming evidence only, entry points of one service join it, and tiny
// leftovers join their strongest neighbour.
type post struct {
	g          *graph.Graph
	m          []int
	fixed      []bool
	aside      []bool
	platform   map[int]string // platform community -> folder key
	folderPin  map[string]int
	unitFolder []string
	folders    map[string]*Folder
	adj        [][]nb // unit -> neighbours, by index
	tune       Tuning
}

// nb is one neighbour of a unit.
type nb struct {
	j int
	w float64
}

// neighbours returns each unit's neighbours in index order, so sums over
// them are the same on every run.
func (p *post) neighbours() [][]nb {
	if p.adj != nil {
		return p.adj
	}
	p.adj = make([][]nb, len(p.g.Units))
	for _, e := range p.g.Edges {
		p.adj[e.A] = append(p.adj[e.A], nb{e.B, e.Weight})
		p.adj[e.B] = append(p.adj[e.B], nb{e.A, e.Weight})
	}
	for _, a := range p.adj {
		sort.Slice(a, func(x, y int) bool { return a[x].j < a[y].j })
	}
	return p.adj
}

// toCommunities sums the coupling of units to every other community;
// platform communities count only when withPlatform is set.
func (p *post) toCommunities(units []int, withPlatform bool) map[int]float64 {
	adj := p.neighbours()
	in := map[int]bool{}
	for _, i := range units {
		in[i] = true
	}
	w := map[int]float64{}
	for _, i := range units {
		for _, n := range adj[i] {
			j := n.j
			if in[j] || p.m[j] < 0 {
				continue
			}
			if _, plat := p.platform[p.m[j]]; plat && !withPlatform {
				continue
			}
			w[p.m[j]] += n.w
		}
	}
	return w
}

func best(w map[int]float64, skip int) (int, float64, float64) {
	b, bw, total := -1, 0.0, 0.0
	keys := make([]int, 0, len(w))
	for c := range w {
		keys = append(keys, c)
	}
	sort.Ints(keys)
	for _, c := range keys {
		if c == skip {
			continue
		}
		total += w[c]
		if w[c] > bw {
			b, bw = c, w[c]
		}
	}
	return b, bw, total
}

func (p *post) groups() map[int][]int {
	out := map[int][]int{}
	for i, c := range p.m {
		if c >= 0 {
			out[c] = append(out[c], i)
		}
	}
	return out
}

func (p *post) folderUnit(i int) bool {
	_, ok := p.folderPin[p.unitFolder[i]]
	return ok
}

// absorbSingletons folds a community made of a single free unit into the
// community it is most strongly tied to: one type on its own is not a
// bounded context.
func (p *post) absorbSingletons() {
	gs := p.groups()
	for _, c := range sortedInts(gs) {
		us := gs[c]
		i := us[0]
		if len(us) != 1 || p.fixed[i] || p.aside[i] || p.folderUnit(i) {
			continue
		}
		if b, _, _ := best(p.toCommunities(us, false), c); b >= 0 {
			p.m[i] = b
		}
	}
}

// placeIsolated gives a unit with no coupling at all, alone in its
// community, the context of the code declared beside it: the units sharing
// its files, else its package, weighted by lines. A type nothing refers to
// (an implementation wired up by reflection, a DTO) still sits next to the
// code it was written for.
func (p *post) placeIsolated() {
	g := p.g
	size := map[int]int{}
	for _, c := range p.m {
		size[c]++
	}
	adj := p.neighbours()
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
			if j != i && !p.aside[j] && size[p.m[j]] > 1 {
				votes[p.m[j]] += g.Units[j].Lines + 1
			}
		}
	}
	for i, u := range g.Units {
		if len(adj[i]) > 0 || size[p.m[i]] != 1 || p.fixed[i] || p.aside[i] || p.folderUnit(i) || u.Kind == graph.KindTable {
			continue
		}
		votes := map[int]int{}
		for _, f := range u.Files {
			vote(i, byFile[f], votes)
		}
		if len(votes) == 0 {
			vote(i, byPkg[u.Pkg], votes)
		}
		b, bn := -1, 0
		for c, n := range votes {
			if n > bn || (n == bn && c < b) {
				b, bn = c, n
			}
		}
		if b >= 0 {
			size[p.m[i]]--
			p.m[i] = b
			size[b]++
		}
	}
}

// foldTables moves tables that ended in a community with no code into the
// code community most tied to them; a table only platform code touches is
// left out of every context.
func (p *post) foldTables() {
	gs := p.groups()
	hasCode := map[int]bool{}
	for i, c := range p.m {
		if c >= 0 && p.g.Units[i].Kind != graph.KindTable {
			hasCode[c] = true
		}
	}
	for _, c := range sortedInts(gs) {
		if hasCode[c] {
			continue
		}
		for _, i := range gs[c] {
			if p.fixed[i] {
				continue
			}
			w := p.toCommunities([]int{i}, false)
			for x := range w {
				if !hasCode[x] {
					delete(w, x)
				}
			}
			b, _, _ := best(w, c)
			p.m[i] = b
		}
	}
}

// folderWeights measures, for the communities holding domain folders,
// their internal weight, their mutual weights and their outside weight
// (platform excluded).
func (p *post) folderWeights() (internal map[int]float64, mutual map[[2]int]float64, outside map[int]float64) {
	internal, mutual, outside = map[int]float64{}, map[[2]int]float64{}, map[int]float64{}
	for i, u := range p.g.Units {
		if c := p.m[i]; c >= 0 {
			internal[c] += u.Internal
		}
	}
	for _, e := range p.g.Edges {
		a, b := p.m[e.A], p.m[e.B]
		if a < 0 || b < 0 {
			continue
		}
		_, pa := p.platform[a]
		_, pb := p.platform[b]
		if pa || pb {
			continue
		}
		if a == b {
			internal[a] += e.Weight
			continue
		}
		outside[a] += e.Weight
		outside[b] += e.Weight
		if a > b {
			a, b = b, a
		}
		mutual[[2]int{a, b}] += e.Weight
	}
	return internal, mutual, outside
}

// mergeFolders merges two domain folders' contexts when the coupling
// between them is at least 1.5 times each one's own cohesion and at least
// two thirds of each one's coupling to the rest of the module: they change
// together, so they are one context. Pairs whose coupling is at least half
// of each one's cohesion and a third of each one's outside coupling are
// reported as near merges and kept apart.
func (p *post) mergeFolders() []Merge {
	commFolder := map[int]string{}
	for i := range p.g.Units {
		if k := p.unitFolder[i]; p.folderUnit(i) && !p.aside[i] && !p.fixed[i] && p.m[i] >= 0 {
			if old, ok := commFolder[p.m[i]]; !ok || k < old {
				commFolder[p.m[i]] = k
			}
		}
	}
	// A community holding a unit pinned in the config is the user's word:
	// never merged.
	for i, c := range p.m {
		if p.fixed[i] && c >= 0 {
			delete(commFolder, c)
		}
	}
	internal, mutual, outside := p.folderWeights()
	pairs := make([][2]int, 0, len(mutual))
	for pr := range mutual {
		if _, ok := commFolder[pr[0]]; !ok {
			continue
		}
		if _, ok := commFolder[pr[1]]; !ok {
			continue
		}
		pairs = append(pairs, pr)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if mutual[pairs[i]] != mutual[pairs[j]] {
			return mutual[pairs[i]] > mutual[pairs[j]]
		}
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})
	parent := map[int]int{}
	var find func(int) int
	find = func(c int) int {
		if q, ok := parent[c]; ok && q != c {
			r := find(q)
			parent[c] = r
			return r
		}
		return c
	}
	var out []Merge
	for _, pr := range pairs {
		a, b := pr[0], pr[1]
		w := mutual[pr]
		mg := Merge{
			A: commFolder[a], B: commFolder[b], Mutual: round4(w),
			InternalA: round4(internal[a]), InternalB: round4(internal[b]),
			OutsideA: round4(outside[a]), OutsideB: round4(outside[b]),
		}
		coh, outShare := p.tune.V("merge-cohesion"), p.tune.V("merge-outside")
		full := w >= coh*internal[a]-1e-9 && w >= coh*internal[b]-1e-9 && w >= outShare*outside[a]-1e-9 && w >= outShare*outside[b]-1e-9
		near := 2*w >= internal[a] && 2*w >= internal[b] && 3*w >= outside[a] && 3*w >= outside[b]
		if !full && !near {
			continue
		}
		if mg.A > mg.B {
			mg.A, mg.B = mg.B, mg.A
			mg.InternalA, mg.InternalB = mg.InternalB, mg.InternalA
			mg.OutsideA, mg.OutsideB = mg.OutsideB, mg.OutsideA
		}
		mg.Evidence = p.evidence(a, b)
		if full {
			if ca, cb := find(a), find(b); ca != cb {
				mg.Merged = true
				parent[max(ca, cb)] = min(ca, cb)
			}
		}
		out = append(out, mg)
	}
	for i, c := range p.m {
		if c >= 0 {
			p.m[i] = find(c)
		}
	}
	return out
}

// evidence lists the strongest unit pairs between two communities.
func (p *post) evidence(a, b int) []string {
	type pe struct {
		s string
		w float64
	}
	var es []pe
	for _, e := range p.g.Edges {
		x, y := p.m[e.A], p.m[e.B]
		if !(x == a && y == b) && !(x == b && y == a) {
			continue
		}
		var kinds []string
		for k, n := range e.Counts {
			if n > 0 {
				kinds = append(kinds, fmt.Sprintf("%d %s", n, graph.EdgeKind(k)))
			}
		}
		es = append(es, pe{fmt.Sprintf("%s – %s: %s", p.g.Units[e.A].ID, p.g.Units[e.B].ID, strings.Join(kinds, ", ")), e.Weight})
	}
	sort.Slice(es, func(i, j int) bool {
		if es[i].w != es[j].w {
			return es[i].w > es[j].w
		}
		return es[i].s < es[j].s
	})
	var out []string
	for i, e := range es {
		if i == 5 {
			break
		}
		out = append(out, e.s)
	}
	return out
}

// joinEntries moves an entry package whose coupling to the contexts goes
// (at least 80%) to one of them into it: the main and config of one
// service (cmd/billing) belong to that service; a main wiring several
// contexts stays in the platform.
func (p *post) joinEntries() {
	byPkg := map[string][]int{}
	var pkgs []string
	for i, u := range p.g.Units {
		f := p.folders[p.unitFolder[i]]
		if !p.aside[i] || f == nil || f.Role != RoleEntry || p.fixed[i] {
			continue
		}
		if byPkg[u.Pkg] == nil {
			pkgs = append(pkgs, u.Pkg)
		}
		byPkg[u.Pkg] = append(byPkg[u.Pkg], i)
	}
	sort.Strings(pkgs)
	for round := 0; round < 2; round++ {
		for _, pkg := range pkgs {
			us := byPkg[pkg]
			if !p.aside[us[0]] {
				continue
			}
			b, bw, total := best(p.toCommunities(us, false), -1)
			if b >= 0 && bw >= 0.8*total {
				for _, i := range us {
					p.m[i] = b
					p.aside[i] = false
				}
			}
		}
	}
}

// settleLibraries sets aside, as infrastructure, a library folder whose
// coupling is spread over several contexts (none holds 60% of it); a
// library used mostly by one context stays in it.
func (p *post) settleLibraries(next *int) {
	for _, k := range sortedKeys(p.folders) {
		f := p.folders[k]
		if f.Role != RoleLibrary {
			continue
		}
		var units []int
		for i := range p.g.Units {
			if p.unitFolder[i] == k && !p.fixed[i] {
				units = append(units, i)
			}
		}
		if len(units) == 0 {
			continue
		}
		// The folder's coupling to everything outside it, its own
		// units' ties to each other left out.
		w := p.toCommunities(units, false)
		b, bw, total := best(w, -1)
		if b < 0 || bw < 0.6*total {
			b = p.namesake(k, w)
		}
		if b >= 0 {
			for _, i := range units {
				p.m[i] = b
			}
			continue
		}
		if total == 0 {
			continue
		}
		c := *next
		*next++
		p.platform[c] = k
		for _, i := range units {
			p.m[i] = c
			p.aside[i] = true
		}
		f.Role = RoleInfra
		f.Why = "shared library: a leaf package that several contexts use, owned by none"
	}
}

// namesake returns the community among w's that holds the aggregate a
// library folder is named after (webhook/ and the webhooks table, or the
// Webhook type), -1 when there is none: the signing sender in webhook/ is
// the webhook context's code, whoever else calls it.
func (p *post) namesake(folder string, w map[int]float64) int {
	noun := singular(folder[strings.LastIndexByte(folder, '/')+1:])
	if len(noun) < 3 || stopName(noun) {
		return -1
	}
	found := -1
	for i, u := range p.g.Units {
		c := p.m[i]
		if w[c] == 0 || p.unitFolder[i] == folder || (u.Kind != graph.KindTable && u.Kind != graph.KindType) {
			continue
		}
		if unitNoun(u) == noun && (found < 0 || c < found) {
			found = c
		}
	}
	return found
}

// unitNoun returns a type's or table's whole name as one word, singular
// and lower case ("webhook" for models.Webhook and the webhooks table), ""
// for a compound type name (WebhookSender).
func unitNoun(u graph.Unit) string {
	name := u.Name
	if u.Kind == graph.KindType {
		name = u.ID[strings.LastIndexByte(u.ID, '.')+1:]
		if len(graph.CamelWords(name)) != 1 {
			return ""
		}
	}
	return singular(name)
}

// placeAdapters puts each adapter type in the context of the port it
// implements (mongo.cargoRepository with the CargoRepository it
// implements), and each other adapter type with the adapter types declared
// in its file (cargoDocument with cargoRepository).
func (p *post) placeAdapters() {
	g := p.g
	isAdapter := func(i int) bool {
		f := p.folders[p.unitFolder[i]]
		return f != nil && f.Role == RoleAdapter && !p.fixed[i] && !p.aside[i]
	}
	port := map[int]int{}
	votes := map[int]map[int]float64{}
	for _, e := range g.Edges {
		if e.Counts[graph.Implements] == 0 {
			continue
		}
		for _, pr := range [][2]int{{e.A, e.B}, {e.B, e.A}} {
			a, iface := pr[0], pr[1]
			if !isAdapter(a) || p.unitFolder[iface] == p.unitFolder[a] || p.m[iface] < 0 {
				continue
			}
			if _, plat := p.platform[p.m[iface]]; plat {
				continue
			}
			if votes[a] == nil {
				votes[a] = map[int]float64{}
			}
			votes[a][p.m[iface]] += e.Weight
		}
	}
	for a, w := range votes {
		if b, _, _ := best(w, -1); b >= 0 {
			port[a] = b
		}
	}
	for a, c := range port {
		p.m[a] = c
	}
	byFile := map[string][]int{}
	for a := range port {
		for _, f := range g.Units[a].Files {
			byFile[f] = append(byFile[f], a)
		}
	}
	for i := range g.Units {
		if !isAdapter(i) {
			continue
		}
		if _, ok := port[i]; ok {
			continue
		}
		w := map[int]float64{}
		for _, f := range g.Units[i].Files {
			for _, a := range byFile[f] {
				w[p.m[a]] += float64(g.Units[a].Lines + 1)
			}
		}
		if b, _, _ := best(w, -1); b >= 0 {
			p.m[i] = b
		}
	}
}

// unplaced is the platform group of tiny code tied to no context.
const unplaced = "(unplaced)"

// tinyLines is the size under which a context is a leftover, not a
// bounded context: 0.4% of the module's code, and at least 40 lines.
func tinyLines(g *graph.Graph, share float64) int {
	total := 0
	for _, u := range g.Units {
		total += u.Lines
	}
	return max(40, int(float64(total)*share))
}

// dissolveTiny moves contexts smaller than tinyLines that own no table into
// their strongest neighbour, a context or a platform folder; smallest first.
func (p *post) dissolveTiny(next *int) {
	limit := tinyLines(p.g, p.tune.V("tiny-share"))
	unplacedC := -1
	// Each round removes one community, so the loop ends.
	for {
		// The smallest leftover moves, then the rest is looked at again.
		gs := p.groups()
		smallest, smallestLines := -1, 0
		real := false // in a module where everything is small, small is the norm
		for _, c := range sortedInts(gs) {
			if _, plat := p.platform[c]; plat {
				continue
			}
			lines, tables, fixed := 0, false, false
			for _, i := range gs[c] {
				lines += p.g.Units[i].Lines
				tables = tables || p.g.Units[i].Kind == graph.KindTable
				fixed = fixed || p.fixed[i]
			}
			real = real || lines >= limit
			if lines < limit && !tables && !fixed && (smallest < 0 || lines < smallestLines) {
				smallest, smallestLines = c, lines
			}
		}
		if !real || smallest < 0 {
			return
		}
		to, _, _ := best(p.toCommunities(gs[smallest], true), smallest)
		if to < 0 {
			// Tied to nothing at all: not a context either.
			if unplacedC < 0 {
				unplacedC = *next
				*next++
				p.platform[unplacedC] = unplaced
			}
			to = unplacedC
		}
		_, plat := p.platform[to]
		for _, i := range gs[smallest] {
			p.m[i] = to
			p.aside[i] = plat
		}
	}
}

// schemaCode is the platform group of the units schemaWide finds.
const schemaCode = "(schema-wide code)"

// schemaWide returns the free units (outside domain folders, not pinned)
// that touch half of the module's tables or more (and at least five) while
// writing three times as often as they read: migrations, every table
// created, altered or backfilled. They manage the schema, not one domain's
// data; left in the graph, every table they touch would follow them into
// one context. An aggregate root that loads its parts from many tables
// reads more than it writes, and stays (so does a backup job that reads
// everything: reads alone cannot tell it from such a root).
func schemaWide(g *graph.Graph, aside []bool, pinOf map[int]int, unitFolder []string, folders map[string]*Folder) []int {
	tables := 0
	for _, u := range g.Units {
		if u.Kind == graph.KindTable {
			tables++
		}
	}
	need := max(5, (tables+1)/2)
	touched := make([]int, len(g.Units))
	for _, e := range g.Edges {
		if e.Counts[graph.Access] == 0 {
			continue
		}
		switch {
		case g.Units[e.B].Kind == graph.KindTable && g.Units[e.A].Kind != graph.KindTable:
			touched[e.A]++
		case g.Units[e.A].Kind == graph.KindTable && g.Units[e.B].Kind != graph.KindTable:
			touched[e.B]++
		}
	}
	var out []int
	for i, u := range g.Units {
		if !freeCode(g, i, aside, pinOf, unitFolder, folders) || touched[i] < need {
			continue
		}
		if u.Writes < 3*u.Reads {
			continue
		}
		out = append(out, i)
	}
	if len(out) == 0 {
		return nil
	}
	return append(out, schemaRunners(g, out, aside, pinOf, unitFolder, folders)...)
}

// freeCode reports whether unit i is code the schema rules may set aside:
// not a table, not already aside, not pinned, outside the domain folders.
func freeCode(g *graph.Graph, i int, aside []bool, pinOf map[int]int, unitFolder []string, folders map[string]*Folder) bool {
	_, pinned := pinOf[i]
	f := folders[unitFolder[i]]
	return g.Units[i].Kind != graph.KindTable && !aside[i] && !pinned && (f == nil || f.Role != RoleDomain)
}

// schemaRunners returns what runs the schema-wide code and keeps its own
// books: free code units that call it and whose every table (schema_version)
// no other code touches, with those tables. A migration runner is no domain's
// code either; left in the graph, it stands as a context owning only its
// bookkeeping table.
func schemaRunners(g *graph.Graph, schema []int, aside []bool, pinOf map[int]int, unitFolder []string, folders map[string]*Folder) []int {
	in := map[int]bool{}
	for _, i := range schema {
		in[i] = true
	}
	calls := map[int]bool{}            // code units calling schema-wide code
	touchers := map[int]map[int]bool{} // table -> code units touching it, schema-wide code left out
	tablesOf := map[int][]int{}        // code unit -> its tables
	for _, e := range g.Edges {
		a, b := e.A, e.B
		switch {
		case e.Counts[graph.Access] > 0 && (g.Units[a].Kind == graph.KindTable) != (g.Units[b].Kind == graph.KindTable):
			if g.Units[a].Kind == graph.KindTable {
				a, b = b, a
			}
			if !in[a] {
				if touchers[b] == nil {
					touchers[b] = map[int]bool{}
				}
				touchers[b][a] = true
				tablesOf[a] = append(tablesOf[a], b)
			}
		case in[b] && (e.Forward[graph.Call] > 0 || e.Forward[graph.Dynamic] > 0):
			calls[a] = true
		case in[a] && (e.Backward()[graph.Call] > 0 || e.Backward()[graph.Dynamic] > 0):
			calls[b] = true
		}
	}
	var out []int
	for _, i := range sortedInts(calls) {
		if in[i] || !freeCode(g, i, aside, pinOf, unitFolder, folders) || len(tablesOf[i]) == 0 {
			continue
		}
		own := true
		for _, t := range tablesOf[i] {
			own = own && len(touchers[t]) == 1
		}
		if own {
			out = append(out, i)
			out = append(out, tablesOf[i]...)
		}
	}
	return out
}

// sharedHelpers is the platform group of the helpers findHelpers finds.
const sharedHelpers = "(shared helpers)"

// findHelpers returns the code units of layer packages (a file's free
// functions, a whole package; libraries are settleLibraries' to place) that a third or more of the communities m
// use, and at least three, while they use no other module code themselves:
// the JSON response writer every handler calls, the database setup, an ID
// generator. Omnipresent code belongs to no context (Bunch's omnipresent
// modules); left in one, it drags the others' callers towards it. Types
// stay: a struct every context uses is a shared model, which the
// oversized-model finding splits.
func findHelpers(g *graph.Graph, m []int, aside []bool, pinOf map[int]int, unitFolder []string, folders map[string]*Folder, folderPin map[string]int, share float64) []int {
	n := len(g.Units)
	users := make([]map[int]bool, n) // unit -> communities using it
	uses := make([]bool, n)          // unit uses other module code
	for _, e := range g.Edges {
		if g.Units[e.A].Kind == graph.KindTable || g.Units[e.B].Kind == graph.KindTable {
			continue
		}
		back := e.Backward()
		for _, d := range [2]struct {
			from, to int
			n        [graph.NumKinds]int
		}{{e.A, e.B, e.Forward}, {e.B, e.A, back}} {
			if d.n == ([graph.NumKinds]int{}) || aside[d.from] || aside[d.to] {
				continue
			}
			uses[d.from] = true
			if users[d.to] == nil {
				users[d.to] = map[int]bool{}
			}
			users[d.to][m[d.from]] = true
		}
	}
	// The contexts are the first clustering's communities of two or more
	// code units: singletons and lone tables are folded into others later.
	size := map[int]int{}
	for i, c := range m {
		if !aside[i] && c >= 0 && g.Units[i].Kind != graph.KindTable {
			size[c]++
		}
	}
	contexts := 0
	for _, n := range size {
		if n >= 2 {
			contexts++
		}
	}
	need := max(3, int(math.Ceil(share*float64(contexts)-1e-9)))
	var out []int
	for i, u := range g.Units {
		_, pinned := pinOf[i]
		_, inFolder := folderPin[unitFolder[i]]
		library := folders[unitFolder[i]] != nil && folders[unitFolder[i]].Role == RoleLibrary // settleLibraries' call
		if u.Kind != graph.KindFuncs && u.Kind != graph.KindPackage || aside[i] || pinned || inFolder || library || uses[i] {
			continue
		}
		others := 0
		for c := range users[i] {
			if c != m[i] {
				others++
			}
		}
		if others >= need {
			out = append(out, i)
		}
	}
	return out
}

func sortedInts[V any](m map[int]V) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

// nameMerges fills in the context each merge formed.
func (p *post) nameMerges(ms []Merge, r *Result) []Merge {
	for i := range ms {
		if !ms[i].Merged {
			continue
		}
		for u := range p.g.Units {
			if p.unitFolder[u] != ms[i].A {
				continue
			}
			if c := r.Membership[u]; c >= 0 {
				ms[i].Context = r.Contexts[c].Name
			} else if k, ok := p.platform[p.m[u]]; ok {
				ms[i].Context = "platform " + k // merged, then too small to stand
			}
			break
		}
	}
	return ms
}

// AggregateJoin is a community that the clustering found on its own but
// that is part of another's aggregate: its largest type is held by value
// in the fields of that community's types only, and it has no table of
// its own (Evans: an
// entity inside an aggregate is reached through its root, which alone is
// stored). It is a module of the context it joins.
type AggregateJoin struct {
	// Module names the joined community after its largest type; Into is
	// a unit of the community it joined (the holder), Field the field
	// that holds it ("" for a satellite).
	Module string   `json:"module"`
	Units  []string `json:"units"`
	Into   string   `json:"into"`
	Field  string   `json:"field,omitempty"`
	// Satellite is set for a community that joined the one context using
	// it (joinSatellites), Share the part of its own outside coupling that
	// goes to that context.
	Satellite bool    `json:"satellite,omitempty"`
	Share     float64 `json:"share,omitempty"`
	// Context is the name of the context it is a module of.
	Context string `json:"context,omitempty"`
}

// joinAggregates merges each free community (no domain folder, no pin, no
// table) whose largest type is held by value by the types of exactly one
// other community into it, until nothing moves; the community's other
// types follow it (a read model elsewhere may copy a part's type).
func (p *post) joinAggregates() []AggregateJoin {
	var joins []AggregateJoin
	for round := 0; round < len(p.g.Units); round++ {
		moved := false
		gs := p.groups()
		for _, c := range sortedInts(gs) {
			if _, plat := p.platform[c]; plat {
				continue
			}
			us := gs[c]
			main, target, field, ok := p.heldIn(c, us)
			if !ok {
				continue
			}
			j := AggregateJoin{Module: strings.ToLower(shortName(p.g.Units[main])), Into: p.g.Units[field.Unit].ID, Field: field.Field}
			for _, i := range us {
				p.m[i] = target
				j.Units = append(j.Units, p.g.Units[i].ID)
			}
			joins = append(joins, j)
			moved = true
			break // groups changed
		}
		if !moved {
			break
		}
	}
	return append(joins, p.joinParts()...)
}

// joinParts moves, out of a domain folder's community, each free type (of
// no domain folder, with no table) held by value in the types of exactly
// one other community and in none of its own: a part of that aggregate,
// which the folder's pull took away from it (the folder prior binds the
// folder's code strongly, and the code it is coupled to follows). Where no
// folder pulls, the clustering's own cut stands: a view copied into
// another context's struct stays with the code that makes it. Parts of
// parts follow, one round at a time; the parts that leave one community
// for another form one module, named after the largest.
func (p *post) joinParts() []AggregateJoin {
	type move struct{ from, to int }
	var order []move
	moved := map[move][]int{}
	field := map[move]graph.Holder{}
	at := map[int]move{} // a moved unit's move
	for round := 0; round < len(p.g.Units); round++ {
		folder := map[int]bool{} // communities holding a domain folder's code
		for i := range p.g.Units {
			if p.folderUnit(i) {
				folder[p.m[i]] = true
			}
		}
		var now [][2]int // unit, target
		for i, u := range p.g.Units {
			c := p.m[i]
			if _, plat := p.platform[c]; plat || c < 0 || !folder[c] || u.Kind != graph.KindType || len(u.HeldBy) == 0 ||
				p.fixed[i] || p.aside[i] || p.folderUnit(i) || ownsData(u) {
				continue
			}
			target, holder := p.soleHolder(u.HeldBy, -1)
			if target < 0 || target == c {
				continue
			}
			if prev, ok := at[i]; ok { // its holder moved after it: it follows
				moved[prev] = slices.DeleteFunc(moved[prev], func(x int) bool { return x == i })
			}
			mv := move{c, target}
			at[i] = mv
			if _, ok := moved[mv]; !ok {
				order = append(order, mv)
				field[mv] = holder
			}
			moved[mv] = append(moved[mv], i)
			now = append(now, [2]int{i, target})
		}
		if len(now) == 0 {
			break
		}
		for _, x := range now {
			p.m[x[0]] = x[1]
		}
	}
	var joins []AggregateJoin
	for _, mv := range order {
		us := moved[mv]
		if len(us) == 0 {
			continue
		}
		j := AggregateJoin{Module: moduleName(p.g, us), Into: p.g.Units[field[mv].Unit].ID, Field: field[mv].Field}
		for _, i := range us {
			j.Units = append(j.Units, p.g.Units[i].ID)
		}
		sort.Strings(j.Units)
		joins = append(joins, j)
	}
	return joins
}

// joinSatellites merges each community that owns no table and that one
// other, larger context alone depends on (calls, uses, implements) into
// that context as a module: code that a single context needs is part of
// it, whatever else it calls (gogs's Discord payloads, used by its webhooks
// only; answer's MCP tools, mounted by its AI conversations alone). A
// community holding a domain folder needs more: two thirds of its own
// coupling (merge-outside) going to that context, as for two folders that
// merge (a gRPC face of an auth service joins it; a routing service that
// the booking service alone calls, but that works on voyages and
// locations, stays). Code more than one context uses stays.
func (p *post) joinSatellites() []AggregateJoin {
	gs := p.groups()
	in := map[int]map[int]bool{} // community -> the communities using it
	out := map[int]map[int]int{} // community -> what it uses, by community
	add := func(from, to, n int) {
		if n == 0 {
			return
		}
		if in[to] == nil {
			in[to] = map[int]bool{}
		}
		in[to][from] = true
		if out[from] == nil {
			out[from] = map[int]int{}
		}
		out[from][to] += n
	}
	for _, e := range p.g.Edges {
		ca, cb := p.m[e.A], p.m[e.B]
		if ca == cb || ca < 0 || cb < 0 || p.aside[e.A] || p.aside[e.B] {
			continue
		}
		if _, plat := p.platform[ca]; plat {
			continue
		}
		if _, plat := p.platform[cb]; plat {
			continue
		}
		fw, bw := 0, 0
		back := e.Backward()
		for k := range e.Counts {
			fw += e.Forward[k]
			bw += back[k]
		}
		add(ca, cb, fw)
		add(cb, ca, bw)
	}
	// shareTo is the part of c's own outside coupling going to t (1 when
	// it has none).
	shareTo := func(c, t int) float64 {
		total := 0
		for _, n := range out[c] {
			total += n
		}
		if total == 0 {
			return 1
		}
		return float64(out[c][t]) / float64(total)
	}
	lines := map[int]int{}
	for c, us := range gs {
		for _, i := range us {
			lines[c] += p.g.Units[i].Lines
		}
	}
	// Decided once, on the communities as the clustering left them: a
	// context grown by its satellites does not become the sole user of
	// more. A satellite of a satellite follows it to its context.
	target := map[int]int{}
	for _, c := range sortedInts(gs) {
		if _, plat := p.platform[c]; plat || len(in[c]) != 1 {
			continue
		}
		t := sortedInts(in[c])[0]
		ok, folder := lines[c] < lines[t], false
		for _, i := range gs[c] {
			ok = ok && !p.fixed[i] && !ownsData(p.g.Units[i])
			folder = folder || p.folderUnit(i)
		}
		// A domain folder is the authors' cut: it joins on the evidence
		// two folders merge on, most of its own coupling going there.
		if folder && ok {
			ok = shareTo(c, t) >= p.tune.V("merge-outside")
		}
		if ok {
			target[c] = t
		}
	}
	var joins []AggregateJoin
	for _, c := range sortedInts(target) {
		t := target[c]
		for {
			next, ok := target[t]
			if !ok {
				break
			}
			t = next // lines grow along the chain: it ends
		}
		us := gs[c]
		j := AggregateJoin{Module: moduleName(p.g, us), Into: p.g.Units[largestUnit(p.g, gs[t])].ID, Satellite: true, Share: shareTo(c, target[c])}
		for _, i := range us {
			p.m[i] = t
			j.Units = append(j.Units, p.g.Units[i].ID)
		}
		sort.Strings(j.Units)
		joins = append(joins, j)
	}
	return joins
}

// ownsData reports whether a unit is a table, maps to one, or reads or
// writes one: data of its own, which no module joins another context with.
func ownsData(u graph.Unit) bool {
	return u.Kind == graph.KindTable || len(u.Tables) > 0 || u.Reads+u.Writes > 0
}

// largestUnit is the unit of us with the most lines, the first of them.
func largestUnit(g *graph.Graph, us []int) int {
	best := us[0]
	for _, i := range us {
		if g.Units[i].Lines > g.Units[best].Lines {
			best = i
		}
	}
	return best
}

// moduleName names a module after its largest unit.
func moduleName(g *graph.Graph, us []int) string {
	return strings.ToLower(shortName(g.Units[largestUnit(g, us)]))
}

// heldIn reports the community c's units us are part of: its largest type
// unit, the one other community holding it, and the holding field.
func (p *post) heldIn(c int, us []int) (main, target int, field graph.Holder, ok bool) {
	main = -1
	for _, i := range us {
		u := p.g.Units[i]
		if p.fixed[i] || p.aside[i] || p.folderUnit(i) || ownsData(u) {
			return -1, -1, graph.Holder{}, false
		}
		if u.Kind == graph.KindType && (main < 0 || u.Lines > p.g.Units[main].Lines) {
			main = i
		}
	}
	if main < 0 {
		return -1, -1, graph.Holder{}, false
	}
	// The largest type decides: the others are its parts, or follow it
	// (a read model elsewhere may copy a part's type).
	target, field = p.soleHolder(p.g.Units[main].HeldBy, c)
	if target < 0 {
		return -1, -1, graph.Holder{}, false
	}
	return main, target, field, true
}

// soleHolder returns the one community, other than home, whose types hold
// a type, with the first of its fields holding it by value: -1 when
// another community or the platform holds it too (by value or through a
// pointer: a type others point to is shared, not a part), or when no field
// holds it by value. Holders in home are the type's own community.
func (p *post) soleHolder(hs []graph.Holder, home int) (int, graph.Holder) {
	target := -1
	var field graph.Holder
	for _, h := range hs {
		hc := p.m[h.Unit]
		if hc == home && home >= 0 {
			continue
		}
		if _, plat := p.platform[hc]; plat || hc < 0 || target >= 0 && hc != target {
			return -1, graph.Holder{}
		}
		target = hc
		if h.ByValue && !field.ByValue {
			field = h
		}
	}
	if target < 0 || !field.ByValue {
		return -1, graph.Holder{}
	}
	return target, field
}
