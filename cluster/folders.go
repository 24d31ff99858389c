package cluster

import (
	"sort"
	"strconv"
	"strings"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/cluster/graph"
)

// Folder is a group of packages under one top-level source folder, the
// authors' own first cut of the code.
type Folder struct {
	// Key is the folder path relative to the module root, e.g. "internal/billing".
	Key string `json:"key"`
	// Role is how decomp reads the folder; see FolderRole.
	Role FolderRole `json:"role"`
	// Why explains the classification.
	Why string `json:"why"`
	// Parent is set when a domain folder too large to be one context was
	// split into its subfolders: the prior then keeps each subfolder
	// together but lets the coupling merge siblings back.
	Parent string `json:"parent,omitempty"`
	// Module is set when the folder is a Go module of its own (a go.work
	// member or a nested module): the authors' strongest cut, never split.
	Module bool `json:"module,omitempty"`
	// layerBy says how a layer was recognised; later rules depend on it.
	layerBy layerEvidence
}

// layerEvidence is what made a folder a layer.
type layerEvidence int

const (
	layerByName   layerEvidence = iota + 1 // a layer name: handlers, services, models
	layerBySuffix                          // its types share a role suffix
	layerByRoot                            // the root package of shared domain types
)

// FolderRole classifies a folder.
type FolderRole string

// Folder roles.
const (
	// RoleDomain is one bounded context, as its authors cut it.
	RoleDomain FolderRole = "domain"
	// RoleLayer is one technical layer across domains (handlers, services,
	// models...), or a package of shared domain types: no prior, and its
	// own package is placed type by type.
	RoleLayer FolderRole = "layer"
	// RoleAdapter is technology code implementing ports declared elsewhere
	// (a mongo/ or inmem/ folder): its types join the contexts whose ports
	// they implement and whose types they persist.
	RoleAdapter FolderRole = "adapter"
	// RoleLibrary is a leaf folder (it imports no domain code and touches
	// no table) that only layers and adapters use: a helper of theirs, not
	// a context of its own. It is placed by its coupling, and set aside
	// with the infrastructure when several contexts share it.
	RoleLibrary FolderRole = "library"
	// RoleInfra is shared technical infrastructure: set aside.
	RoleInfra FolderRole = "infra"
	// RoleEntry holds main packages and wiring: set aside.
	RoleEntry FolderRole = "entry"
	// RoleTest holds mocks, fakes and test helpers: set aside.
	RoleTest FolderRole = "test-support"
)

// Layer reports whether the folder gives no prior.
func (f *Folder) Layer() bool {
	return f.Role == RoleLayer || f.Role == RoleAdapter || f.Role == RoleLibrary
}

// Platform reports whether the folder is set aside from the contexts.
func (f *Folder) Platform() bool {
	return f.Role == RoleInfra || f.Role == RoleEntry || f.Role == RoleTest
}

// infraNames are folder names of shared technical infrastructure: code every
// context uses, which belongs to none of them.
var infraNames = map[string]bool{
	"platform": true, "infra": true, "infrastructure": true, "common": true, "shared": true, "util": true,
	"utils": true, "kit": true, "foundation": true, "core": true, "support": true, "x": true, "lib": true,
	"libs": true, "base": true, "helpers": true, "helper": true, "pkg": true, "conf": true, "config": true,
	"configs": true, "settings": true, "setting": true, "log": true, "logging": true, "logger": true,
	"tools": true, "tool": true, "build": true, "scripts": true, "i18n": true, "l10n": true, "locale": true,
	"locales": true, "docs": true, "doc": true, "assets": true, "static": true, "public": true, "web": true,
	"templates": true, "ui": true, "third_party": true, "thirdparty": true, "vendor": true, "errors": true,
	"errs": true, "metrics": true, "telemetry": true, "tracing": true, "observability": true,
	"health": true, "healthcheck": true, "version": true, "buildinfo": true, "migrations": true,
	"migration": true, "migrate": true, "dbmigrate": true, "seeds": true, "seed": true, "sdk": true,
}

// testNames are folder names of test support code.
var testNames = map[string]bool{
	"mock": true, "mocks": true, "fake": true, "fakes": true, "testutil": true, "testutils": true,
	"testhelper": true, "testhelpers": true, "testing": true, "test": true, "tests": true, "testdata": true,
	"mockgen": true, "stub": true, "stubs": true, "e2e": true, "integration": true,
}

// techNames are folder names of storage, messaging and transport
// technologies: a folder so named that implements ports declared elsewhere
// is an adapter.
var techNames = map[string]bool{
	"mongo": true, "mongodb": true, "inmem": true, "memory": true, "mem": true, "postgres": true,
	"postgresql": true, "pg": true, "mysql": true, "sqlite": true, "redis": true, "sql": true,
	"kafka": true, "nats": true, "rabbitmq": true, "amqp": true, "grpc": true, "http": true,
	"elastic": true, "elasticsearch": true, "dynamo": true, "dynamodb": true, "s3": true, "bolt": true,
	"boltdb": true, "badger": true, "gorm": true, "cassandra": true, "etcd": true, "memcache": true,
	"adapter": true, "adapters": true, "infras": true, "gateway": true, "gateways": true,
	// Observability stacks a module may publish to with its own code,
	// importing nothing that names them.
	"prometheus": true, "datadog": true, "statsd": true, "expvar": true, "otel": true,
	"opentelemetry": true, "jaeger": true, "zipkin": true, "grafana": true, "sentry": true,
	"newrelic": true, "honeycomb": true,
}

// techWords returns the names of the third-party packages the module
// imports, of their repositories and owners: for
// github.com/emersion/go-imap/client, emersion, imap and client; for
// cloud.google.com/go/firestore, firestore. An
// element is taken whole, without a go- prefix, a -go suffix or a version
// (.v1, /v2). Packages of the module's own organisation
// (github.com/apache/answer-plugins for github.com/apache/answer) and the
// standard library are left out: their words are the authors' own.
func techWords(pkgs map[string]*pkgInfo) map[string]bool {
	owner := func(path string) string {
		segs := strings.SplitN(path, "/", 3)
		if len(segs) < 2 || !strings.Contains(segs[0], ".") {
			return segs[0]
		}
		return segs[0] + "/" + segs[1]
	}
	own := map[string]bool{}
	for path := range pkgs {
		own[owner(path)] = true
	}
	isVersion := func(w string) bool { return len(w) > 1 && w[0] == 'v' && strings.Trim(w[1:], "0123456789") == "" }
	clean := func(seg string) string {
		w := strings.ToLower(seg)
		if i := strings.LastIndex(w, ".v"); i > 0 && isVersion(w[i+1:]) {
			w = w[:i]
		}
		w = strings.TrimSuffix(strings.TrimPrefix(w, "go-"), "-go")
		return singular(w)
	}
	words := map[string]bool{}
	for _, p := range pkgs {
		for _, imp := range p.external {
			segs := strings.Split(imp, "/")
			if len(segs) < 2 || !strings.Contains(segs[0], ".") || own[owner(imp)] {
				continue
			}
			last := len(segs) - 1
			if last > 1 && isVersion(segs[last]) {
				last--
			}
			elems := []string{segs[1], segs[last]}
			if last > 2 {
				elems = append(elems, segs[2]) // the repository: go-imap, mcp-go
			}
			for _, seg := range elems {
				if w := clean(seg); len(w) >= 3 {
					words[w] = true
				}
			}
		}
	}
	return words
}

// techImports are import-path fragments of storage, cache, messaging and
// transport libraries.
var techImports = []string{
	"database/sql", "go.mongodb.org/", "gorm.io/", "github.com/jinzhu/gorm", "xorm.io/", "github.com/jmoiron/sqlx",
	"github.com/jackc/pgx", "github.com/lib/pq", "github.com/go-sql-driver/mysql", "github.com/redis/",
	"github.com/go-redis/", "github.com/gomodule/redigo", "github.com/streadway/amqp", "github.com/rabbitmq/",
	"github.com/segmentio/kafka-go", "github.com/Shopify/sarama", "github.com/IBM/sarama", "github.com/nats-io/",
	"google.golang.org/grpc", "github.com/uptrace/bun", "entgo.io/", "github.com/Masterminds/squirrel",
	"go.etcd.io/bbolt", "github.com/boltdb/bolt", "github.com/aws/aws-sdk-go", "github.com/elastic/",
	"cloud.google.com/go/", "modernc.org/sqlite", "github.com/mattn/go-sqlite3",
}

// testImports mark a package that exists to support tests.
var testImports = []string{
	"testing", "github.com/stretchr/testify", "github.com/golang/mock/gomock",
	"go.uber.org/mock/gomock", "github.com/onsi/gomega", "github.com/onsi/ginkgo",
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
	"database": true, "db": true, "dal": true, "orm": true, "dbmodels": true, "route": true,
	"data": true, "biz": true, "logic": true, "validator": true, "validators": true, "validation": true,
}

// dataLayers are layer names of data definitions: domain types shared by
// every slice, placed type by type, never set aside.
var dataLayers = map[string]bool{
	"model": true, "models": true, "entity": true, "entities": true, "dto": true, "dtos": true, "schema": true,
	"schemas": true, "types": true, "domain": true, "dbmodels": true, "dao": true, "daos": true,
}

// Layout is how decomp reads the module's folders before clustering: the
// folder and role of every package, and which packages hold several
// domains (placed type by type at the auto granularity).
type Layout struct {
	// Root is the common directory of the analysed packages, relative to
	// the module root ("" when it is the module root): folder keys are
	// computed below it, so analysing ./services/... reads services/ as
	// the whole module.
	Root string
	// Folders maps folder keys to folders.
	Folders map[string]*Folder
	// PkgFolder maps each package path to its folder key.
	PkgFolder map[string]string
	// TopFolder maps each package path to its top-level folder key, before
	// large folders are split: the "group by folder" baseline.
	TopFolder map[string]string
	// TypeUnits are the packages the auto granularity splits into types:
	// the layers' own packages, adapters and a root package of shared
	// domain types.
	TypeUnits map[string]bool
	// TechWords are the words of the third-party packages the module
	// imports (firestore, prometheus, datadog, imap): technologies, which
	// never name a context.
	TechWords map[string]bool `json:"-"`
}

// pkgInfo is what classification knows of one package.
type pkgInfo struct {
	path, dir, name string
	moduleDir       string
	types           []string
	imports         []string
	external        []string
	lines           int
	units           int
	tables          bool
}

// Classify reads the folder structure of the packages in g, using the facts
// (imports, implements relations, data accesses) when there are some.
func Classify(g *graph.Graph, f *facts.Facts, t Tuning) *Layout {
	pkgs := map[string]*pkgInfo{}
	var order []string
	get := func(path string) *pkgInfo {
		p := pkgs[path]
		if p == nil {
			p = &pkgInfo{path: path}
			pkgs[path] = p
			order = append(order, path)
		}
		return p
	}
	for _, u := range g.Units {
		if u.Kind == graph.KindTable || u.Pkg == "" {
			continue
		}
		p := get(u.Pkg)
		p.dir, p.name = u.Dir, u.PkgName
		p.types = append(p.types, u.Types...)
		p.lines += u.Lines
		p.units++
	}
	funcPkg := map[string]string{}
	if f != nil {
		for _, fp := range f.Packages {
			if p, ok := pkgs[fp.Path]; ok {
				p.imports, p.external, p.moduleDir = fp.Imports, fp.ExternalImports, fp.ModuleDir
			}
		}
		for _, fn := range f.Funcs {
			funcPkg[fn.ID] = fn.Pkg
		}
		for _, a := range f.Accesses {
			if p, ok := pkgs[funcPkg[a.Func]]; ok {
				p.tables = true
			}
		}
	}
	sort.Strings(order)

	l := &Layout{Folders: map[string]*Folder{}, PkgFolder: map[string]string{}, TopFolder: map[string]string{}, TypeUnits: map[string]bool{}}
	l.TechWords = techWords(pkgs)
	var dirs []string
	for _, path := range order {
		dirs = append(dirs, pkgs[path].dir)
	}
	l.Root = commonDir(dirs)
	hasPkg := map[string]bool{}
	for _, d := range dirs {
		hasPkg[d] = true
	}
	has := func(d string) bool { return hasPkg[d] }
	// When the packages span several Go modules, each module below the
	// root is one folder: a go.work member or a nested module is a
	// boundary its authors drew with a go.mod.
	moduleDirs := map[string]bool{}
	for _, path := range order {
		moduleDirs[pkgs[path].moduleDir] = true
	}
	moduleKey := func(p *pkgInfo) string {
		d := p.moduleDir
		if len(moduleDirs) < 2 || d == "" || d == "." || d == l.Root || !strings.HasPrefix(d+"/", l.Root+"/") && l.Root != "" {
			return ""
		}
		return d
	}
	members := map[string][]*pkgInfo{}
	modules := map[string]bool{}
	for _, path := range order {
		p := pkgs[path]
		k := moduleKey(p)
		if k != "" {
			modules[k] = true
		} else {
			k = l.folderKey(p.dir, has)
		}
		l.PkgFolder[path] = k
		l.TopFolder[path] = k
		members[k] = append(members[k], p)
	}
	for _, k := range sortedKeys(members) {
		l.Folders[k] = l.classifyByName(k, members[k])
		if modules[k] {
			l.Folders[k].Module = true
			if fo := l.Folders[k]; fo.Role == RoleLayer {
				fo.Role, fo.Why, fo.layerBy = RoleDomain, "a Go module of its own: one context unless the code says otherwise", 0
			}
		}
	}
	if f != nil && t.On("behaviour-roles") {
		l.classifyByBehaviour(members, pkgs, f)
	}
	if t.On("split-large") {
		l.splitLarge(members, has, t.V("max-folder-share"))
	}
	spreadPkg := map[string]bool{}
	if f != nil {
		spread := graph.SpreadReceivers(f)
		for _, t := range f.Types {
			if spread[t.ID] {
				spreadPkg[t.Pkg] = true
			}
		}
	}
	for k, ms := range members {
		fo := l.Folders[k]
		for _, p := range ms {
			switch {
			case fo.Role == RoleAdapter:
				l.TypeUnits[p.path] = true
			case fo.Role == RoleLayer && p.dir == k:
				// The layer's own package holds every domain; its
				// subpackages (repo/user, service/billing) are the
				// authors' per-domain cut of the layer...
				l.TypeUnits[p.path] = true
			case fo.Role == RoleLayer:
				// ...unless one holds several domains itself, as a
				// layer does: types sharing a role suffix across three
				// or more stems (QuestionService, UserService, ...),
				// or one receiver with a file of methods per resource.
				if suffix, _ := roleSuffix(p.types); suffix != "" || spreadPkg[p.path] {
					l.TypeUnits[p.path] = true
				}
			}
		}
	}
	return l
}

// commonDir returns the longest common directory of dirs ("" for the module
// root).
func commonDir(dirs []string) string {
	if len(dirs) == 0 {
		return ""
	}
	var common []string
	for i, d := range dirs {
		if d == "." || d == "" {
			return ""
		}
		segs := strings.Split(d, "/")
		if i == 0 {
			common = segs
			continue
		}
		n := 0
		for n < len(common) && n < len(segs) && common[n] == segs[n] {
			n++
		}
		common = common[:n]
	}
	if len(dirs) == 1 && len(common) > 0 {
		// A single package: its own folder is the root's only folder.
		common = common[:len(common)-1]
	}
	return strings.Join(common, "/")
}

// folderKey is FolderKey below the layout's root.
func (l *Layout) folderKey(dir string, has func(string) bool) string {
	if dir == "" || dir == "." {
		return "."
	}
	if l.Root == "" {
		return FolderKey(dir, has)
	}
	if dir == l.Root {
		return dir
	}
	return folderKeyBelow(dir, l.Root, has)
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

// classifyByName reads one folder's role from its name and its types.
func (l *Layout) classifyByName(k string, members []*pkgInfo) *Folder {
	f := &Folder{Key: k}
	last := strings.ToLower(k[strings.LastIndexByte(k, '/')+1:])
	allMain := true
	for _, p := range members {
		if p.name != "main" {
			allMain = false
		}
	}
	var types []string
	for _, p := range members {
		types = append(types, p.types...)
	}
	root := len(members) == 1 && (members[0].dir == l.Root || (l.Root == "" && members[0].dir == "."))
	switch {
	case last == "cmd" || allMain:
		f.Role, f.Why = RoleEntry, "entry points: main packages wire every context together and belong to none"
	case root:
		f.Role, f.Why, f.layerBy = RoleLayer, "root package: shared domain types, placed type by type", layerByRoot
	case testNames[last] || strings.HasSuffix(last, "mock") || strings.HasSuffix(last, "mocks") || strings.HasSuffix(last, "test"):
		f.Role, f.Why = RoleTest, "folder name "+last+" is test support"
	case infraNames[last]:
		f.Role, f.Why = RoleInfra, "folder name "+last+" is shared infrastructure"
	case layerNames[last]:
		f.Role, f.Why, f.layerBy = RoleLayer, "folder name "+last+" is a technical layer", layerByName
	default:
		if suffix, n := roleSuffix(types); suffix != "" {
			f.Role, f.Why, f.layerBy = RoleLayer, "its types share the role suffix "+suffix+" across "+strconv.Itoa(n)+" different names", layerBySuffix
		} else {
			f.Role, f.Why = RoleDomain, "domain folder: its packages are one context unless the code says otherwise"
		}
	}
	return f
}

// classifyByBehaviour corrects name-based roles of domain folders from what
// their code does: test helpers import the testing libraries, adapters
// implement ports declared elsewhere and talk to a storage or transport
// library, wiring packages import many folders and are imported only by
// entry points, and infrastructure is imported by several folders while
// importing no domain code itself.
func (l *Layout) classifyByBehaviour(members map[string][]*pkgInfo, pkgs map[string]*pkgInfo, f *facts.Facts) {
	l.checkNames(members)
	typePkg := map[string]string{}
	for _, t := range f.Types {
		typePkg[t.ID] = t.Pkg
	}
	// implOut counts, per folder, its types implementing module interfaces
	// of other folders; implIn, types of other folders implementing its own.
	implOut := map[string]map[string]bool{}
	implIn := map[string]int{}
	for _, u := range f.Uses {
		if u.Kind != facts.UseImplements {
			continue
		}
		from, to := l.PkgFolder[typePkg[u.From]], l.PkgFolder[typePkg[u.Target]]
		if from == "" || to == "" || from == to {
			continue
		}
		if implOut[from] == nil {
			implOut[from] = map[string]bool{}
		}
		implOut[from][u.From] = true
		implIn[to]++
	}
	importers := map[string]map[string]bool{} // folder -> importing folders
	for _, p := range pkgs {
		from := l.PkgFolder[p.path]
		for _, imp := range p.imports {
			to, ok := l.PkgFolder[imp]
			if !ok || to == from {
				continue
			}
			if importers[to] == nil {
				importers[to] = map[string]bool{}
			}
			importers[to][from] = true
		}
	}
	served := l.servedLines(members, f)
	for _, k := range sortedKeys(members) {
		fo := l.Folders[k]
		// Folders read as layers from their type names alone (mongo/ with
		// cargoRepository, voyageRepository) may still be adapters.
		bySuffix := fo.Role == RoleLayer && fo.layerBy == layerBySuffix
		if fo.Role != RoleDomain && !bySuffix {
			continue
		}
		ms := members[k]
		last := strings.ToLower(k[strings.LastIndexByte(k, '/')+1:])
		switch {
		case bySuffix && !(len(implOut[k]) >= 2 && implIn[k] == 0):
		case allImport(ms, testImports) && !servesProduction(k, served):
			fo.Role, fo.Why = RoleTest, "its packages import testing libraries outside test files, and production code of other folders uses less than half of it: test support"
		case len(implOut[k]) >= 2 && implIn[k] == 0 && (techNames[last] || anyImport(ms, techImports)):
			fo.Role, fo.Why = RoleAdapter, "adapter: "+strconv.Itoa(len(implOut[k]))+" of its types implement interfaces declared in other folders, and it talks to a storage or transport technology"
		case fo.Role == RoleDomain && len(importers[k]) == 0 && len(implOut[k]) == 0 && implIn[k] == 0 && standalone(k, ms, l.PkgFolder):
			fo.Role, fo.Why = RoleInfra, "standalone library: no other code of the module imports it, and it neither imports nor implements any of the module's code (an SDK for outside users, or code only tests use)"
		}
	}
	// Wiring and infrastructure depend on the other folders' roles: settle
	// them in rounds.
	for round := 0; round < 4; round++ {
		changed := false
		for _, k := range sortedKeys(l.wiring(members, importers)) {
			fo := l.Folders[k]
			fo.Role, fo.Why = RoleEntry, "wiring or a front end (a CLI, an installer): reaches into several folders and is imported only by entry points"
			changed = true
		}
		for _, k := range sortedKeys(members) {
			fo := l.Folders[k]
			if fo.Role != RoleDomain && fo.Role != RoleLayer {
				continue
			}
			last := strings.ToLower(k[strings.LastIndexByte(k, '/')+1:])
			imports, tables := l.reach(k, members[k])
			// Layers hold every domain, so only domain folders count as
			// the contexts that use a library.
			users, layerUsers := 0, 0
			for from := range importers[k] {
				fr := l.Folders[from]
				if fr == nil || fr.Platform() {
					continue
				}
				if fr.Role == RoleDomain {
					users++
				} else {
					layerUsers++
				}
			}
			leaf := len(imports) == 0 && !tables
			switch {
			case fo.Role == RoleLayer && (dataLayers[last] || fo.layerBy != layerByName):
				// Layers of data definitions (models, entity, a root
				// package of domain types, types sharing a role suffix)
				// are split by type, never set aside; a technical layer
				// by name (transport, db, middleware) may be shared
				// plumbing, below.
			case leaf && users >= 2:
				fo.Role, fo.Why = RoleInfra, "shared library: imported by "+strconv.Itoa(users)+" domain folders, imports no domain code and touches no table"
				changed = true
			case fo.Role == RoleDomain && leaf && users <= 1 && layerUsers > 0:
				fo.Role, fo.Why = RoleLibrary, "leaf library of the layers: imports no domain code, touches no table, imported by layers and adapters and at most one domain folder"
				changed = true
			}
		}
		if !changed {
			break
		}
	}
}

// standalone reports whether a folder's packages (none a main, none with
// tables) import no package of another folder of the module.
func standalone(k string, ms []*pkgInfo, pkgFolder map[string]string) bool {
	for _, p := range ms {
		if p.name == "main" || p.tables {
			return false
		}
		for _, imp := range p.imports {
			if to, ok := pkgFolder[imp]; ok && to != k {
				return false
			}
		}
	}
	return len(ms) > 0
}

// servedLines measures, per folder, the lines of its declarations
// (functions and types) and how many of them production code of other
// folders calls or uses; the default load has no test files, so what only
// tests use counts as unused. Folders that are platform by name, or that
// import testing libraries themselves, are not production callers.
func (l *Layout) servedLines(members map[string][]*pkgInfo, f *facts.Facts) map[string][2]int {
	folderOf := map[string]string{} // declaration -> folder
	lines := map[string]int{}
	out := map[string][2]int{}
	add := func(id, pkg string, n int, test bool) {
		k := l.PkgFolder[pkg]
		if k == "" || test {
			return
		}
		folderOf[id], lines[id] = k, n
		v := out[k]
		v[0] += n
		out[k] = v
	}
	for _, fn := range f.Funcs {
		add(fn.ID, fn.Pkg, fn.Lines, fn.Test)
	}
	for _, t := range f.Types {
		add(t.ID, t.Pkg, t.Lines, t.Test)
	}
	caller := map[string]bool{} // folders whose code counts as production
	for k, ms := range members {
		fo := l.Folders[k]
		caller[k] = fo != nil && !fo.Platform() && !allImport(ms, testImports)
	}
	// Production code of other folders enters a folder at the declarations
	// it calls or uses; what those reach inside the folder serves it too.
	inner := map[string][]string{}
	var queue []string
	used := map[string]bool{}
	use := func(from, target string) {
		k, ok := folderOf[target]
		if !ok {
			return
		}
		fk, ok := folderOf[from]
		if !ok {
			fk, ok = folderOf[facts.MethodRecv(from)]
		}
		switch {
		case !ok:
		case fk == k:
			inner[from] = append(inner[from], target)
		case caller[fk] && !used[target]:
			used[target] = true
			queue = append(queue, target)
		}
	}
	for _, c := range f.Calls {
		use(c.Caller, c.Callee)
	}
	for _, u := range f.Uses {
		use(u.From, u.Target)
	}
	for _, r := range f.FuncRefs {
		use(r.From, r.Target)
	}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		k := folderOf[id]
		v := out[k]
		v[1] += lines[id]
		out[k] = v
		for _, t := range inner[id] {
			if !used[t] {
				used[t] = true
				queue = append(queue, t)
			}
		}
	}
	return out
}

// servesProduction reports whether production code of other folders uses
// half of folder k's lines or more: a git wrapper with a mocks.go that
// imports testing, called by the domains, is their library; a test helper
// package whose one flag production code reads is test support.
func servesProduction(k string, served map[string][2]int) bool {
	v := served[k]
	return v[0] > 0 && 2*v[1] >= v[0]
}

// weakTestNames name test support only when the code agrees: an
// internal/integration folder may hold the third-party services a product
// integrates with.
var weakTestNames = map[string]bool{"integration": true, "e2e": true, "test": true, "tests": true, "testing": true}

// presentationNames name the user interface: static assets when the
// folder imports no module code, every domain's pages when it does.
var presentationNames = map[string]bool{"ui": true, "web": true}

// checkNames holds the name-based platform roles to what the code does.
// A folder named like test support that imports no testing library is read
// again without its name. A ui or web folder that imports the code of two
// or more other folders (internal/ui, every domain's pages over the storage
// and model layers) is the presentation layer, not static assets. Other
// infrastructure names stay: a base/ or migrations/ folder reaching into
// the domain is still the domain's plumbing.
func (l *Layout) checkNames(members map[string][]*pkgInfo) {
	for _, k := range sortedKeys(members) {
		fo := l.Folders[k]
		last := strings.ToLower(k[strings.LastIndexByte(k, '/')+1:])
		switch {
		case fo.Role == RoleTest && weakTestNames[last] && !anyImport(members[k], testImports):
			var types []string
			for _, p := range members[k] {
				types = append(types, p.types...)
			}
			if suffix, n := roleSuffix(types); suffix != "" {
				fo.Role, fo.Why, fo.layerBy = RoleLayer, "its types share the role suffix "+suffix+" across "+strconv.Itoa(n)+" different names", layerBySuffix
			} else {
				fo.Role, fo.Why = RoleDomain, "domain folder: named like tests ("+last+"), but imports no testing library"
			}
		case fo.Role == RoleInfra && presentationNames[last]:
			if imports, _ := l.reach(k, members[k]); len(imports) >= 2 {
				fo.Role, fo.Why, fo.layerBy = RoleLayer, "the user interface of every domain: a "+last+" folder importing the code of "+strconv.Itoa(len(imports))+" other folders", layerByName
			}
		}
	}
}

// wiring finds the domain folders that are front ends or wiring: each
// imports two or more non-platform folders and touches no table, or three
// or more layers (a domain that orchestrates other domains and owns tables
// stays one), and
// is imported only by entry points or by other such folders (a CLI and the
// installer it starts).
func (l *Layout) wiring(members map[string][]*pkgInfo, importers map[string]map[string]bool) map[string]bool {
	cand := map[string]bool{}
	for k, ms := range members {
		if l.Folders[k].Role != RoleDomain {
			continue
		}
		imports, tables := l.reach(k, ms)
		layersOnly := true
		for _, to := range imports {
			layersOnly = layersOnly && to.Layer()
		}
		if (len(imports) >= 2 && !tables || len(imports) >= 3 && layersOnly) && len(importers[k]) > 0 {
			cand[k] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for _, k := range sortedKeys(cand) {
			for from := range importers[k] {
				if fr := l.Folders[from]; fr != nil && fr.Role != RoleEntry && !cand[from] {
					delete(cand, k)
					changed = true
					break
				}
			}
		}
	}
	return cand
}

// reach returns the other non-platform folders that folder k's packages
// import, and whether any of them touches a table.
func (l *Layout) reach(k string, ms []*pkgInfo) (imports map[string]*Folder, tables bool) {
	imports = map[string]*Folder{}
	for _, p := range ms {
		tables = tables || p.tables
		for _, imp := range p.imports {
			if to, ok := l.Folders[l.PkgFolder[imp]]; ok && to.Key != k && !to.Platform() {
				imports[to.Key] = to
			}
		}
	}
	return imports, tables
}

func anyImport(ms []*pkgInfo, libs []string) bool {
	for _, p := range ms {
		for _, imp := range p.external {
			for _, lib := range libs {
				if imp == lib || strings.HasPrefix(imp, lib) && (strings.HasSuffix(lib, "/") || strings.HasPrefix(imp[len(lib):], "/")) {
					return true
				}
			}
		}
	}
	return false
}

func allImport(ms []*pkgInfo, libs []string) bool {
	for _, p := range ms {
		if !anyImport([]*pkgInfo{p}, libs) {
			return false
		}
	}
	return len(ms) > 0
}

// maxFolderShare is the share of the module's code units above which a
// domain folder is split into its subfolders: a folder holding a quarter
// of everything is a product or a subsystem tree, not one bounded context.
const maxFolderShare = 0.25

// splitLarge splits domain folders that are too large, level by level.
func (l *Layout) splitLarge(members map[string][]*pkgInfo, has func(string) bool, share float64) {
	code := 0
	for _, ms := range members {
		for _, p := range ms {
			code += p.units
		}
	}
	for round := 0; round < 3; round++ {
		split := false
		for _, k := range sortedKeys(members) {
			f := l.Folders[k]
			n := 0
			for _, p := range members[k] {
				n += p.units
			}
			if f.Role != RoleDomain || f.Module || float64(n) <= share*float64(code) {
				continue
			}
			children := map[string][]*pkgInfo{}
			var stay []*pkgInfo
			for _, p := range members[k] {
				if p.dir == k {
					stay = append(stay, p)
					continue
				}
				ck := folderKeyBelow(p.dir, k, has)
				children[ck] = append(children[ck], p)
			}
			if len(children) < 3 {
				continue
			}
			split = true
			for _, ck := range sortedKeys(children) {
				members[ck] = children[ck]
				for _, p := range children[ck] {
					l.PkgFolder[p.path] = ck
				}
				cf := l.classifyByName(ck, children[ck])
				if cf.layerBy == layerByRoot {
					cf.Role, cf.Why, cf.layerBy = RoleDomain, "subfolder of a large domain folder", 0
				}
				cf.Parent = k
				l.Folders[ck] = cf
			}
			if len(stay) > 0 {
				members[k] = stay
			} else {
				delete(members, k)
				delete(l.Folders, k)
			}
		}
		if !split {
			break
		}
	}
}

// classifyFolders is Classify on a graph alone, by names.
func classifyFolders(g *graph.Graph) (unitFolder []string, folders map[string]*Folder) {
	l := Classify(g, nil, nil)
	return l.unitFolders(g), l.Folders
}

// unitFolders gives each unit of g its folder key ("" for tables).
func (l *Layout) unitFolders(g *graph.Graph) []string {
	out := make([]string, len(g.Units))
	for i, u := range g.Units {
		if u.Kind != graph.KindTable {
			out[i] = l.PkgFolder[u.Pkg]
		}
	}
	return out
}

// roleSuffix finds a camel-case suffix (Handler, Service, Repository, ...)
// shared by at least half the folder's types, with three or more distinct
// stems: the mark of a layer that holds every domain.
func roleSuffix(types []string) (string, int) {
	count := map[string]int{}
	stems := map[string]map[string]bool{}
	total := 0
	for _, t := range types {
		name := t[strings.LastIndexByte(t, '.')+1:]
		words := graph.CamelWords(name)
		total++
		if len(words) < 2 {
			continue
		}
		suf := words[len(words)-1]
		count[suf]++
		if stems[suf] == nil {
			stems[suf] = map[string]bool{}
		}
		stems[suf][strings.Join(words[:len(words)-1], "")] = true
	}
	best, bestN := "", 0
	for _, k := range sortedKeys(count) {
		if count[k] > bestN {
			best, bestN = k, count[k]
		}
	}
	if best == "" || total < 3 || bestN*2 < total || len(stems[best]) < 3 {
		return "", 0
	}
	return best, len(stems[best])
}
