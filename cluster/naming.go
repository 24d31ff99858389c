package cluster

import (
	"sort"
	"strings"

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
}

// domainSuffixes end the names of types that stand for a whole domain.
var domainSuffixes = map[string]bool{"service": true, "usecase": true, "usecases": true, "module": true, "domain": true, "facade": true}

// assemble turns a membership vector into the ordered Decomposition.
func assemble(g *graph.Graph, membership []int, pinOf map[int]int, pinNames []string, unitFolder []string, folders map[string]*Folder) Decomposition {
	groups := map[int][]int{}
	for i, c := range membership {
		if c >= 0 {
			groups[c] = append(groups[c], i)
		}
	}
	type draft struct {
		units []int
		lines int
		name  string
	}
	var drafts []*draft
	for _, members := range groups {
		d := &draft{units: members}
		for _, i := range members {
			d.lines += g.Units[i].Lines
		}
		d.name = nameFor(g, members, pinOf, pinNames, unitFolder, folders)
		drafts = append(drafts, d)
	}
	sort.Slice(drafts, func(i, j int) bool {
		if drafts[i].lines != drafts[j].lines {
			return drafts[i].lines > drafts[j].lines
		}
		if drafts[i].name != drafts[j].name {
			return drafts[i].name < drafts[j].name
		}
		return drafts[i].units[0] < drafts[j].units[0]
	})
	// Make names unique in order: the larger context keeps the plain name.
	used := map[string]int{}
	for _, d := range drafts {
		used[d.name]++
		if n := used[d.name]; n > 1 {
			d.name = d.name + "-" + string(rune('0'+min(n, 9)))
		}
	}
	dec := Decomposition{
		UnitContext: map[string]int{},
		FuncContext: map[string]int{},
		TypeContext: map[string]int{},
	}
	for id, d := range drafts {
		c := Context{ID: id, Name: d.name, Lines: d.lines}
		files := map[string]bool{}
		pkgs := map[string]bool{}
		for _, i := range d.units {
			u := g.Units[i]
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
	return dec
}

// nameFor names a context: its pin's name; else the domain folder holding
// most of its code; else the dominant domain word of its type names,
// package paths and tables, weighted by lines.
func nameFor(g *graph.Graph, members []int, pinOf map[int]int, pinNames []string, unitFolder []string, folders map[string]*Folder) string {
	for _, i := range members {
		if p, ok := pinOf[i]; ok {
			return pinNames[p]
		}
	}
	total := 0
	byFolder := map[string]int{}
	for _, i := range members {
		u := g.Units[i]
		total += u.Lines
		if f := unitFolder[i]; f != "" && !folders[f].Layer() {
			byFolder[f] += u.Lines
		}
	}
	for _, f := range sortedKeys(byFolder) {
		if total > 0 && byFolder[f]*10 >= total*6 {
			return f[strings.LastIndexByte(f, '/')+1:]
		}
	}
	score := map[string]float64{}
	for _, i := range members {
		u := g.Units[i]
		w := float64(u.Lines + 10)
		switch u.Kind {
		case graph.KindTable:
			for _, word := range strings.FieldsFunc(u.Name, func(r rune) bool { return r == '_' || r == '.' }) {
				addWord(score, singular(word), 8)
			}
		case graph.KindType:
			name := u.ID[strings.LastIndexByte(u.ID, '.')+1:]
			words := camelWords(name)
			// A service type names the domain its slice serves
			// (CatalogService holds TrackRepository and Track): its
			// words count five times.
			boost := 1.0
			if n := len(words); n > 1 && domainSuffixes[strings.ToLower(words[n-1])] {
				boost = 5
			}
			for _, word := range words {
				addWord(score, singular(strings.ToLower(word)), w*boost)
			}
		}
		if u.Dir != "" {
			segs := strings.Split(u.Dir, "/")
			last := segs[len(segs)-1]
			if !layerNames[last] && !containers[last] {
				addWord(score, singular(strings.ToLower(last)), w/2)
			}
		}
	}
	best, bestW := "", 0.0
	for _, wd := range sortedKeys(score) {
		if score[wd] > bestW {
			best, bestW = wd, score[wd]
		}
	}
	if best == "" {
		u := g.Units[members[0]]
		if u.Dir != "" {
			return u.Dir[strings.LastIndexByte(u.Dir, '/')+1:]
		}
		return u.Name
	}
	return best
}

func addWord(score map[string]float64, w string, x float64) {
	if len(w) < 3 || roleWords[w] || layerNames[w] {
		return
	}
	score[w] += x
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
