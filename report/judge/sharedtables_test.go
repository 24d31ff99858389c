package judge

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/cluster"
)

// sharedDecomp builds a decomposition from context name -> member functions.
func sharedDecomp(contexts ...[]string) *cluster.Decomposition {
	d := &cluster.Decomposition{FuncContext: map[string]int{}}
	for i, c := range contexts {
		d.Contexts = append(d.Contexts, cluster.Context{ID: i, Name: c[0]})
		for _, fn := range c[1:] {
			d.FuncContext[fn] = i
		}
	}
	return d
}

func sharedAcc(fn, table string, mode facts.Mode, pos string) facts.Access {
	return facts.Access{Func: fn, Table: table, Mode: mode, Pos: pos, Via: "sql"}
}

func sharedCall(caller, callee, pos string) facts.Call {
	return facts.Call{Caller: caller, Callee: callee, Kind: facts.CallStatic, Pos: pos}
}

// sharedSummary renders the decisive parts of the findings on one line
// each, so table-driven cases can state them compactly.
func sharedSummary(out []SharedTable) []string {
	var lines []string
	for _, t := range out {
		var users []string
		for _, u := range t.Users {
			users = append(users, fmt.Sprintf("%s:w%d/r%d", u.Context.Name, u.WriteSites, u.ReadSites))
		}
		var recs []string
		for _, r := range t.Recommendations {
			recs = append(recs, r.Context.Name+"="+r.Action)
		}
		var ind []string
		for _, i := range t.Indirect {
			ind = append(ind, i.Context.Name)
		}
		lines = append(lines, fmt.Sprintf("%s %s owner=%s users=[%s] recs=[%s] indirect=[%s]",
			t.Table, t.Severity, t.Owner.Name, strings.Join(users, " "), strings.Join(recs, " "), strings.Join(ind, " ")))
	}
	return lines
}

func TestSharedTables(t *testing.T) {
	tests := []struct {
		name  string
		facts facts.Facts
		d     *cluster.Decomposition
		opt   TableOptions
		want  []string
	}{
		{
			name: "two writers: high, owner writes most",
			facts: facts.Facts{Accesses: []facts.Access{
				sharedAcc("b.Save", "orders", facts.Write, "b/b.go:3"),
				sharedAcc("b.Cancel", "orders", facts.Write, "b/b.go:9"),
				sharedAcc("s.Ship", "orders", facts.Write, "s/s.go:4"),
				sharedAcc("s.Ship", "orders", facts.Read, "s/s.go:2"),
			}},
			d:    sharedDecomp([]string{"billing", "b.Save", "b.Cancel"}, []string{"shipping", "s.Ship"}),
			want: []string{"orders high owner=billing users=[billing:w2/r0 shipping:w1/r1] recs=[shipping=call-owner-api] indirect=[]"},
		},
		{
			name: "one writer, a reader with few sites: medium, events or replica",
			facts: facts.Facts{Accesses: []facts.Access{
				sharedAcc("a.Register", "users", facts.Write, "a/a.go:1"),
				sharedAcc("r.Report", "users", facts.Read, "r/r.go:1"),
				sharedAcc("r.Report", "users", facts.Read, "r/r.go:5"),
			}},
			d:    sharedDecomp([]string{"accounts", "a.Register"}, []string{"reporting", "r.Report"}),
			want: []string{"users medium owner=accounts users=[accounts:w1/r0 reporting:w0/r2] recs=[reporting=consume-events-or-replica] indirect=[]"},
		},
		{
			name: "a reader with many sites is told to use the API",
			facts: facts.Facts{Accesses: []facts.Access{
				sharedAcc("a.Register", "users", facts.Write, "a/a.go:1"),
				sharedAcc("r.Report", "users", facts.Read, "r/r.go:1"),
				sharedAcc("r.Report", "users", facts.Read, "r/r.go:2"),
				sharedAcc("r.Export", "users", facts.Read, "r/r.go:9"),
			}},
			d:    sharedDecomp([]string{"accounts", "a.Register"}, []string{"reporting", "r.Report", "r.Export"}),
			opt:  TableOptions{FewReadSites: 2},
			want: []string{"users medium owner=accounts users=[accounts:w1/r0 reporting:w0/r3] recs=[reporting=call-owner-api] indirect=[]"},
		},
		{
			name: "reads only: low, owner reads most",
			facts: facts.Facts{Accesses: []facts.Access{
				sharedAcc("x.A", "countries", facts.Read, "x/x.go:1"),
				sharedAcc("y.B", "countries", facts.Read, "y/y.go:1"),
				sharedAcc("y.B", "countries", facts.Read, "y/y.go:2"),
			}},
			d:    sharedDecomp([]string{"xray", "x.A"}, []string{"yankee", "y.B"}),
			want: []string{"countries low owner=yankee users=[yankee:w0/r2 xray:w0/r1] recs=[xray=consume-events-or-replica] indirect=[]"},
		},
		{
			name: "tied writes go to more reads, then to the name",
			facts: facts.Facts{Accesses: []facts.Access{
				sharedAcc("z.W", "t1", facts.Write, "z/z.go:1"),
				sharedAcc("z.W", "t1", facts.Read, "z/z.go:2"),
				sharedAcc("m.W", "t1", facts.Write, "m/m.go:1"),
				sharedAcc("z.W", "t2", facts.Write, "z/z.go:5"),
				sharedAcc("m.W", "t2", facts.Write, "m/m.go:5"),
			}},
			d: sharedDecomp([]string{"mike", "m.W"}, []string{"zulu", "z.W"}),
			want: []string{
				"t1 high owner=zulu users=[zulu:w1/r1 mike:w1/r0] recs=[mike=call-owner-api] indirect=[]",
				"t2 high owner=mike users=[mike:w1/r0 zulu:w1/r0] recs=[zulu=call-owner-api] indirect=[]",
			},
		},
		{
			name: "one direct context with callers elsewhere is not shared",
			facts: facts.Facts{
				Accesses: []facts.Access{sharedAcc("b.Create", "invoices", facts.Write, "b/b.go:1")},
				Calls:    []facts.Call{sharedCall("o.Checkout", "b.Create", "o/o.go:7")},
			},
			d:    sharedDecomp([]string{"billing", "b.Create"}, []string{"orders", "o.Checkout"}),
			want: nil,
		},
		{
			name: "generated code of no context is charged to its callers",
			facts: facts.Facts{
				Accesses: []facts.Access{
					sharedAcc("db.(*Queries).GetUser", "users", facts.Read, "db/q.go:10"),
					sharedAcc("db.(*Queries).SetUser", "users", facts.Write, "db/q.go:20"),
				},
				Calls: []facts.Call{
					sharedCall("a.Profile", "db.(*Queries).GetUser", "a/a.go:3"),
					sharedCall("a.Rename", "db.helper", "a/a.go:8"),
					sharedCall("db.helper", "db.(*Queries).SetUser", "db/h.go:2"),
					sharedCall("c.Cart", "db.(*Queries).GetUser", "c/c.go:4"),
				},
			},
			d:    sharedDecomp([]string{"accounts", "a.Profile", "a.Rename"}, []string{"cart", "c.Cart"}),
			want: []string{"users medium owner=accounts users=[accounts:w1/r1 cart:w0/r1] recs=[cart=consume-events-or-replica] indirect=[]"},
		},
		{
			name: "callers in a third context are indirect users",
			facts: facts.Facts{
				Accesses: []facts.Access{
					sharedAcc("a.Save", "users", facts.Write, "a/a.go:1"),
					sharedAcc("b.Load", "users", facts.Read, "b/b.go:1"),
				},
				Calls: []facts.Call{
					sharedCall("b.Handler", "b.Load", "b/b.go:9"), // same context: nothing new
					sharedCall("c.Job", "b.Handler", "c/c.go:2"),
					sharedCall("a.Save", "a.Save", "a/a.go:2"), // self-recursion
				},
			},
			d:    sharedDecomp([]string{"accounts", "a.Save"}, []string{"billing", "b.Load", "b.Handler"}, []string{"cron", "c.Job"}),
			want: []string{"users medium owner=accounts users=[accounts:w1/r0 billing:w0/r1] recs=[billing=consume-events-or-replica] indirect=[cron]"},
		},
		{
			name: "cycles end and depth bounds propagation",
			facts: facts.Facts{
				Accesses: []facts.Access{
					sharedAcc("gen.Q", "logs", facts.Write, "gen/q.go:1"),
					sharedAcc("a.A", "logs", facts.Read, "a/a.go:1"),
				},
				Calls: []facts.Call{
					sharedCall("gen.P1", "gen.Q", "gen/p.go:1"),
					sharedCall("gen.P2", "gen.P1", "gen/p.go:2"),
					sharedCall("gen.P1", "gen.P2", "gen/p.go:3"), // a cycle of unassigned code
					sharedCall("gen.P3", "gen.P2", "gen/p.go:4"),
					sharedCall("b.B", "gen.P3", "b/b.go:1"), // four edges from gen.Q
				},
			},
			d:    sharedDecomp([]string{"alpha", "a.A"}, []string{"beta", "b.B"}),
			opt:  TableOptions{MaxDepth: 3},
			want: nil,
		},
		{
			name: "severity, then context count, then name order the findings",
			facts: facts.Facts{Accesses: []facts.Access{
				sharedAcc("x.F", "b_read", facts.Read, "x/x.go:1"),
				sharedAcc("y.F", "b_read", facts.Read, "y/y.go:1"),
				sharedAcc("z.F", "b_read", facts.Read, "z/z.go:1"),
				sharedAcc("x.F", "a_read", facts.Read, "x/x.go:2"),
				sharedAcc("y.F", "a_read", facts.Read, "y/y.go:2"),
				sharedAcc("x.F", "z_write", facts.Write, "x/x.go:3"),
				sharedAcc("y.F", "z_write", facts.Write, "y/y.go:3"),
				sharedAcc("x.F", "m_mixed", facts.Write, "x/x.go:4"),
				sharedAcc("y.F", "m_mixed", facts.Read, "y/y.go:4"),
				sharedAcc("x.F", "solo", facts.Write, "x/x.go:5"),
			}},
			d: sharedDecomp([]string{"x", "x.F"}, []string{"y", "y.F"}, []string{"z", "z.F"}),
			want: []string{
				"z_write high owner=x users=[x:w1/r0 y:w1/r0] recs=[y=call-owner-api] indirect=[]",
				"m_mixed medium owner=x users=[x:w1/r0 y:w0/r1] recs=[y=consume-events-or-replica] indirect=[]",
				"b_read low owner=x users=[x:w0/r1 y:w0/r1 z:w0/r1] recs=[y=consume-events-or-replica z=consume-events-or-replica] indirect=[]",
				"a_read low owner=x users=[x:w0/r1 y:w0/r1] recs=[y=consume-events-or-replica] indirect=[]",
			},
		},
		{
			name:  "no accesses",
			facts: facts.Facts{},
			d:     sharedDecomp([]string{"x", "x.F"}),
			want:  nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sharedSummary(SharedTables(&tt.facts, tt.d, tt.opt))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestSharedTableEvidence checks one finding in full: evidence per
// function, attribution through generated code, indirect sites, reason and
// recommendation texts, and the JSON names the report embeds.
func TestSharedTableEvidence(t *testing.T) {
	f := &facts.Facts{
		Accesses: []facts.Access{
			{Func: "app/billing.Charge", Table: "orders", Mode: facts.Write, Pos: "billing/b.go:12", Via: "gorm", Model: "app/models.Order"},
			{Func: "app/billing.Charge", Table: "orders", Mode: facts.Read, Pos: "billing/b.go:10", Via: "gorm"},
			{Func: "app/db.(*Queries).MarkShipped", Table: "orders", Mode: facts.Write, Pos: "db/q.go:40", Via: "sqlc", BestEffort: true},
		},
		Calls: []facts.Call{
			{Caller: "app/shipping.Ship", Callee: "app/db.(*Queries).MarkShipped", Kind: facts.CallStatic, Pos: "shipping/s.go:7"},
			{Caller: "app/api.Pay", Callee: "app/billing.Charge", Kind: facts.CallDynamic, Pos: "api/api.go:21"},
		},
	}
	d := sharedDecomp(
		[]string{"billing", "app/billing.Charge"},
		[]string{"shipping", "app/shipping.Ship"},
		[]string{"api", "app/api.Pay"},
	)
	got := SharedTables(f, d, TableOptions{})
	want := []SharedTable{{
		Table:    "orders",
		Severity: TableSeverityHigh,
		Writers:  []string{"billing", "shipping"},
		Readers:  []string{"billing"},
		Users: []TableUser{
			{
				Context:    TableContextRef{ID: 0, Name: "billing"},
				WriteSites: 1, ReadSites: 1,
				Funcs: []TableFunc{{Func: "app/billing.Charge", Sites: []TableSite{
					{Pos: "billing/b.go:10", Mode: facts.Read, Via: "gorm"},
					{Pos: "billing/b.go:12", Mode: facts.Write, Via: "gorm"},
				}}},
			},
			{
				Context:    TableContextRef{ID: 1, Name: "shipping"},
				WriteSites: 1,
				Funcs: []TableFunc{{Func: "app/shipping.Ship", Sites: []TableSite{
					{Pos: "shipping/s.go:7", Mode: facts.Write, Via: "sqlc", Through: "app/db.(*Queries).MarkShipped", BestEffort: true},
				}}},
			},
		},
		Indirect: []TableIndirectUser{{
			Context: TableContextRef{ID: 2, Name: "api"},
			Modes:   []facts.Mode{facts.Read, facts.Write},
			Sites: []TableIndirectSite{
				{Func: "app/api.Pay", Pos: "api/api.go:21", Callee: "app/billing.Charge", Via: "billing", Mode: facts.Read},
				{Func: "app/api.Pay", Pos: "api/api.go:21", Callee: "app/billing.Charge", Via: "billing", Mode: facts.Write},
			},
		}},
		Owner:  TableContextRef{ID: 0, Name: "billing"},
		Reason: "orders is written by billing (1 site) and shipping (1 site); writes are tied and billing also reads it most, so it is proposed as owner",
		Recommendations: []TableRecommendation{{
			Context: TableContextRef{ID: 1, Name: "shipping"},
			Action:  TableActionCallAPI,
			Text:    "shipping writes orders at 1 site: call billing's API instead of writing the table",
		}},
	}}
	if !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", "  ")
		w, _ := json.MarshalIndent(want, "", "  ")
		t.Fatalf("got:\n%s\nwant:\n%s", g, w)
	}

	b, err := json.Marshal(got[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"table":"orders"`, `"severity":"high"`, `"writers":`, `"readers":`, `"owner":{"id":0,"name":"billing"}`,
		`"writeSites":1`, `"through":"app/db.(*Queries).MarkShipped"`, `"indirect":[`, `"recommendations":[`, `"action":"call-owner-api"`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON lacks %s:\n%s", key, b)
		}
	}
}

// TestSharedTablesDeterministic runs the judge repeatedly on facts whose
// maps would otherwise leak their iteration order.
func TestSharedTablesDeterministic(t *testing.T) {
	f := &facts.Facts{}
	var ctxs [][]string
	for c := 0; c < 6; c++ {
		members := []string{fmt.Sprintf("ctx%d", c)}
		for i := 0; i < 5; i++ {
			fn := fmt.Sprintf("p%d.F%d", c, i)
			members = append(members, fn)
			for tb := 0; tb < 4; tb++ {
				mode := facts.Read
				if (c+i+tb)%3 == 0 {
					mode = facts.Write
				}
				f.Accesses = append(f.Accesses, sharedAcc(fn, fmt.Sprintf("t%d", tb), mode, fmt.Sprintf("p%d/f.go:%d", c, i*10+tb)))
			}
			f.Calls = append(f.Calls, sharedCall(fn, fmt.Sprintf("p%d.F%d", (c+1)%6, i), fmt.Sprintf("p%d/f.go:%d", c, 100+i)))
		}
		ctxs = append(ctxs, members)
	}
	d := sharedDecomp(ctxs...)
	first, _ := json.Marshal(SharedTables(f, d, TableOptions{}))
	for i := 0; i < 10; i++ {
		again, _ := json.Marshal(SharedTables(f, d, TableOptions{}))
		if string(again) != string(first) {
			t.Fatal("two runs differ")
		}
	}
	if len(first) < 1000 {
		t.Fatalf("suspiciously small output: %s", first)
	}
}

// TestSharedTablesNil guards the inputs the pipeline may not have.
func TestSharedTablesNil(t *testing.T) {
	if got := SharedTables(nil, &cluster.Decomposition{}, TableOptions{}); got != nil {
		t.Errorf("nil facts: %v", got)
	}
	f := &facts.Facts{Accesses: []facts.Access{sharedAcc("x.F", "t", facts.Read, "x.go:1"), sharedAcc("y.F", "t", facts.Read, "y.go:1")}}
	if got := SharedTables(f, nil, TableOptions{}); got != nil {
		t.Errorf("nil decomposition: %v", got)
	}
	// Functions outside every context with no callers are dropped.
	if got := SharedTables(f, &cluster.Decomposition{}, TableOptions{}); len(got) != 0 {
		t.Errorf("no contexts: %v", got)
	}
}
