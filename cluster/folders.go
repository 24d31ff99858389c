package cluster

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/decomp/decomp/cluster/graph"
)

// Folder is a group of packages under one top-level source folder, the
// authors' own first cut of the code.
type Folder struct {
	// Key is the folder path relative to the module root, e.g. "internal/billing".
	Key string `json:"key"`
	// Role is how decomp reads the folder: "domain" (one bounded context),
	// "layer" (one technical layer across domains: handlers, services,
	// models...; gives no prior), "infra" (shared infrastructure) or "entry"
	// (main packages wiring everything together).
	Role FolderRole `json:"role"`
	// Why explains the classification.
	Why string `json:"why"`
	// Parent is set when a domain folder too large to be one context was
	// split into its subfolders: the prior then keeps each subfolder
	// together but lets the coupling merge siblings back.
	Parent string `json:"parent,omitempty"`
}

// FolderRole classifies a folder.
type FolderRole string

// Folder roles.
const (
	RoleDomain FolderRole = "domain"
	RoleLayer  FolderRole = "layer"
	RoleInfra  FolderRole = "infra"
	RoleEntry  FolderRole = "entry"
)

// Layer reports whether the folder gives no prior.
func (f *Folder) Layer() bool { return f.Role == RoleLayer }

// infraNames are folder names of shared technical infrastructure: code every
// context uses, which belongs to none of them.
var infraNames = map[string]bool{
	"platform": true, "infra": true, "infrastructure": true, "common": true, "shared": true, "util": true,
	"utils": true, "kit": true, "foundation": true, "core": true, "support": true, "x": true, "lib": true,
	"libs": true, "base": true, "helpers": true, "pkg": true, "conf": true, "config": true, "configs": true,
	"settings": true, "setting": true, "log": true, "logging": true, "logger": true, "testutil": true,
	"mocks": true, "mock": true, "tools": true, "tool": true, "build": true, "scripts": true,
}

// containers are directory names that only hold other folders' code.
var containers = map[string]bool{"internal": true, "src": true}

// maybeContainers hold domain folders when they have no package of their own,
// and are a layer when they do (services/billing/... versus services/*.go).
var maybeContainers = map[string]bool{
	"services": true, "service": true, "apps": true, "app": true, "modules": true, "domains": true, "domain": true,
	"components": true, "contexts": true, "features": true,
}

// layerNames are folder names of technical layers.
var layerNames = map[string]bool{
	"handler": true, "handlers": true, "controller": true, "controllers": true, "service": true, "services": true,
	"repository": true, "repositories": true, "repo": true, "repos": true, "model": true, "models": true,
	"entity": true, "entities": true, "dto": true, "dtos": true, "dao": true, "daos": true, "store": true,
	"stores": true, "storage": true, "persistence": true, "usecase": true, "usecases": true, "transport": true,
	"endpoint": true, "endpoints": true, "api": true, "rest": true, "http": true, "grpc": true, "views": true,
	"view": true, "routes": true, "router": true, "middleware": true, "middlewares": true, "schema": true,
	"schemas": true, "types": true, "domain": true, "jobs": true, "workers": true, "worker": true, "queries": true,
	"database": true, "db": true, "dal": true, "orm": true, "dbmodels": true, "migrations": true, "route": true,
}

// FolderKey returns the folder group of a package directory: the path up to
// its first segment that is not a container directory.
func FolderKey(dir string, hasPkg func(dir string) bool) string {
	if dir == "" || dir == "." {
		return "."
	}
	return folderKeyBelow(dir, "", hasPkg)
}

// folderKeyBelow is FolderKey for the part of dir below base ("" for the
// module root).
func folderKeyBelow(dir, base string, hasPkg func(dir string) bool) string {
	rest := dir
	if base != "" {
		rest = strings.TrimPrefix(dir, base+"/")
	}
	segs := strings.Split(rest, "/")
	for i, s := range segs {
		prefix := strings.Join(segs[:i+1], "/")
		if base != "" {
			prefix = base + "/" + prefix
		}
		if i == len(segs)-1 {
			return prefix
		}
		if containers[s] {
			continue
		}
		if maybeContainers[s] && !hasPkg(prefix) {
			continue
		}
		return prefix
	}
	return dir
}

// maxFolderShare is the share of the module's code units above which a
// domain folder is split into its subfolders: a folder holding a third of
// everything is a product or a subsystem tree, not one bounded context.
const maxFolderShare = 0.25

// classifyFolders groups units by folder and decides which folders are
// layers, infrastructure, entry points or domains.
func classifyFolders(g *graph.Graph) (unitFolder []string, folders map[string]*Folder) {
	dirs := map[string]bool{}
	code := 0
	for _, u := range g.Units {
		if u.Kind != graph.KindTable {
			dirs[u.Dir] = true
			code++
		}
	}
	hasPkg := func(d string) bool { return dirs[d] }
	unitFolder = make([]string, len(g.Units))
	folders = map[string]*Folder{}
	members := map[string][]int{}
	for i, u := range g.Units {
		if u.Kind == graph.KindTable {
			continue
		}
		k := FolderKey(u.Dir, hasPkg)
		unitFolder[i] = k
		members[k] = append(members[k], i)
	}
	for _, k := range sortedKeys(members) {
		folders[k] = classifyFolder(g, k, members[k])
	}
	// Split domain folders that are too large, level by level.
	for round := 0; round < 3; round++ {
		split := false
		for _, k := range sortedKeys(members) {
			f := folders[k]
			if f.Role != RoleDomain || float64(len(members[k])) <= maxFolderShare*float64(code) {
				continue
			}
			children := map[string][]int{}
			for _, i := range members[k] {
				if d := g.Units[i].Dir; d != k {
					children[folderKeyBelow(d, k, hasPkg)] = append(children[folderKeyBelow(d, k, hasPkg)], i)
				}
			}
			if len(children) < 3 {
				continue
			}
			split = true
			var stay []int
			for _, i := range members[k] {
				if g.Units[i].Dir == k {
					stay = append(stay, i)
				}
			}
			for _, ck := range sortedKeys(children) {
				members[ck] = children[ck]
				for _, i := range children[ck] {
					unitFolder[i] = ck
				}
				cf := classifyFolder(g, ck, children[ck])
				cf.Parent = k
				folders[ck] = cf
			}
			if len(stay) > 0 {
				members[k] = stay
			} else {
				delete(members, k)
				delete(folders, k)
			}
		}
		if !split {
			break
		}
	}
	return unitFolder, folders
}

// classifyFolder reads one folder's role from its name and its types.
func classifyFolder(g *graph.Graph, k string, members []int) *Folder {
	f := &Folder{Key: k}
	last := strings.ToLower(k[strings.LastIndexByte(k, '/')+1:])
	allMain := true
	for _, i := range members {
		if g.Units[i].PkgName != "main" {
			allMain = false
		}
	}
	switch {
	case last == "cmd" || allMain:
		f.Role, f.Why = RoleEntry, "entry points: main packages wire every context together and belong to none"
	case infraNames[last]:
		f.Role, f.Why = RoleInfra, "folder name "+last+" is shared infrastructure"
	case layerNames[last]:
		f.Role, f.Why = RoleLayer, "folder name "+last+" is a technical layer"
	default:
		if suffix, n := roleSuffix(g, members); suffix != "" {
			f.Role, f.Why = RoleLayer, "its types share the role suffix "+suffix+" across "+strconv.Itoa(n)+" different names"
		} else {
			f.Role, f.Why = RoleDomain, "domain folder: its packages are treated as one context unless the code says otherwise"
		}
	}
	return f
}

// roleSuffix finds a camel-case suffix (Handler, Service, Repository, ...)
// shared by at least half the folder's types, with three or more distinct
// stems: the mark of a layer that holds every domain.
func roleSuffix(g *graph.Graph, members []int) (string, int) {
	count := map[string]int{}
	stems := map[string]map[string]bool{}
	total := 0
	for _, i := range members {
		for _, t := range g.Units[i].Types {
			name := t[strings.LastIndexByte(t, '.')+1:]
			words := camelWords(name)
			if len(words) < 2 {
				total++
				continue
			}
			total++
			suf := words[len(words)-1]
			count[suf]++
			if stems[suf] == nil {
				stems[suf] = map[string]bool{}
			}
			stems[suf][strings.Join(words[:len(words)-1], "")] = true
		}
	}
	best, bestN := "", 0
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if count[k] > bestN {
			best, bestN = k, count[k]
		}
	}
	if best == "" || total < 3 || bestN*2 < total || len(stems[best]) < 3 {
		return "", 0
	}
	return best, len(stems[best])
}

// camelWords splits an identifier into its words: "HTTPTrackHandler" ->
// HTTP, Track, Handler.
func camelWords(s string) []string {
	var words []string
	rs := []rune(s)
	start := 0
	for i := 1; i < len(rs); i++ {
		lowerToUpper := unicode.IsLower(rs[i-1]) && unicode.IsUpper(rs[i])
		acronymEnd := i+1 < len(rs) && unicode.IsUpper(rs[i-1]) && unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i+1])
		if rs[i] == '_' {
			if i > start {
				words = append(words, string(rs[start:i]))
			}
			start = i + 1
			continue
		}
		if lowerToUpper || acronymEnd || (unicode.IsDigit(rs[i]) != unicode.IsDigit(rs[i-1]) && unicode.IsLetter(rs[i])) {
			if i > start {
				words = append(words, string(rs[start:i]))
			}
			start = i
		}
	}
	if start < len(rs) {
		words = append(words, string(rs[start:]))
	}
	return words
}
