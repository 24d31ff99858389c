package history

import (
	"math"
	"sort"
	"time"
)

// HalfLife is the recency decay of change coupling: a commit that old
// counts half as much as one at HEAD.
const HalfLife = 180 * 24 * time.Hour

// MinTogether is how many shared commits make two contexts change together
// (or a unit pulled by another context): one or two are chance.
const MinTogether = 3

// Coupling is the change coupling of two groups (units or contexts): the
// commits that changed both, as in association mining.
type Coupling struct {
	A, B int
	// Commits changed both; Weight is their recency-decayed count.
	Commits int
	Weight  float64
	// ConfAB is the share of A's commits that changed B too; ConfBA the
	// other way round.
	ConfAB, ConfBA float64
	// Examples are the newest commits that changed both (at most three).
	Examples []int
}

// CoChange counts, for every pair of groups, the kept commits that changed
// files of both; groupsOf maps a file to the groups declared in it (none
// for a file outside the analysis). It returns the pairs, strongest first,
// and each group's commit count.
func CoChange(h *History, n int, groupsOf func(path string) []int) ([]Coupling, []int) {
	per := make([]int, n)
	type key struct{ a, b int }
	acc := map[key]*Coupling{}
	var keys []key
	for ci, c := range h.Commits {
		touched := map[int]bool{}
		for _, f := range c.Files {
			for _, g := range groupsOf(f.Path) {
				touched[g] = true
			}
		}
		gs := make([]int, 0, len(touched))
		for g := range touched {
			gs = append(gs, g)
			per[g]++
		}
		sort.Ints(gs)
		w := h.Recency(c)
		for i := range gs {
			for j := i + 1; j < len(gs); j++ {
				k := key{gs[i], gs[j]}
				p := acc[k]
				if p == nil {
					p = &Coupling{A: k.a, B: k.b}
					acc[k] = p
					keys = append(keys, k)
				}
				p.Commits++
				p.Weight += w
				if len(p.Examples) < 3 {
					p.Examples = append(p.Examples, ci) // newest first, as the commits are
				}
			}
		}
	}
	out := make([]Coupling, 0, len(keys))
	for _, k := range keys {
		p := acc[k]
		p.ConfAB = float64(p.Commits) / float64(per[p.A])
		p.ConfBA = float64(p.Commits) / float64(per[p.B])
		p.Weight = math.Round(p.Weight*1000) / 1000
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Commits != b.Commits {
			return a.Commits > b.Commits
		}
		if a.A != b.A {
			return a.A < b.A
		}
		return a.B < b.B
	})
	return out, per
}

// Recency is what commit c counts for in change coupling: 1 at HEAD, half
// HalfLife before it.
func (h *History) Recency(c Commit) float64 {
	age := h.HeadTime.Sub(c.Time)
	if age < 0 {
		age = 0
	}
	return math.Pow(0.5, float64(age)/float64(HalfLife))
}

// Owner is an author's share of a group's changed lines.
type Owner struct {
	Author string  `json:"author"`
	Email  string  `json:"email"`
	Lines  int     `json:"lines"`
	Share  float64 `json:"share"`
}

// Owners gives each of n groups its authors by lines changed (added plus
// deleted, in the kept commits), most first; a file's lines count for each
// group declared in it.
func Owners(h *History, n int, groupsOf func(path string) []int) [][]Owner {
	lines := make([]map[string]int, n)
	names := map[string]string{}
	for _, c := range h.Commits {
		if _, ok := names[c.Email]; !ok {
			names[c.Email] = c.Author // the newest name an email used
		}
		for _, f := range c.Files {
			for _, g := range groupsOf(f.Path) {
				if lines[g] == nil {
					lines[g] = map[string]int{}
				}
				lines[g][c.Email] += max(f.Lines, 1)
			}
		}
	}
	out := make([][]Owner, n)
	for g, m := range lines {
		total := 0
		for _, l := range m {
			total += l
		}
		for email, l := range m {
			out[g] = append(out[g], Owner{Author: names[email], Email: email, Lines: l, Share: math.Round(1000*float64(l)/float64(total)) / 1000})
		}
		sort.Slice(out[g], func(i, j int) bool {
			a, b := out[g][i], out[g][j]
			if a.Lines != b.Lines {
				return a.Lines > b.Lines
			}
			return a.Email < b.Email
		})
	}
	return out
}

// Spread is the number of authors who together changed share (say 0.8)
// of the lines: 1 is one owner, many is nobody's.
func Spread(owners []Owner, share float64) int {
	total := 0
	for _, o := range owners {
		total += o.Lines
	}
	sum := 0
	for i, o := range owners {
		sum += o.Lines
		if float64(sum) >= share*float64(total) {
			return i + 1
		}
	}
	return len(owners)
}
