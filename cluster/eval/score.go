package eval

// Scores compares one decomposition with the truth.
type Scores struct {
	// MoJoFM is in [0, 1]; see MoJoFM.
	MoJoFM float64 `json:"mojoFM"`
	// ARI is the adjusted Rand index; see ARI.
	ARI float64 `json:"ari"`
	// MoJo is the one-directional MoJo distance mno(computed, truth): the
	// number of moves and joins that turn the computed contexts into the
	// truth's.
	MoJo int `json:"mojo"`
	// Objects is the number of objects scored: present in both maps and,
	// under domainOnly, labelled with a domain context by the truth. The
	// figures above mean little when it is small; 0 means nothing matched.
	Objects int `json:"objects"`
	// Missing counts truth objects (after the domain filter) the
	// decomposition does not contain.
	Missing int `json:"missing"`
	// Extra counts computed objects the truth does not label.
	Extra int `json:"extra"`
	// NonDomain counts objects in both maps dropped by domainOnly.
	NonDomain int `json:"nonDomain"`
	// ComputedClusters and TruthClusters count the distinct labels among
	// the scored objects.
	ComputedClusters int `json:"computedClusters"`
	TruthClusters    int `json:"truthClusters"`
}

// Score compares a computed decomposition (object -> context) with the truth
// (object -> label) over the objects both contain. With domainOnly, objects
// whose truth label is non-domain (IsNonDomain) are left out, so
// infrastructure and entry-point buckets neither help nor hurt.
func Score(computed, truth map[string]string, domainOnly bool) Scores {
	var s Scores
	comp := make(map[string]string, len(computed))
	tr := make(map[string]string, len(truth))
	for o, label := range truth {
		_, inComputed := computed[o]
		if domainOnly && IsNonDomain(label) {
			if inComputed {
				s.NonDomain++
			}
			continue
		}
		if !inComputed {
			s.Missing++
			continue
		}
		tr[o] = label
		comp[o] = computed[o]
	}
	for o := range computed {
		if _, ok := truth[o]; !ok {
			s.Extra++
		}
	}
	a, b := commonPartitions(comp, tr)
	s.Objects = len(a)
	s.ComputedClusters = len(clusterSizes(a))
	s.TruthClusters = len(clusterSizes(b))
	s.MoJoFM = mojoFM(a, b)
	s.ARI = ari(a, b)
	s.MoJo = mno(a, b)
	return s
}
