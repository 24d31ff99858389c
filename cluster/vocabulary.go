package cluster

import (
	"sort"
	"strings"

	"github.com/decomp/decomp/cluster/graph"
)

// Layered code names each domain's piece of every layer after the domain:
// QuestionController, QuestionService, questionRepo, entity.Question,
// schema.QuestionAddReq, models/campaign.go and controllers/api/campaigns.go.
// That shared vocabulary is the authors' own statement of which pieces go
// together, so each domain noun becomes a term node of the clustering graph
// (as tables are), tied to every unit whose name leads with it.

// unitTerm returns the domain noun a unit's name leads with: the first
// word of its type name, file name or package folder that is not a
// technical word, singular and lower case ("" when there is none).
func unitTerm(u graph.Unit) string {
	var words []string
	switch u.Kind {
	case graph.KindType:
		words = graph.CamelWords(u.ID[strings.LastIndexByte(u.ID, '.')+1:])
	case graph.KindFuncs:
		file := u.ID[strings.LastIndexByte(u.ID, ':')+1:]
		words = strings.FieldsFunc(strings.TrimSuffix(file, ".go"), func(r rune) bool { return r == '_' || r == '-' || r == '.' })
	case graph.KindPackage:
		words = strings.FieldsFunc(u.Dir[strings.LastIndexByte(u.Dir, '/')+1:], func(r rune) bool { return r == '_' || r == '-' || r == '.' })
		for i, w := range words {
			words[i] = packageStem(strings.ToLower(w))
		}
	}
	for _, w := range words {
		w = singular(strings.ToLower(w))
		if len(w) < 3 || stopName(w) || termStop[w] {
			continue
		}
		return w
	}
	return ""
}

// stemSuffixes are the layer and technology words Go package names end
// with when they name one domain's piece of a layer in one word (userapp,
// userbus, userdb, productpg, orderssvc).
var stemSuffixes = []string{"app", "bus", "db", "otel", "api", "svc", "srv", "pb", "pg", "sql", "store", "repo", "http", "grpc", "client", "server", "service", "handler", "handlers", "model", "models", "mock", "mocks", "audit"}

// packageStem returns the domain word of a one-word package name that
// ends with a layer or technology word ("user" for userbus), else the name.
func packageStem(w string) string {
	for _, suf := range stemSuffixes {
		if stem := strings.TrimSuffix(w, suf); stem != w && len(stem) >= 3 {
			return stem
		}
	}
	return w
}

// termStop are verbs and qualifiers that lead type names without naming a
// domain (GetUserReq, AddQuestionReq, NewTrackHandler).
var termStop = map[string]bool{
	"add": true, "remove": true, "edit": true, "save": true, "load": true, "find": true,
	"put": true, "post": true, "patch": true, "fetch": true, "send": true, "check": true, "validate": true,
	"parse": true, "build": true, "make": true, "init": true, "start": true, "stop": true, "run": true,
	"handle": true, "process": true, "admin": true, "batch": true, "bulk": true, "count": true,
	"paging": true, "detail": true, "simple": true, "basic": true, "full": true, "my": true,
	"own": true, "public": true, "private": true, "global": true, "json": true, "sql": true,
	"mock": true, "fake": true, "test": true, "provider": true, "wire": true, "main": true, "doc": true,
	"util": true, "helper": true, "const": true, "constant": true, "enum": true, "status": true, "state": true,
	"uniq": true, "unique": true, "is": true, "has": true, "can": true, "do": true, "to": true, "of": true,
	"on": true, "in": true, "at": true, "or": true, "no": true, "go": true,
}

// termEdges returns, for the units of g that are free to move (not set
// aside), the term each one is tied to, keeping only terms shared by units
// of two or more packages and carried by at most maxShare of the units.
func termEdges(g *graph.Graph, aside []bool, maxShare float64) (terms []string, unitTerms map[int]int) {
	byTerm := map[string][]int{}
	for i, u := range g.Units {
		if aside[i] || u.Kind == graph.KindTable {
			continue
		}
		if t := unitTerm(u); t != "" {
			byTerm[t] = append(byTerm[t], i)
		}
	}
	code := 0
	for i, u := range g.Units {
		if !aside[i] && u.Kind != graph.KindTable {
			code++
		}
	}
	unitTerms = map[int]int{}
	keys := make([]string, 0, len(byTerm))
	for t := range byTerm {
		keys = append(keys, t)
	}
	sort.Strings(keys)
	for _, t := range keys {
		us := byTerm[t]
		pkgs := map[string]bool{}
		for _, i := range us {
			pkgs[g.Units[i].Pkg] = true
		}
		if len(pkgs) < 2 || float64(len(us)) > maxShare*float64(code) && len(us) > 3 {
			continue
		}
		idx := len(terms)
		terms = append(terms, t)
		for _, i := range us {
			unitTerms[i] = idx
		}
	}
	return terms, unitTerms
}
