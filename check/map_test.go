package check_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/check"
	"github.com/decomp/decomp/cluster"
	"github.com/decomp/decomp/config"
)

// layered is a hand-written module with a layer package shared by two
// contexts: services holds OrderService (orders) and UserService (users).
func layered() *facts.Facts {
	const m = "example.com/shop"
	return &facts.Facts{
		Module: m,
		Packages: []facts.Package{
			{Path: m + "/cmd/shop", Files: []facts.File{{Path: "cmd/shop/main.go"}}},
			{Path: m + "/orders", Files: []facts.File{{Path: "orders/orders.go"}}},
			{Path: m + "/orders/store", Files: []facts.File{{Path: "orders/store/store.go"}}},
			{Path: m + "/services", Files: []facts.File{{Path: "services/orders.go"}, {Path: "services/users.go"}}},
		},
		Funcs: []facts.Func{
			{ID: m + "/cmd/shop.main", Pkg: m + "/cmd/shop", Pos: "cmd/shop/main.go:3", Lines: 5},
			{ID: m + "/orders.Place", Pkg: m + "/orders", Pos: "orders/orders.go:3", Lines: 10},
			{ID: m + "/orders/store.Save", Pkg: m + "/orders/store", Pos: "orders/store/store.go:3", Lines: 10},
			{ID: m + "/services.(*OrderService).Place", Pkg: m + "/services", Recv: "OrderService", Pos: "services/orders.go:9", Lines: 20},
			{ID: m + "/services.newOrderID", Pkg: m + "/services", Pos: "services/orders.go:30", Lines: 3},
			{ID: m + "/services.(*UserService).Get", Pkg: m + "/services", Recv: "UserService", Pos: "services/users.go:9", Lines: 8},
		},
		Types: []facts.Type{
			{ID: m + "/services.OrderService", Pkg: m + "/services", Pos: "services/orders.go:5", Lines: 3},
			{ID: m + "/services.UserService", Pkg: m + "/services", Pos: "services/users.go:5", Lines: 3},
		},
		Calls: []facts.Call{
			{Caller: m + "/services.(*OrderService).Place", Callee: m + "/services.(*UserService).Get", Pos: "services/orders.go:12"},
			{Caller: m + "/services.(*OrderService).Place", Callee: m + "/services.newOrderID", Pos: "services/orders.go:13"},
			{Caller: m + "/cmd/shop.main", Callee: m + "/orders.Place", Pos: "cmd/shop/main.go:4"},
		},
		Accesses: []facts.Access{
			{Func: m + "/services.(*OrderService).Place", Table: "users", Mode: facts.Read, Pos: "services/orders.go:14"},
		},
	}
}

func layeredDecomposition() *cluster.Decomposition {
	const m = "example.com/shop"
	return &cluster.Decomposition{
		Contexts: []cluster.Context{{Name: "orders"}, {Name: "users", Tables: []string{"users"}}},
		FuncContext: map[string]int{
			m + "/orders.Place": 0, m + "/orders/store.Save": 0,
			m + "/services.(*OrderService).Place": 0, m + "/services.newOrderID": 0,
			m + "/services.(*UserService).Get": 1,
		},
		TypeContext: map[string]int{m + "/services.OrderService": 0, m + "/services.UserService": 1},
		Platform:    []cluster.PlatformGroup{{Folder: "cmd", Role: cluster.RoleEntry, Packages: []string{m + "/cmd/shop"}}},
	}
}

func TestDeclareRoundTrip(t *testing.T) {
	f := layered()
	c := check.Declare(f, layeredDecomposition(), func(string) bool { return false })
	got := string(c.MarshalContextMap("test"))
	for _, want := range []string{
		// services is shared: its files are named, the package is not,
		// so a new file there is unassigned rather than orders'.
		"  - name: orders\n    packages:\n      - example.com/shop/orders/...\n    files:\n      - services/orders.go\n",
		"  - name: users\n    files:\n      - services/users.go\n    tables:\n      - users\n",
		"entry:\n  packages:\n    - example.com/shop/cmd/...\n",
		"allow: []\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("init output lacks\n%s\nin\n%s", want, got)
		}
	}
	parsed, err := config.Parse([]byte(got))
	if err != nil {
		t.Fatalf("init output does not parse: %v\n%s", err, got)
	}
	// The map it writes puts every declaration where the analysis did.
	m, err := check.NewMap(parsed, "decomp.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := m.Resolve(f, func(string) bool { return false }, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, fn := range f.Funcs {
		file, _ := facts.SplitPos(fn.Pos)
		want := "entry"
		if c, ok := layeredDecomposition().FuncContext[fn.ID]; ok {
			want = []string{"orders", "users"}[c]
		}
		if got := r.Of(fn.Pkg, facts.MethodRecv(fn.ID), file); got != want {
			t.Errorf("%s is in %q, want %q", fn.ID, got, want)
		}
	}
	vs := check.Find(f, m, r, func(string) bool { return false })
	var got2 []string
	for _, v := range vs {
		got2 = append(got2, string(v.Kind)+" "+v.FromContext+"→"+v.ToContext)
	}
	if want := []string{"call orders→users", "read orders→users"}; !reflect.DeepEqual(got2, want) {
		t.Errorf("violations %v, want %v (the entry point's call is allowed)", got2, want)
	}
}

func TestResolveErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"claimed twice", `contexts:
  - name: a
    packages: [example.com/shop/orders]
  - name: b
    packages:
      - example.com/shop/orders/...
`, "decomp.yaml:6: package example.com/shop/orders is claimed by both a (line 3) and b"},
		{"matches nothing", `contexts:
  - name: a
    packages:
      - example.com/shop/orders/...
    types:
      - example.com/shop/gone.T
`, `decomp.yaml:6: type pattern "example.com/shop/gone.T" of a matches nothing in the loaded code`},
		{"file claimed by platform and a context", `contexts:
  - name: a
    files: [services/*.go]
platform:
  files: [services/users.go]
`, "decomp.yaml:5: file services/users.go is claimed by both a (line 3) and platform"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := config.Parse([]byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			m, err := check.NewMap(c, "decomp.yaml")
			if err != nil {
				t.Fatal(err)
			}
			_, err = m.Resolve(layered(), func(string) bool { return false }, false)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error %v\nwant   %s", err, tt.want)
			}
		})
	}
}

func TestBaseline(t *testing.T) {
	v := func(kind check.Kind, from, to string, n int) check.Violation {
		return check.Violation{Key: check.Key{Kind: kind, From: from, To: to}, FromContext: "a", ToContext: "b", Count: n}
	}
	now := []check.Violation{v(check.Call, "a.F", "b.G", 3), v(check.Read, "a.F", "t", 1), v(check.Call, "a.E", "b.G", 1)}
	b := check.NewBaseline([]check.Violation{v(check.Call, "a.F", "b.G", 2), v(check.TypeUse, "a.F", "b.T", 1), v(check.Call, "a.E", "b.G", 1)})
	data, err := b.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "version": 1,
  "violations": [
    {"kind":"call","from":"a.E","to":"b.G","fromContext":"a","toContext":"b","count":1},
    {"kind":"call","from":"a.F","to":"b.G","fromContext":"a","toContext":"b","count":2},
    {"kind":"type","from":"a.F","to":"b.T","fromContext":"a","toContext":"b","count":1}
  ]
}
`
	if string(data) != want {
		t.Errorf("baseline file:\n%s\nwant:\n%s", data, want)
	}
	o := check.Compare(now, b, false)
	if len(o.New) != 1 || o.New[0].Kind != check.Read || o.Accepted != 2 || len(o.Fixed) != 1 || o.Fixed[0].Kind != check.TypeUse {
		t.Errorf("compare: %+v", o)
	}
	o = check.Compare(now, b, true)
	if len(o.New) != 2 || o.New[0].Kind != check.Call || o.New[0].Count != 1 {
		t.Errorf("strict compare: %+v (want the third call along a.F → b.G as new, count 1)", o)
	}
}

// A package's variable initialisers share one function, pkg.init: each
// call it makes is placed by the file it is in.
func TestInitPlacedBySite(t *testing.T) {
	const m = "example.com/shop"
	f := layered()
	f.Calls = []facts.Call{
		{Caller: m + "/services.init", Callee: m + "/orders.Place", Pos: "services/users.go:3"},
		{Caller: m + "/services.init", Callee: m + "/orders.Place", Pos: "services/orders.go:3"},
	}
	c, err := config.Parse([]byte("contexts:\n  - name: orders\n    packages: [example.com/shop/orders/..., example.com/shop/services]\n  - name: users\n    files: [services/users.go]\nentry:\n  packages: [example.com/shop/cmd/...]\n"))
	if err != nil {
		t.Fatal(err)
	}
	m2, _ := check.NewMap(c, "decomp.yaml")
	r, err := m2.Resolve(f, func(string) bool { return false }, false)
	if err != nil {
		t.Fatal(err)
	}
	vs := check.Find(f, m2, r, func(string) bool { return false })
	if len(vs) != 1 || vs[0].FromContext != "users" || vs[0].Sites[0] != "services/users.go:3" {
		t.Errorf("violations %+v; want the users file's initialiser calling orders", vs)
	}
}

// TestDeclareSetAsideFile: a platform group holding one file of a layer
// package (shared helpers) sends that file to the platform, not the package.
func TestDeclareSetAsideFile(t *testing.T) {
	const m = "example.com/shop"
	f := layered()
	f.Packages[3].Files = append(f.Packages[3].Files, facts.File{Path: "services/respond.go"})
	f.Funcs = append(f.Funcs, facts.Func{ID: m + "/services.writeJSON", Pkg: m + "/services", Pos: "services/respond.go:3", Lines: 6})
	d := layeredDecomposition()
	d.Contexts[0].Packages = []string{m + "/orders", m + "/orders/store", m + "/services"}
	d.Contexts[1].Packages = []string{m + "/services"}
	d.Platform = append(d.Platform, cluster.PlatformGroup{Folder: "(shared helpers)", Role: cluster.RoleInfra,
		Units: []string{m + "/services:respond.go"}, Packages: []string{m + "/services"}})
	got := string(check.Declare(f, d, func(string) bool { return false }).MarshalContextMap("test"))
	for _, want := range []string{
		"      - services/orders.go\n",
		"platform:\n  files:\n    - services/respond.go\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("init output lacks\n%s\nin\n%s", want, got)
		}
	}
	if strings.Contains(got, "platform:\n  packages:\n    - example.com/shop/services") {
		t.Errorf("the whole services package went to the platform:\n%s", got)
	}
}

// TestAllowanceMax: an allowance with a max accepts up to that many
// distinct dependencies of its pair; above it, all of them are reported.
func TestAllowanceMax(t *testing.T) {
	f := layered()
	c := check.Declare(f, layeredDecomposition(), func(string) bool { return false })
	allows, err := check.Allowances(f, c, func(string) bool { return false })
	if err != nil {
		t.Fatal(err)
	}
	want := []config.Allow{{From: "orders", To: "users", Kinds: []string{"call", "read"}, Max: 2}}
	if !reflect.DeepEqual(allows, want) {
		t.Fatalf("allowances %+v, want %+v", allows, want)
	}
	for _, tt := range []struct{ max, violations int }{{2, 0}, {1, 2}, {3, 0}} {
		c.Allow = []config.Allow{{From: "orders", To: "users", Max: tt.max}}
		m, err := check.NewMap(c, "decomp.yaml")
		if err != nil {
			t.Fatal(err)
		}
		r, err := m.Resolve(f, func(string) bool { return false }, false)
		if err != nil {
			t.Fatal(err)
		}
		if vs := check.Find(f, m, r, func(string) bool { return false }); len(vs) != tt.violations {
			t.Errorf("max %d: %d violations, want %d: %+v", tt.max, len(vs), tt.violations, vs)
		}
	}
	data := c.MarshalContextMap("test")
	if !strings.Contains(string(data), "    max: 3\n") {
		t.Errorf("max not written:\n%s", data)
	}
	if _, err := config.Parse([]byte(strings.Replace(string(data), "max: 3", "max: -1", 1))); err == nil || !strings.Contains(err.Error(), "below 0") {
		t.Errorf("a negative max: %v", err)
	}
}

// TestDeclareReservedName: a context the clustering named "entry" is
// renamed, with a comment saying why.
func TestDeclareReservedName(t *testing.T) {
	d := layeredDecomposition()
	d.Contexts[1].Name = "entry"
	got := string(check.Declare(layered(), d, func(string) bool { return false }).MarshalContextMap("test"))
	if !strings.Contains(got, "  # decomp named this context \"entry\", a name reserved for the entry section: rename it as you like\n  - name: entry-context\n") {
		t.Errorf("no comment on the renamed context:\n%s", got)
	}
	if _, err := config.Parse([]byte(got)); err != nil {
		t.Errorf("does not parse: %v", err)
	}
}
