package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// role is the layer a generated package plays inside its feature.
type role uint8

const (
	roleModel role = iota
	roleRepo
	roleService
	roleHandler
)

// field is an extra attribute of an entity.
type field struct {
	Name string
	Type string // "string", "int64", "bool" or "float64"
}

// feature is one slice of a domain: an entity with up to four packages
// (model, repository, service, handler) around it.
type feature struct {
	name   string // unique lower-case noun, e.g. "ledger" or "ledger2"
	entity string // exported type name, e.g. "Ledger2"
	table  string // main table, e.g. "ledgers2"
	lines  string // line-item table
	domain int
	big    bool
	extras []field

	model, repo, service, handler *pkg
}

// sharedUse is a repository's access to a shared table.
type sharedUse struct {
	table  string
	method string // Go name fragment, e.g. "AuditLog"
	writes int    // 0: one read; 1: one insert; 2: insert and update
}

// pkg is one generated domain package.
type pkg struct {
	dir    string // module-relative directory
	name   string // package clause
	alias  string // import alias importers use
	role   role
	feat   *feature
	domain int
	rank   int // services: position in the DAG order of service-to-service calls

	svcDeps   []*pkg      // services and handlers: other service packages called
	modelDeps []*pkg      // services: model packages of other features used
	describe  [][]field   // per model dep: fields read
	stamp     [][]field   // per model dep: fields written
	shared    []sharedUse // repositories: shared tables touched
	foreign   *feature    // repositories: another domain's table read, if any
}

// domain is one bounded context of the synthetic module.
type domain struct {
	name    string
	layered bool
	events  string // event-log table every repository of the domain writes
	feats   []*feature
	size    int
}

// sharedTable is a table several domains touch; owner writes it most.
type sharedTable struct {
	name  string
	owner int
}

// plan is the complete, deterministic description of a module to write.
type plan struct {
	opt      Options
	domains  []*domain
	features []*feature
	pkgs     []*pkg // domain packages in generation order
	shared   []sharedTable
}

// Number of packages outside the domains: cmd/server, platform/dbx, platform/web.
const fixedPackages = 3

// minDomainSize is the smallest domain: one full feature.
const minDomainSize = 4

func (o Options) withDefaults() (Options, error) {
	if o.Packages == 0 {
		o.Packages = 1000
	}
	if o.Packages < fixedPackages+minDomainSize {
		return o, fmt.Errorf("synth: need at least %d packages, got %d", fixedPackages+minDomainSize, o.Packages)
	}
	if o.Module == "" {
		o.Module = "example.com/synth"
	}
	maxDomains := (o.Packages - fixedPackages) / minDomainSize
	switch {
	case o.Domains < 0:
		return o, fmt.Errorf("synth: negative domain count %d", o.Domains)
	case o.Domains == 0:
		o.Domains = max(1, min(o.Packages/25, maxDomains))
	case o.Domains > maxDomains:
		return o, fmt.Errorf("synth: %d packages hold at most %d domains of %d packages, got %d",
			o.Packages, maxDomains, minDomainSize, o.Domains)
	}
	switch {
	case o.CrossDomain == 0:
		o.CrossDomain = 0.10
	case o.CrossDomain < 0 || math.IsNaN(o.CrossDomain):
		o.CrossDomain = 0
	case o.CrossDomain > 0.9:
		return o, fmt.Errorf("synth: cross-domain share %.2f above 0.9", o.CrossDomain)
	}
	if o.Layout > LayoutDomains {
		return o, fmt.Errorf("synth: unknown layout %d", o.Layout)
	}
	return o, nil
}

// newPlan lays out the module: domains, features, packages, dependencies
// and table accesses, all drawn from one PCG stream seeded by opt.Seed.
func newPlan(opt Options) (*plan, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	p := &plan{opt: opt}
	p.planDomains(rng)
	p.planFeatures(rng)
	p.planPackages()
	p.planDeps(rng)
	p.planTables(rng)
	return p, nil
}

// numbered returns words[i] for the first round and words[i]+k after that,
// so any count of unique names can be drawn from a finite list.
func numbered(words []string, i int) string {
	w := words[i%len(words)]
	if round := i / len(words); round > 0 {
		return w + strconv.Itoa(round+1)
	}
	return w
}

func shuffled(rng *rand.Rand, words []string) []string {
	out := append([]string(nil), words...)
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

func (p *plan) planDomains(rng *rand.Rand) {
	names := shuffled(rng, domainWords)
	d := p.opt.Domains
	layered := make([]bool, d)
	switch p.opt.Layout {
	case LayoutLayered:
		for i := range layered {
			layered[i] = true
		}
	case LayoutMixed:
		for _, i := range rng.Perm(d)[:(d+1)/2] {
			layered[i] = true
		}
	}
	// Sizes: minDomainSize each, the rest spread by random weights in
	// [0.6, 1.4) with largest-remainder rounding so they sum exactly.
	rest := p.opt.Packages - fixedPackages - minDomainSize*d
	weights := make([]float64, d)
	var total float64
	for i := range weights {
		weights[i] = 0.6 + 0.8*rng.Float64()
		total += weights[i]
	}
	type share struct {
		i    int
		frac float64
	}
	shares := make([]share, d)
	given := 0
	for i := range weights {
		exact := float64(rest) * weights[i] / total
		whole := int(exact)
		p.domains = append(p.domains, &domain{name: numbered(names, i), layered: layered[i], size: minDomainSize + whole})
		given += whole
		shares[i] = share{i, exact - float64(whole)}
	}
	sort.SliceStable(shares, func(a, b int) bool { return shares[a].frac > shares[b].frac })
	for k := 0; given < rest; k++ {
		p.domains[shares[k%d].i].size++
		given++
	}
}

func (p *plan) planFeatures(rng *rand.Rand) {
	nouns := shuffled(rng, featureNouns)
	attrs := shuffled(rng, attrWords)
	next := 0
	for di, d := range p.domains {
		nf := (d.size + 3) / 4
		bigFirst := di == 0 || rng.IntN(3) == 0
		for j := 0; j < nf; j++ {
			i := next
			next++
			noun := nouns[i%len(nouns)]
			suffix := ""
			if round := i / len(nouns); round > 0 {
				suffix = strconv.Itoa(round + 1)
			}
			f := &feature{
				name:   noun + suffix,
				entity: strings.ToUpper(noun[:1]) + noun[1:] + suffix,
				table:  noun + "s" + suffix,
				lines:  noun + suffix + "_lines",
				domain: di,
				big:    j == 0 && bigFirst,
			}
			n := 4 + rng.IntN(5)
			if f.big {
				n = 36 + rng.IntN(19)
			}
			f.extras = extraFields(rng, attrs, n)
			d.feats = append(d.feats, f)
			p.features = append(p.features, f)
		}
		d.events = d.feats[0].name + "_events"
	}
}

func extraFields(rng *rand.Rand, attrs []string, n int) []field {
	types := [...]string{"string", "int64", "bool", "float64"}
	start := rng.IntN(len(attrs))
	out := make([]field, n)
	for k := range out {
		out[k] = field{Name: numbered(attrs, start+k), Type: types[rng.IntN(len(types))]}
	}
	return out
}

// planPackages hands out roles round-robin over a domain's features:
// every feature gets a service, then a model, then a repository, then a
// handler, until the domain's size is used up. Hence a feature with a
// handler always has a repository, and every feature has a model.
func (p *plan) planPackages() {
	for _, d := range p.domains {
		left := d.size
		for _, r := range []role{roleService, roleModel, roleRepo, roleHandler} {
			for _, f := range d.feats {
				if left == 0 {
					break
				}
				left--
				p.pkgs = append(p.pkgs, p.newPkg(d, f, r))
			}
		}
	}
	sort.SliceStable(p.pkgs, func(i, j int) bool { return p.pkgs[i].dir < p.pkgs[j].dir })
}

func (p *plan) newPkg(d *domain, f *feature, r role) *pkg {
	layer := [...]string{"models", "repos", "services", "handlers"}[r]
	sub := [...]string{"model", "store", "", "api"}[r]
	alias := f.name + [...]string{"model", "store", "svc", "api"}[r]
	k := &pkg{role: r, feat: f, domain: f.domain, alias: alias}
	switch {
	case d.layered:
		k.dir, k.name = "internal/"+layer+"/"+f.name, f.name
	case r == roleService:
		k.dir, k.name = "internal/"+d.name+"/"+f.name, f.name
	default:
		k.dir, k.name = "internal/"+d.name+"/"+f.name+"/"+sub, sub
	}
	switch r {
	case roleModel:
		f.model = k
	case roleRepo:
		f.repo = k
	case roleService:
		f.service = k
	case roleHandler:
		f.handler = k
	}
	return k
}

// planDeps picks the optional dependencies: services call up to 1–4 other
// services of their domain (lower rank only, so imports stay acyclic) and
// use up to 0–2 other features' models; handlers call up to 0–2 more
// services. Then cross-domain edges of the same kinds are added until they
// make up opt.CrossDomain of all import edges between domain packages.
func (p *plan) planDeps(rng *rand.Rand) {
	var services, callers []*pkg
	for _, k := range p.pkgs {
		switch k.role {
		case roleService:
			services = append(services, k)
			callers = append(callers, k)
		case roleHandler:
			callers = append(callers, k)
		}
	}
	for i, r := range rng.Perm(len(services)) {
		services[i].rank = r
	}
	canCall := func(k, s *pkg) bool {
		if k.role == roleHandler {
			return s != k.feat.service
		}
		return s.rank < k.rank
	}
	for _, k := range callers {
		n := rng.IntN(3)
		if k.role == roleService {
			n = 1 + rng.IntN(4)
		}
		var own []*pkg
		for _, s := range services {
			if s.domain == k.domain && canCall(k, s) {
				own = append(own, s)
			}
		}
		for _, i := range rng.Perm(len(own))[:min(n, len(own))] {
			k.svcDeps = append(k.svcDeps, own[i])
		}
		if k.role != roleService {
			continue
		}
		feats := p.domains[k.domain].feats
		var others []*feature
		for _, f := range feats {
			if f != k.feat {
				others = append(others, f)
			}
		}
		n = min(rng.IntN(3), len(others))
		if big := feats[0]; n > 0 && big.big && big != k.feat && rng.IntN(2) == 0 {
			k.modelDeps = append(k.modelDeps, big.model) // code gravitates to the god object
		}
		for _, i := range rng.Perm(len(others)) {
			if len(k.modelDeps) == n {
				break
			}
			if m := others[i].model; !slices.Contains(k.modelDeps, m) {
				k.modelDeps = append(k.modelDeps, m)
			}
		}
	}
	if len(p.domains) > 1 && p.opt.CrossDomain > 0 {
		p.addCrossDeps(rng, services, callers, canCall)
	}
	for _, k := range callers {
		sortByDir(k.svcDeps)
		sortByDir(k.modelDeps)
		for _, m := range k.modelDeps {
			k.describe = append(k.describe, sample(rng, m.feat.extras, 3))
			k.stamp = append(k.stamp, sample(rng, m.feat.extras, 2))
		}
	}
}

// addCrossDeps adds random cross-domain service calls and model uses until
// their share of all edges reaches opt.CrossDomain (or no caller can take
// one more).
func (p *plan) addCrossDeps(rng *rand.Rand, services, callers []*pkg, canCall func(k, s *pkg) bool) {
	total, cross := p.edges()
	target := p.opt.CrossDomain
	need := int(math.Round((target*float64(total) - float64(cross)) / (1 - target)))
	for tries := 0; need > 0 && tries < 20*len(callers)+100; tries++ {
		k := callers[rng.IntN(len(callers))]
		if k.role == roleService && rng.IntN(3) == 0 {
			f := p.features[rng.IntN(len(p.features))]
			if f.domain == k.domain || slices.Contains(k.modelDeps, f.model) || len(k.modelDeps) >= 4 {
				continue
			}
			k.modelDeps = append(k.modelDeps, f.model)
			need--
			continue
		}
		s := services[rng.IntN(len(services))]
		if s.domain == k.domain || !canCall(k, s) || slices.Contains(k.svcDeps, s) || len(k.svcDeps) >= 6 {
			continue
		}
		k.svcDeps = append(k.svcDeps, s)
		need--
	}
}

func sortByDir(ks []*pkg) {
	sort.Slice(ks, func(i, j int) bool { return ks[i].dir < ks[j].dir })
}

// sample returns up to n distinct fields in their declaration order.
func sample(rng *rand.Rand, fields []field, n int) []field {
	idx := rng.Perm(len(fields))[:min(n, len(fields))]
	sort.Ints(idx)
	out := make([]field, len(idx))
	for i, j := range idx {
		out[i] = fields[j]
	}
	return out
}

// planTables decides which repositories touch shared tables and which read
// another domain's table. Each shared table has an owner domain whose first
// repository inserts and updates it (two write sites); any other domain
// writes it at most once, so the owner is always the strict top writer.
func (p *plan) planTables(rng *rand.Rand) {
	ns := min(len(sharedTableNames), max(2, len(p.domains)/3))
	for _, name := range shuffled(rng, sharedTableNames)[:ns] {
		p.shared = append(p.shared, sharedTable{name: name, owner: rng.IntN(len(p.domains))})
	}
	sort.Slice(p.shared, func(i, j int) bool { return p.shared[i].name < p.shared[j].name })
	var repos []*feature
	for _, f := range p.features {
		if f.repo != nil {
			repos = append(repos, f)
		}
	}
	for _, t := range p.shared {
		first := p.domains[t.owner].feats[0] // every domain's first feature has a repository
		first.repo.shared = append(first.repo.shared, sharedUse{table: t.name, method: goName(t.name), writes: 2})
	}
	wrote := make(map[string]bool) // table + "/" + domain
	for _, f := range repos {
		r := f.repo
		if rng.IntN(5) == 0 {
			t := p.shared[rng.IntN(len(p.shared))]
			if t.owner != f.domain && !r.touches(t.name) {
				u := sharedUse{table: t.name, method: goName(t.name)}
				key := t.name + "/" + strconv.Itoa(f.domain)
				if rng.IntN(4) == 0 && !wrote[key] {
					u.writes = 1
					wrote[key] = true
				}
				r.shared = append(r.shared, u)
			}
		}
		if len(p.domains) > 1 && p.opt.CrossDomain > 0 && rng.IntN(20) == 0 {
			var c []*feature
			for _, g := range repos {
				if g.domain != f.domain {
					c = append(c, g)
				}
			}
			r.foreign = c[rng.IntN(len(c))]
		}
	}
}

func (k *pkg) touches(table string) bool {
	for _, u := range k.shared {
		if u.table == table {
			return true
		}
	}
	return false
}

// goName turns "audit_log" into "AuditLog".
func goName(s string) string {
	var b strings.Builder
	for _, part := range strings.Split(s, "_") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// label is the truth context of a domain package.
func (p *plan) label(k *pkg) string { return p.domains[k.domain].name }

// edges counts import edges between domain packages and how many of them
// cross a domain boundary.
func (p *plan) edges() (total, cross int) {
	for _, k := range p.pkgs {
		var deps []*pkg
		switch k.role {
		case roleRepo:
			deps = append(deps, k.feat.model)
		case roleService:
			deps = append(deps, k.feat.model)
			if k.feat.repo != nil {
				deps = append(deps, k.feat.repo)
			}
			deps = append(deps, k.svcDeps...)
			deps = append(deps, k.modelDeps...)
		case roleHandler:
			deps = append(deps, k.feat.service)
			deps = append(deps, k.svcDeps...)
		}
		for _, d := range deps {
			total++
			if d.domain != k.domain {
				cross++
			}
		}
	}
	return total, cross
}
