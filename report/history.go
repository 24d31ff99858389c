package report

import (
	"sort"
	"strings"

	"github.com/decomp/decomp/analysis/history"
)

// History is what the repository's history says about the contexts:
// which change together, who changes them, and the units whose history
// ties them elsewhere than their code does.
type History struct {
	// Note says why there is no history, or what to know about it.
	Note    string `json:"note,omitempty"`
	Window  string `json:"window,omitempty"`
	Head    string `json:"head,omitempty"`
	Commits int    `json:"commits"`
	Authors int    `json:"authors"`
	// Merges, Bulk and Bots count the commits left out, by rule.
	Merges int `json:"merges"`
	Bulk   int `json:"bulk"`
	Bots   int `json:"bots"`
	// Together are the context pairs changed in the same commits, most
	// commits first.
	Together []ChangePair `json:"together"`
	// Owners are each context's authors by lines changed.
	Owners []ContextOwners `json:"owners"`
	// SamePeople are groups of contexts with the same main authors.
	SamePeople []PeopleGroup `json:"samePeople"`
	// Pulled are the units changed more often with another context's code
	// than with their own's.
	Pulled []HistoryPull `json:"pulled"`
	// UnitOwners are each changed unit's main authors (at most two).
	UnitOwners []UnitOwners `json:"unitOwners"`
}

// UnitOwners are one unit's authors by lines changed.
type UnitOwners struct {
	Unit    string          `json:"unit"`
	Commits int             `json:"commits"`
	Top     []history.Owner `json:"top"`
}

// ChangePair is two contexts' change coupling.
type ChangePair struct {
	A       string `json:"a"`
	B       string `json:"b"`
	Commits int    `json:"commits"`
	// Share is the commits that changed both over those that changed
	// either; ConfAB the share of A's commits that changed B.
	Share    float64     `json:"share"`
	ConfAB   float64     `json:"confAB"`
	ConfBA   float64     `json:"confBA"`
	Weight   float64     `json:"weight"`
	Examples []CommitRef `json:"examples"`
}

// CommitRef names a commit.
type CommitRef struct {
	Hash    string `json:"hash"`
	Date    string `json:"date"`
	Subject string `json:"subject"`
}

// ContextOwners are one context's authors.
type ContextOwners struct {
	Context string `json:"context"`
	Commits int    `json:"commits"`
	// Spread is how many authors changed 80% of its lines.
	Spread int             `json:"spread"`
	Top    []history.Owner `json:"top"`
}

// PeopleGroup is contexts changed by the same main authors.
type PeopleGroup struct {
	Authors  []string `json:"authors"`
	Contexts []string `json:"contexts"`
}

// HistoryPull is a unit that changes with another context.
type HistoryPull struct {
	Unit    string `json:"unit"`
	Context string `json:"context"`
	// Other is the context it changes with most; OwnWeight and
	// OtherWeight the decayed co-change weight with each.
	Other       string  `json:"other"`
	OwnWeight   float64 `json:"ownWeight"`
	OtherWeight float64 `json:"otherWeight"`
	Commits     int     `json:"commits"`
	// Latest is the newest commit that changed it with the other context.
	Latest CommitRef `json:"latest"`
}

// Thresholds of the history findings: a pair or a pull needs
// history.MinTogether commits to be reported.
const (
	minTogether = history.MinTogether
	mainShare   = 0.8
)

func buildHistory(h *history.History, note string, ctxs []Context) *History {
	if h == nil {
		if note == "" {
			return nil
		}
		return &History{Note: note}
	}
	out := &History{Note: note, Window: h.Window, Head: h.Head, Commits: len(h.Commits), Merges: h.Merges, Bulk: h.Bulk, Bots: h.Bots,
		Together: []ChangePair{}, Owners: []ContextOwners{}, SamePeople: []PeopleGroup{}, Pulled: []HistoryPull{}, UnitOwners: []UnitOwners{}}
	names := map[string]string{}
	for _, c := range h.Commits {
		if _, ok := names[c.Email]; !ok {
			names[c.Email] = c.Author
		}
	}
	out.Authors = len(names)

	// Files to contexts and to units.
	ctxOf := map[string][]int{}
	unitOf := map[string][]int{}
	type unitRef struct{ ctx, i int }
	var units []unitRef
	for ci, c := range ctxs {
		for ui, u := range c.Units {
			for _, f := range u.Files {
				if l := ctxOf[f]; len(l) == 0 || l[len(l)-1] != ci {
					ctxOf[f] = append(ctxOf[f], ci)
				}
				unitOf[f] = append(unitOf[f], len(units))
			}
			units = append(units, unitRef{ci, ui})
		}
	}
	pairs, per := history.CoChange(h, len(ctxs), func(p string) []int { return ctxOf[p] })
	for _, p := range pairs {
		if p.Commits < minTogether {
			continue
		}
		cp := ChangePair{A: ctxs[p.A].Name, B: ctxs[p.B].Name, Commits: p.Commits, ConfAB: round3(p.ConfAB), ConfBA: round3(p.ConfBA), Weight: p.Weight,
			Share: round3(float64(p.Commits) / float64(per[p.A]+per[p.B]-p.Commits))}
		for _, e := range p.Examples {
			cp.Examples = append(cp.Examples, commitRef(h.Commits[e]))
		}
		out.Together = append(out.Together, cp)
	}

	owners := history.Owners(h, len(ctxs), func(p string) []int { return ctxOf[p] })
	main := make([]map[string]bool, len(ctxs))
	for ci, os := range owners {
		if len(os) == 0 {
			continue
		}
		spread := history.Spread(os, mainShare)
		main[ci] = map[string]bool{}
		for _, o := range os[:spread] {
			main[ci][o.Email] = true
		}
		out.Owners = append(out.Owners, ContextOwners{Context: ctxs[ci].Name, Commits: per[ci], Spread: spread, Top: os[:min(3, len(os))]})
	}
	// "The same people" means something only where there are several:
	// contexts grouped by the set of their main authors.
	if out.Authors > 1 {
		groups := map[string]*PeopleGroup{}
		var keys []string
		for ci := range ctxs {
			if main[ci] == nil || per[ci] < minTogether || len(main[ci]) == out.Authors {
				continue
			}
			var emails []string
			for e := range main[ci] {
				emails = append(emails, e)
			}
			sort.Strings(emails)
			k := strings.Join(emails, "\x00")
			g := groups[k]
			if g == nil {
				g = &PeopleGroup{}
				for _, e := range emails {
					g.Authors = append(g.Authors, names[e])
				}
				groups[k] = g
				keys = append(keys, k)
			}
			g.Contexts = append(g.Contexts, ctxs[ci].Name)
		}
		for _, k := range keys {
			if g := groups[k]; len(g.Contexts) > 1 {
				out.SamePeople = append(out.SamePeople, *g)
			}
		}
		sort.SliceStable(out.SamePeople, func(i, j int) bool { return len(out.SamePeople[i].Contexts) > len(out.SamePeople[j].Contexts) })
	}

	// Units: the commits that changed a unit's files together with other
	// files of each context. Files it shares with other units are left out
	// of its partners: units declared in one file always change together,
	// and that is the file's coupling, not the history's.
	type uc struct{ u, c int }
	weight := map[uc]float64{}
	commits := map[uc]int{}
	latest := map[uc]int{}
	unitFiles := make([]map[string]bool, len(units))
	for f, us := range unitOf {
		for _, u := range us {
			if unitFiles[u] == nil {
				unitFiles[u] = map[string]bool{}
			}
			unitFiles[u][f] = true
		}
	}
	for ci, c := range h.Commits {
		w := h.Recency(c)
		touchedUnits := map[int]bool{}
		for _, f := range c.Files {
			for _, u := range unitOf[f.Path] {
				touchedUnits[u] = true
			}
		}
		for u := range touchedUnits {
			with := map[int]bool{}
			for _, f := range c.Files {
				if unitFiles[u][f.Path] {
					continue
				}
				for _, ci := range ctxOf[f.Path] {
					with[ci] = true
				}
			}
			for x := range with {
				k := uc{u, x}
				if commits[k] == 0 {
					latest[k] = ci // newest first
				}
				weight[k] += w
				commits[k]++
			}
		}
	}
	for u, ref := range units {
		own := ref.ctx
		best := -1
		for ci := range ctxs {
			if ci != own && commits[uc{u, ci}] > 0 && (best < 0 || weight[uc{u, ci}] > weight[uc{u, best}]) {
				best = ci
			}
		}
		if best < 0 || weight[uc{u, best}] <= weight[uc{u, own}] || commits[uc{u, best}] < minTogether {
			continue
		}
		out.Pulled = append(out.Pulled, HistoryPull{Unit: ctxs[own].Units[ref.i].ID, Context: ctxs[own].Name, Other: ctxs[best].Name,
			OwnWeight: round3(weight[uc{u, own}]), OtherWeight: round3(weight[uc{u, best}]), Commits: commits[uc{u, best}],
			Latest: commitRef(h.Commits[latest[uc{u, best}]])})
	}
	uowners := history.Owners(h, len(units), func(p string) []int { return unitOf[p] })
	ucommits := make([]int, len(units))
	for _, c := range h.Commits {
		seen := map[int]bool{}
		for _, f := range c.Files {
			for _, u := range unitOf[f.Path] {
				if !seen[u] {
					seen[u] = true
					ucommits[u]++
				}
			}
		}
	}
	for u, os := range uowners {
		if len(os) > 0 {
			ref := units[u]
			out.UnitOwners = append(out.UnitOwners, UnitOwners{Unit: ctxs[ref.ctx].Units[ref.i].ID, Commits: ucommits[u], Top: os[:min(2, len(os))]})
		}
	}
	sort.Slice(out.Pulled, func(i, j int) bool {
		a, b := out.Pulled[i], out.Pulled[j]
		if a.OtherWeight-a.OwnWeight != b.OtherWeight-b.OwnWeight {
			return a.OtherWeight-a.OwnWeight > b.OtherWeight-b.OwnWeight
		}
		return a.Unit < b.Unit
	})
	return out
}

func commitRef(c history.Commit) CommitRef {
	return CommitRef{Hash: c.Hash[:min(12, len(c.Hash))], Date: c.Time.Format("2006-01-02"), Subject: c.Subject}
}

func round3(x float64) float64 {
	return float64(int64(x*1000+0.5)) / 1000
}
