// Package cluster groups the unit graph into candidate bounded contexts.
//
// Two signals are combined. The folder structure is the prior: a folder that
// holds one domain (internal/billing/...) is the authors' own bounded context
// and stays one context; two such folders are merged only when their mutual
// coupling outweighs each one's own cohesion, and each merge or near-merge
// is reported. A folder that holds a technical layer (handlers, services,
// models) gives no prior, so the coupling graph alone cuts vertical slices
// through the layers. Infrastructure, entry points and test support are set
// aside into the platform. The coupling graph is the evidence: Leiden
// community detection (cluster/leiden) with a fixed seed and node order, so
// the same input always gives the same contexts, and every context is
// connected.
package cluster

import (
	"fmt"
	"math"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/decomp/decomp/cluster/graph"
	"github.com/decomp/decomp/cluster/leiden"
	"github.com/decomp/decomp/config"
)

// Options tune the clustering.
type Options struct {
	// Resolution is Leiden's γ: higher gives more, smaller contexts. 0 means 1.
	Resolution float64
	// Seed fixes the randomness of the refinement phase.
	Seed uint64
	// FolderPrior turns the folder prior on (> 0) or off (0: coupling
	// alone, no folder roles); negative means the default. Its value is the
	// weight tying a unit of a split folder's subfolder to that subfolder,
	// as a fraction of the unit's own coupling.
	FolderPrior float64
	// Pins force units into named contexts: pattern -> context name, where a
	// pattern is a unit ID, a package path, or a path.Match glob over either.
	Pins []Pin
	// Layout is the folder reading from Classify; nil classifies the graph
	// by folder names alone.
	Layout *Layout
	// HubDamping is the exponent x with which an edge's weight is divided
	// by (deg(a)·deg(b))^x for community detection, deg being a unit's
	// number of neighbours: a hub (a settings facade, a controller holding
	// every route) then votes less for each of its many neighbours. nil
	// means the default; 0 turns damping off.
	HubDamping *float64
	// TermWeight ties each unit to the domain noun its name leads with
	// (vocabulary.go); nil means the default, 0 turns it off.
	TermWeight *float64
	// Tuning overrides the tuned constants and rules (Tunables); nil
	// keeps every default.
	Tuning Tuning
	// Declared is the team's context map (decomp.yaml) resolved to units:
	// unit ID -> context name, config.PlatformName or config.EntryName.
	// Declared units go where it says; the clustering places the rest.
	Declared map[string]string `json:"-"`
}

// DefaultTermWeight is the weight tying a unit to the domain noun its name
// leads with (see vocabulary.go), before hub damping; measured on the
// development corpus (see README).
const DefaultTermWeight = 4.0

// DefaultHubDamping was measured on the development corpus (see README).
const DefaultHubDamping = 0.125

// Pin puts every unit matching Pattern into the context Name.
type Pin struct {
	Pattern string `json:"pattern" yaml:"pattern"`
	Context string `json:"context" yaml:"context"`
}

// DefaultFolderPrior is tuned on the bundled fixtures.
const DefaultFolderPrior = 0.3

// Result is a decomposition plus what the clustering saw on the way.
type Result struct {
	Decomposition
	// Membership is the context index per graph unit (-1 for the platform
	// and for tables no context touches).
	Membership []int `json:"-"`
	// Folders lists the folder groups and how each was classified.
	Folders []Folder `json:"folders"`
	// Disagreements are units of a domain folder more coupled to another
	// context than to their own.
	Disagreements []Disagreement `json:"disagreements,omitempty"`
	// Merges are pairs of domain folders merged into one context, or
	// coupled nearly enough to be: the user decides.
	Merges []Merge `json:"merges,omitempty"`
	// Uncertain are the units the clustering's runs disagree on, least
	// agreed first.
	Uncertain []Uncertain `json:"uncertain,omitempty"`
	// Aggregates are the communities, and the types out of other
	// communities, that joined the aggregate holding them: the modules of
	// their contexts.
	Aggregates []AggregateJoin `json:"aggregates,omitempty"`
	// Declared is set when the contexts follow a declared context map.
	Declared bool `json:"declared,omitempty"`
	// Placements are the units a declared context map leaves unassigned,
	// and where the clustering put them.
	Placements []Placement `json:"placements,omitempty"`
}

// Disagreement is a unit whose folder and coupling disagree: it stays in its
// domain folder's context, but most of its coupling points to another.
type Disagreement struct {
	Unit          string `json:"unit"`
	Folder        string `json:"folder"`
	FolderContext string `json:"folderContext"`
	// Context is the context it is most coupled to.
	Context string `json:"context"`
	// Own and Other are its coupling weights to the two.
	Own   float64 `json:"own"`
	Other float64 `json:"other"`
}

// Uncertain is a unit whose context the runs from different seeds do not
// agree on: Context is where it is, Other where the disagreeing runs put it.
type Uncertain struct {
	Unit    string `json:"unit"`
	Context string `json:"context"`
	Other   string `json:"other"`
	// Agreement is the share of the runs that put it in Context.
	Agreement float64 `json:"agreement"`
}

// Merge is a pair of domain folders that behave as one context.
type Merge struct {
	A string `json:"a"`
	B string `json:"b"`
	// Merged is set when decomp merged them; otherwise they stay apart and
	// the coupling is reported.
	Merged bool `json:"merged"`
	// Mutual is the coupling weight between them; InternalA and InternalB
	// each one's own cohesion; OutsideA and OutsideB each one's coupling to
	// every other context.
	Mutual    float64 `json:"mutual"`
	InternalA float64 `json:"internalA"`
	InternalB float64 `json:"internalB"`
	OutsideA  float64 `json:"outsideA"`
	OutsideB  float64 `json:"outsideB"`
	// Context is the name of the context they form, or "" when kept apart.
	Context string `json:"context,omitempty"`
	// Evidence lists the strongest unit pairs tying them.
	Evidence []string `json:"evidence"`
}

// WithDefaults fills in what was left unset: resolution 1, the default
// folder prior for a negative one, the default term weight and hub damping
// for nil. Decompose runs on the result; reports record it.
func (opt Options) WithDefaults() Options {
	if opt.Resolution == 0 {
		opt.Resolution = 1
	}
	if opt.FolderPrior < 0 {
		opt.FolderPrior = DefaultFolderPrior
	}
	if opt.TermWeight == nil {
		w := opt.Tuning.V("term-weight")
		opt.TermWeight = &w
	}
	if opt.HubDamping == nil {
		d := opt.Tuning.V("hub-damping")
		opt.HubDamping = &d
	}
	return opt
}

// Decompose clusters g.
func Decompose(g *graph.Graph, opt Options) (*Result, error) {
	opt = opt.WithDefaults()
	layout := opt.Layout
	if layout == nil {
		layout = Classify(g, nil, opt.Tuning)
	}
	n := len(g.Units)
	unitFolder := layout.unitFolders(g)
	// Copies: the clustering refines roles (a library found shared), and
	// the caller's layout stays the reading it started from.
	folders := make(map[string]*Folder, len(layout.Folders))
	for k, f := range layout.Folders {
		c := *f
		folders[k] = &c
	}
	prior := opt.FolderPrior > 0

	userPins, userPinNames, err := resolvePins(g, opt.Pins)
	if err != nil {
		return nil, err
	}
	// Pins are applied to the finished clustering, not fed to it: a pin
	// moves the units it names and leaves every other context as it was.
	pinOf, pinNames := map[int]int{}, []string(nil)

	// Infrastructure, entry points and test support are used by every
	// context and belong to none (Bunch's "omnipresent modules"): left in
	// the graph they attract whatever calls them most, so they are set
	// aside and their edges do not vote.
	aside := make([]bool, n)
	for i := range g.Units {
		if _, ok := pinOf[i]; ok || !prior {
			continue
		}
		if f := folders[unitFolder[i]]; f != nil && f.Platform() {
			aside[i] = true
		}
	}

	var schema []int
	if prior && opt.Tuning.On("schema-wide") {
		schema = schemaWide(g, aside, pinOf, unitFolder, folders)
		for _, i := range schema {
			aside[i] = true
		}
	}

	m, communityCount, folderPin, stab, err := communities(g, opt, aside, pinOf, pinNames, unitFolder, folders)
	if err != nil {
		return nil, err
	}
	var helpers []int
	if prior && opt.Tuning.On("shared-helpers") {
		// Omnipresent helpers are found on a first clustering, which
		// tells how many contexts use each; the second runs without them.
		if helpers = findHelpers(g, m, aside, pinOf, unitFolder, folders, folderPin, opt.Tuning.V("helper-share")); len(helpers) > 0 {
			for _, i := range helpers {
				aside[i] = true
			}
			if m, communityCount, folderPin, stab, err = communities(g, opt, aside, pinOf, pinNames, unitFolder, folders); err != nil {
				return nil, err
			}
		}
	}

	raw := append([]int(nil), m...) // the kept run's communities, for Uncertain

	// Platform units get one community per folder; helpers and schema-wide
	// code one each of their own.
	next := communityCount
	platform := map[int]string{} // community -> folder key
	platformOf := map[string]int{}
	grouped := map[int]bool{}
	for _, i := range append(append([]int(nil), helpers...), schema...) {
		grouped[i] = true
	}
	for _, k := range sortedKeys(folders) {
		for i := range g.Units {
			if aside[i] && !grouped[i] && unitFolder[i] == k {
				c, ok := platformOf[k]
				if !ok {
					c = next
					next++
					platformOf[k] = c
					platform[c] = k
				}
				m[i] = c
			}
		}
	}
	for _, set := range []struct {
		key   string
		units []int
	}{{sharedHelpers, helpers}, {schemaCode, schema}} {
		if len(set.units) == 0 {
			continue
		}
		platform[next] = set.key
		for _, i := range set.units {
			m[i] = next
		}
		next++
	}
	fixed := make([]bool, n) // user-pinned units never move
	for i := range pinOf {
		fixed[i] = true
	}
	p := &post{g: g, m: m, fixed: fixed, aside: aside, platform: platform, folderPin: folderPin, unitFolder: unitFolder, folders: folders, tune: opt.Tuning}
	on := opt.Tuning.On
	if on("absorb-singletons") {
		p.absorbSingletons()
	}
	if on("place-isolated") {
		p.placeIsolated()
	}
	var merges []Merge
	var aggregates []AggregateJoin
	// The folder rules apply only with the prior.
	if prior && on("place-adapters") {
		p.placeAdapters()
	}
	p.foldTables()
	if prior {
		if on("settle-libraries") {
			p.settleLibraries(&next)
		}
		if on("merge-folders") {
			merges = p.mergeFolders()
		}
		if on("join-aggregates") {
			aggregates = p.joinAggregates()
		}
		if on("join-entries") {
			p.joinEntries()
		}
		if on("join-satellites") {
			aggregates = append(aggregates, p.joinSatellites()...)
		}
		if on("dissolve-tiny") {
			p.dissolveTiny(&next)
		}
	}

	var placed []placedUnit
	if len(opt.Declared) > 0 {
		placed = p.applyDeclared(opt.Declared, true, nil, &next, pinOf, &pinNames)
	}
	if len(userPins) > 0 {
		pinned := map[string]string{}
		for i, idx := range userPins {
			pinned[g.Units[i].ID] = userPinNames[idx]
		}
		// A pin naming a context the clustering made joins that one.
		draft, membership := assemble(g, p.m, platform, pinOf, pinNames, unitFolder, folders, layout.TechWords)
		existing := map[string]int{}
		for i, c := range membership {
			if c >= 0 && c < len(draft.Contexts) {
				if _, ok := existing[draft.Contexts[c].Name]; !ok {
					existing[draft.Contexts[c].Name] = p.m[i]
				}
			}
		}
		p.applyDeclared(pinned, false, existing, &next, pinOf, &pinNames)
	}

	out := &Result{}
	out.Decomposition, out.Membership = assemble(g, p.m, platform, pinOf, pinNames, unitFolder, folders, layout.TechWords)
	for _, k := range sortedKeys(folders) {
		out.Folders = append(out.Folders, *folders[k])
	}
	if len(opt.Declared) > 0 {
		names := map[string]bool{}
		for _, n := range opt.Declared {
			names[n] = true
		}
		for i := range out.Contexts {
			if names[out.Contexts[i].Name] {
				out.Contexts[i].NameReason = "declared in decomp.yaml"
			}
		}
	}
	out.Declared = len(opt.Declared) > 0
	out.Placements = placements(g, placed, &out.Decomposition, out.Membership)
	out.Merges = p.nameMerges(merges, out)
	for _, j := range aggregates {
		if c, ok := out.UnitContext[j.Into]; ok {
			j.Context = out.Contexts[c].Name
		}
		out.Aggregates = append(out.Aggregates, j)
	}
	out.Disagreements = disagreements(g, out, unitFolder, folders)
	if len(opt.Declared) == 0 { // a declared map places its units, not the runs
		out.Uncertain = uncertain(g, out, raw, stab, aside)
	}
	return out, nil
}

// uncertainShare is the agreement at or under which a unit is listed as
// uncertain: a quarter of the runs or more put it elsewhere.
const uncertainShare = 0.75

// uncertain lists the units the seeds disagree on, with the context the
// disagreeing runs put them in (where most of the kept run's community
// they fall with ended up), unless that is their own.
func uncertain(g *graph.Graph, r *Result, raw []int, stab []agreement, aside []bool) []Uncertain {
	final := map[int]map[int]int{} // raw community -> final context -> units
	for i, c := range raw {
		if aside[i] || c < 0 || r.Membership[i] < 0 {
			continue
		}
		if final[c] == nil {
			final[c] = map[int]int{}
		}
		final[c][r.Membership[i]]++
	}
	var out []Uncertain
	for i, a := range stab {
		own := r.Membership[i]
		if aside[i] || own < 0 || a.other < 0 || a.share > uncertainShare || g.Units[i].Kind == graph.KindTable {
			continue
		}
		alt, n := -1, 0
		for _, c := range sortedInts(final[a.other]) {
			if final[a.other][c] > n {
				alt, n = c, final[a.other][c]
			}
		}
		if alt < 0 || alt == own {
			continue
		}
		out = append(out, Uncertain{Unit: g.Units[i].ID, Context: r.Contexts[own].Name, Other: r.Contexts[alt].Name, Agreement: round4(a.share)})
	}
	sort.SliceStable(out, func(x, y int) bool {
		if out[x].Agreement != out[y].Agreement {
			return out[x].Agreement < out[y].Agreement
		}
		return out[x].Unit < out[y].Unit
	})
	return out
}

// communities runs Leiden on g without the units set aside, with every
// domain folder one pinned label and the term nodes and anchors of
// vocabulary.go and split folders: the raw community per unit, and the pin
// label of each domain folder.
func communities(g *graph.Graph, opt Options, aside []bool, pinOf map[int]int, pinNames []string, unitFolder []string, folders map[string]*Folder) ([]int, int, map[string]int, []agreement, error) {
	n := len(g.Units)
	prior := opt.FolderPrior > 0
	// Every domain folder is one context: its units share a pin label, so
	// Leiden treats the folder as one node and never joins two folders.
	// Subfolders of a split folder are tied to an anchor instead, so their
	// coupling can merge siblings back.
	pinned := make([]int, n)
	for i := range pinned {
		pinned[i] = -1
	}
	for i, p := range pinOf {
		pinned[i] = p
	}
	folderPin := map[string]int{}
	var softKeys []string
	if prior {
		next := len(pinNames)
		for _, k := range sortedKeys(folders) {
			f := folders[k]
			if f.Role != RoleDomain {
				continue
			}
			if f.Parent != "" {
				softKeys = append(softKeys, k)
				continue
			}
			folderPin[k] = next
			next++
		}
		for i := range g.Units {
			if p, ok := folderPin[unitFolder[i]]; ok && pinned[i] < 0 && !aside[i] {
				pinned[i] = p
			}
		}
	}
	anchor := map[string]int{}
	for i, k := range softKeys {
		anchor[k] = n + i
	}
	var terms []string
	var unitTerms map[int]int
	termW := 0.0
	if prior {
		termW = *opt.TermWeight
	}
	if termW > 0 {
		terms, unitTerms = termEdges(g, aside, opt.Tuning.V("term-max-share"))
	}
	termBase := n + len(softKeys)
	// The file is the authors' finest cut of a layer package: the types
	// and functions declared in one (SMTP, Header and Dialer in smtp.go)
	// are tied to a node of their own, with a term's weight.
	fileOf := map[int]int{}
	var files []string
	fileW := termW * opt.Tuning.V("file-tie")
	if fileW > 0 {
		byFile := map[string][]int{}
		for i, u := range g.Units {
			if u.Decl != "" && !aside[i] && pinned[i] < 0 {
				byFile[u.Decl] = append(byFile[u.Decl], i)
			}
		}
		for _, f := range sortedKeys(byFile) {
			if len(byFile[f]) < 2 {
				continue
			}
			for _, i := range byFile[f] {
				fileOf[i] = len(files)
			}
			files = append(files, f)
		}
	}
	fileBase := termBase + len(terms)
	total := fileBase + len(files)
	lg := leiden.NewGraph(total)
	strength := make([]float64, n)
	damping := *opt.HubDamping
	deg := make([]float64, n)
	for _, e := range g.Edges {
		if !aside[e.A] && !aside[e.B] {
			deg[e.A]++
			deg[e.B]++
		}
	}
	for _, e := range g.Edges {
		if aside[e.A] || aside[e.B] {
			continue
		}
		w := e.Weight
		if damping > 0 {
			w /= math.Pow(deg[e.A]*deg[e.B], damping)
		}
		lg.AddEdge(e.A, e.B, w)
		strength[e.A] += w
		strength[e.B] += w
	}
	termDeg := make([]float64, len(terms))
	for _, t := range unitTerms {
		termDeg[t]++
	}
	for _, i := range sortedInts(unitTerms) {
		t := unitTerms[i]
		w := termW
		if damping > 0 {
			w /= math.Pow(max(deg[i], 1)*termDeg[t], damping)
		}
		lg.AddEdge(i, termBase+t, w)
	}
	fileDeg := make([]float64, len(files))
	for _, f := range fileOf {
		fileDeg[f]++
	}
	for _, i := range sortedInts(fileOf) {
		f := fileOf[i]
		w := fileW
		if damping > 0 {
			w /= math.Pow(max(deg[i], 1)*fileDeg[f], damping)
		}
		lg.AddEdge(i, fileBase+f, w)
	}
	initial := make([]int, total)
	for i := range initial {
		initial[i] = i
	}
	// A subfolder of a split tree named like a top-level domain folder
	// (business/domain/userbus beside app/domain/userapp: the same stem) is
	// that domain's piece of another tier: its anchor is that folder.
	stemFolder := map[string]int{} // stem -> a unit of the only top-level domain folder with it
	stemCount := map[string]int{}
	for _, k := range sortedKeys(folderPin) {
		stemCount[folderStem(k)]++
	}
	for i := range g.Units {
		if k := unitFolder[i]; pinned[i] >= 0 && folderPin[k] == pinned[i] && stemCount[folderStem(k)] == 1 {
			if _, ok := stemFolder[folderStem(k)]; !ok {
				stemFolder[folderStem(k)] = i
			}
		}
	}
	for i := range g.Units {
		a, ok := anchor[unitFolder[i]]
		if !ok || aside[i] || pinned[i] >= 0 {
			continue
		}
		w := opt.FolderPrior * strength[i]
		if w == 0 {
			w = opt.FolderPrior // an isolated unit still belongs to its folder
		}
		if j, ok := stemFolder[folderStem(unitFolder[i])]; ok && opt.Tuning.On("stem-tie") {
			lg.AddEdge(i, j, w)
			continue
		}
		lg.AddEdge(i, a, w)
		initial[i] = a
	}
	allPinned := make([]int, total)
	copy(allPinned, pinned)
	for i := n; i < total; i++ {
		allPinned[i] = -1
	}
	runs, err := consensusRuns(lg, leiden.Options{
		Resolution: opt.Resolution,
		Seed:       opt.Seed,
		Initial:    initial,
		Pinned:     allPinned,
	}, int(opt.Tuning.V("consensus-runs")))
	if err != nil {
		return nil, 0, nil, nil, fmt.Errorf("cluster: %w", err)
	}
	free := make([]bool, n)
	for i := range free {
		free[i] = !aside[i]
	}
	med := medoid(runs, n, free)
	res := runs[med]
	m := append([]int(nil), res.Membership[:n]...)
	return m, res.Communities, folderPin, agreements(runs, med, n, free), nil
}

// agreement is how the runs place one unit: the share of them that put it
// with its community in the kept run (the medoid), and the community of
// the kept run they put it with most often otherwise (-1 if none).
type agreement struct {
	share float64
	other int
}

// agreements maps each run's communities to the kept run's (each to the
// one it shares most units with) and counts, per unit, the runs agreeing.
func agreements(runs []leiden.Result, med, n int, use []bool) []agreement {
	out := make([]agreement, n)
	keep := runs[med].Membership
	votes := make([]map[int]int, n)
	for r, run := range runs {
		if r == med {
			continue
		}
		overlap := map[[2]int]int{}
		for i := 0; i < n; i++ {
			if use[i] {
				overlap[[2]int{run.Membership[i], keep[i]}]++
			}
		}
		to := map[int]int{}
		bestN := map[int]int{}
		for _, k := range sortedPairs(overlap) {
			if c := overlap[k]; c > bestN[k[0]] {
				bestN[k[0]], to[k[0]] = c, k[1]
			}
		}
		for i := 0; i < n; i++ {
			if !use[i] {
				continue
			}
			if votes[i] == nil {
				votes[i] = map[int]int{}
			}
			votes[i][to[run.Membership[i]]]++
		}
	}
	for i := 0; i < n; i++ {
		out[i] = agreement{share: 1, other: -1}
		if !use[i] || len(runs) < 2 {
			continue
		}
		agree := 1 + votes[i][keep[i]]
		out[i].share = float64(agree) / float64(len(runs))
		bestV := 0
		for _, c := range sortedInts(votes[i]) {
			if c != keep[i] && votes[i][c] > bestV {
				out[i].other, bestV = c, votes[i][c]
			}
		}
	}
	return out
}

// consensusRuns runs Leiden from k seeds (opt.Seed, opt.Seed+1, …), in
// parallel: each run reads the graph only, and its result depends on its
// seed alone, so the set is the same on every machine.
func consensusRuns(lg *leiden.Graph, opt leiden.Options, k int) ([]leiden.Result, error) {
	k = max(k, 1)
	out := make([]leiden.Result, k)
	errs := make([]error, k)
	var wg sync.WaitGroup
	for r := range k {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o := opt
			o.Seed = opt.Seed + uint64(r)
			out[r], errs[r] = leiden.Run(lg, o)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// medoid is the run that agrees most with the others (the sum of its
// adjusted Rand index with each, over the first n nodes where use is set):
// the partition the seeds agree on, not the luck of one. Ties go to the
// earliest run, so one run is the plain clustering.
func medoid(runs []leiden.Result, n int, use []bool) int {
	if len(runs) < 2 {
		return 0
	}
	// ARI is symmetric: each pair once.
	sum := make([]float64, len(runs))
	for a := range runs {
		for b := a + 1; b < len(runs); b++ {
			x := ari(runs[a].Membership, runs[b].Membership, n, use)
			sum[a] += x
			sum[b] += x
		}
	}
	best := 0
	for a := range runs {
		if sum[a] > sum[best]+1e-12 {
			best = a
		}
	}
	return best
}

// ari is the adjusted Rand index of two labelings of the first n nodes
// where use is set (cluster/eval scores against a truth; the pipeline's
// stages may not import a later one). Its sums are of whole numbers, so
// their order does not change them.
func ari(x, y []int, n int, use []bool) float64 {
	joint := map[[2]int]float64{}
	rows, cols := map[int]float64{}, map[int]float64{}
	total := 0.0
	for i := 0; i < n; i++ {
		if use[i] {
			joint[[2]int{x[i], y[i]}]++
			rows[x[i]]++
			cols[y[i]]++
			total++
		}
	}
	if total < 2 {
		return 1
	}
	c2 := func(v float64) float64 { return v * (v - 1) / 2 }
	var index, sr, sc float64
	for _, v := range joint {
		index += c2(v)
	}
	for _, v := range rows {
		sr += c2(v)
	}
	for _, v := range cols {
		sc += c2(v)
	}
	expected := sr * sc / c2(total)
	if top := (sr + sc) / 2; top != expected {
		return (index - expected) / (top - expected)
	}
	return 1
}

// folderStem is the domain word of a folder key's last segment (user for
// app/domain/userapp and business/domain/userbus).
func folderStem(k string) string {
	return packageStem(strings.ToLower(k[strings.LastIndexByte(k, '/')+1:]))
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
	for i, c := range cands {
		// Only a type's ID is a qualified name; the rest are paths.
		if i == 0 && u.Kind == graph.KindType && config.Match(pattern, c) || config.MatchPath(pattern, c) {
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

// disagreements lists units of a domain folder whose coupling to another
// context is more than twice their coupling to their own.
func disagreements(g *graph.Graph, r *Result, unitFolder []string, folders map[string]*Folder) []Disagreement {
	w := make([]map[int]float64, len(g.Units))
	for _, e := range g.Edges {
		a, b := r.Membership[e.A], r.Membership[e.B]
		if a < 0 || b < 0 {
			continue
		}
		if w[e.A] == nil {
			w[e.A] = map[int]float64{}
		}
		if w[e.B] == nil {
			w[e.B] = map[int]float64{}
		}
		w[e.A][b] += e.Weight
		w[e.B][a] += e.Weight
	}
	var out []Disagreement
	for i, u := range g.Units {
		f := folders[unitFolder[i]]
		c := r.Membership[i]
		if f == nil || f.Role != RoleDomain || c < 0 {
			continue
		}
		own := w[i][c] + u.Internal
		best, bestW := -1, 0.0
		for x, v := range w[i] {
			if x != c && (v > bestW || (v == bestW && x < best)) {
				best, bestW = x, v
			}
		}
		if best >= 0 && bestW > 2*own {
			out = append(out, Disagreement{Unit: u.ID, Folder: f.Key, FolderContext: r.Contexts[c].Name,
				Context: r.Contexts[best].Name, Own: round4(own), Other: round4(bestW)})
		}
	}
	return out
}

func round4(x float64) float64 {
	const p = 10000
	return float64(int64(x*p+0.5)) / p
}
