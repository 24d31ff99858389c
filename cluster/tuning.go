package cluster

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Tunable is one constant or rule of the clustering that was chosen on the
// development corpus. Every one is named here so that it can be judged
// leave-one-repository-out (scripts/loo.sh): set with --tune NAME=VALUE, a
// rule is on at 1 and off at 0.
type Tunable struct {
	Name    string
	Default float64
	// Rule is set for on/off switches.
	Rule bool
	Doc  string
}

// Tunables lists every tuned constant and rule with its shipped default.
var Tunables = []Tunable{
	{"term-weight", DefaultTermWeight, false, "weight tying a unit to the domain noun its name leads with (0: no vocabulary)"},
	{"hub-damping", DefaultHubDamping, false, "exponent x dividing an edge's weight by (deg(a)·deg(b))^x"},
	{"consensus-runs", 8, false, "Leiden runs from consecutive seeds; the one agreeing most with the others is kept (1: one run)"},
	{"file-tie", 1, false, "weight tying the units of one file, as a share of term-weight (0: no file tie)"},
	{"term-max-share", 0.2, false, "a term carried by more than this share of the units is dropped"},
	{"max-folder-share", maxFolderShare, false, "a domain folder with more than this share of the units (and 3+ subfolders) is read one level down"},
	{"tiny-share", 0.004, false, "a context under this share of the module's lines (and 40) that owns no table is a leftover"},
	{"merge-cohesion", 1.5, false, "two domain folders merge when their mutual coupling is this many times each one's cohesion..."},
	{"merge-outside", 2.0 / 3, false, "...and this share of each one's outside coupling"},
	{"helper-share", 1.0 / 3, false, "layer code used by this share of the contexts (and 3), using no module code, is a shared helper"},
	{"split-large", 1, true, "read a large domain folder one level down"},
	{"behaviour-roles", 1, true, "correct name-based folder roles from what the code does (test support, adapters, wiring, libraries)"},
	{"stem-tie", 1, true, "tie a split tree's subfolder to the top-level domain folder sharing its stem (userbus to userapp)"},
	{"schema-wide", 1, true, "set aside units that write half of the tables (migrations)"},
	{"shared-helpers", 1, true, "set aside omnipresent layer helpers and cluster again"},
	{"absorb-singletons", 1, true, "a one-unit community joins its strongest neighbour"},
	{"place-isolated", 1, true, "a unit tied to nothing joins the code declared beside it"},
	{"place-adapters", 1, true, "an adapter's types join the contexts of the ports they implement"},
	{"settle-libraries", 1, true, "a library no context holds 60% of is set aside or joins its namesake aggregate"},
	{"merge-folders", 1, true, "merge domain folders that behave as one context"},
	{"join-entries", 1, true, "a main whose coupling goes 80% to one context joins it"},
	{"join-aggregates", 1, true, "a free community, or a free type, held only in another community's fields (once by value), with no table, joins it (part of its aggregate)"},
	{"join-satellites", 1, true, "a community with no table that one larger context alone uses joins it as a module (a domain folder's only on merge-outside of its coupling)"},
	{"dissolve-tiny", 1, true, "a leftover context joins its strongest neighbour"},
}

// Tuning overrides tunables by name; a missing name has its default.
type Tuning map[string]float64

// V returns the value of a tunable.
func (t Tuning) V(name string) float64 {
	if v, ok := t[name]; ok {
		return v
	}
	for _, tu := range Tunables {
		if tu.Name == name {
			return tu.Default
		}
	}
	panic("cluster: unknown tunable " + name)
}

// On reports whether a rule is on.
func (t Tuning) On(name string) bool { return t.V(name) != 0 }

// String is the overrides as NAME=VALUE, sorted.
func (t Tuning) String() string {
	var parts []string
	for k, v := range t {
		parts = append(parts, k+"="+strconv.FormatFloat(v, 'g', -1, 64))
	}
	sort.Strings(parts)
	return strings.Join(parts, ",")
}

// ParseTuning reads NAME=VALUE pairs.
func ParseTuning(specs []string) (Tuning, error) {
	t := Tuning{}
	for _, s := range specs {
		name, val, ok := strings.Cut(s, "=")
		if !ok {
			return nil, fmt.Errorf("--tune %q: want NAME=VALUE", s)
		}
		var tu *Tunable
		for i := range Tunables {
			if Tunables[i].Name == name {
				tu = &Tunables[i]
			}
		}
		if tu == nil {
			return nil, fmt.Errorf("--tune %q: unknown name (known: %s)", s, tunableNames())
		}
		v, err := strconv.ParseFloat(val, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > 1000 || tu.Rule && v != 0 && v != 1 {
			return nil, fmt.Errorf("--tune %q: want a number in [0, 1000] (0 or 1 for a rule)", s)
		}
		t[name] = v
	}
	return t, nil
}

func tunableNames() string {
	var names []string
	for _, tu := range Tunables {
		names = append(names, tu.Name)
	}
	return strings.Join(names, ", ")
}
