package dbaccess_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/decomp/decomp/analysis/dbaccess"
	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/load"
	"github.com/decomp/decomp/analysis/ssabuild"
	"github.com/decomp/decomp/internal/wanttest"
)

// loadFixture loads testdata/<name>; strict fixtures must load without
// warnings.
func loadFixture(t *testing.T, name string, strict bool) (*load.Program, string) {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := load.Load(context.Background(), load.Config{
		Dir: dir,
		Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off"),
	})
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	if strict {
		for _, w := range prog.Warnings {
			t.Errorf("load warning: %s %s %s", w.Pkg, w.Pos, w.Message)
		}
	}
	return prog, dir
}

func message(a facts.Access) string {
	m := string(a.Mode) + " " + a.Table
	if a.BestEffort {
		m += " (best effort)"
	}
	return m
}

// checkWants compares the accesses with the fixture's want comments. Each
// pattern must match a whole message (it is anchored here), so "read users"
// does not accept "read users (best effort)" or "read users_archive".
func checkWants(t *testing.T, dir string, accesses []facts.Access) {
	t.Helper()
	exps, err := wanttest.Expectations(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range exps {
		exps[i].Re = regexp.MustCompile(`^(?:` + e.Re.String() + `)$`)
	}
	var findings []wanttest.Finding
	for _, a := range accesses {
		findings = append(findings, wanttest.Finding{Pos: a.Pos, Message: message(a)})
	}
	for _, p := range wanttest.Compare(exps, findings) {
		t.Error(p)
	}
	if len(exps) == 0 {
		t.Fatal("fixture has no expectations")
	}
}

// fixtures are loaded once per test binary: loading runs the go command.
var fixtures = map[string]*fixture{}

type fixture struct {
	dir string
	res dbaccess.Result
}

func extractFixture(t *testing.T, name string) *fixture {
	t.Helper()
	if f, ok := fixtures[name]; ok {
		return f
	}
	prog, dir := loadFixture(t, name, true)
	f := &fixture{dir: dir, res: dbaccess.Extract(prog, ssaOf(prog, true))}
	fixtures[name] = f
	return f
}

// TestWant checks every access of every fixture against its want comments.
func TestWant(t *testing.T) {
	for _, name := range []string{"sqlapp", "ormapp", "mongoapp", "namingapp"} {
		t.Run(name, func(t *testing.T) {
			f := extractFixture(t, name)
			checkWants(t, f.dir, f.res.Accesses)
		})
	}
}

// TestViaAndModel checks the mechanism and the model recorded for accesses
// whose message alone does not show them.
func TestViaAndModel(t *testing.T) {
	tests := []struct {
		fixture, pos, table, via, model string
	}{
		{"sqlapp", "users/users.go:28", "users", "sql", ""},
		{"sqlapp", "users/users.go:98", "notes", "sqlx", ""}, // *sql.DB method promoted through sqlx.DB
		{"sqlapp", "users/users.go:100", "badges", "sqlx", ""},
		{"sqlapp", "orders/orders.go:29", "order_items", "pgx", ""},
		{"sqlapp", "reports/reports.go:14", "orders", "squirrel", ""},
		{"sqlapp", "db/query.sql.go:27", "authors", "sqlc", ""},
		{"sqlapp", "wrap/wrap.go:27", "quotas", "sql", ""},
		{"ormapp", "service/gormsvc.go:19", "users", "gorm", "example.com/ormapp/models.User"},
		{"ormapp", "service/gormsvc.go:29", "accounts_v2", "gorm", "example.com/ormapp/models.Account"},
		{"ormapp", "service/gormsvc.go:37", "order_items", "gorm", "example.com/ormapp/models.OrderItem"},
		{"ormapp", "service/gormsvc.go:51", "users", "gorm", "example.com/ormapp/models.User"},
		{"ormapp", "service/xormsvc.go:11", "a_p_i_token", "xorm", "example.com/ormapp/models.APIToken"},
		{"ormapp", "service/bunsvc.go:13", "billing_invoices", "bun", "example.com/ormapp/models.Invoice"},
		{"ormapp", "service/bunsvc.go:22", "line_items", "bun", ""}, // *sql.DB method promoted through bun.DB
		{"ormapp", "service/entsvc.go:10", "ent_users", "ent", "example.com/ormapp/ent.User"},
		{"ormapp", "service/entsvc.go:17", "pets", "ent", "example.com/ormapp/ent.Pet"},
		{"mongoapp", "store/store.go:40", "users", "mongo", ""},
	}
	for _, tt := range tests {
		found := false
		for _, a := range extractFixture(t, tt.fixture).res.Accesses {
			if a.Pos == tt.pos && a.Table == tt.table {
				found = true
				if a.Via != tt.via || a.Model != tt.model {
					t.Errorf("%s %s: via=%q model=%q, want via=%q model=%q", tt.pos, tt.table, a.Via, a.Model, tt.via, tt.model)
				}
			}
		}
		if !found {
			t.Errorf("%s: no access to %s", tt.pos, tt.table)
		}
	}
}

// TestTables checks the struct type -> table mapping: TableName constants
// (also from another package, also unused), bun tags, ent tables and
// each ORM's default naming.
func TestTables(t *testing.T) {
	const m = "example.com/ormapp/models."
	want := map[string]string{
		"example.com/ormapp/ent.Pet":           "pets",
		"example.com/ormapp/ent.User":          "ent_users",
		m + "APIKey":                           "api_keys",
		m + "APIToken":                         "a_p_i_token",
		m + "Account":                          "accounts_v2",
		m + "BunAPIKey":                        "bun_api_keys",
		m + "Category":                         "categories",
		m + "Invoice":                          "billing_invoices",
		m + "Legacy":                           "legacy_things",
		m + "LineItem":                         "line_items",
		m + "Order":                            "orders",
		m + "OrderItem":                        "order_items",
		m + "Person":                           "people",
		m + "Product":                          "product",
		m + "Unused":                           "unused_things",
		m + "User":                             "users",
		m + "UserProfile":                      "user_profiles",
		"example.com/ormapp/service.Album":     "album",
		"example.com/ormapp/service.TrackMeta": "track_metadata",
	}
	got := extractFixture(t, "ormapp").res.Tables
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tables:\ngot  %v\nwant %v", got, want)
	}
	if n := len(extractFixture(t, "sqlapp").res.Tables); n != 0 {
		t.Errorf("sqlapp has no models, got %d tables", n)
	}
}

// TestWarnings checks that calls whose tables are unknown are counted, one
// warning per package at the first such call, and never guessed.
func TestWarnings(t *testing.T) {
	tests := map[string][]string{
		"sqlapp": {
			// wrap.Exec's db.Exec(query) is no warning: its caller gives the SQL.
			"example.com/sqlapp/users users/users.go:55 2",
			"example.com/sqlapp/wrap wrap/wrap.go:42 1",
		},
		"ormapp":   {"example.com/ormapp/service service/gormsvc.go:71 1"},
		"mongoapp": {"example.com/mongoapp/store store/store.go:49 2"},
	}
	for name, want := range tests {
		var got []string
		for _, w := range extractFixture(t, name).res.Warnings {
			n := 0
			fmt.Sscanf(w.Message, "dbaccess: %d database call(s)", &n)
			got = append(got, fmt.Sprintf("%s %s %d", w.Pkg, w.Pos, n))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s warnings:\ngot  %q\nwant %q", name, got, want)
		}
	}
}

// TestDeterministic extracts twice from one load and checks the order.
func TestDeterministic(t *testing.T) {
	prog, _ := loadFixture(t, "ormapp", true)
	a, b := dbaccess.Extract(prog, ssaOf(prog, false)), dbaccess.Extract(prog, ssaOf(prog, false))
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two extractions differ")
	}
	f := facts.Facts{Accesses: append([]facts.Access(nil), a.Accesses...)}
	f.Sort()
	if !reflect.DeepEqual(f.Accesses, a.Accesses) {
		t.Fatal("accesses are not in facts.Sort order")
	}
	for i := 1; i < len(a.Accesses); i++ {
		if a.Accesses[i] == a.Accesses[i-1] {
			t.Fatalf("duplicate access %+v", a.Accesses[i])
		}
	}
}

// BenchmarkExtract measures extraction alone (the load is done once).
func BenchmarkExtract(b *testing.B) {
	dir, _ := filepath.Abs(filepath.Join("testdata", "sqlapp"))
	prog, err := load.Load(context.Background(), load.Config{
		Dir: dir,
		Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off"),
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dbaccess.Extract(prog, ssaOf(prog, false))
	}
}

// TestRobust loads an ill-typed package and statements the parsers reject:
// extraction goes on, rejected statements are best effort, nothing panics.
func TestRobust(t *testing.T) {
	prog, dir := loadFixture(t, "robust", false)
	if len(prog.Warnings) == 0 {
		t.Fatal("the bad package should not type-check")
	}
	res := dbaccess.Extract(prog, ssaOf(prog, false))
	checkWants(t, dir, res.Accesses)
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "internal error") {
			t.Errorf("panic turned into warning: %s %s", w.Pos, w.Message)
		}
	}
}

// TestTransactions checks each transaction scope of the fixture, with the
// functions inside it, against its want comment.
func TestTransactions(t *testing.T) {
	prog, dir := loadFixture(t, "txapp", true)
	res := dbaccess.Extract(prog, ssaOf(prog, false))
	var findings []wanttest.Finding
	for _, tx := range res.Txs {
		var funcs []string
		for _, f := range tx.Funcs {
			funcs = append(funcs, strings.TrimPrefix(f, "example.com/txapp/"))
		}
		findings = append(findings, wanttest.Finding{Pos: tx.Pos, Message: "tx " + tx.Via + ": " + strings.Join(funcs, ", ")})
	}
	wanttest.Check(t, dir, findings)
}

// ssaOf builds the fixture's SSA on demand, as the pipeline does; with
// release, it drops the syntax as it goes, as the pipeline's last step does
// (the value flow must not read it).
func ssaOf(prog *load.Program, release bool) func() *ssabuild.Program {
	return func() *ssabuild.Program { return ssabuild.Build(prog, release) }
}

// TestFlowAttribution checks that an access found by value flow names the
// function that writes the model or statement and the executing call.
func TestFlowAttribution(t *testing.T) {
	tests := []struct {
		pos, table, fn, exec, via string
	}{
		{"flow/helpers.go:50", "a_p_i_token", "example.com/ormapp/flow.DeleteOrganization", "flow/helpers.go:37", "xorm"},
		{"flow/helpers.go:51", "product", "example.com/ormapp/flow.DeleteOrganization", "flow/helpers.go:27", "xorm"},
		{"flow/fields.go:46", "team_repo", "example.com/ormapp/flow.CheckStats", "flow/fields.go:30", "sql"},
		{"flow/ranges.go:11", "product", "example.com/ormapp/flow.init", "flow/ranges.go:42", "xorm"},
		{"flow/ranges.go:24", "people", "example.com/ormapp/flow.DeleteUser", "flow/ranges.go:27", "gorm"},
	}
	for _, tt := range tests {
		found := false
		for _, a := range extractFixture(t, "ormapp").res.Accesses {
			if a.Pos == tt.pos && a.Table == tt.table {
				found = true
				if a.Func != tt.fn || a.Exec != tt.exec || a.Via != tt.via {
					t.Errorf("%s %s: func=%q exec=%q via=%q, want %q %q %q", tt.pos, tt.table, a.Func, a.Exec, a.Via, tt.fn, tt.exec, tt.via)
				}
			}
		}
		if !found {
			t.Errorf("%s: no access to %s", tt.pos, tt.table)
		}
	}
}
