package plan_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/cluster"
	"github.com/decomp/decomp/report/plan"
)

// shapes is a monolith in facts: orders (routes, a table) calls billing
// (a table) twice and billing calls it back through a callback once;
// receipt serves billing alone; sdk touches nothing; migrate owns its
// version table and writes the tables of two contexts; worker owns a table and talks to
// no one.
func shapes() (*facts.Facts, *cluster.Decomposition) {
	fn := func(id string) facts.Func {
		pkg, name, _ := strings.Cut(id, ".")
		return facts.Func{ID: id, Pkg: pkg, Name: name, Exported: true, Signature: "func()", Lines: 10}
	}
	f := &facts.Facts{
		Module: "m",
		Packages: []facts.Package{{Path: "m/billing", Name: "billing"}, {Path: "m/migrate", Name: "migrate"}, {Path: "m/orders", Name: "orders"},
			{Path: "m/receipt", Name: "receipt"}, {Path: "m/sdk", Name: "sdk"}, {Path: "m/worker", Name: "worker"}},
		Funcs: []facts.Func{{ID: "m/billing.(*Invoice).Total", Pkg: "m/billing", Recv: "*Invoice", Name: "Total", Exported: true, Signature: "func() int"}, fn("m/billing.Charge"), fn("m/migrate.Run"), fn("m/orders.Get"), fn("m/orders.Place"), fn("m/receipt.Format"), fn("m/sdk.Do"), fn("m/worker.Run")},
		Calls: []facts.Call{
			{Caller: "m/billing.Charge", Callee: "m/orders.Place", Kind: facts.CallDynamic, Pos: "billing/b.go:3", Closure: true},
			{Caller: "m/billing.Charge", Callee: "m/receipt.Format", Kind: facts.CallStatic, Pos: "billing/b.go:4"},
			{Caller: "m/orders.Place", Callee: "m/billing.Charge", Kind: facts.CallStatic, Pos: "orders/o.go:5"},
			{Caller: "m/orders.Place", Callee: "m/billing.Charge", Kind: facts.CallStatic, Pos: "orders/o.go:6"},
			{Caller: "m/orders.Place", Callee: "m/billing.(*Invoice).Total", Kind: facts.CallStatic, Pos: "orders/o.go:7"},
		},
		Accesses: []facts.Access{
			{Func: "m/billing.Charge", Table: "invoices", Mode: facts.Write, Pos: "billing/b.go:5"},
			{Func: "m/migrate.Run", Table: "invoices", Mode: facts.Write, Pos: "migrate/m.go:2"},
			{Func: "m/migrate.Run", Table: "orders", Mode: facts.Write, Pos: "migrate/m.go:2"},
			{Func: "m/migrate.Run", Table: "schema_version", Mode: facts.Read, Pos: "migrate/m.go:5"},
			{Func: "m/orders.Get", Table: "invoices", Mode: facts.Read, Pos: "orders/o.go:9"},
			{Func: "m/orders.Get", Table: "orders", Mode: facts.Read, Pos: "orders/o.go:9"},
			{Func: "m/orders.Place", Table: "orders", Mode: facts.Write, Pos: "orders/o.go:4"},
			{Func: "m/worker.Run", Table: "jobs", Mode: facts.Write, Pos: "worker/w.go:2"},
		},
		// Place opens a transaction and hands it to billing.Charge; Get
		// reads in one of its own.
		Txs: []facts.Tx{
			{Func: "m/orders.Place", Pos: "orders/o.go:3", Via: "sql", Funcs: []string{"m/billing.Charge", "m/orders.Place"}},
			{Func: "m/orders.Get", Pos: "orders/o.go:8", Via: "sql", Funcs: []string{"m/orders.Get"}},
		},
		Types:   []facts.Type{{ID: "m/billing.Invoice", Pkg: "m/billing", Name: "Invoice", Kind: "struct"}},
		Structs: []facts.Struct{{Type: "m/billing.Invoice", Table: "invoices"}},
		Routes:  []facts.Route{{Method: "GET", Path: "/orders", Handler: "m/orders.Get", Pos: "orders/r.go:1", Via: "net/http"}},
	}
	names := []string{"orders", "billing", "receipt", "sdk", "migrate", "worker"}
	tables := map[string][]string{"orders": {"orders"}, "billing": {"invoices"}, "worker": {"jobs"}, "migrate": {"schema_version"}}
	d := &cluster.Decomposition{FuncContext: map[string]int{}, TypeContext: map[string]int{}, FuncPlatform: map[string]string{}}
	for i, n := range names {
		d.Contexts = append(d.Contexts, cluster.Context{ID: i, Name: n, Packages: []string{"m/" + n}, Tables: tables[n], Lines: 100})
		for _, fn := range f.Funcs {
			if fn.Pkg == "m/"+n {
				d.FuncContext[fn.ID] = i
			}
		}
	}
	return f, d
}

func TestFoldAndEffort(t *testing.T) {
	f, d := shapes()
	p, err := plan.Build(plan.Input{Facts: f, D: d})
	if err != nil {
		t.Fatal(err)
	}
	var folded []string
	for _, x := range p.Folded {
		folded = append(folded, x.Context+">"+x.Into)
	}
	if want := []string{"migrate>", "receipt>billing", "sdk>"}; !reflect.DeepEqual(folded, want) {
		t.Errorf("folded = %v, want %v (%+v)", folded, want, p.Folded)
	}
	if !strings.Contains(p.Folded[0].Reason, "manages the schema") {
		t.Errorf("migrate's reason = %q", p.Folded[0].Reason)
	}
	steps := map[string]plan.Step{}
	for _, s := range p.Steps {
		steps[s.Context] = s
	}
	if len(steps) != 3 || steps["orders"].N == 0 || steps["billing"].N == 0 || steps["worker"].N == 0 {
		t.Fatalf("steps = %v, want orders, billing and worker", steps)
	}
	if w := steps["billing"].With; !reflect.DeepEqual(w, []string{"receipt"}) {
		t.Errorf("billing's step takes %v, want [receipt]", w)
	}
	// The callback is no caller of orders; orders' three calls to billing are
	// its calls out, and billing's callers to reroute.
	if e := steps["orders"].Effort; e.Callers != 0 || e.CallsOut != 3 {
		t.Errorf("orders: %d callers, %d calls out; want 0 and 3", e.Callers, e.CallsOut)
	}
	if e := steps["billing"].Effort; e.Callers != 3 || e.CallsOut != 0 {
		t.Errorf("billing: %d callers, %d calls out; want 3 and 0 (receipt is inside its step)", e.Callers, e.CallsOut)
	}
	// The invoice's own method is no operation of the seam.
	if seam := steps["billing"].Seam; len(seam.Methods) != 1 || len(seam.Outside) != 1 || !strings.Contains(seam.Outside[0].Reason, "a method of entity billing.Invoice (table invoices)") {
		t.Errorf("billing's seam: methods %+v, kept out %+v", seam.Methods, seam.Outside)
	}
	// Place's transaction writes the tables of orders and billing: a risk
	// of both steps, with a saga or an outbox; Get's reads two contexts.
	for _, c := range []string{"orders", "billing"} {
		st := steps[c]
		if st.Effort.Transactions < 1 || !strings.Contains(strings.Join(st.Risks, "\n"), "transaction at orders/o.go:3 (orders.Place) spans billing, orders: it writes the tables of billing, orders: a saga") {
			t.Errorf("%s: %d transactions, risks %q", c, st.Effort.Transactions, st.Risks)
		}
	}
	if tx := steps["orders"].Transactions; len(tx) != 2 || tx[1].Pos != "orders/o.go:8" || !strings.HasPrefix(tx[1].Replace, "a consistent read") {
		t.Errorf("orders' transactions = %+v", tx)
	}
	// The migration writes both tables in one statement, reading none: no
	// join; orders.Get reads both: a join.
	var joins []string
	for _, j := range plan.Joins(f, d) {
		joins = append(joins, j.Pos)
	}
	if want := []string{"orders/o.go:9"}; !reflect.DeepEqual(joins, want) {
		t.Errorf("joins at %v, want %v", joins, want)
	}

	// --first names a folded context: the architect's call wins.
	p, err = plan.Build(plan.Input{Facts: f, D: d, First: "receipt"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Steps[0].Context != "receipt" || len(p.Folded) != 2 {
		t.Errorf("--first receipt: step 1 %s, folded %v", p.Steps[0].Context, p.Folded)
	}
}

// Two contexts that are each other's only neighbour both keep their step.
func TestFoldPair(t *testing.T) {
	f := &facts.Facts{
		Funcs: []facts.Func{{ID: "m/a.A", Pkg: "m/a", Name: "A", Exported: true, Signature: "func()"}, {ID: "m/b.B", Pkg: "m/b", Name: "B", Exported: true, Signature: "func()"}},
		Calls: []facts.Call{{Caller: "m/a.A", Callee: "m/b.B", Kind: facts.CallStatic, Pos: "a/a.go:1"}},
	}
	d := &cluster.Decomposition{
		Contexts:    []cluster.Context{{ID: 0, Name: "a", Packages: []string{"m/a"}}, {ID: 1, Name: "b", Packages: []string{"m/b"}}},
		FuncContext: map[string]int{"m/a.A": 0, "m/b.B": 1},
	}
	p, err := plan.Build(plan.Input{Facts: f, D: d})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Steps) != 2 || len(p.Folded) != 0 {
		t.Errorf("%d steps, folded %v; want 2 steps, none folded", len(p.Steps), p.Folded)
	}
}

func TestStepOption(t *testing.T) {
	f, d := shapes()
	p, err := plan.Build(plan.Input{Facts: f, D: d})
	if err != nil {
		t.Fatal(err)
	}
	var all, one strings.Builder
	if err := p.Text(&all, plan.Options{Module: "m"}); err != nil {
		t.Fatal(err)
	}
	if err := p.Text(&one, plan.Options{Module: "m", Step: 2}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"  step  context", "no step: receipt goes with the step of billing", "Step 3: wall off"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the plan lacks %q:\n%s", want, all.String())
		}
	}
	if s := one.String(); !strings.HasPrefix(s, "\nStep 2: wall off") || strings.Contains(s, "Step 1:") || strings.Contains(s, "Step 3:") {
		t.Errorf("--step 2 wrote:\n%s", s)
	}
	var weak, weakMD strings.Builder
	if err := p.Text(&weak, plan.Options{WeakCut: []string{"61% of the calls cross"}}); err != nil || !strings.Contains(weak.String(), "\nWeak cut: 61% of the calls cross; the steps inherit these contexts") {
		t.Errorf("weak cut in the text plan (%v):\n%s", err, weak.String())
	}
	if err := p.Markdown(&weakMD, plan.Options{WeakCut: []string{"61% of the calls cross"}}); err != nil || !strings.Contains(weakMD.String(), "> **Weak cut**: 61% of the calls cross;") {
		t.Errorf("weak cut in the Markdown plan (%v)", err)
	}
	if err := p.Text(&one, plan.Options{Step: 4}); err == nil || err.Error() != "--step 4: the plan has 3 steps" {
		t.Errorf("--step 4: err = %v", err)
	}
}

// A caller in the package the seam delegates to (two contexts share it)
// cannot import the seam; one in another package can.
func TestMoveFirst(t *testing.T) {
	f := &facts.Facts{
		Module:   "m",
		Packages: []facts.Package{{Path: "m/db", Name: "db"}, {Path: "m/web", Name: "web", Imports: []string{"m/db"}}},
		Funcs: []facts.Func{
			{ID: "m/db.Issues", Pkg: "m/db", Name: "Issues", Exported: true, Signature: "func(id int) int"},
			{ID: "m/db.Users", Pkg: "m/db", Name: "Users", Exported: true, Signature: "func(id int) int"},
			{ID: "m/web.Page", Pkg: "m/web", Name: "Page", Exported: true, Signature: "func() int"},
		},
		Calls: []facts.Call{
			{Caller: "m/db.Issues", Callee: "m/db.Users", Kind: facts.CallStatic, Pos: "db/issues.go:3"},
			{Caller: "m/web.Page", Callee: "m/db.Users", Kind: facts.CallStatic, Pos: "web/w.go:3"},
		},
		Routes: []facts.Route{{Path: "/", Handler: "m/web.Page", Pos: "web/w.go:1"}, {Path: "/i", Handler: "m/db.Issues", Pos: "db/r.go:1"},
			{Path: "/u", Handler: "m/db.Users", Pos: "db/r.go:2"}},
	}
	d := &cluster.Decomposition{
		Contexts: []cluster.Context{{ID: 0, Name: "issue", Packages: []string{"m/db"}}, {ID: 1, Name: "user", Packages: []string{"m/db"}},
			{ID: 2, Name: "web", Packages: []string{"m/web"}}},
		FuncContext: map[string]int{"m/db.Issues": 0, "m/db.Users": 1, "m/web.Page": 2},
	}
	p, err := plan.Build(plan.Input{Facts: f, D: d})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range p.Steps {
		if s.Context != "user" {
			continue
		}
		for _, c := range s.Callers {
			got[c.Pos] = c.MoveFirst
		}
		if s.Effort.MoveFirst != 1 {
			t.Errorf("user: %d callers to move first, want 1", s.Effort.MoveFirst)
		}
	}
	want := map[string]string{
		"db/issues.go:3": "the seam imports its own package db: an import cycle",
		"web/w.go:3":     "",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("move first = %q, want %q", got, want)
	}
}

// A seam an earlier step introduced can close a cycle: once metric calls
// user through user's seam, which imports view (a signature of user's
// other package), reader's seam, which imports all of reader's packages,
// reaches view through proc and metric.
func TestMoveFirstThroughEarlierSeam(t *testing.T) {
	fn := func(id, sig string) facts.Func {
		pkg, name, _ := strings.Cut(id, ".")
		return facts.Func{ID: id, Pkg: pkg, Name: name, Exported: true, Signature: sig}
	}
	f := &facts.Facts{
		Module: "m",
		Packages: []facts.Package{{Path: "m/metric", Name: "metric", Imports: []string{"m/user"}}, {Path: "m/proc", Name: "proc", Imports: []string{"m/metric"}},
			{Path: "m/reader", Name: "reader"}, {Path: "m/user", Name: "user"}, {Path: "m/userui", Name: "userui", Imports: []string{"m/view"}},
			{Path: "m/view", Name: "view", Imports: []string{"m/reader", "m/userui"}}, {Path: "m/web", Name: "web", Imports: []string{"m/proc"}}},
		Types: []facts.Type{{ID: "m/view.Page", Pkg: "m/view", Name: "Page", Kind: "struct"}},
		Funcs: []facts.Func{fn("m/metric.Count", "func()"), fn("m/proc.Run", "func()"), fn("m/reader.Feed", "func() int"), fn("m/user.Get", "func(id int) int"),
			fn("m/userui.Render", "func(p `m/view`.Page)"), fn("m/view.Show", "func()"), fn("m/web.Page", "func()")},
		Calls: []facts.Call{
			{Caller: "m/metric.Count", Callee: "m/user.Get", Kind: facts.CallStatic, Pos: "metric/m.go:3"},
			{Caller: "m/view.Show", Callee: "m/reader.Feed", Kind: facts.CallStatic, Pos: "view/v.go:3"},
			{Caller: "m/view.Show", Callee: "m/userui.Render", Kind: facts.CallStatic, Pos: "view/v.go:4"},
			{Caller: "m/web.Page", Callee: "m/proc.Run", Kind: facts.CallStatic, Pos: "web/w.go:3"},
		},
	}
	d := &cluster.Decomposition{FuncContext: map[string]int{}}
	for i, c := range []struct{ name, pkgs string }{{"user", "m/user m/userui"}, {"reader", "m/reader m/proc"}, {"metric", "m/metric"}, {"view", "m/view"}, {"web", "m/web"}} {
		d.Contexts = append(d.Contexts, cluster.Context{ID: i, Name: c.name, Packages: strings.Fields(c.pkgs)})
		for _, fn := range f.Funcs {
			if slices.Contains(strings.Fields(c.pkgs), fn.Pkg) {
				d.FuncContext[fn.ID] = i
				f.Routes = append(f.Routes, facts.Route{Path: "/" + fn.Name, Handler: fn.ID, Pos: fn.Pkg + ".go:1"})
			}
		}
	}
	p, err := plan.Build(plan.Input{Facts: f, D: d, First: "user"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range p.Steps {
		for _, c := range s.Callers {
			got[s.Context+" "+c.Pos] = c.MoveFirst
		}
	}
	want := map[string]string{
		"user metric/m.go:3": "",
		"user view/v.go:4":   "the seam imports its own package view: an import cycle",
		"reader view/v.go:3": "the seam imports proc → metric → (seam of user) → view, its package: an import cycle",
		"reader web/w.go:3":  "",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("move first:\n got %q\nwant %q", got, want)
	}
}
