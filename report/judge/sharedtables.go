package judge

import (
	"fmt"
	"sort"
	"strings"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/cluster"
)

// Shared-table defaults, used when TableOptions leaves a field at zero.
const (
	// TableDefaultMaxDepth bounds the call chains accesses are propagated along.
	TableDefaultMaxDepth = 6
	// TableDefaultFewReadSites is the largest number of read sites for which a
	// reading context is told to use events or a replica rather than an API.
	TableDefaultFewReadSites = 3
)

// Severities of a shared table, from worst to mildest.
const (
	TableSeverityHigh   = "high"
	TableSeverityMedium = "medium"
	TableSeverityLow    = "low"
)

// Recommendation actions.
const (
	// TableActionCallAPI: stop touching the table, call the owner instead.
	TableActionCallAPI = "call-owner-api"
	// TableActionEventsOrReplica: keep a local read-only copy fed by the
	// owner's events.
	TableActionEventsOrReplica = "consume-events-or-replica"
)

// TableOptions tune the shared-table finding.
type TableOptions struct {
	// MaxDepth bounds how many call edges an access is propagated up to its
	// callers; 0 or less means TableDefaultMaxDepth.
	MaxDepth int
	// FewReadSites is the largest read-site count for which a read-only
	// context gets TableActionEventsOrReplica; above it the context reads the
	// table in too many places for a copy to stay cheap and gets
	// TableActionCallAPI. 0 or less means TableDefaultFewReadSites.
	FewReadSites int
}

// SharedTable is a table or collection that two or more contexts touch
// directly: the database coupling that keeps them from being deployed
// and changed apart.
type SharedTable struct {
	Table string `json:"table"`
	// Severity is "high" when two or more contexts write the table,
	// "medium" when one writes and others read, "low" when all only read.
	Severity string `json:"severity"`
	// Writers and Readers name the contexts with direct write and read
	// sites, sorted; a context that does both is in both.
	Writers []string `json:"writers"`
	Readers []string `json:"readers"`
	// Users holds the evidence per context touching the table directly,
	// owner first, then by context name.
	Users []TableUser `json:"users"`
	// Indirect lists the contexts that reach the table only by calling into
	// another context's functions; they change nothing themselves when the
	// direct users are fixed, but depend on the data all the same.
	Indirect []TableIndirectUser `json:"indirect,omitempty"`
	// Owner is the proposed owner: the context with the most write sites;
	// ties go to more read sites, then to the name that sorts first.
	Owner TableContextRef `json:"owner"`
	// Reason explains the finding and the choice of owner in one sentence.
	Reason string `json:"reason"`
	// Recommendations say what each other direct user should do.
	Recommendations []TableRecommendation `json:"recommendations"`
}

// TableContextRef names a context.
type TableContextRef struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

// TableUser is one context's direct use of a table.
type TableUser struct {
	Context    TableContextRef `json:"context"`
	WriteSites int             `json:"writeSites"`
	ReadSites  int             `json:"readSites"`
	// Funcs are the context's functions with sites, sorted by ID.
	Funcs []TableFunc `json:"funcs"`
}

// TableFunc is one function's sites.
type TableFunc struct {
	Func  string      `json:"func"`
	Sites []TableSite `json:"sites"`
}

// TableSite is one piece of evidence: a statement, ORM or driver call in
// the function, or a call from it into code that belongs to no context.
type TableSite struct {
	Pos  string     `json:"pos"`
	Mode facts.Mode `json:"mode"`
	Via  string     `json:"via"`
	// Through is set when the site is a call into code outside every
	// context (generated, ignored): the function holding the access itself,
	// such as sqlc's Queries.GetUser. Such code has no context of its own,
	// so its accesses are charged to the contexts calling it.
	Through    string `json:"through,omitempty"`
	BestEffort bool   `json:"bestEffort,omitempty"`
}

// TableIndirectUser is a context reaching a table through other contexts.
type TableIndirectUser struct {
	Context TableContextRef `json:"context"`
	// Modes are the modes of the accesses reached, sorted.
	Modes []facts.Mode `json:"modes"`
	// Sites are the calls that lead to the accesses, sorted.
	Sites []TableIndirectSite `json:"sites"`
}

// TableIndirectSite is a call by which a context reaches a table.
type TableIndirectSite struct {
	// Func and Pos are the calling function and the call site.
	Func string `json:"func"`
	Pos  string `json:"pos"`
	// Callee is the function called.
	Callee string `json:"callee"`
	// Via is the context whose code touches the table.
	Via  string     `json:"via"`
	Mode facts.Mode `json:"mode"`
}

// TableRecommendation is what one non-owner context should do.
type TableRecommendation struct {
	Context TableContextRef `json:"context"`
	// Action is TableActionCallAPI or TableActionEventsOrReplica.
	Action string `json:"action"`
	Text   string `json:"text"`
}

// SharedTables finds every table two or more contexts touch directly.
//
// A context touches a table directly when one of its functions contains an
// access, or calls (through any chain of functions that belong to no
// context, such as sqlc's generated Queries methods) a function that does.
// Accesses also propagate to callers in other contexts, up to
// opt.MaxDepth call edges, cycle-safe: those callers are indirect users.
// They are listed but do not make a table shared: a context reaching a
// table only through another context's functions already goes through that
// context's code, the seam an extraction needs (the call itself is a
// cross-context dependency, reported as such).
//
// Owner: the context with the most write sites; ties go to the one with
// more read sites, then to the name that sorts first, so that a read-only
// table goes to its heaviest reader.
//
// Recommendations, per other direct user: a context that writes the table
// should call the owner's API instead; a context that only reads it at no
// more than opt.FewReadSites sites should consume the owner's events or keep
// a read-only replica (a handful of lookups can live with eventual
// consistency); a context reading it at more sites depends on the table's
// shape throughout and should query through the owner's API, so that the
// owner can change its schema.
//
// Findings are sorted by severity (high, medium, low), then by the number of
// direct contexts (most first), then by table name.
func SharedTables(f *facts.Facts, d *cluster.Decomposition, opt TableOptions) []SharedTable {
	if f == nil || d == nil {
		return nil
	}
	if opt.MaxDepth <= 0 {
		opt.MaxDepth = TableDefaultMaxDepth
	}
	if opt.FewReadSites <= 0 {
		opt.FewReadSites = TableDefaultFewReadSites
	}
	g := newTableGraph(f, d)

	// Group accesses by function: every access of a function propagates
	// along the same callers, so each function is walked once.
	byFunc := map[string][]facts.Access{}
	var funcs []string
	for _, a := range f.Accesses {
		if a.Table == "" || a.Func == "" {
			continue
		}
		if _, ok := byFunc[a.Func]; !ok {
			funcs = append(funcs, a.Func)
		}
		byFunc[a.Func] = append(byFunc[a.Func], a)
	}
	sort.Strings(funcs)

	tables := map[string]*tableData{}
	get := func(name string) *tableData {
		t := tables[name]
		if t == nil {
			t = &tableData{name: name, direct: map[int]*tableUserData{}, indirect: map[int]*tableIndirectData{}}
			tables[name] = t
		}
		return t
	}
	for _, fn := range funcs {
		accs := byFunc[fn]
		var reach []tableReach
		if !d.SchemaWide(fn) {
			// Schema-wide code keeps its accesses, however it is reached
			// (migrations run as function values by a runner of some
			// context): charged to the runner, they would make it a
			// writer of every table.
			reach = g.propagate(fn, opt.MaxDepth)
		}
		for _, a := range accs {
			t := get(a.Table)
			if c := g.ctx(fn); c >= 0 {
				t.user(c).add(fn, TableSite{Pos: a.Pos, Mode: a.Mode, Via: a.Via, BestEffort: a.BestEffort})
			}
			for _, r := range reach {
				if r.attributed {
					t.user(r.ctx).add(r.caller, TableSite{Pos: r.pos, Mode: a.Mode, Via: a.Via, Through: fn, BestEffort: a.BestEffort})
				} else {
					t.indirectUser(r.ctx).add(TableIndirectSite{Func: r.caller, Pos: r.pos, Callee: r.callee, Via: d.ContextName(r.via), Mode: a.Mode})
				}
			}
		}
	}

	var out []SharedTable
	for _, t := range tables {
		if len(t.direct) < 2 {
			continue
		}
		out = append(out, t.finding(d, opt))
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if ra, rb := tableSeverityRank(a.Severity), tableSeverityRank(b.Severity); ra != rb {
			return ra < rb
		}
		if len(a.Users) != len(b.Users) {
			return len(a.Users) > len(b.Users)
		}
		return a.Table < b.Table
	})
	return out
}

func tableSeverityRank(s string) int {
	switch s {
	case TableSeverityHigh:
		return 0
	case TableSeverityMedium:
		return 1
	}
	return 2
}

// tableGraph is the reverse call graph with the context of every function.
type tableGraph struct {
	d       *cluster.Decomposition
	callers map[string][]facts.Call
}

func newTableGraph(f *facts.Facts, d *cluster.Decomposition) *tableGraph {
	g := &tableGraph{d: d, callers: map[string][]facts.Call{}}
	for _, c := range f.Calls {
		if c.Caller == c.Callee {
			continue
		}
		g.callers[c.Callee] = append(g.callers[c.Callee], c)
	}
	for _, cs := range g.callers {
		sort.Slice(cs, func(i, j int) bool {
			if cs[i].Caller != cs[j].Caller {
				return cs[i].Caller < cs[j].Caller
			}
			return facts.ComparePos(cs[i].Pos, cs[j].Pos) < 0
		})
	}
	return g
}

func (g *tableGraph) ctx(fn string) int {
	c := g.d.ContextOfFunc(fn)
	if c >= len(g.d.Contexts) {
		return -1
	}
	return c
}

// tableReach is a caller an access propagates to.
type tableReach struct {
	ctx    int
	caller string
	pos    string
	callee string
	// attributed: the path from the access to this caller crosses only
	// functions of no context, so the caller's context uses it directly.
	attributed bool
	// via is the context whose code holds or first charges the access.
	via int
}

// propagate walks up the callers of fn, breadth first, up to depth edges.
// Each (function, charged context) pair is visited once, so cycles end.
func (g *tableGraph) propagate(fn string, depth int) []tableReach {
	type state struct {
		fn     string
		origin int // context charged with the access so far, -1 if none
	}
	start := state{fn: fn, origin: g.ctx(fn)}
	seen := map[state]bool{start: true}
	frontier := []state{start}
	var out []tableReach
	for level := 0; level < depth && len(frontier) > 0; level++ {
		var next []state
		for _, s := range frontier {
			for _, c := range g.callers[s.fn] {
				cc := g.ctx(c.Caller)
				origin := s.origin
				switch {
				case cc < 0:
					// Code of no context passes the access on unchanged.
				case origin < 0:
					out = append(out, tableReach{ctx: cc, caller: c.Caller, pos: c.Pos, callee: c.Callee, attributed: true, via: cc})
					origin = cc
				case cc != origin:
					out = append(out, tableReach{ctx: cc, caller: c.Caller, pos: c.Pos, callee: c.Callee, via: origin})
				}
				ns := state{fn: c.Caller, origin: origin}
				if !seen[ns] {
					seen[ns] = true
					next = append(next, ns)
				}
			}
		}
		frontier = next
	}
	return out
}

// tableData accumulates one table's users.
type tableData struct {
	name     string
	direct   map[int]*tableUserData
	indirect map[int]*tableIndirectData
}

type tableUserData struct {
	ctx   int
	sites map[string]map[TableSite]bool // func -> sites
}

type tableIndirectData struct {
	ctx   int
	sites map[TableIndirectSite]bool
}

func (t *tableData) user(c int) *tableUserData {
	u := t.direct[c]
	if u == nil {
		u = &tableUserData{ctx: c, sites: map[string]map[TableSite]bool{}}
		t.direct[c] = u
	}
	return u
}

func (t *tableData) indirectUser(c int) *tableIndirectData {
	u := t.indirect[c]
	if u == nil {
		u = &tableIndirectData{ctx: c, sites: map[TableIndirectSite]bool{}}
		t.indirect[c] = u
	}
	return u
}

func (u *tableUserData) add(fn string, s TableSite) {
	m := u.sites[fn]
	if m == nil {
		m = map[TableSite]bool{}
		u.sites[fn] = m
	}
	m[s] = true
}

func (u *tableIndirectData) add(s TableIndirectSite) { u.sites[s] = true }

// report turns the accumulated sites into a TableUser.
func (u *tableUserData) report(d *cluster.Decomposition) TableUser {
	tu := TableUser{Context: TableContextRef{ID: u.ctx, Name: d.ContextName(u.ctx)}}
	fns := make([]string, 0, len(u.sites))
	for fn := range u.sites {
		fns = append(fns, fn)
	}
	sort.Strings(fns)
	for _, fn := range fns {
		sites := make([]TableSite, 0, len(u.sites[fn]))
		for s := range u.sites[fn] {
			sites = append(sites, s)
			if s.Mode == facts.Write {
				tu.WriteSites++
			} else {
				tu.ReadSites++
			}
		}
		sort.Slice(sites, func(i, j int) bool { return tableSiteLess(sites[i], sites[j]) })
		tu.Funcs = append(tu.Funcs, TableFunc{Func: fn, Sites: sites})
	}
	return tu
}

func tableSiteLess(a, b TableSite) bool {
	if c := facts.ComparePos(a.Pos, b.Pos); c != 0 {
		return c < 0
	}
	if a.Mode != b.Mode {
		return a.Mode < b.Mode
	}
	if a.Through != b.Through {
		return a.Through < b.Through
	}
	if a.Via != b.Via {
		return a.Via < b.Via
	}
	return !a.BestEffort && b.BestEffort
}

func (u *tableIndirectData) report(d *cluster.Decomposition) TableIndirectUser {
	iu := TableIndirectUser{Context: TableContextRef{ID: u.ctx, Name: d.ContextName(u.ctx)}}
	modes := map[facts.Mode]bool{}
	for s := range u.sites {
		iu.Sites = append(iu.Sites, s)
		modes[s.Mode] = true
	}
	for _, m := range []facts.Mode{facts.Read, facts.Write} {
		if modes[m] {
			iu.Modes = append(iu.Modes, m)
		}
	}
	sort.Slice(iu.Sites, func(i, j int) bool {
		a, b := iu.Sites[i], iu.Sites[j]
		if a.Func != b.Func {
			return a.Func < b.Func
		}
		if c := facts.ComparePos(a.Pos, b.Pos); c != 0 {
			return c < 0
		}
		if a.Callee != b.Callee {
			return a.Callee < b.Callee
		}
		if a.Via != b.Via {
			return a.Via < b.Via
		}
		return a.Mode < b.Mode
	})
	return iu
}

// finding builds the report of a table with two or more direct users.
func (t *tableData) finding(d *cluster.Decomposition, opt TableOptions) SharedTable {
	users := make([]TableUser, 0, len(t.direct))
	for _, u := range t.direct {
		users = append(users, u.report(d))
	}
	// Owner first: most writes, then most reads, then name, then ID.
	sort.Slice(users, func(i, j int) bool {
		a, b := users[i], users[j]
		if a.WriteSites != b.WriteSites {
			return a.WriteSites > b.WriteSites
		}
		if a.ReadSites != b.ReadSites {
			return a.ReadSites > b.ReadSites
		}
		if a.Context.Name != b.Context.Name {
			return a.Context.Name < b.Context.Name
		}
		return a.Context.ID < b.Context.ID
	})
	owner := users[0]
	rest := users[1:]
	sort.Slice(rest, func(i, j int) bool {
		if rest[i].Context.Name != rest[j].Context.Name {
			return rest[i].Context.Name < rest[j].Context.Name
		}
		return rest[i].Context.ID < rest[j].Context.ID
	})

	st := SharedTable{Table: t.name, Users: users, Owner: owner.Context}
	writers := 0
	for _, u := range users {
		if u.WriteSites > 0 {
			st.Writers = append(st.Writers, u.Context.Name)
			writers++
		}
		if u.ReadSites > 0 {
			st.Readers = append(st.Readers, u.Context.Name)
		}
	}
	sort.Strings(st.Writers)
	sort.Strings(st.Readers)
	if st.Writers == nil {
		st.Writers = []string{}
	}
	if st.Readers == nil {
		st.Readers = []string{}
	}
	switch {
	case writers >= 2:
		st.Severity = TableSeverityHigh
	case writers == 1:
		st.Severity = TableSeverityMedium
	default:
		st.Severity = TableSeverityLow
	}
	st.Reason = tableReason(t.name, users, writers)

	st.Recommendations = []TableRecommendation{}
	for _, u := range rest {
		st.Recommendations = append(st.Recommendations, tableRecommend(t.name, owner, u, opt))
	}

	ids := make([]int, 0, len(t.indirect))
	for c := range t.indirect {
		if _, ok := t.direct[c]; !ok {
			ids = append(ids, c)
		}
	}
	sort.Slice(ids, func(i, j int) bool {
		ni, nj := d.ContextName(ids[i]), d.ContextName(ids[j])
		if ni != nj {
			return ni < nj
		}
		return ids[i] < ids[j]
	})
	for _, c := range ids {
		st.Indirect = append(st.Indirect, t.indirect[c].report(d))
	}
	return st
}

// tableReason explains a finding: who writes, who reads, why the owner.
func tableReason(table string, users []TableUser, writers int) string {
	owner := users[0]
	var w, r []string
	for _, u := range users {
		if u.WriteSites > 0 {
			w = append(w, fmt.Sprintf("%s (%s)", u.Context.Name, tableSites(u.WriteSites)))
		} else {
			r = append(r, fmt.Sprintf("%s (%s)", u.Context.Name, tableSites(u.ReadSites)))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s is ", table)
	switch {
	case len(w) > 0 && len(r) > 0:
		fmt.Fprintf(&b, "written by %s and read by %s", tableList(w), tableList(r))
	case len(w) > 0:
		fmt.Fprintf(&b, "written by %s", tableList(w))
	default:
		fmt.Fprintf(&b, "read by %s", tableList(r))
	}
	next := users[1]
	switch {
	case writers == 0:
		if owner.ReadSites > next.ReadSites {
			fmt.Fprintf(&b, "; nobody writes it here, %s reads it most and is proposed as owner", owner.Context.Name)
		} else {
			fmt.Fprintf(&b, "; nobody writes it here and reads are tied, %s is proposed as owner by name", owner.Context.Name)
		}
	case owner.WriteSites > next.WriteSites:
		fmt.Fprintf(&b, "; %s writes it most and is proposed as owner", owner.Context.Name)
	case owner.ReadSites > next.ReadSites:
		fmt.Fprintf(&b, "; writes are tied and %s also reads it most, so it is proposed as owner", owner.Context.Name)
	default:
		fmt.Fprintf(&b, "; writes and reads are tied, %s is proposed as owner by name", owner.Context.Name)
	}
	return b.String()
}

func tableSites(n int) string {
	if n == 1 {
		return "1 site"
	}
	return fmt.Sprintf("%d sites", n)
}

func tableList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// tableRecommend applies the rule documented on SharedTables.
func tableRecommend(table string, owner, u TableUser, opt TableOptions) TableRecommendation {
	rec := TableRecommendation{Context: u.Context}
	switch {
	case u.WriteSites > 0:
		rec.Action = TableActionCallAPI
		rec.Text = fmt.Sprintf("%s writes %s at %s: call %s's API instead of writing the table", u.Context.Name, table, tableSites(u.WriteSites), owner.Context.Name)
	case u.ReadSites <= opt.FewReadSites:
		rec.Action = TableActionEventsOrReplica
		rec.Text = fmt.Sprintf("%s reads %s at %s: consume %s's events or keep a read-only replica", u.Context.Name, table, tableSites(u.ReadSites), owner.Context.Name)
	default:
		rec.Action = TableActionCallAPI
		rec.Text = fmt.Sprintf("%s reads %s at %s, too many for a copy to stay cheap: query it through %s's API", u.Context.Name, table, tableSites(u.ReadSites), owner.Context.Name)
	}
	return rec
}
