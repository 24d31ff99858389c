package eval

// ARI is the adjusted Rand index of Hubert & Arabie ("Comparing
// partitions", Journal of Classification 2, 1985) between the computed
// partition and the truth, over the objects present in both maps:
//
//	ARI = (Σ_ij C(n_ij,2) − E) / (½[Σ_i C(a_i,2) + Σ_j C(b_j,2)] − E)
//	E   = Σ_i C(a_i,2) · Σ_j C(b_j,2) / C(n,2)
//
// with n_ij the contingency table and a_i, b_j its row and column sums. It
// is 1 for identical partitions, about 0 for a random one, and can go
// negative. Unlike MoJoFM it is symmetric and does not depend on cluster
// names.
//
// Degenerate cases, where the formula is 0/0, are defined as 1: fewer than
// two objects, or both partitions trivial in the same way (one cluster each,
// or all singletons each). In every such case the two partitions are equal.
func ARI(computed, truth map[string]string) float64 {
	a, b := commonPartitions(computed, truth)
	return ari(a, b)
}

func ari(a, b []int) float64 {
	n := len(a)
	if n < 2 {
		return 1
	}
	type cell struct{ i, j int }
	nij := map[cell]int{}
	for o := range a {
		nij[cell{a[o], b[o]}]++
	}
	var index float64
	for _, c := range nij {
		index += choose2(c)
	}
	sizesA, sizesB := clusterSizes(a), clusterSizes(b)
	// The denominator vanishes exactly when both partitions are one cluster
	// or both are all singletons; test that on the counts, not on a float
	// difference that rounding may leave slightly off zero.
	if (len(sizesA) == 1 && len(sizesB) == 1) || (len(sizesA) == n && len(sizesB) == n) {
		return 1
	}
	var sumA, sumB float64
	for _, s := range sizesA {
		sumA += choose2(s)
	}
	for _, s := range sizesB {
		sumB += choose2(s)
	}
	expected := sumA * sumB / choose2(n)
	return (index - expected) / ((sumA+sumB)/2 - expected)
}

// choose2 is C(x, 2) in floating point: pair counts of large decompositions
// overflow int64 once multiplied.
func choose2(x int) float64 {
	f := float64(x)
	return f * (f - 1) / 2
}
