package cluster

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/decomp/decomp/cluster/graph"
	"github.com/decomp/decomp/cluster/leiden"
)

func TestFolderKey(t *testing.T) {
	pkgs := map[string]bool{"services": true, "internal/orders": true}
	has := func(d string) bool { return pkgs[d] }
	for dir, want := range map[string]string{
		".":                            ".",
		"cmd/server":                   "cmd",
		"internal/orders":              "internal/orders",
		"internal/orders/store":        "internal/orders",
		"internal/platform/db":         "internal/platform",
		"services":                     "services",    // a layer package of its own
		"services/x":                   "services",    // under it
		"app/billing/api":              "app/billing", // app holds no package: a container
		"internal/app/billing/invoice": "internal/app/billing",
		"pkg/util":                     "pkg",
	} {
		if got := FolderKey(dir, has); got != want {
			t.Errorf("FolderKey(%q) = %q, want %q", dir, got, want)
		}
	}
}

func TestCamelWords(t *testing.T) {
	for in, want := range map[string][]string{
		"HTTPTrackHandler": {"HTTP", "Track", "Handler"},
		"trackRepo":        {"track", "Repo"},
		"user_profile":     {"user", "profile"},
		"OAuth2Token":      {"O", "Auth2", "Token"},
		"ID":               {"ID"},
	} {
		if got := graph.CamelWords(in); !reflect.DeepEqual(got, want) {
			t.Errorf("graph.CamelWords(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSingular(t *testing.T) {
	for in, want := range map[string]string{
		"tracks": "track", "playlists": "playlist", "categories": "category", "addresses": "address",
		"status": "status", "analysis": "analysis", "matches": "match", "bus": "bus",
	} {
		if got := singular(in); got != want {
			t.Errorf("singular(%q) = %q, want %q", in, got, want)
		}
	}
}

// layered builds a handlers/services/repositories monolith of the given
// domains: each domain's handler calls its service, which calls its
// repository, which reads its table; one messy call crosses domains.
func layered(domains []string) *graph.Graph {
	b := newTestGraph()
	for _, d := range domains {
		h := b.unit("example.com/app/internal/handlers."+d+"Handler", "internal/handlers", 40)
		s := b.unit("example.com/app/internal/services."+d+"Service", "internal/services", 80)
		r := b.unit("example.com/app/internal/repositories."+d+"Repository", "internal/repositories", 60)
		m := b.unit("example.com/app/internal/models."+d, "internal/models", 20)
		tb := b.table(strings.ToLower(d) + "s")
		b.edge(h, s, graph.Call, 6)
		b.edge(s, r, graph.Call, 8)
		b.edge(r, tb, graph.Access, 5)
		b.edge(h, m, graph.TypeUse, 4)
		b.edge(s, m, graph.TypeUse, 6)
		b.edge(r, m, graph.TypeUse, 8)
	}
	// One messy cross-domain call.
	b.edge(b.idx["example.com/app/internal/services."+domains[0]+"Service"], b.idx["example.com/app/internal/repositories."+domains[1]+"Repository"], graph.Call, 1)
	return b.g
}

type testGraph struct {
	g   *graph.Graph
	idx map[string]int
}

func newTestGraph() *testGraph {
	return &testGraph{g: graph.New(), idx: map[string]int{}}
}

func (b *testGraph) unit(id, dir string, lines int) int {
	kind := graph.KindType
	pkg := id[:strings.LastIndexByte(id, '.')]
	i := b.g.AddUnit(graph.Unit{ID: id, Kind: kind, Pkg: pkg, PkgName: pkg[strings.LastIndexByte(pkg, '/')+1:], Dir: dir, Lines: lines, Types: []string{id}})
	b.idx[id] = i
	return i
}

func (b *testGraph) table(name string) int {
	i := b.g.AddUnit(graph.Unit{ID: graph.TableID(name), Kind: graph.KindTable, Name: name})
	b.idx[graph.TableID(name)] = i
	return i
}

func (b *testGraph) edge(x, y int, k graph.EdgeKind, n int) {
	var c [graph.NumKinds]int
	c[k] = n
	b.g.AddEdge(x, y, c)
}

func groups(g *graph.Graph, r *Result) map[string]string {
	out := map[string]string{}
	for i, u := range g.Units {
		if c := r.Membership[i]; c >= 0 {
			out[u.ID] = r.Contexts[c].Name
		} else {
			out[u.ID] = "(platform)"
		}
	}
	return out
}

func TestDecomposeLayered(t *testing.T) {
	domains := []string{"Track", "Invoice", "Playlist", "Follower"}
	g := layered(domains)
	r, err := Decompose(g, Options{Seed: 1, FolderPrior: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Contexts) != len(domains) {
		t.Fatalf("%d contexts, want %d: %+v", len(r.Contexts), len(domains), r.Contexts)
	}
	got := groups(g, r)
	for _, d := range domains {
		name := got["example.com/app/internal/handlers."+d+"Handler"]
		if name != strings.ToLower(d) {
			t.Errorf("context of %s is named %q, want %q", d, name, strings.ToLower(d))
		}
		for _, id := range []string{"services." + d + "Service", "repositories." + d + "Repository", "models." + d} {
			if got["example.com/app/internal/"+id] != name {
				t.Errorf("%s is in %s, want %s (a vertical slice)", id, got["example.com/app/internal/"+id], name)
			}
		}
		if got[graph.TableID(strings.ToLower(d)+"s")] != name {
			t.Errorf("table of %s not in its context", d)
		}
	}
	for _, f := range r.Folders {
		if f.Role != RoleLayer {
			t.Errorf("folder %s read as %s, want layer", f.Key, f.Role)
		}
	}
}

// TestDecomposeDomainFolders: folders per domain are kept apart even when
// the coupling between them would tempt modularity to merge them.
func TestDecomposeDomainFolders(t *testing.T) {
	b := newTestGraph()
	var ids [3][2]int
	for d, name := range []string{"orders", "payments", "inventory"} {
		ids[d][0] = b.unit("example.com/shop/internal/"+name+".Service", "internal/"+name, 100)
		ids[d][1] = b.unit("example.com/shop/internal/"+name+"/store.Store", "internal/"+name+"/store", 100)
		b.edge(ids[d][0], ids[d][1], graph.Call, 3)
	}
	// Dense cross-domain calls: orders ↔ payments ↔ inventory.
	b.edge(ids[0][0], ids[1][0], graph.Call, 5)
	b.edge(ids[0][0], ids[2][0], graph.Call, 5)
	b.edge(ids[1][0], ids[2][0], graph.Call, 5)
	r, err := Decompose(b.g, Options{Seed: 1, FolderPrior: -1})
	if err != nil {
		t.Fatal(err)
	}
	got := groups(b.g, r)
	want := map[string]string{
		"example.com/shop/internal/orders.Service": "orders", "example.com/shop/internal/orders/store.Store": "orders",
		"example.com/shop/internal/payments.Service": "payments", "example.com/shop/internal/payments/store.Store": "payments",
		"example.com/shop/internal/inventory.Service": "inventory", "example.com/shop/internal/inventory/store.Store": "inventory",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("contexts = %v\nwant %v", got, want)
	}
	if len(r.Disagreements) != 0 {
		t.Errorf("unexpected disagreements %+v", r.Disagreements)
	}
}

func TestDecomposePins(t *testing.T) {
	g := layered([]string{"Track", "Invoice", "Playlist"})
	r, err := Decompose(g, Options{Seed: 1, FolderPrior: -1, Pins: []Pin{
		{Pattern: "example.com/app/internal/models.*", Context: "shared-kernel"},
		{Pattern: "table:invoices", Context: "billing"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	got := groups(g, r)
	for _, m := range []string{"Track", "Invoice", "Playlist"} {
		if c := got["example.com/app/internal/models."+m]; c != "shared-kernel" {
			t.Errorf("models.%s in %s, want the pinned shared-kernel", m, c)
		}
	}
	if got["table:invoices"] != "billing" {
		t.Errorf("table:invoices in %s, want billing", got["table:invoices"])
	}
	if _, err := Decompose(g, Options{Pins: []Pin{{Pattern: "[", Context: "x"}}}); err == nil {
		t.Error("bad pin pattern: want an error")
	}
}

func TestDecomposeDeterministic(t *testing.T) {
	g := layered([]string{"Track", "Invoice", "Playlist", "Follower", "Search", "Stream"})
	first, err := Decompose(g, Options{Seed: 42, FolderPrior: -1})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		again, _ := Decompose(g, Options{Seed: 42, FolderPrior: -1})
		if fmt.Sprint(again.Membership) != fmt.Sprint(first.Membership) || fmt.Sprint(again.Contexts) != fmt.Sprint(first.Contexts) {
			t.Fatal("same input and seed gave a different decomposition")
		}
	}
}

// TestSplitLargeFolder: a domain folder holding most of the module is a
// subsystem tree, read one level down (through containers such as
// internal/); smaller domain folders stay whole.
func TestSplitLargeFolder(t *testing.T) {
	b := newTestGraph()
	for _, sub := range []string{"cache", "protocol", "server"} {
		for _, typ := range []string{"A", "B"} {
			b.unit("example.com/x/editor/internal/"+sub+"."+typ, "editor/internal/"+sub, 10)
		}
	}
	b.unit("example.com/x/billing.Invoice", "billing", 10)
	b.unit("example.com/x/billing/store.Store", "billing/store", 10)
	_, folders := classifyFolders(b.g)
	var got []string
	for _, k := range sortedKeys(folders) {
		got = append(got, k+"<"+folders[k].Parent)
	}
	want := []string{"billing<", "editor/internal/cache<editor", "editor/internal/protocol<editor", "editor/internal/server<editor"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("folders = %q, want %q", got, want)
	}
}

// TestMergeFolders: two domain folders whose mutual coupling outweighs each
// one's own cohesion behave as one context and are merged, with the
// evidence; a pair coupled half as much is only reported.
func TestMergeFolders(t *testing.T) {
	b := newTestGraph()
	unit := func(name string) int {
		return b.unit("example.com/m/"+name+".T", name, 100)
	}
	inv, bill := unit("invoicing"), unit("billing")
	inv2 := b.unit("example.com/m/invoicing/store.S", "invoicing/store", 100)
	bill2 := b.unit("example.com/m/billing/store.S", "billing/store", 100)
	cat, cat2 := unit("catalog"), b.unit("example.com/m/catalog/store.S", "catalog/store", 100)
	b.edge(inv, inv2, graph.Call, 1)
	b.edge(bill, bill2, graph.Call, 1)
	b.edge(cat, cat2, graph.Call, 20)
	b.edge(inv, bill, graph.Call, 40) // invoicing and billing: one context
	b.edge(inv2, bill2, graph.Call, 40)
	b.edge(cat, bill, graph.Call, 3) // catalog: its own
	r, err := Decompose(b.g, Options{Seed: 1, FolderPrior: -1})
	if err != nil {
		t.Fatal(err)
	}
	got := groups(b.g, r)
	if got["example.com/m/invoicing.T"] != got["example.com/m/billing.T"] {
		t.Errorf("invoicing and billing kept apart: %v", got)
	}
	if got["example.com/m/catalog.T"] == got["example.com/m/billing.T"] {
		t.Errorf("catalog merged: %v", got)
	}
	if len(r.Merges) != 1 || !r.Merges[0].Merged || r.Merges[0].A != "billing" || r.Merges[0].B != "invoicing" || len(r.Merges[0].Evidence) == 0 {
		t.Errorf("merges = %+v", r.Merges)
	}
	// Pins are the user's word: pinned folders are never merged.
	r, err = Decompose(b.g, Options{Seed: 1, FolderPrior: -1, Pins: []Pin{
		{Pattern: "example.com/m/invoicing/...", Context: "invoices"},
		{Pattern: "example.com/m/billing/...", Context: "billing"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	got = groups(b.g, r)
	if got["example.com/m/invoicing.T"] != "invoices" || got["example.com/m/billing.T"] != "billing" {
		t.Errorf("pinned folders merged: %v", got)
	}
}

// TestEntryJoinsItsService: the main of one service joins it; a main wiring
// two services stays in the platform.
func TestEntryJoinsItsService(t *testing.T) {
	b := newTestGraph()
	bill := b.unit("example.com/m/billing.Service", "billing", 200)
	cat := b.unit("example.com/m/catalog.Service", "catalog", 200)
	one := b.unit("example.com/m/cmd/billingd.main", "cmd/billingd", 30)
	all := b.unit("example.com/m/cmd/all.main", "cmd/all", 30)
	b.edge(one, bill, graph.Call, 3)
	b.edge(all, bill, graph.Call, 3)
	b.edge(all, cat, graph.Call, 3)
	r, err := Decompose(b.g, Options{Seed: 1, FolderPrior: -1})
	if err != nil {
		t.Fatal(err)
	}
	got := groups(b.g, r)
	if got["example.com/m/cmd/billingd.main"] != "billing" {
		t.Errorf("billing's main in %q, want billing", got["example.com/m/cmd/billingd.main"])
	}
	if r.Membership[all] != -1 || len(r.Platform) != 1 || r.Platform[0].Role != RoleEntry {
		t.Errorf("the main wiring both should be in the platform: %+v", r.Platform)
	}
}

// TestNamesUnique: two contexts whose best word is the same get different
// names, neither with a number.
func TestNamesUnique(t *testing.T) {
	b := newTestGraph()
	var first [2]int
	for k, extra := range []string{"Refund", "Ledger"} {
		h := b.unit("example.com/app/internal/handlers.Invoice"+extra+"Handler", "internal/handlers", 40)
		s := b.unit("example.com/app/internal/services.Invoice"+extra+"Service", "internal/services", 80)
		tb := b.table("invoice_" + strings.ToLower(extra) + "s")
		b.edge(h, s, graph.Call, 9)
		b.edge(s, tb, graph.Access, 9)
		first[k] = h
	}
	r, err := Decompose(b.g, Options{Seed: 1, FolderPrior: -1})
	if err != nil {
		t.Fatal(err)
	}
	a, c := r.Contexts[r.Membership[first[0]]].Name, r.Contexts[r.Membership[first[1]]].Name
	if a == c || strings.ContainsAny(a+c, "0123456789") {
		t.Errorf("names %q and %q", a, c)
	}
}

// use adds an edge with its direction: from uses to.
func (b *testGraph) use(from, to int, k graph.EdgeKind, n int) {
	var c [graph.NumKinds]int
	c[k] = n
	e := graph.Edge{A: from, B: to, Counts: c, Forward: c, Weight: graph.Weight(c, graph.DefaultWeights)}
	if from > to {
		e.A, e.B, e.Forward = to, from, [graph.NumKinds]int{}
	}
	b.g.Edges = append(b.g.Edges, e)
}

// TestSharedHelpersSetAside: a functions file every handler calls, which
// calls nothing of the module, is set aside; one that calls a service, or
// that few contexts use, stays.
func TestSharedHelpersSetAside(t *testing.T) {
	domains := []string{"Track", "Invoice", "Playlist", "Follower", "Album", "Payout"}
	b := &testGraph{g: layered(domains), idx: map[string]int{}}
	for i, u := range b.g.Units {
		b.idx[u.ID] = i
	}
	funcs := func(id string) int {
		i := b.g.AddUnit(graph.Unit{ID: id, Kind: graph.KindFuncs, Pkg: "example.com/app/internal/handlers", PkgName: "handlers", Dir: "internal/handlers", Lines: 30})
		b.idx[id] = i
		return i
	}
	resp := funcs("example.com/app/internal/handlers:response.go")
	busy := funcs("example.com/app/internal/handlers:audit.go")
	few := funcs("example.com/app/internal/handlers:paging.go")
	for k, d := range domains {
		h := b.idx["example.com/app/internal/handlers."+d+"Handler"]
		b.use(h, resp, graph.Call, 3)
		b.use(h, busy, graph.Call, 3)
		if k < 2 {
			b.use(h, few, graph.Call, 3)
		}
	}
	b.use(busy, b.idx["example.com/app/internal/services.TrackService"], graph.Call, 1)
	r, err := Decompose(b.g, Options{Seed: 1, FolderPrior: -1})
	if err != nil {
		t.Fatal(err)
	}
	helpers := platformGroup(r, sharedHelpers)
	if helpers == nil || !reflect.DeepEqual(helpers.Units, []string{"example.com/app/internal/handlers:response.go"}) {
		t.Fatalf("shared helpers = %+v, want response.go alone", helpers)
	}
	if r.Membership[busy] < 0 || r.Membership[few] < 0 {
		t.Error("audit.go (uses a service) and paging.go (two contexts) should stay in contexts")
	}
	if len(r.Contexts) != len(domains) {
		t.Errorf("%d contexts, want %d", len(r.Contexts), len(domains))
	}
}

// TestNamesake: a library no context holds 60% of joins the context of the
// aggregate it is named after.
func TestNamesake(t *testing.T) {
	b := newTestGraph()
	hook := b.unit("example.com/app/models.Webhook", "models", 50)
	camp := b.unit("example.com/app/models.Campaign", "models", 50)
	lib := b.unit("example.com/app/webhook.Sender", "webhook", 40)
	p := &post{g: b.g, m: []int{0, 1, 2}, unitFolder: []string{"models", "models", "webhook"}, folders: map[string]*Folder{}}
	w := map[int]float64{0: 1, 1: 3}
	if got := p.namesake("webhook", w); got != p.m[hook] {
		t.Errorf("namesake(webhook) = %d, want the Webhook context %d", got, p.m[hook])
	}
	if got := p.namesake("mailer", w); got != -1 {
		t.Errorf("namesake(mailer) = %d, want -1", got)
	}
	// A context the library is not coupled to does not count.
	if got := p.namesake("webhook", map[int]float64{1: 3}); got != -1 {
		t.Errorf("namesake over an uncoupled context = %d, want -1", got)
	}
	_, _ = camp, lib
}

// TestSplitFolderNamesItsContext: subfolders of a split folder that form one
// context are named after that folder; a domain folder named integration
// keeps its word.
func TestSplitFolderNamesItsContext(t *testing.T) {
	b := newTestGraph()
	a := b.unit("example.com/x/reader/atom.Parser", "reader/atom", 50)
	r := b.unit("example.com/x/reader/rss.Parser", "reader/rss", 40)
	j := b.unit("example.com/x/reader/json.Parser", "reader/json", 30)
	folders := map[string]*Folder{
		"reader/atom": {Key: "reader/atom", Role: RoleDomain, Parent: "reader"},
		"reader/rss":  {Key: "reader/rss", Role: RoleDomain, Parent: "reader"},
		"reader/json": {Key: "reader/json", Role: RoleDomain, Parent: "reader"},
	}
	cands := nameCandidates(b.g, []int{a, r, j}, nil, nil, []string{"reader/atom", "reader/rss", "reader/json"}, folders)
	if len(cands) == 0 || cands[0].name != "reader" || !strings.Contains(cands[0].why, "3 of its subfolders") {
		t.Errorf("first candidate %+v, want reader from its three subfolders", cands)
	}
	// Two subfolders are two domains that merged: the larger names it.
	cands = nameCandidates(b.g, []int{a, r}, nil, nil, []string{"reader/atom", "reader/rss"}, folders)
	if len(cands) > 0 && cands[0].name == "reader" {
		t.Errorf("two subfolders named after their parent: %+v", cands)
	}
	if stopName("integration") || !stopName("mocks") {
		t.Error("integration should name a domain folder's context, mocks never")
	}
}

// TestSchemaWideSetAside: a migrations file writing every table is set
// aside, so the tables follow their users; an aggregate reading most of
// them stays.
func TestSchemaWideSetAside(t *testing.T) {
	domains := []string{"Track", "Invoice", "Playlist", "Follower", "Album", "Payout"}
	b := &testGraph{g: layered(domains), idx: map[string]int{}}
	for i, u := range b.g.Units {
		b.idx[u.ID] = i
	}
	mig := b.g.AddUnit(graph.Unit{ID: "example.com/app/internal/db:migrations.go", Kind: graph.KindFuncs, Pkg: "example.com/app/internal/db", PkgName: "db", Dir: "internal/db", Lines: 300, Writes: 40, Reads: 2})
	agg := b.g.AddUnit(graph.Unit{ID: "example.com/app/internal/services.ReportService", Kind: graph.KindType, Pkg: "example.com/app/internal/services", PkgName: "services", Dir: "internal/services", Lines: 120, Reads: 30, Writes: 2})
	for _, d := range domains {
		tb := b.idx[graph.TableID(strings.ToLower(d)+"s")]
		b.use(mig, tb, graph.Access, 6)
		b.use(agg, tb, graph.Access, 5)
	}
	// The runner calls the migrations and alone keeps schema_version; a
	// handler that also runs them, but touches a domain's table, stays.
	run := b.g.AddUnit(graph.Unit{ID: "example.com/app/internal/db:database.go", Kind: graph.KindFuncs, Pkg: "example.com/app/internal/db", PkgName: "db", Dir: "internal/db", Lines: 30, Writes: 1, Reads: 1})
	version := b.table("schema_version")
	b.use(run, mig, graph.Dynamic, 1)
	b.use(run, version, graph.Access, 2)
	admin := b.idx["example.com/app/internal/handlers.TrackHandler"]
	b.use(admin, mig, graph.Call, 1)
	b.use(admin, b.idx[graph.TableID("tracks")], graph.Access, 1)
	r, err := Decompose(b.g, Options{Seed: 1, FolderPrior: -1})
	if err != nil {
		t.Fatal(err)
	}
	schema := platformGroup(r, schemaCode)
	if want := []string{"example.com/app/internal/db:database.go", "example.com/app/internal/db:migrations.go", "table:schema_version"}; schema == nil || !reflect.DeepEqual(schema.Units, want) {
		t.Fatalf("schema-wide group = %+v, want %v", schema, want)
	}
	if r.Membership[admin] < 0 {
		t.Error("a handler running the migrations that touches a domain's table should stay in a context")
	}
	if r.Membership[agg] < 0 {
		t.Error("the aggregate reading every table should stay in a context")
	}
	for _, d := range domains {
		h := r.Membership[b.idx["example.com/app/internal/handlers."+d+"Handler"]]
		if tb := r.Membership[b.idx[graph.TableID(strings.ToLower(d)+"s")]]; tb != h && r.Membership[agg] != tb {
			t.Errorf("table of %s is in context %d, its handler in %d", d, tb, h)
		}
	}
}

// TestTableNounNames: a word that is also a layer's (repository) names the
// context holding the table, or the model, of that name.
func TestTableNounNames(t *testing.T) {
	b := newTestGraph()
	r := b.unit("example.com/git/internal/db.Repository", "internal/db", 300)
	b.g.Units[r].Tables = []string{"repository"}
	s := b.unit("example.com/git/internal/db.Star", "internal/db", 20)
	tb := b.table("repository")
	cands := nameCandidates(b.g, []int{r, s, tb}, nil, nil, []string{"internal/db", "internal/db", ""}, map[string]*Folder{})
	if len(cands) == 0 || cands[0].name != "repository" {
		t.Errorf("candidates %+v, want repository first", cands)
	}
	// Without the table, repository is a layer's word.
	b.g.Units[r].Tables = nil
	cands = nameCandidates(b.g, []int{r, s}, nil, nil, []string{"internal/db", "internal/db"}, map[string]*Folder{})
	if len(cands) > 0 && cands[0].name == "repository" {
		t.Errorf("repository named a context with no such table: %+v", cands)
	}
}

// TestAbbreviatedTableNoun: repo in type names is short for the context's
// repository table; a prefix of two tables' names stands for neither.
func TestAbbreviatedTableNoun(t *testing.T) {
	b := newTestGraph()
	r := b.unit("example.com/git/internal/db.Repository", "internal/db", 60)
	o := b.unit("example.com/git/internal/db.CreateRepoOptions", "internal/db", 300)
	m := b.unit("example.com/git/internal/db.Mirror", "internal/db", 350)
	members := []int{r, o, m, b.table("repository"), b.table("mirror"), b.table("repository_tag")}
	dirs := func() []string {
		d := make([]string, len(b.g.Units))
		for _, i := range []int{r, o, m} {
			d[i] = "internal/db"
		}
		return d
	}
	// repository_tag is no one-word name: repo still stands for repository.
	if cands := nameCandidates(b.g, members, nil, nil, dirs(), map[string]*Folder{}); len(cands) == 0 || cands[0].name != "repository" {
		t.Errorf("candidates %+v, want repository first", cands)
	}
	members = append(members, b.table("repost"))
	if cands := nameCandidates(b.g, members, nil, nil, dirs(), map[string]*Folder{}); len(cands) == 0 || cands[0].name != "mirror" {
		t.Errorf("candidates %+v, want mirror first (repo begins two tables' names)", cands)
	}
}

func TestPackageStem(t *testing.T) {
	for in, want := range map[string]string{"userbus": "user", "userapp": "user", "productpg": "product", "userdb": "user", "reviews": "reviews", "db": "db", "appstore": "app"} {
		if got := packageStem(in); got != want {
			t.Errorf("packageStem(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestStemAnchorsSubfolder: business/domain/userbus, a subfolder of a
// split tree, belongs with app/domain/userapp (the same stem), though
// tranapp calls it more.
func TestStemAnchorsSubfolder(t *testing.T) {
	b := newTestGraph()
	unit := func(dir, typ string, lines int) int {
		return b.unit("example.com/s/"+dir+"."+typ, dir, lines)
	}
	userApp := unit("app/domain/userapp", "App", 100)
	orderApp := unit("app/domain/orderapp", "App", 100)
	tranApp := unit("app/domain/tranapp", "App", 60)
	var userBus int
	for _, d := range []string{"user", "order", "pay"} {
		bus := unit("business/domain/"+d+"bus", "Business", 120)
		db := unit("business/domain/"+d+"bus/stores/"+d+"db", "Store", 80)
		b.edge(bus, db, graph.Call, 8)
		if d == "user" {
			userBus = bus
			b.edge(tranApp, bus, graph.Call, 40)
		}
	}
	b.edge(userApp, userBus, graph.Call, 3)
	b.edge(orderApp, b.idx["example.com/s/business/domain/orderbus.Business"], graph.Call, 3)
	r, err := Decompose(b.g, Options{Seed: 1, FolderPrior: -1})
	if err != nil {
		t.Fatal(err)
	}
	if r.Membership[userBus] != r.Membership[userApp] {
		got := groups(b.g, r)
		t.Errorf("userbus in %q, userapp in %q", got["example.com/s/business/domain/userbus.Business"], got["example.com/s/app/domain/userapp.App"])
	}
}

// TestStemNamesTiers: domain folders of two tiers sharing a stem name their
// context after it.
func TestStemNamesTiers(t *testing.T) {
	b := newTestGraph()
	a := b.unit("example.com/s/app/domain/userapp.App", "app/domain/userapp", 50)
	u := b.unit("example.com/s/business/domain/userbus.Business", "business/domain/userbus", 80)
	folders := map[string]*Folder{
		"app/domain/userapp":      {Key: "app/domain/userapp", Role: RoleDomain},
		"business/domain/userbus": {Key: "business/domain/userbus", Role: RoleDomain, Parent: "business"},
	}
	cands := nameCandidates(b.g, []int{a, u}, nil, nil, []string{"app/domain/userapp", "business/domain/userbus"}, folders)
	if len(cands) == 0 || cands[0].name != "user" {
		t.Errorf("candidates %+v, want user first", cands)
	}
}

// TestStemNamesTechFace: a domain folder that serves another over a
// technology (grpcauthapp beside authapp) shares its stem, and the stem
// names the context even when a main outside the folders holds most lines.
func TestStemNamesTechFace(t *testing.T) {
	b := newTestGraph()
	a := b.unit("example.com/s/app/domain/authapp.App", "app/domain/authapp", 75)
	g := b.unit("example.com/s/app/domain/grpcauthapp.App", "app/domain/grpcauthapp", 190)
	m := b.unit("example.com/s/api/services/auth.Main", "api/services/auth", 268)
	folders := map[string]*Folder{
		"app/domain/authapp":     {Key: "app/domain/authapp", Role: RoleDomain},
		"app/domain/grpcauthapp": {Key: "app/domain/grpcauthapp", Role: RoleDomain},
	}
	cands := nameCandidates(b.g, []int{a, g, m}, nil, nil, []string{"app/domain/authapp", "app/domain/grpcauthapp", ""}, folders)
	if len(cands) == 0 || cands[0].name != "auth" {
		t.Errorf("candidates %+v, want auth first", cands)
	}
}

// platformGroup returns the platform group of a folder, or nil.
func platformGroup(r *Result, folder string) *PlatformGroup {
	for i := range r.Platform {
		if r.Platform[i].Folder == folder {
			return &r.Platform[i]
		}
	}
	return nil
}

// held records that the structs of units by hold unit u by value.
func (b *testGraph) held(u int, by ...int) {
	for _, h := range by {
		b.g.Units[u].HeldBy = append(b.g.Units[u].HeldBy, graph.Holder{Unit: h, Field: b.g.Units[h].Name + ".x", ByValue: true})
	}
}

// newPost is the post-processing state over communities m, with nothing
// set aside or pinned; folderPin and unitFolder may be nil.
func newPost(g *graph.Graph, m []int, folderPin map[string]int, unitFolder []string) *post {
	n := len(g.Units)
	if folderPin == nil {
		folderPin = map[string]int{}
	}
	if unitFolder == nil {
		unitFolder = make([]string, n)
	}
	return &post{g: g, m: m, fixed: make([]bool, n), aside: make([]bool, n), platform: map[int]string{}, folderPin: folderPin, unitFolder: unitFolder, folders: map[string]*Folder{}, tune: Tuning{}}
}

// TestJoinAggregates: a free community whose largest type is held by value
// in one other community's struct, with no table, joins it; one held by two
// communities, or owning a table, stays.
func TestJoinAggregates(t *testing.T) {
	b := newTestGraph()
	cargo := b.unit("example.com/s.Cargo", ".", 60)
	delivery := b.unit("example.com/s.Delivery", ".", 80)
	leg := b.unit("example.com/s.Leg", ".", 20)
	event := b.unit("example.com/s.Event", ".", 40)
	history := b.unit("example.com/s.History", ".", 30)
	tmpl := b.unit("example.com/s.Template", ".", 50)
	b.held(delivery, cargo)
	b.held(leg, delivery, history) // a part of a part, copied by another: follows its community's largest type
	b.held(event, delivery, history)
	b.held(tmpl, cargo)
	b.g.Units[tmpl].Tables = []string{"templates"}
	// Communities: {cargo}, {delivery, leg}, {event}, {history}, {tmpl}.
	m := []int{0, 1, 1, 2, 3, 4}
	p := newPost(b.g, m, nil, nil)
	joins := p.joinAggregates()
	if len(joins) != 1 || joins[0].Module != "delivery" || joins[0].Into != "example.com/s.Cargo" {
		t.Fatalf("joins = %+v, want delivery into Cargo only", joins)
	}
	want := []int{0, 0, 0, 2, 3, 4}
	if !reflect.DeepEqual(p.m, want) {
		t.Errorf("membership = %v, want %v (Event is held by two communities, Template has a table)", p.m, want)
	}
}

// TestJoinParts: the free types of a domain folder's community that are
// held by value only in another community's types leave for it, parts of
// parts in later rounds, as one module; a type also held at home, one with
// a table, one another community points to, the folder's own code and a
// type in a community without a domain folder stay.
func TestJoinParts(t *testing.T) {
	b := newTestGraph()
	cargo := b.unit("example.com/s.Cargo", ".", 60)
	routing := b.unit("example.com/s/routing", "routing", 90)
	delivery := b.unit("example.com/s.Delivery", ".", 80)
	itinerary := b.unit("example.com/s.Itinerary", ".", 30)
	leg := b.unit("example.com/s.Leg", ".", 20)
	status := b.unit("example.com/s.Status", ".", 10)
	tmpl := b.unit("example.com/s.Template", ".", 50)
	b.held(delivery, cargo)
	b.held(itinerary, cargo, delivery) // free once Delivery has left
	b.held(leg, itinerary)
	b.held(status, cargo, tmpl) // also held at home
	b.held(tmpl, cargo)
	b.g.Units[tmpl].Tables = []string{"templates"}
	schedule := b.unit("example.com/s.Schedule", ".", 15)
	report := b.unit("example.com/s.Report", ".", 40)
	b.held(schedule, cargo)
	b.g.Units[schedule].HeldBy = append(b.g.Units[schedule].HeldBy, graph.Holder{Unit: report, Field: "Report.Schedule"}) // a pointer: shared
	profile := b.unit("example.com/s.Profile", ".", 25)
	b.unit("example.com/s.Account", ".", 70)
	b.held(profile, cargo) // in a community no domain folder pulls: the coupling's cut stands
	n := len(b.g.Units)
	unitFolder := make([]string, n)
	unitFolder[routing] = "routing"
	// Communities: {cargo}, {routing and the rest}, {report}, {profile, account}.
	m := []int{0, 1, 1, 1, 1, 1, 1, 1, 2, 3, 3}
	p := newPost(b.g, m, map[string]int{"routing": 1}, unitFolder)
	joins := p.joinAggregates()
	wantUnits := []string{"example.com/s.Delivery", "example.com/s.Itinerary", "example.com/s.Leg"}
	if len(joins) != 1 || joins[0].Module != "delivery" || joins[0].Into != "example.com/s.Cargo" || !reflect.DeepEqual(joins[0].Units, wantUnits) {
		t.Fatalf("joins = %+v, want one module delivery (%v) into Cargo", joins, wantUnits)
	}
	want := []int{0, 1, 0, 0, 0, 1, 1, 1, 2, 3, 3}
	if !reflect.DeepEqual(p.m, want) {
		t.Errorf("membership = %v, want %v (Status is held at home too, Template has a table, Report points to Schedule, no folder pulls Profile)", p.m, want)
	}
}

// TestJoinSatellites: a community with no table that one larger context
// alone uses joins it as a module, whatever else it calls; one two
// contexts use, one with a table, one larger than its user and a domain
// folder whose coupling goes mostly elsewhere stay.
func TestJoinSatellites(t *testing.T) {
	b := newTestGraph()
	hook := b.unit("example.com/s/db.Webhook", "db", 300)
	discord := b.unit("example.com/s/db.DiscordPayload", "db", 100)
	issue := b.unit("example.com/s/db.Issue", "db", 400)
	shared := b.unit("example.com/s/db.Markdown", "db", 50)
	reacher := b.unit("example.com/s/db.Mailer", "db", 60)
	owner := b.unit("example.com/s/db.Notice", "db", 40)
	big := b.unit("example.com/s/db.Repository", "db", 900)
	b.use(hook, discord, graph.Call, 5)
	b.use(discord, hook, graph.TypeUse, 3)
	b.use(hook, shared, graph.Call, 2)
	b.use(issue, shared, graph.Call, 2)
	b.use(issue, reacher, graph.Call, 2)
	b.use(reacher, hook, graph.Call, 4) // used by issue alone: joins it, tied to hook as it is
	b.use(hook, owner, graph.Call, 2)
	b.g.Units[owner].Tables = []string{"notice"}
	b.use(issue, big, graph.Call, 3)
	embed := b.unit("example.com/s/db.DiscordEmbed", "db", 20)
	b.use(discord, embed, graph.Call, 2) // a satellite's satellite: follows it to hook
	// A domain folder that issue alone calls, but whose own coupling goes
	// mostly elsewhere, stays: the authors cut it.
	routing := b.unit("example.com/s/routing.Service", "routing", 80)
	b.use(issue, routing, graph.Call, 1)
	b.use(routing, big, graph.Call, 5)
	unitFolder := make([]string, len(b.g.Units))
	unitFolder[routing] = "routing"
	m := []int{0, 1, 2, 3, 4, 5, 6, 7, 8}
	p := newPost(b.g, m, map[string]int{"routing": 8}, unitFolder)
	joins := p.joinSatellites()
	if len(joins) != 3 || !joins[0].Satellite || joins[0].Into != "example.com/s/db.Webhook" || !reflect.DeepEqual(joins[0].Units, []string{"example.com/s/db.DiscordPayload"}) || joins[0].Share != 0.6 ||
		joins[1].Into != "example.com/s/db.Issue" || joins[1].Share != 0 || joins[2].Into != "example.com/s/db.Webhook" {
		t.Fatalf("joins = %+v, want DiscordPayload into Webhook, Mailer into Issue, DiscordEmbed into Webhook", joins)
	}
	// Decided once: hook, used by Mailer alone once Mailer is in issue, stays.
	want := []int{0, 0, 2, 3, 2, 5, 6, 0, 8}
	if !reflect.DeepEqual(p.m, want) {
		t.Errorf("membership = %v, want %v", p.m, want)
	}
}

// TestMedoid: of three runs, the kept one is the partition the others agree
// with most; agreements give each unit the share of runs placing it there
// and where the others put it.
func TestMedoid(t *testing.T) {
	use := []bool{true, true, true, true, true, true}
	runs := []leiden.Result{
		{Membership: []int{0, 0, 0, 1, 1, 1}}, // an outlier: unit 2 with 0 and 1
		{Membership: []int{0, 0, 1, 1, 2, 2}},
		{Membership: []int{0, 0, 1, 1, 2, 2}},
	}
	if got := medoid(runs, 6, use); got != 1 {
		t.Fatalf("medoid = %d, want 1", got)
	}
	if got := ari(runs[1].Membership, runs[2].Membership, 6, use); got != 1 {
		t.Errorf("ari of equal partitions = %v, want 1", got)
	}
	ag := agreements(runs, 1, 6, use)
	if ag[0].share != 1 || ag[0].other != -1 {
		t.Errorf("unit 0: %+v, want every run agreeing", ag[0])
	}
	// Run 0's community {0,1,2} maps to the kept run's community 0: unit 2
	// (community 1 in the kept run) is placed elsewhere by one run in three.
	if want := (agreement{share: 2.0 / 3, other: 0}); ag[2] != want {
		t.Errorf("unit 2: %+v, want %+v", ag[2], want)
	}
}
