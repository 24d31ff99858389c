package eval

import (
	"sort"
)

// MoJoFM is the MoJo-based effectiveness measure of Wen & Tzerpos ("An
// effectiveness measure for software clustering algorithms", IWPC 2004), as
// a fraction in [0, 1] (the paper prints it as a percentage):
//
//	MoJoFM(A, B) = 1 − mno(A, B) / max(mno(∀A, B))
//
// A is the computed partition, B the truth. mno(A, B) is the one-directional
// MoJo distance — the fewest Move (one object to another or a new cluster)
// and Join (two clusters into one) operations that turn A into B — computed
// exactly by the maximum-bipartite-matching algorithm of Wen & Tzerpos ("An
// optimal algorithm for MoJo distance", IWPC 2003). The denominator, the
// largest mno any partition of the same objects can have from B, is the
// paper's n − l_B + g_B; it is computed as the authors' reference
// implementation (MoJo 2.0, maxDistanceTo) does: with B's cluster sizes
// sorted ascending, G counts the sizes s for which a running count below s
// can still grow, and the maximum is n − G (so g_B = l_B − G). The tests
// check both mno and this maximum against a brute-force search over every
// partition of up to six objects.
//
// 1 means A equals B; 0 means A is as far from B as any partition can be.
// Only objects present in both maps are scored; with at most one such
// object every partition equals the truth and MoJoFM is 1 (check the object
// count, see Score, before trusting the figure).
func MoJoFM(computed, truth map[string]string) float64 {
	a, b := commonPartitions(computed, truth)
	return mojoFM(a, b)
}

// mojoFM scores partition a (cluster index per object) against b.
func mojoFM(a, b []int) float64 {
	worst := maxMNO(clusterSizes(b))
	if worst == 0 {
		// Only n ≤ 1 gets here: the single possible partition matches.
		return 1
	}
	return 1 - float64(mno(a, b))/float64(worst)
}

// commonPartitions turns the objects present in both maps into two
// partitions given as dense cluster indices, objects in sorted order and
// clusters numbered in sorted label order so the result is deterministic.
func commonPartitions(computed, truth map[string]string) (a, b []int) {
	objects := make([]string, 0, len(truth))
	for o := range truth {
		if _, ok := computed[o]; ok {
			objects = append(objects, o)
		}
	}
	sort.Strings(objects)
	a = make([]int, len(objects))
	b = make([]int, len(objects))
	ai, bi := indexLabels(objects, computed), indexLabels(objects, truth)
	for i, o := range objects {
		a[i] = ai[computed[o]]
		b[i] = bi[truth[o]]
	}
	return a, b
}

// indexLabels numbers the labels the objects carry, in sorted order.
func indexLabels(objects []string, labels map[string]string) map[string]int {
	set := map[string]bool{}
	for _, o := range objects {
		set[labels[o]] = true
	}
	sorted := make([]string, 0, len(set))
	for l := range set {
		sorted = append(sorted, l)
	}
	sort.Strings(sorted)
	idx := make(map[string]int, len(sorted))
	for i, l := range sorted {
		idx[l] = i
	}
	return idx
}

// clusterSizes returns the size of every cluster of a dense partition.
func clusterSizes(p []int) []int {
	k := 0
	for _, c := range p {
		if c+1 > k {
			k = c + 1
		}
	}
	sizes := make([]int, k)
	for _, c := range p {
		sizes[c]++
	}
	return sizes
}

// mno is the one-directional MoJo distance from partition a to partition b
// (Wen & Tzerpos 2003). Every cluster A_i is tagged with the B clusters it
// shares the most objects with; a maximum bipartite matching between A
// clusters and tags decides which A clusters keep their own B group. Then
//
//	mno = Σ_i (|A_i| − max_j |A_i ∩ B_j|) + (l_A − |matching|)
//
// moves take out every object not in A_i's majority, and every A cluster
// left unmatched must be joined into a matched one of the same group.
func mno(a, b []int) int {
	la := 0
	for _, c := range a {
		if c+1 > la {
			la = c + 1
		}
	}
	// overlap[i][j] = |A_i ∩ B_j|, sparse.
	overlap := make([]map[int]int, la)
	for i := range overlap {
		overlap[i] = map[int]int{}
	}
	for o := range a {
		overlap[a[o]][b[o]]++
	}
	moves := 0
	tags := make([][]int, la)
	for i, row := range overlap {
		total, best := 0, 0
		for _, n := range row {
			total += n
			if n > best {
				best = n
			}
		}
		moves += total - best
		for j, n := range row {
			if n == best && best > 0 {
				tags[i] = append(tags[i], j)
			}
		}
		sort.Ints(tags[i])
	}
	lb := len(clusterSizes(b))
	matched := maxMatching(tags, lb)
	return moves + la - matched
}

// maxMatching returns the size of a maximum matching in the bipartite graph
// whose left vertex i is adjacent to the right vertices adj[i] (Kuhn's
// augmenting paths; O(V·E), ample for the few hundred clusters a
// decomposition has).
func maxMatching(adj [][]int, right int) int {
	matchR := make([]int, right)
	for j := range matchR {
		matchR[j] = -1
	}
	seen := make([]int, right) // stamp of the search that last visited j
	stamp := 0
	var augment func(i int) bool
	augment = func(i int) bool {
		for _, j := range adj[i] {
			if seen[j] == stamp {
				continue
			}
			seen[j] = stamp
			if matchR[j] < 0 || augment(matchR[j]) {
				matchR[j] = i
				return true
			}
		}
		return false
	}
	size := 0
	for i := range adj {
		stamp++
		if augment(i) {
			size++
		}
	}
	return size
}

// maxMNO is max(mno(∀A, B)) for a truth partition with the given cluster
// sizes, computed as in the MoJo 2.0 reference implementation: sort the
// sizes ascending and let G grow by one for every size still above it; the
// maximum is n − G. Empty clusters are ignored.
func maxMNO(sizes []int) int {
	s := make([]int, 0, len(sizes))
	n := 0
	for _, x := range sizes {
		if x > 0 {
			s = append(s, x)
			n += x
		}
	}
	sort.Ints(s)
	g := 0
	for _, x := range s {
		if g < x {
			g++
		}
	}
	return n - g
}
