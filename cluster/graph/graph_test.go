package graph

import (
	"math"
	"reflect"
	"testing"

	"github.com/decomp/decomp/analysis/facts"
)

const p = "example.com/app/orders"
const q = "example.com/app/billing"

func fixture() *facts.Facts {
	f := &facts.Facts{
		Module: "example.com/app",
		Packages: []facts.Package{
			{Path: p, Name: "orders", Dir: "orders"},
			{Path: q, Name: "billing", Dir: "billing"},
		},
		Types: []facts.Type{
			{ID: p + ".Order", Pkg: p, Name: "Order", Kind: "struct", Pos: "orders/order.go:3", Lines: 5},
			{ID: p + ".Store", Pkg: p, Name: "Store", Kind: "interface", Pos: "orders/store.go:3", Lines: 3},
			{ID: q + ".Invoice", Pkg: q, Name: "Invoice", Kind: "struct", Pos: "billing/invoice.go:3", Lines: 4},
			{ID: q + ".invoiceJSON", Pkg: q, Name: "invoiceJSON", Kind: "struct", Pos: "billing/zz_gen.go:3", Lines: 4, Generated: true},
		},
		Funcs: []facts.Func{
			{ID: p + ".(*Order).Total", Pkg: p, Recv: "Order", Name: "Total", Pos: "orders/order.go:10", Lines: 6},
			{ID: p + ".NewOrder", Pkg: p, Name: "NewOrder", Pos: "orders/order.go:20", Lines: 4},
			{ID: p + ".main", Pkg: p, Name: "main", Pos: "orders/main.go:1", Lines: 10},
			{ID: p + ".TestTotal", Pkg: p, Name: "TestTotal", Pos: "orders/order_test.go:1", Lines: 10, Test: true},
			{ID: q + ".Bill", Pkg: q, Name: "Bill", Pos: "billing/invoice.go:10", Lines: 8},
			{ID: q + ".marshal", Pkg: q, Name: "marshal", Pos: "billing/zz_gen.go:10", Lines: 8, Generated: true},
		},
		Calls: []facts.Call{
			// Bill calls generated code, which calls back into orders.
			{Caller: q + ".Bill", Callee: q + ".marshal", Kind: facts.CallStatic, Pos: "billing/invoice.go:12"},
			{Caller: q + ".marshal", Callee: p + ".(*Order).Total", Kind: facts.CallStatic, Pos: "billing/zz_gen.go:12"},
			// main calls through the Store interface.
			{Caller: p + ".main", Callee: p + ".Store.Save", Kind: facts.CallDynamic, Pos: "orders/main.go:3"},
			{Caller: p + ".TestTotal", Callee: p + ".NewOrder", Kind: facts.CallStatic, Pos: "orders/order_test.go:3"},
		},
		Uses: []facts.Use{
			{From: p + ".NewOrder", Target: p + ".Order", Kind: facts.UseType, Count: 3},
			{From: q + ".Bill", Target: p + ".Order", Kind: facts.UseField, Count: 2},
		},
		Accesses: []facts.Access{
			{Func: p + ".(*Order).Total", Table: "orders", Mode: facts.Read, Pos: "orders/order.go:11", Via: "sql"},
			{Func: q + ".Bill", Table: "orders", Mode: facts.Read, Pos: "billing/invoice.go:13", Via: "sql"},
		},
	}
	return f
}

func unitIDs(g *Graph) []string {
	var out []string
	for _, u := range g.Units {
		out = append(out, u.ID)
	}
	return out
}

func TestBuildTypeGranularity(t *testing.T) {
	g := Build(fixture(), Options{Granularity: Type})
	// Functions attached to no type form one unit per file.
	want := []string{p + ".Order", p + ".Store", q + ".Invoice", FuncsID(p, "main.go"), FuncsID(q, "invoice.go"), "table:orders"}
	if got := unitIDs(g); !reflect.DeepEqual(got, want) {
		t.Fatalf("units = %q, want %q", got, want)
	}
	// NewOrder attaches to the type it uses; main uses no type of its package.
	if g.FuncUnit[p+".NewOrder"] != g.TypeUnit[p+".Order"] {
		t.Error("constructor not attached to its type")
	}
	if g.Units[g.FuncUnit[p+".main"]].Kind != KindFuncs {
		t.Error("main should be in the package's functions unit")
	}
	if _, ok := g.FuncUnit[p+".TestTotal"]; ok {
		t.Error("test function clustered without IncludeTests")
	}
	if _, ok := g.FuncUnit[q+".marshal"]; ok {
		t.Error("generated function clustered without IncludeGenerated")
	}
	if got := g.Units[g.TypeUnit[p+".Order"]].Lines; got != 5+6+4 {
		t.Errorf("Order lines = %d, want 15", got)
	}
	edges := map[[2]string][NumKinds]int{}
	for _, e := range g.Edges {
		edges[[2]string{g.Units[e.A].ID, g.Units[e.B].ID}] = e.Counts
	}
	want2 := map[[2]string][NumKinds]int{
		// Bill → generated marshal → Order.Total is bridged; Bill also uses Order's fields.
		{p + ".Order", FuncsID(q, "invoice.go")}:   {Call: 1, TypeUse: 2},
		{p + ".Order", "table:orders"}:             {Access: 1},
		{FuncsID(q, "invoice.go"), "table:orders"}: {Access: 1},
		// The interface call lands on the interface's unit.
		{p + ".Store", FuncsID(p, "main.go")}: {Dynamic: 1},
	}
	if !reflect.DeepEqual(edges, want2) {
		t.Errorf("edges = %v\nwant %v", edges, want2)
	}
}

func TestBuildPackageGranularity(t *testing.T) {
	g := Build(fixture(), Options{Granularity: Package, IncludeTests: true, IncludeGenerated: true})
	want := []string{p, q, "table:orders"}
	if got := unitIDs(g); !reflect.DeepEqual(got, want) {
		t.Fatalf("units = %q, want %q", got, want)
	}
	if _, ok := g.FuncUnit[p+".TestTotal"]; !ok {
		t.Error("IncludeTests did not keep the test")
	}
	if _, ok := g.FuncUnit[q+".marshal"]; !ok {
		t.Error("IncludeGenerated did not keep generated code")
	}
}

func TestBuildIgnore(t *testing.T) {
	g := Build(fixture(), Options{Granularity: Package, Ignore: func(pkg string) bool { return pkg == q }})
	if got := unitIDs(g); !reflect.DeepEqual(got, []string{p, "table:orders"}) {
		t.Errorf("units = %q", got)
	}
}

func TestWeight(t *testing.T) {
	w := Weight([NumKinds]int{Call: 1, TypeUse: 4}, DefaultWeights)
	want := 1*(1+math.Log(1)) + 0.5*(1+math.Log(4))
	if math.Abs(w-want) > 1e-12 {
		t.Errorf("weight = %g, want %g", w, want)
	}
	if Weight([NumKinds]int{}, DefaultWeights) != 0 {
		t.Error("no coupling must weigh 0")
	}
}

func TestBuildAutoGranularity(t *testing.T) {
	// Only orders is split by type; billing stays one package unit.
	g := Build(fixture(), Options{Granularity: Auto, TypeUnits: func(pkg string) bool { return pkg == p }})
	want := []string{p + ".Order", p + ".Store", FuncsID(p, "main.go"), q, "table:orders"}
	if got := unitIDs(g); !reflect.DeepEqual(got, want) {
		t.Fatalf("units = %q, want %q", got, want)
	}
	if g.TypeUnit[q+".Invoice"] != g.FuncUnit[q+".Bill"] {
		t.Error("billing's type and function should share the package unit")
	}
}

// TestSharedHelperNotAttached: a free function that methods of two types
// call belongs to neither, so it does not tie them together.
func TestSharedHelperNotAttached(t *testing.T) {
	f := &facts.Facts{
		Packages: []facts.Package{{Path: p, Name: "orders", Dir: "orders"}},
		Types: []facts.Type{
			{ID: p + ".A", Pkg: p, Name: "A", Pos: "orders/a.go:1", Lines: 5},
			{ID: p + ".B", Pkg: p, Name: "B", Pos: "orders/b.go:1", Lines: 5},
		},
		Funcs: []facts.Func{
			{ID: p + ".A.Do", Pkg: p, Recv: "A", Name: "Do", Pos: "orders/a.go:3", Lines: 3},
			{ID: p + ".B.Do", Pkg: p, Recv: "B", Name: "Do", Pos: "orders/b.go:3", Lines: 3},
			{ID: p + ".writeJSON", Pkg: p, Name: "writeJSON", Pos: "orders/util.go:1", Lines: 3},
			{ID: p + ".newA", Pkg: p, Name: "newA", Pos: "orders/a.go:9", Lines: 3},
		},
		Calls: []facts.Call{
			{Caller: p + ".A.Do", Callee: p + ".writeJSON", Kind: facts.CallStatic, Pos: "orders/a.go:4"},
			{Caller: p + ".A.Do", Callee: p + ".writeJSON", Kind: facts.CallStatic, Pos: "orders/a.go:5"},
			{Caller: p + ".B.Do", Callee: p + ".writeJSON", Kind: facts.CallStatic, Pos: "orders/b.go:4"},
		},
		Uses: []facts.Use{{From: p + ".newA", Target: p + ".A", Kind: facts.UseType, Count: 1}},
	}
	g := Build(f, Options{Granularity: Type})
	if g.FuncUnit[p+".writeJSON"] == g.TypeUnit[p+".A"] || g.FuncUnit[p+".writeJSON"] == g.TypeUnit[p+".B"] {
		t.Error("writeJSON attached to a type although both call it")
	}
	if g.FuncUnit[p+".newA"] != g.TypeUnit[p+".A"] {
		t.Error("newA should attach to A")
	}
}

// TestAccessThroughGeneratedCode: a query run inside generated code (sqlc)
// belongs to the kept function that calls it.
func TestAccessThroughGeneratedCode(t *testing.T) {
	f := &facts.Facts{
		Packages: []facts.Package{{Path: p, Name: "orders", Dir: "orders"}, {Path: q, Name: "db", Dir: "db"}},
		Funcs: []facts.Func{
			{ID: p + ".Place", Pkg: p, Name: "Place", Pos: "orders/o.go:1", Lines: 3},
			{ID: q + ".InsertOrder", Pkg: q, Name: "InsertOrder", Pos: "db/q.sql.go:1", Lines: 3, Generated: true},
		},
		Calls:    []facts.Call{{Caller: p + ".Place", Callee: q + ".InsertOrder", Kind: facts.CallStatic, Pos: "orders/o.go:2"}},
		Accesses: []facts.Access{{Func: q + ".InsertOrder", Table: "orders", Mode: facts.Write, Pos: "db/q.sql.go:2", Via: "sql"}},
	}
	g := Build(f, Options{Granularity: Package})
	if len(g.Edges) != 1 {
		t.Fatalf("edges = %+v, want the orders package tied to its table", g.Edges)
	}
	if e := g.Edges[0]; g.Units[e.A].ID != p || g.Units[e.B].ID != TableID("orders") || e.Counts[Access] != 1 {
		t.Errorf("edge = %+v", e)
	}
}

// The graph keeps direction: a call from the unit with the higher index is
// backward on its edge.
func TestEdgeDirection(t *testing.T) {
	const p = "example.com/d"
	f := &facts.Facts{
		Packages: []facts.Package{{Path: p + "/a", Name: "a"}, {Path: p + "/b", Name: "b"}},
		Funcs: []facts.Func{
			{ID: p + "/a.F", Pkg: p + "/a", Name: "F", Lines: 3},
			{ID: p + "/b.G", Pkg: p + "/b", Name: "G", Lines: 3},
			{ID: p + "/b.H", Pkg: p + "/b", Name: "H", Lines: 3},
		},
		Calls: []facts.Call{
			{Caller: p + "/a.F", Callee: p + "/b.G", Pos: "a/a.go:2"},
			{Caller: p + "/b.H", Callee: p + "/a.F", Pos: "b/b.go:2"},
			{Caller: p + "/b.G", Callee: p + "/a.F", Pos: "b/b.go:5"},
		},
	}
	g := Build(f, Options{Granularity: Package})
	if len(g.Edges) != 1 {
		t.Fatalf("%d edges", len(g.Edges))
	}
	e := g.Edges[0]
	a, _ := g.Index(p + "/a")
	fwd, back := e.Forward[Call], e.Backward()[Call]
	if e.A != a {
		fwd, back = back, fwd
	}
	if fwd != 1 || back != 2 || e.Counts[Call] != 3 {
		t.Errorf("a→b %d, b→a %d, total %d; want 1, 2, 3", fwd, back, e.Counts[Call])
	}
}

// TestSpreadReceivers: a receiver is spread when its methods sit in three
// or more files named after something else than its package or itself.
func TestSpreadReceivers(t *testing.T) {
	const api = "example.com/app/controllers/api"
	const notify = "example.com/app/service/notification"
	method := func(pkg, recv, file string) facts.Func {
		return facts.Func{ID: pkg + "." + recv + "." + file, Pkg: pkg, Recv: recv, Name: "M", Pos: file + ":1", Lines: 3}
	}
	tests := []struct {
		name  string
		funcs []facts.Func
		want  map[string]bool
	}{
		{"one file per resource", []facts.Func{
			method(api, "Server", "controllers/api/campaign.go"),
			method(api, "Server", "controllers/api/group.go"),
			method(api, "Server", "controllers/api/page.go"),
			method(api, "Server", "controllers/api/server.go"),
		}, map[string]bool{api + ".Server": true}},
		{"two files are not spread", []facts.Func{
			method(api, "Server", "controllers/api/campaign.go"),
			method(api, "Server", "controllers/api/group.go"),
		}, map[string]bool{}},
		{"files named after the type", []facts.Func{
			method(notify, "NotificationService", "service/notification/new_answer_notification.go"),
			method(notify, "NotificationService", "service/notification/new_comment_notification.go"),
			method(notify, "NotificationService", "service/notification/invite_notification.go"),
		}, map[string]bool{}},
		{"files named after the package", []facts.Func{
			method(api, "Handler", "controllers/api/api_users.go"),
			method(api, "Handler", "controllers/api/api_groups.go"),
			method(api, "Handler", "controllers/api/api_pages.go"),
		}, map[string]bool{}},
		{"tests and generated code do not count", []facts.Func{
			method(api, "Server", "controllers/api/campaign.go"),
			method(api, "Server", "controllers/api/group.go"),
			{ID: api + ".Server.T", Pkg: api, Recv: "Server", Pos: "controllers/api/page_test.go:1", Test: true},
			{ID: api + ".Server.G", Pkg: api, Recv: "Server", Pos: "controllers/api/zz_gen.go:1", Generated: true},
		}, map[string]bool{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &facts.Facts{
				Packages: []facts.Package{{Path: api, Name: "api", Dir: "controllers/api"}, {Path: notify, Name: "notification", Dir: "service/notification"}},
				Funcs:    tt.funcs,
			}
			if got := SpreadReceivers(f); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SpreadReceivers = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestBuildSpreadReceiver: at type granularity a spread receiver's methods
// join their file's functions unit; the type keeps its declaration.
func TestBuildSpreadReceiver(t *testing.T) {
	const api = "example.com/app/api"
	f := &facts.Facts{
		Packages: []facts.Package{{Path: api, Name: "api", Dir: "api"}},
		Types:    []facts.Type{{ID: api + ".Server", Pkg: api, Name: "Server", Kind: "struct", Pos: "api/server.go:3", Lines: 4}},
		Funcs: []facts.Func{
			{ID: api + ".(*Server).Campaigns", Pkg: api, Recv: "Server", Name: "Campaigns", Pos: "api/campaign.go:5", Lines: 9},
			{ID: api + ".campaignJSON", Pkg: api, Name: "campaignJSON", Pos: "api/campaign.go:20", Lines: 3},
			{ID: api + ".(*Server).Groups", Pkg: api, Recv: "Server", Name: "Groups", Pos: "api/group.go:5", Lines: 9},
			{ID: api + ".(*Server).Pages", Pkg: api, Recv: "Server", Name: "Pages", Pos: "api/page.go:5", Lines: 9},
		},
	}
	g := Build(f, Options{Granularity: Type})
	want := []string{api + ".Server", FuncsID(api, "campaign.go"), FuncsID(api, "group.go"), FuncsID(api, "page.go")}
	if got := unitIDs(g); !reflect.DeepEqual(got, want) {
		t.Fatalf("units = %q, want %q", got, want)
	}
	if g.FuncUnit[api+".(*Server).Campaigns"] != g.FuncUnit[api+".campaignJSON"] {
		t.Error("a spread receiver's method should share its file's unit")
	}
	if d := g.Units[g.TypeUnit[api+".Server"]].Decl; d != "api/server.go" {
		t.Errorf("Server's Decl = %q, want api/server.go", d)
	}
	if d := g.Units[g.FuncUnit[api+".campaignJSON"]].Decl; d != "api/campaign.go" {
		t.Errorf("campaign.go unit's Decl = %q", d)
	}
}

func TestElemTypeID(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    string
		byValue bool
	}{
		{"example.com/s.Delivery", "example.com/s.Delivery", true},
		{"[]example.com/s.Leg", "example.com/s.Leg", true},
		{"[4]example.com/s.Leg", "example.com/s.Leg", true},
		{"map[string]example.com/s.Leg", "example.com/s.Leg", true},
		{"map[[2]int][]example.com/s.Leg", "example.com/s.Leg", true},
		{"*example.com/s.Service", "example.com/s.Service", false},
		{"[]*example.com/s.Item", "example.com/s.Item", false},
		{"example.com/s.List[int]", "example.com/s.List", true},
	} {
		got, byValue := elemTypeID(tc.in)
		if got != tc.want || byValue != tc.byValue {
			t.Errorf("elemTypeID(%q) = %q, %v; want %q, %v", tc.in, got, byValue, tc.want, tc.byValue)
		}
	}
}

// TestHolders: a struct field of a module type holds it, by value or
// through a pointer; a by-value field wins over a pointer of the same
// holder, and interfaces and embedded fields hold nothing.
func TestHolders(t *testing.T) {
	f := fixture()
	f.Types = append(f.Types,
		facts.Type{ID: q + ".Ledger", Pkg: q, Name: "Ledger", Kind: "struct", Pos: "billing/ledger.go:3", Lines: 6})
	f.Structs = []facts.Struct{
		{Type: q + ".Invoice", Fields: []facts.Field{
			{Name: "Last", Type: "*" + p + ".Order"},
			{Name: "Lines", Type: "[]" + p + ".Order"},
			{Name: "Store", Type: p + ".Store"},
		}},
		{Type: q + ".Ledger", Fields: []facts.Field{
			{Name: "Open", Type: "map[string]*" + p + ".Order"},
			{Name: "Invoice", Type: q + ".Invoice", Embedded: "Invoice"},
		}},
	}
	g := Build(f, Options{Granularity: Type})
	inv, led := g.TypeUnit[q+".Invoice"], g.TypeUnit[q+".Ledger"]
	want := []Holder{{Unit: inv, Field: "Invoice.Lines", ByValue: true}, {Unit: led, Field: "Ledger.Open"}}
	if inv > led {
		want[0], want[1] = want[1], want[0]
	}
	if got := g.Units[g.TypeUnit[p+".Order"]].HeldBy; !reflect.DeepEqual(got, want) {
		t.Errorf("Order held by %+v, want %+v", got, want)
	}
	if got := g.Units[g.TypeUnit[p+".Store"]].HeldBy; got != nil {
		t.Errorf("the Store interface held by %+v, want none", got)
	}
	if got := g.Units[inv].HeldBy; got != nil {
		t.Errorf("Invoice held by %+v, want none (embedded)", got)
	}
}

func TestNamedElsewhere(t *testing.T) {
	for _, tc := range []struct {
		file, pkg, recv string
		want            bool
	}{
		{"internal/api/entry_handlers.go", "api", "handler", true},
		{"internal/api/handler.go", "api", "handler", false},
		{"internal/api/api.go", "api", "handler", false},
		{"controllers/api/campaign.go", "api", "Server", true},
		{"controllers/api/server.go", "api", "Server", false},
		{"internal/repo/questionrepo.go", "repo", "QuestionRepo", false},
		{"controller/template_render.go", "controller", "TemplateRenderController", false},
		{"controller/template_render_question.go", "controller", "TemplateRenderController", false},
		{"controllers/api/api_users.go", "api", "Handler", false},
		{"service/notification/new_answer_notification.go", "notification", "NotificationService", false},
		{"internal/api/server_campaigns.go", "api", "Server", true},
	} {
		if got := namedElsewhere(fileBase(tc.file), squash(tc.pkg), tc.recv); got != tc.want {
			t.Errorf("namedElsewhere(%q, %q, %q) = %v, want %v", tc.file, tc.pkg, tc.recv, got, tc.want)
		}
	}
}
