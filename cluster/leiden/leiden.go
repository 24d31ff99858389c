// Package leiden detects communities in weighted undirected graphs with the
// Leiden algorithm (V. A. Traag, L. Waltman, N. J. van Eck, "From Louvain to
// Leiden: guaranteeing well-connected communities", Scientific Reports 9,
// 5233, 2019), maximising modularity with a resolution parameter γ:
//
//	Q = 1/(2m) Σ_ij [A_ij − γ k_i k_j / (2m)] δ(c_i, c_j)
//
// decomp uses it to cut a dependency graph into candidate bounded contexts.
//
// # Why Leiden and not Louvain
//
// Louvain (and gonum's community.Modularize) moves nodes greedily and then
// aggregates each community into one node. Once a bridge node leaves a
// community, the aggregate can no longer be split, so Louvain returns
// communities that are internally disconnected — a "context" made of two
// unrelated halves, which is exactly the wrong advice for a migration. Leiden
// adds a refinement phase that guarantees every community is connected, and
// its queue-based local moving only revisits nodes whose neighbourhood
// changed, which makes it much faster on large graphs.
//
// # Phases
//
// Each pass repeats, on a shrinking sequence of aggregate graphs:
//
//  1. Fast local moving: nodes are taken from a FIFO queue (initially all
//     nodes in random order). A node moves to the neighbouring (or an empty)
//     community with the largest modularity gain, if the gain is positive;
//     its neighbours outside the target community are then queued again.
//     Nodes whose surroundings did not change are never revisited, unlike the
//     full sweeps of Louvain.
//  2. Refinement: inside each community S of that partition, start from
//     singletons and merge nodes only into sub-communities of S that are
//     well connected to the rest of S, choosing among non-negative gains at
//     random with probability ∝ exp(gain/θ). A node only joins a
//     sub-community it has an edge to, so every refined community is
//     connected.
//  3. Aggregation: the graph is collapsed on the refined partition (not on
//     the moved one, as Louvain does), and the moved partition becomes the
//     initial partition of the aggregate graph. Because aggregate nodes are
//     connected sets, later moves can still split a badly formed community.
//
// A pass ends when local moving leaves every aggregate node in its own
// community or refinement no longer shrinks the graph. Run repeats passes,
// each starting from the previous result, until the partition stops
// changing. A final linear-time step splits any community that is not
// connected (this can only happen when a pass stops early), which never
// lowers modularity, so the connectivity guarantee holds for every result.
//
// # Pins
//
// Options.Pinned collapses all nodes sharing a pin label into one node before
// the first pass, so they cannot be separated; each community is then allowed
// to hold at most one pinned node, so different labels never meet.
//
// Everything runs on one goroutine with a PCG generator seeded from
// Options.Seed, so results are reproducible bit for bit.
package leiden

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

const (
	// defaultMaxIterations bounds the number of passes when
	// Options.MaxIterations is 0. Passes stop as soon as the partition is
	// stable, which on real graphs takes a handful; the bound only guards
	// against pathological oscillation between equal-quality partitions.
	defaultMaxIterations = 64
	// theta is the refinement randomness of the reference implementation,
	// where gains are in units of edge weight and edges weigh 1, which makes
	// the choice nearly greedy with random tie-breaking. Run scales it by the
	// mean edge weight so that rescaling all weights changes nothing.
	theta = 0.01
	// relTol is the relative gain a move must exceed, so rounding noise
	// cannot make nodes oscillate between two equivalent communities.
	relTol = 1e-12
	// qTol is the modularity improvement below which a new pass is not
	// worth running.
	qTol = 1e-12
	// pcgStream is the fixed second PCG word; Options.Seed is the first.
	pcgStream = 0x9e3779b97f4a7c15
)

// Options tunes Run. The zero value optimises standard modularity from
// singletons with seed 0.
type Options struct {
	// Resolution is γ; larger values yield more, smaller communities.
	// 0 means 1.
	Resolution float64
	// Seed drives the random node order and the refinement choices; the same
	// seed and input give the same result.
	Seed uint64
	// Initial is an optional starting partition (a label >= 0 per node), e.g.
	// a package-folder prior. Nodes only leave it when that improves Q.
	Initial []int
	// Pinned optionally gives each node a pin label (-1 = free). Nodes with
	// the same label >= 0 always end in the same community; nodes with
	// different labels never do. This is how declared contexts constrain the
	// clustering.
	Pinned []int
	// MaxIterations caps the number of passes; 0 runs until the partition
	// stops improving (bounded internally).
	MaxIterations int
}

// Result is a partition found by Run.
type Result struct {
	// Membership is the community of each node, numbered 0..Communities-1 in
	// order of each community's lowest node index, so equal partitions
	// compare equal.
	Membership []int
	// Communities is the number of communities.
	Communities int
	// Quality is the modularity of Membership at the requested resolution.
	Quality float64
	// Iterations is the number of passes performed.
	Iterations int
}

// Run partitions g into communities maximising modularity with the Leiden
// algorithm. Every community is connected in g, except that nodes pinned
// together form one unit even when they are not connected; isolated nodes
// end up as singletons. It returns an error only for invalid input: a graph
// with rejected edges, options whose lengths do not match the graph, negative
// labels or an unusable resolution.
func Run(g *Graph, opt Options) (Result, error) {
	if err := g.check(); err != nil {
		return Result{}, fmt.Errorf("leiden: invalid graph: %w", err)
	}
	gamma, err := normResolution(opt.Resolution)
	if err != nil {
		return Result{}, fmt.Errorf("leiden: %w", err)
	}
	n := g.n
	if opt.Initial != nil && len(opt.Initial) != n {
		return Result{}, fmt.Errorf("leiden: initial partition has %d labels for %d nodes", len(opt.Initial), n)
	}
	if opt.Pinned != nil && len(opt.Pinned) != n {
		return Result{}, fmt.Errorf("leiden: pins have %d labels for %d nodes", len(opt.Pinned), n)
	}
	if opt.MaxIterations < 0 {
		return Result{}, fmt.Errorf("leiden: max iterations %d is negative", opt.MaxIterations)
	}
	var initial []int32
	if opt.Initial != nil {
		if initial, _, err = denseLabels(opt.Initial); err != nil {
			return Result{}, fmt.Errorf("leiden: initial partition: %w", err)
		}
	}
	unit, unitPin, err := pinUnits(opt.Pinned, n)
	if err != nil {
		return Result{}, fmt.Errorf("leiden: pins: %w", err)
	}

	base := g.compile()
	g0 := base
	if len(unitPin) < n {
		g0 = aggregate(base, unit, len(unitPin))
	}
	o := newOptimizer(g0, unitPin, gamma, opt.Seed)
	if len(base.adj) > 0 {
		o.theta = theta * base.total / float64(len(base.adj))
	}

	var part []int32
	iterations := 0
	if g0.total == 0 {
		// No edges: every partition scores 0 and every unit is isolated.
		part = identity(g0.n)
	} else {
		part = o.optimise(initialUnits(initial, unit, unitPin), opt.MaxIterations, &iterations)
	}

	membership := make([]int, n)
	for i := range membership {
		membership[i] = int(part[unit[i]])
	}
	k := canonicalInts(membership)
	q := 0.0
	if g0.total > 0 {
		q = quality(g0, part, gamma)
	}
	return Result{Membership: membership, Communities: k, Quality: q, Iterations: iterations}, nil
}

// pinUnits groups the nodes into the units the optimiser works on: one unit
// per pin label, one per free node, numbered in order of lowest node index.
// It returns the unit of each node and the dense pin id (or -1) of each unit.
func pinUnits(pins []int, n int) (unit []int32, unitPin []int32, err error) {
	unit = make([]int32, n)
	if pins == nil {
		unitPin = make([]int32, n)
		for i := range unit {
			unit[i] = int32(i)
			unitPin[i] = -1
		}
		return unit, unitPin, nil
	}
	labelUnit := make(map[int]int32)
	for i, p := range pins {
		if p < -1 {
			return nil, nil, fmt.Errorf("node %d has pin label %d (want -1 or >= 0)", i, p)
		}
		if p == -1 {
			unit[i] = int32(len(unitPin))
			unitPin = append(unitPin, -1)
			continue
		}
		u, ok := labelUnit[p]
		if !ok {
			u = int32(len(unitPin))
			labelUnit[p] = u
			unitPin = append(unitPin, int32(len(labelUnit)-1))
		}
		unit[i] = u
	}
	return unit, unitPin, nil
}

// initialUnits lifts an initial node partition to the units: a unit takes the
// label of its lowest-index node, and a community that would hold two pinned
// units keeps the first and gives each later one a community of its own.
func initialUnits(initial []int32, unit, unitPin []int32) []int32 {
	nu := len(unitPin)
	if initial == nil {
		return identity(nu)
	}
	part := make([]int32, nu)
	for i := range part {
		part[i] = -1
	}
	for i, u := range unit {
		if part[u] < 0 {
			part[u] = initial[i]
		}
	}
	k := canonical(part)
	hasPin := make([]bool, nu)
	for u, p := range unitPin {
		if p < 0 {
			continue
		}
		if hasPin[part[u]] {
			part[u] = int32(k)
			k++
		}
		hasPin[part[u]] = true
	}
	canonical(part)
	return part
}

// optimizer holds what stays fixed across passes: the unit graph, its pins,
// γ and the random source.
type optimizer struct {
	g0    *csr
	pin0  []int32
	gamma float64
	theta float64 // refinement randomness in edge-weight units
	rng   *rand.Rand
}

func newOptimizer(g0 *csr, pin0 []int32, gamma float64, seed uint64) *optimizer {
	return &optimizer{g0: g0, pin0: pin0, gamma: gamma, theta: theta, rng: rand.New(rand.NewPCG(seed, pcgStream))}
}

// optimise runs passes from part until the partition is stable, the quality
// stops improving or maxIter passes ran (0 = internal bound). It returns the
// best partition in canonical numbering and stores the pass count in *iters.
func (o *optimizer) optimise(part []int32, maxIter int, iters *int) []int32 {
	if maxIter == 0 {
		maxIter = defaultMaxIterations
	}
	var best []int32
	bestQ := math.Inf(-1)
	prev := slices.Clone(part)
	canonical(prev)
	for *iters < maxIter {
		*iters++
		next := o.pass(prev)
		splitDisconnected(o.g0, next)
		q := quality(o.g0, next, o.gamma)
		improved := q > bestQ+qTol
		if q > bestQ {
			best, bestQ = next, q
		}
		if !improved || slices.Equal(next, prev) {
			break
		}
		prev = next
	}
	return best
}

// pass runs one Leiden pass on the unit graph from the partition part and
// returns the resulting partition of the units.
func (o *optimizer) pass(part []int32) []int32 {
	g, pin := o.g0, o.pin0
	comm := slices.Clone(part)
	nodeOf := identity(g.n) // unit → node of the current aggregate graph
	w := newWorkspace(g.n)
	for {
		k := o.moveNodes(g, pin, comm, w)
		if k == g.n {
			break
		}
		ref, nr := o.refine(g, comm, w)
		if nr == g.n {
			break
		}
		next := aggregate(g, ref, nr)
		nextPin := make([]int32, nr)
		nextComm := make([]int32, nr)
		for i := range nextPin {
			nextPin[i] = -1
		}
		for i, r := range ref {
			nextComm[r] = comm[i]
			if pin[i] >= 0 {
				nextPin[r] = pin[i]
			}
		}
		for u, v := range nodeOf {
			nodeOf[u] = ref[v]
		}
		canonical(nextComm)
		g, pin, comm = next, nextPin, nextComm
	}
	out := make([]int32, len(nodeOf))
	for u, v := range nodeOf {
		out[u] = comm[v]
	}
	canonical(out)
	return out
}

// workspace holds scratch arrays reused across levels of a pass; they are
// sized for the unit graph, the largest level.
type workspace struct {
	neighW  []float64 // edge weight from the current node to each community
	touched []int32   // communities with neighW != 0
	order   []int32
	inQueue []bool
}

func newWorkspace(n int) *workspace {
	return &workspace{
		neighW:  make([]float64, n),
		touched: make([]int32, 0, 64),
		order:   make([]int32, n),
		inQueue: make([]bool, n),
	}
}

// shuffled returns 0..n-1 in random order, in the workspace's buffer.
func (o *optimizer) shuffled(w *workspace, n int) []int32 {
	order := w.order[:n]
	for i := range order {
		order[i] = int32(i)
	}
	for i := n - 1; i > 0; i-- {
		j := o.rng.IntN(i + 1)
		order[i], order[j] = order[j], order[i]
	}
	return order
}

// moveNodes is the fast local moving phase. comm is updated in place
// (canonically renumbered) and the number of communities is returned.
func (o *optimizer) moveNodes(g *csr, pin []int32, comm []int32, w *workspace) int {
	n := g.n
	commW := make([]float64, n)
	commSize := make([]int32, n)
	commPin := make([]int32, n)
	for i := range commPin {
		commPin[i] = -1
	}
	for i, c := range comm {
		commW[c] += g.deg[i]
		commSize[c]++
		if pin[i] >= 0 {
			commPin[c] = pin[i]
		}
	}
	empty := make([]int32, 0, n)
	for c := n - 1; c >= 0; c-- {
		if commSize[c] == 0 {
			empty = append(empty, int32(c))
		}
	}

	// The queue is a ring of capacity n: a node is in it at most once.
	queue := make([]int32, n)
	copy(queue, o.shuffled(w, n))
	head, size := 0, n
	inQueue := w.inQueue[:n]
	for i := range inQueue {
		inQueue[i] = true
	}
	scale := o.gamma / g.total
	neighW := w.neighW
	for size > 0 {
		v := queue[head]
		head++
		if head == n {
			head = 0
		}
		size--
		inQueue[v] = false

		cv := comm[v]
		kv := g.deg[v]
		adj, ws := g.row(v)
		touched := w.touched[:0]
		for j, u := range adj {
			c := comm[u]
			if neighW[c] == 0 {
				touched = append(touched, c)
			}
			neighW[c] += ws[j]
		}
		w.touched = touched

		commW[cv] -= kv
		commSize[cv]--
		pinned := pin[v] >= 0
		if pinned {
			commPin[cv] = -1
		}
		stay := neighW[cv] - kv*commW[cv]*scale
		best, bestGain := int32(-1), math.Inf(-1)
		for _, c := range touched {
			if c == cv || (pinned && commPin[c] >= 0) {
				continue
			}
			if gain := neighW[c] - kv*commW[c]*scale; gain > bestGain {
				best, bestGain = c, gain
			}
		}
		if commSize[cv] > 0 && len(empty) > 0 && 0 > bestGain {
			best, bestGain = empty[len(empty)-1], 0
		}
		for _, c := range touched {
			neighW[c] = 0
		}

		tol := relTol * kv * (1 + o.gamma)
		if best < 0 || bestGain <= stay+tol {
			commW[cv] += kv
			commSize[cv]++
			if pinned {
				commPin[cv] = pin[v]
			}
			continue
		}
		if commSize[best] == 0 {
			empty = empty[:len(empty)-1] // best was the top of the stack
		}
		comm[v] = best
		commW[best] += kv
		commSize[best]++
		if pinned {
			commPin[best] = pin[v]
		}
		if commSize[cv] == 0 {
			empty = append(empty, cv)
		}
		for _, u := range adj {
			if !inQueue[u] && comm[u] != best {
				inQueue[u] = true
				tail := head + size
				if tail >= n {
					tail -= n
				}
				queue[tail] = u
				size++
			}
		}
	}
	return canonical(comm)
}

// refine is the refinement phase: within each community of comm it merges
// singletons into well-connected sub-communities they have edges to. It
// returns the refined community of each node, numbered canonically, and
// their count.
func (o *optimizer) refine(g *csr, comm []int32, w *workspace) ([]int32, int) {
	n := g.n
	commW := make([]float64, n) // K_S of the moved partition
	for i, c := range comm {
		commW[c] += g.deg[i]
	}
	ref := identity(n)
	refW := slices.Clone(g.deg) // K_C of each refined community
	extW := make([]float64, n)  // E(C, S−C) of each refined community
	refSize := make([]int32, n) // members of each refined community
	for i := int32(0); i < int32(n); i++ {
		adj, ws := g.row(i)
		var e float64
		for j, u := range adj {
			if comm[u] == comm[i] {
				e += ws[j]
			}
		}
		extW[i] = e
		refSize[i] = 1
	}

	scale := o.gamma / g.total
	neighW := w.neighW
	type cand struct {
		c    int32
		gain float64
	}
	cands := make([]cand, 0, 16)
	for _, v := range o.shuffled(w, n) {
		if ref[v] != v || refSize[v] != 1 {
			continue // v already merged, or others merged into it
		}
		s := comm[v]
		ks, kv := commW[s], g.deg[v]
		if extW[v] < o.gamma*kv*(ks-kv)/g.total {
			continue // v is not well connected to its community
		}
		adj, ws := g.row(v)
		touched := w.touched[:0]
		for j, u := range adj {
			if comm[u] != s {
				continue
			}
			c := ref[u]
			if neighW[c] == 0 {
				touched = append(touched, c)
			}
			neighW[c] += ws[j]
		}
		w.touched = touched

		cands = append(cands[:0], cand{c: v, gain: 0})
		maxGain := 0.0
		for _, c := range touched {
			kc := refW[c]
			if extW[c] < o.gamma*kc*(ks-kc)/g.total {
				continue // sub-community not well connected to S
			}
			gain := neighW[c] - kv*kc*scale
			if gain < 0 {
				continue
			}
			cands = append(cands, cand{c: c, gain: gain})
			maxGain = max(maxGain, gain)
		}
		chosen := v
		if len(cands) > 1 {
			var sum float64
			for i := range cands {
				cands[i].gain = math.Exp((cands[i].gain - maxGain) / o.theta)
				sum += cands[i].gain
			}
			r := o.rng.Float64() * sum
			chosen = cands[len(cands)-1].c
			for _, cd := range cands {
				if r < cd.gain {
					chosen = cd.c
					break
				}
				r -= cd.gain
			}
		}
		if chosen != v {
			refW[chosen] += kv
			extW[chosen] += extW[v] - 2*neighW[chosen]
			refSize[chosen]++
			refSize[v] = 0
			ref[v] = chosen
		}
		for _, c := range touched {
			neighW[c] = 0
		}
	}
	k := canonical(ref)
	return ref, k
}

// aggregate collapses g on the partition part (k parts, ids 0..k-1): part c
// becomes node c, its diagonal entry is the sum of all A_ij inside the part,
// and edges between parts are summed, which preserves the modularity of
// every partition that does not split a part.
func aggregate(g *csr, part []int32, k int) *csr {
	// Bucket the nodes by part, in increasing node order within a part.
	first := make([]int, k+1)
	for _, c := range part {
		first[c+1]++
	}
	for c := 0; c < k; c++ {
		first[c+1] += first[c]
	}
	members := make([]int32, g.n)
	pos := make([]int, k)
	copy(pos, first[:k])
	for i, c := range part {
		members[pos[c]] = int32(i)
		pos[c]++
	}

	out := &csr{
		n:     k,
		start: make([]int, k+1),
		adj:   make([]int32, 0, len(g.adj)/2),
		w:     make([]float64, 0, len(g.adj)/2),
		self:  make([]float64, k),
		deg:   make([]float64, k),
		total: g.total,
	}
	mark := pos // reuse: mark[d] is d's position in the row being built
	for i := range mark {
		mark[i] = -1
	}
	for c := int32(0); c < int32(k); c++ {
		rowStart := len(out.adj)
		out.start[c] = rowStart
		var self, deg float64
		for _, i := range members[first[c]:first[c+1]] {
			self += g.self[i]
			deg += g.deg[i]
			adj, ws := g.row(i)
			for j, u := range adj {
				d := part[u]
				if d == c {
					self += ws[j]
					continue
				}
				if p := mark[d]; p >= rowStart {
					out.w[p] += ws[j]
					continue
				}
				mark[d] = len(out.adj)
				out.adj = append(out.adj, d)
				out.w = append(out.w, ws[j])
			}
		}
		out.self[c] = self
		out.deg[c] = deg
	}
	out.start[k] = len(out.adj)
	return out
}

// splitDisconnected replaces each community of part by its connected
// components in g and renumbers canonically. Splitting a community into
// parts without edges between them removes only negative null-model terms,
// so modularity never decreases.
func splitDisconnected(g *csr, part []int32) {
	n := g.n
	label := make([]int32, n)
	for i := range label {
		label[i] = -1
	}
	stack := make([]int32, 0, 64)
	next := int32(0)
	for s := int32(0); s < int32(n); s++ {
		if label[s] >= 0 {
			continue
		}
		label[s] = next
		stack = append(stack[:0], s)
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			adj, _ := g.row(v)
			for _, u := range adj {
				if label[u] < 0 && part[u] == part[v] {
					label[u] = next
					stack = append(stack, u)
				}
			}
		}
		next++
	}
	copy(part, label)
}

// quality is the modularity of part on g; aggregation preserves it, so the
// unit graph gives the same value as the input graph.
func quality(g *csr, part []int32, gamma float64) float64 {
	commDeg := make([]float64, g.n)
	var internal float64
	for i := int32(0); i < int32(g.n); i++ {
		c := part[i]
		commDeg[c] += g.deg[i]
		internal += g.self[i]
		adj, ws := g.row(i)
		for j, u := range adj {
			if part[u] == c {
				internal += ws[j]
			}
		}
	}
	var sq float64
	for _, d := range commDeg {
		sq += d * d
	}
	return (internal - gamma*sq/g.total) / g.total
}

// canonical renumbers non-negative labels to 0..k-1 in order of first
// appearance and returns k.
func canonical(labels []int32) int {
	top := int32(-1)
	for _, l := range labels {
		top = max(top, l)
	}
	ids := make([]int32, top+1)
	for i := range ids {
		ids[i] = -1
	}
	k := int32(0)
	for i, l := range labels {
		if ids[l] < 0 {
			ids[l] = k
			k++
		}
		labels[i] = ids[l]
	}
	return int(k)
}

// canonicalInts is canonical for the public []int membership.
func canonicalInts(labels []int) int {
	top := -1
	for _, l := range labels {
		top = max(top, l)
	}
	ids := make([]int, top+1)
	for i := range ids {
		ids[i] = -1
	}
	k := 0
	for i, l := range labels {
		if ids[l] < 0 {
			ids[l] = k
			k++
		}
		labels[i] = ids[l]
	}
	return k
}

func identity(n int) []int32 {
	out := make([]int32, n)
	for i := range out {
		out[i] = int32(i)
	}
	return out
}
