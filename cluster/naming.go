package cluster

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/decomp/decomp/cluster/graph"
)

// roleWords are type-name words that say what layer code sits in, not what
// domain it serves; they never name a context.
var roleWords = map[string]bool{
	"handler": true, "handlers": true, "service": true, "services": true, "repository": true, "repo": true,
	"store": true, "controller": true, "model": true, "models": true, "impl": true, "request": true,
	"response": true, "req": true, "resp": true, "dto": true, "dao": true, "client": true, "server": true,
	"manager": true, "config": true, "options": true, "opts": true, "params": true, "input": true,
	"output": true, "result": true, "results": true, "error": true, "err": true, "api": true, "http": true,
	"interface": true, "iface": true, "mock": true, "fake": true, "test": true, "new": true, "base": true,
	"default": true, "internal": true, "pkg": true, "cmd": true, "util": true, "utils": true, "common": true,
	"view": true, "views": true, "row": true, "rows": true, "record": true, "entity": true, "list": true,
	"get": true, "set": true, "by": true, "id": true, "ids": true, "info": true, "data": true, "item": true,
	"items": true, "type": true, "types": true, "functions": true, "job": true, "jobs": true, "worker": true,
	"event": true, "events": true, "payload": true, "summary": true, "stats": true, "query": true,
	"option": true, "form": true, "context": true, "ctx": true, "exist": true, "exists": true,
	"already": true, "not": true, "invalid": true, "found": true, "with": true, "for": true, "from": true,
	"and": true, "the": true, "all": true, "create": true, "update": true, "delete": true, "opt": true,
	"port": true, "ports": true, "adapter": true, "adapters": true,
	"func": true, "funcs": true, "fn": true, "builder": true, "cache": true, "datastore": true,
}

// domainSuffixes end the names of types that stand for a whole domain.
var domainSuffixes = map[string]bool{"service": true, "usecase": true, "usecases": true, "module": true, "domain": true, "facade": true}

// stopNames are words that never name a context: technical words, layer,
// infrastructure and container names.
func stopName(w string) bool {
	w = strings.ToLower(w)
	// integration, e2e, test(s) name test support only when the code is
	// (weakTestNames): a domain folder so named keeps its word.
	return roleWords[w] || layerNames[w] || infraNames[w] || testNames[w] && !weakTestNames[w] || containers[w] || maybeContainers[w] ||
		techNames[w] || w == "examples" || w == "example" || w == "sample" || w == "samples" || w == "main" || w == "." || w == ""
}

// assemble turns community labels into the ordered Decomposition and the
// final membership (context index per unit, -1 for platform units and
// tables no context holds).
func assemble(g *graph.Graph, m []int, platform map[int]string, pinOf map[int]int, pinNames []string, unitFolder []string, folders map[string]*Folder, tech map[string]bool) (Decomposition, []int) {
	groups := map[int][]int{}
	for i, c := range m {
		if c >= 0 {
			groups[c] = append(groups[c], i)
		}
	}
	type draft struct {
		units []int
		lines int
		cands []nameCand
		name  string
		why   string
	}
	var drafts []*draft
	dec := Decomposition{
		UnitContext:  map[string]int{},
		FuncContext:  map[string]int{},
		TypeContext:  map[string]int{},
		FuncPlatform: map[string]string{},
	}
	var plat []*PlatformGroup
	for _, c := range sortedInts(groups) {
		members := groups[c]
		if k, ok := platform[c]; ok {
			pg := &PlatformGroup{Folder: k, Role: RoleInfra, Why: "small code coupled to no context"}
			if f := folders[k]; f != nil {
				pg.Role, pg.Why = f.Role, f.Why
			}
			switch k {
			case sharedHelpers:
				pg.Why = "code a third or more of the contexts use that uses no other module code: the shared kernel"
			case schemaCode:
				pg.Why = "code that touches half of the tables or more and writes three times as often as it reads (migrations), with what runs it and keeps its own books (schema_version): it manages the schema, not one domain's data"
			case declaredPlatform:
				pg.Role, pg.Why = RoleInfra, "declared platform in decomp.yaml"
			case declaredEntry:
				pg.Role, pg.Why = RoleEntry, "declared entry points in decomp.yaml"
			}
			pkgs := map[string]bool{}
			for _, i := range members {
				u := g.Units[i]
				pg.Units = append(pg.Units, u.ID)
				pg.Lines += u.Lines
				for _, fn := range u.Funcs {
					dec.FuncPlatform[fn] = k
				}
				if u.Pkg != "" {
					pkgs[u.Pkg] = true
				}
			}
			sort.Strings(pg.Units)
			pg.Packages = sortedKeys(pkgs)
			plat = append(plat, pg)
			continue
		}
		d := &draft{units: members}
		code, pinnedHere := false, false
		for _, i := range members {
			d.lines += g.Units[i].Lines
			code = code || g.Units[i].Kind != graph.KindTable
			_, ok := pinOf[i]
			pinnedHere = pinnedHere || ok
		}
		if !code && !pinnedHere {
			continue // tables no code holds
		}
		d.cands = withoutTech(nameCandidates(g, members, pinOf, pinNames, unitFolder, folders), tech)
		drafts = append(drafts, d)
	}
	sort.Slice(drafts, func(i, j int) bool {
		if drafts[i].lines != drafts[j].lines {
			return drafts[i].lines > drafts[j].lines
		}
		return drafts[i].units[0] < drafts[j].units[0]
	})
	// Unique names, in size order: the larger context keeps its first
	// choice, a smaller one takes its next; never a numeric suffix.
	used := map[string]bool{}
	// Pins name their contexts first, then domain folders: the folder is
	// the context, whatever the size of the layer code that joined it.
	for _, pass := range []nameSource{fromPin, fromFolder} {
		for _, d := range drafts {
			if d.name != "" {
				continue
			}
			for _, c := range d.cands {
				if c.from == pass && !used[c.name] {
					d.name, d.why = c.name, c.why
					used[c.name] = true
					break
				}
			}
		}
	}
	for _, d := range drafts {
		if d.name != "" {
			continue
		}
		for _, c := range d.cands {
			if !used[c.name] {
				d.name, d.why = c.name, c.why
				break
			}
		}
		if d.name == "" && len(d.cands) > 0 {
			first := d.cands[0]
			for _, c := range d.cands[1:] {
				if n := first.name + "-" + c.name; c.name != first.name && !used[n] {
					d.name, d.why = n, first.why+", with "+c.name+" to tell it from the larger "+first.name
					break
				}
			}
		}
		if d.name == "" {
			// No domain word at all: the largest unit's own name.
			u := g.Units[d.units[0]]
			for _, i := range d.units {
				if g.Units[i].Lines > u.Lines || g.Units[i].Lines == u.Lines && g.Units[i].ID < u.ID {
					u = g.Units[i]
				}
			}
			short := strings.ToLower(shortName(u))
			tries := []string{short}
			if len(d.cands) > 0 && d.cands[0].name != short {
				tries = []string{d.cands[0].name + "-" + short}
			}
			// Unit IDs are unique, so the last try always is.
			tries = append(tries, strings.ToLower(u.PkgName)+"-"+short,
				strings.Trim(strings.NewReplacer("/", "-", ".", "-", ":", "-").Replace(strings.ToLower(u.ID)), "-"))
			for _, n := range tries {
				if !used[n] {
					d.name, d.why = n, "named after its largest unit, "+u.ID
					break
				}
			}
		}
		used[d.name] = true
	}
	sort.SliceStable(drafts, func(i, j int) bool {
		if drafts[i].lines != drafts[j].lines {
			return drafts[i].lines > drafts[j].lines
		}
		return drafts[i].name < drafts[j].name
	})
	membership := make([]int, len(m))
	for i := range membership {
		membership[i] = -1
	}
	for id, d := range drafts {
		c := Context{ID: id, Name: d.name, NameReason: d.why, Lines: d.lines}
		files := map[string]bool{}
		pkgs := map[string]bool{}
		for _, i := range d.units {
			u := g.Units[i]
			membership[i] = id
			dec.UnitContext[u.ID] = id
			c.Units = append(c.Units, u.ID)
			if u.Kind == graph.KindTable {
				c.Tables = append(c.Tables, u.Name)
				continue
			}
			if u.Pkg != "" {
				pkgs[u.Pkg] = true
			}
			for _, f := range u.Files {
				files[f] = true
			}
			for _, fn := range u.Funcs {
				dec.FuncContext[fn] = id
			}
			for _, t := range u.Types {
				dec.TypeContext[t] = id
			}
		}
		c.Files = len(files)
		c.Packages = sortedKeys(pkgs)
		sort.Strings(c.Units)
		sort.Strings(c.Tables)
		dec.Contexts = append(dec.Contexts, c)
	}
	sort.Slice(plat, func(i, j int) bool { return plat[i].Folder < plat[j].Folder })
	for _, pg := range plat {
		dec.Platform = append(dec.Platform, *pg)
	}
	return dec, membership
}

func shortName(u graph.Unit) string {
	id := u.ID
	if u.Kind == graph.KindFuncs {
		id = strings.TrimSuffix(id, ".go")
		if i := strings.LastIndexAny(id, ":"); i >= 0 {
			return id[i+1:]
		}
	}
	if i := strings.LastIndexAny(id, "/."); i >= 0 {
		return id[i+1:]
	}
	return id
}

// nameCand is one possible name of a context and where it comes from.
type nameCand struct {
	name, why string
	from      nameSource
}

// nameSource ranks where a name comes from: pins first, then domain
// folders, then words.
type nameSource int

const (
	fromWord nameSource = iota
	fromPin
	fromFolder
)

// nameCandidates lists a context's possible names, best first: its pin's
// name; the domain folder holding most of its code; then the domain words
// of its type names, package paths and tables, weighted by lines.
func nameCandidates(g *graph.Graph, members []int, pinOf map[int]int, pinNames []string, unitFolder []string, folders map[string]*Folder) []nameCand {
	var out []nameCand
	for _, i := range members {
		if p, ok := pinOf[i]; ok {
			out = append(out, nameCand{pinNames[p], "pinned in the config", fromPin})
			break
		}
	}
	total := 0
	byFolder := map[string]int{}
	for _, i := range members {
		u := g.Units[i]
		total += u.Lines
		if f := unitFolder[i]; f != "" && folders[f] != nil && folders[f].Role == RoleDomain {
			byFolder[f] += u.Lines
		}
	}
	// A domain folder is its context: the largest one in it names it.
	var fk []string
	for _, f := range sortedKeys(byFolder) {
		// A top-level folder names the context it anchors unless layer
		// code that joined it outweighs it four to one.
		if folders[f].Parent == "" && byFolder[f]*5 >= total || byFolder[f]*10 >= total*6 {
			fk = append(fk, f)
		}
	}
	sort.SliceStable(fk, func(i, j int) bool { return byFolder[fk[i]] > byFolder[fk[j]] })
	// Three or more subfolders of a split folder that behave as one
	// context are that folder's (reader/atom, reader/rss and reader/json
	// are reader); two are more likely two domains that merged.
	out = append(out, folderGroupNames(byFolder, total, 3, func(f string) string {
		if p := folders[f].Parent; p != "" && folderWord(p) != "" {
			return p
		}
		return ""
	}, folderWord, func(p string, n int) string { return fmt.Sprintf("domain folder %s (%d of its subfolders)", p, n) })...)
	// Domain folders of several tiers that share a stem (app/domain/userapp,
	// business/domain/userbus) are that stem's context: user. They compete
	// with the single folders, so the share is of the folders' lines.
	folderLines := 0
	for _, n := range byFolder {
		folderLines += n
	}
	out = append(out, folderGroupNames(byFolder, folderLines, 2, func(f string) string {
		w := folderWord(f)
		if st := packageStem(withoutTechPrefix(w)); w != "" && st != w && !stopName(st) {
			return st
		}
		return ""
	}, func(st string) string { return st }, func(_ string, n int) string { return fmt.Sprintf("the stem of %d domain folders", n) })...)
	for _, f := range fk {
		if w := folderWord(f); w != "" {
			out = append(out, nameCand{w, "domain folder " + f, fromFolder})
		}
	}
	score := map[string]float64{}
	// A table's name is the authors' noun even when it is also a layer's
	// (the repository table of a Git service, the action table of its
	// feed): such a word may name the context that owns the table or the
	// model mapped to it.
	tableWords := map[string]bool{}
	for _, i := range members {
		u := g.Units[i]
		if u.Kind == graph.KindTable {
			tableWords[singular(strings.ToLower(u.Name))] = true
		}
		for _, t := range u.Tables {
			tableWords[singular(strings.ToLower(t))] = true
		}
	}
	// A word of four letters or more that begins one table's one-word name
	// is short for it: repo in CreateRepoOptions and repo.go is the
	// repository table's noun, even though repo alone names a layer.
	expand := map[string]string{}
	tables := sortedKeys(tableWords)
	expansion := func(w string) string {
		if x, ok := expand[w]; ok {
			return x
		}
		x := ""
		if len(w) >= 4 && !tableWords[w] {
			for _, t := range tables {
				if len(t) > len(w) && strings.HasPrefix(t, w) && !strings.ContainsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) }) {
					if x != "" {
						x = "" // two tables begin with it: not short for either
						break
					}
					x = t
				}
			}
		}
		expand[w] = x
		return x
	}
	// Two words that only ever come together (TwoFactor, two_factor) are
	// one noun: pair counts what each adjacent pair of kept words scores.
	pair := map[[2]string]float64{}
	addWords := func(ws []string, x float64) {
		prev := ""
		for _, w := range ws {
			if t := expansion(w); t != "" {
				w = t
			}
			if len(w) < 3 || stopName(w) && !tableWords[w] {
				prev = ""
				continue
			}
			score[w] += x
			if prev != "" && prev != w {
				pair[[2]string{prev, w}] += x
			}
			prev = w
		}
	}
	for _, i := range members {
		u := g.Units[i]
		w := float64(u.Lines + 10)
		switch u.Kind {
		case graph.KindTable:
			// Words are letters and digits: a quoted table name may
			// hold anything.
			var ws []string
			for _, word := range strings.FieldsFunc(u.Name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				ws = append(ws, singular(word))
			}
			addWords(ws, 8)
		case graph.KindType:
			name := u.ID[strings.LastIndexByte(u.ID, '.')+1:]
			words := graph.CamelWords(name)
			// A service type names the domain its slice serves
			// (CatalogService holds TrackRepository and Track): its
			// words count five times.
			boost := 1.0
			if n := len(words); n > 1 && domainSuffixes[strings.ToLower(words[n-1])] {
				boost = 5
			}
			var ws []string
			for _, word := range words {
				ws = append(ws, singular(strings.ToLower(word)))
			}
			addWords(ws, w*boost)
		}
		if u.Dir != "" {
			segs := strings.Split(u.Dir, "/")
			var ws []string
			for _, word := range strings.FieldsFunc(segs[len(segs)-1], func(r rune) bool { return r == '_' || r == '-' }) {
				ws = append(ws, singular(strings.ToLower(word)))
			}
			addWords(ws, w/2)
		}
	}
	words := sortedKeys(score)
	sort.SliceStable(words, func(i, j int) bool { return score[words[i]] > score[words[j]] })
	pairs := sortedPairs(pair)
	done := map[string]bool{}
	for _, wd := range words {
		if done[wd] {
			continue
		}
		if a, b, ok := compound(wd, score, pair, pairs); ok {
			done[a], done[b] = true, true
			out = append(out, nameCand{a + "-" + b, "its most frequent domain noun, two words that only come together (type names, tables, package names)", fromWord})
			continue
		}
		out = append(out, nameCand{wd, "its most frequent domain word (type names, tables, package names)", fromWord})
	}
	return out
}

// withoutTechPrefix drops a technology name that leads a folder word and
// says how the domain after it is served: grpcauthapp is authapp over gRPC.
func withoutTechPrefix(w string) string {
	for _, t := range sortedKeys(techNames) {
		if rest := strings.TrimPrefix(w, t); rest != w && len(t) >= 3 && len(rest) >= 3 {
			return rest
		}
	}
	return w
}

// compound reports the pair of words, one of them w, that always come
// together in this order wherever either is used: TwoFactor and
// two_factor give two-factor, where factor alone would not say which.
// pairs are pair's keys, sorted.
func compound(w string, score map[string]float64, pair map[[2]string]float64, pairs [][2]string) (string, string, bool) {
	const eps = 1e-9
	for _, p := range pairs {
		if p[0] != w && p[1] != w {
			continue
		}
		x := pair[p]
		if math.Abs(x-score[p[0]]) < eps && math.Abs(x-score[p[1]]) < eps {
			return p[0], p[1], true
		}
	}
	return "", "", false
}

// sortedPairs lists a map's pair keys in order.
func sortedPairs[K cmp.Ordered, V any](m map[[2]K]V) [][2]K {
	out := make([][2]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b [2]K) int {
		if c := cmp.Compare(a[0], b[0]); c != 0 {
			return c
		}
		return cmp.Compare(a[1], b[1])
	})
	return out
}

// withoutTech drops the word candidates (from type, table and package
// names) that name a technology the module imports: a context is named
// after its domain, not what it is built with (firestore, prometheus). Pins,
// domain folders and modules keep their names: they are the authors' cut.
func withoutTech(cands []nameCand, tech map[string]bool) []nameCand {
	if len(tech) == 0 {
		return cands
	}
	out := cands[:0]
	for _, c := range cands {
		if c.from == fromWord && tech[singular(c.name)] {
			continue
		}
		out = append(out, c)
	}
	return out
}

// folderGroupNames names a context after what several of its domain
// folders have in common (group gives it, "" for none; name turns it into
// the name): a group of at least min folders holding three fifths of the
// lines or more, largest first.
func folderGroupNames(byFolder map[string]int, total, min int, group, name func(string) string, why func(group string, n int) string) []nameCand {
	lines, count := map[string]int{}, map[string]int{}
	for f, n := range byFolder {
		if g := group(f); g != "" {
			lines[g] += n
			count[g]++
		}
	}
	var names []string
	for _, g := range sortedKeys(lines) {
		if count[g] >= min && lines[g]*10 >= total*6 {
			names = append(names, g)
		}
	}
	sort.SliceStable(names, func(i, j int) bool { return lines[names[i]] > lines[names[j]] })
	var out []nameCand
	for _, g := range names {
		out = append(out, nameCand{name(g), why(g, count[g]), fromFolder})
	}
	return out
}

// folderWord is the name a folder gives its context: its last segment that
// is not a technical word.
func folderWord(key string) string {
	segs := strings.Split(key, "/")
	for i := len(segs) - 1; i >= 0; i-- {
		if !stopName(segs[i]) {
			return strings.ToLower(segs[i])
		}
	}
	return ""
}

// singular strips a plural "s" so tracks and Track count as one word.
func singular(w string) string {
	w = strings.ToLower(w)
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"), strings.HasSuffix(w, "ics"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}
