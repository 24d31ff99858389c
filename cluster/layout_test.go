package cluster

import (
	"reflect"
	"testing"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/cluster/graph"
)

// layoutGraph builds a package-level graph and facts from a list of
// packages: path (module-relative dir), package name, module imports,
// external imports, and whether it touches a table.
type pkgSpec struct {
	dir, name string
	imports   []string
	external  []string
	table     bool
	types     []string
}

func layoutOf(t *testing.T, specs []pkgSpec, uses []facts.Use, calls ...facts.Call) *Layout {
	t.Helper()
	const mod = "example.com/m/"
	g := graph.New()
	f := &facts.Facts{}
	for _, s := range specs {
		path := mod + s.dir
		var types []string
		for _, ty := range s.types {
			types = append(types, path+"."+ty)
			f.Types = append(f.Types, facts.Type{ID: path + "." + ty, Pkg: path, Name: ty})
		}
		g.AddUnit(graph.Unit{ID: path, Kind: graph.KindPackage, Pkg: path, PkgName: s.name, Dir: s.dir, Lines: 50, Types: types})
		var imps []string
		for _, i := range s.imports {
			imps = append(imps, mod+i)
		}
		f.Packages = append(f.Packages, facts.Package{Path: path, Name: s.name, Dir: s.dir, Imports: imps, ExternalImports: s.external})
		fn := path + ".F"
		f.Funcs = append(f.Funcs, facts.Func{ID: fn, Pkg: path, Name: "F", Lines: 10})
		if s.table {
			f.Accesses = append(f.Accesses, facts.Access{Func: fn, Table: "t_" + s.name, Mode: facts.Write})
		}
	}
	for i := range uses {
		uses[i].From, uses[i].Target = mod+uses[i].From, mod+uses[i].Target
	}
	f.Uses = uses
	for _, c := range calls {
		c.Caller, c.Callee = mod+c.Caller, mod+c.Callee
		f.Calls = append(f.Calls, c)
	}
	return Classify(g, f, nil)
}

func roles(l *Layout) map[string]FolderRole {
	out := map[string]FolderRole{}
	for k, f := range l.Folders {
		out[k] = f.Role
	}
	return out
}

func TestClassifyByBehaviour(t *testing.T) {
	l := layoutOf(t, []pkgSpec{
		{dir: "cmd/app", name: "main", imports: []string{"orders", "billing", "frontend"}},
		{dir: "orders", name: "orders", imports: []string{"billing", "errs2", "kernel"}, table: true, types: []string{"Repo"}},
		{dir: "billing", name: "billing", imports: []string{"errs2", "kernel"}, table: true, types: []string{"Repo"}},
		// Imported by two domain folders, imports nothing: shared library.
		{dir: "errs2", name: "errs2"},
		{dir: "kernel", name: "kernel"},
		// Imports three folders, imported only by main, no table: wiring.
		{dir: "frontend", name: "frontend", imports: []string{"orders", "billing", "kernel"}},
		// Test support recognised by its imports.
		{dir: "fakes2", name: "fakes2", external: []string{"testing"}},
		// Implements ports of two other folders and talks to a database: adapter.
		{dir: "pgstore", name: "pgstore", external: []string{"database/sql"}, types: []string{"OrderRepo", "InvoiceRepo"}},
		// Imported by no code of the module, imports none: an SDK.
		{dir: "shopclient", name: "shopclient", external: []string{"net/http"}, types: []string{"Client"}},
	}, []facts.Use{
		{From: "pgstore.OrderRepo", Target: "orders.Repo", Kind: facts.UseImplements},
		{From: "pgstore.InvoiceRepo", Target: "billing.Repo", Kind: facts.UseImplements},
	})
	want := map[string]FolderRole{
		"cmd": RoleEntry, "orders": RoleDomain, "billing": RoleDomain, "errs2": RoleInfra, "kernel": RoleInfra,
		"frontend": RoleEntry, "fakes2": RoleTest, "pgstore": RoleAdapter, "shopclient": RoleInfra,
	}
	got := roles(l)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("roles = %v\nwant %v", got, want)
	}
}

// TestTestSupportByUse: a folder importing testing outside its test files is
// test support only when production code does not use most of it (a git
// wrapper whose mocks.go imports testing serves the domains).
func TestTestSupportByUse(t *testing.T) {
	l := layoutOf(t, []pkgSpec{
		{dir: "orders", name: "orders", imports: []string{"gitw", "fakes"}, table: true},
		{dir: "billing", name: "billing", imports: []string{"gitw"}, table: true},
		{dir: "gitw", name: "gitw", external: []string{"os/exec", "testing"}},
		// Imported for a flag, its one function unused by production.
		{dir: "fakes", name: "fakes", external: []string{"testing"}},
	}, nil,
		facts.Call{Caller: "orders.F", Callee: "gitw.F"},
		facts.Call{Caller: "billing.F", Callee: "gitw.F"},
	)
	got := roles(l)
	for k, want := range map[string]FolderRole{"gitw": RoleInfra, "fakes": RoleTest} {
		if got[k] != want {
			t.Errorf("%s: role %s, want %s (%s)", k, got[k], want, l.Folders[k].Why)
		}
	}
}

func TestClassifyAdapterAndLibrary(t *testing.T) {
	specs := []pkgSpec{
		{dir: "booking", name: "booking", imports: []string{"shipping"}, table: true, types: []string{"Service"}},
		{dir: "handling", name: "handling", imports: []string{"shipping"}, table: true, types: []string{"Service"}},
		{dir: "shipping", name: "shipping", types: []string{"CargoRepository", "VoyageRepository"}},
		{dir: "mongo", name: "mongo", imports: []string{"shipping", "docstore"}, types: []string{"cargoRepository", "voyageRepository"}},
		{dir: "docstore", name: "docstore"},
		{dir: "models", name: "models", imports: []string{"strutil"}, types: []string{"Cargo"}},
		{dir: "strutil", name: "strutil"},
	}
	l := layoutOf(t, specs, []facts.Use{
		{From: "mongo.cargoRepository", Target: "shipping.CargoRepository", Kind: facts.UseImplements},
		{From: "mongo.voyageRepository", Target: "shipping.VoyageRepository", Kind: facts.UseImplements},
	})
	got := roles(l)
	for k, want := range map[string]FolderRole{
		"mongo":    RoleAdapter, // implements ports declared elsewhere, technology name
		"docstore": RoleLibrary, // a leaf only an adapter uses
		"strutil":  RoleLibrary, // a leaf only a layer uses
		"models":   RoleLayer,
	} {
		if got[k] != want {
			t.Errorf("%s: role %s, want %s (%s)", k, got[k], want, l.Folders[k].Why)
		}
	}
	if !l.TypeUnits["example.com/m/mongo"] || !l.TypeUnits["example.com/m/models"] {
		t.Errorf("adapters and layer packages should be split by type: %v", l.TypeUnits)
	}
	if l.TypeUnits["example.com/m/booking"] {
		t.Error("a domain folder's package should stay one unit")
	}
}

// TestLayoutRoot: analysing a sub-tree reads its folders as the module's.
func TestLayoutRoot(t *testing.T) {
	l := layoutOf(t, []pkgSpec{
		{dir: "examples/app/orders", name: "orders"},
		{dir: "examples/app/orders/store", name: "store"},
		{dir: "examples/app/payments", name: "payments"},
		{dir: "examples/app/cmd/app", name: "main"},
	}, nil)
	if l.Root != "examples/app" {
		t.Errorf("root = %q", l.Root)
	}
	want := map[string]string{
		"example.com/m/examples/app/orders": "examples/app/orders", "example.com/m/examples/app/orders/store": "examples/app/orders",
		"example.com/m/examples/app/payments": "examples/app/payments", "example.com/m/examples/app/cmd/app": "examples/app/cmd",
	}
	if !reflect.DeepEqual(l.PkgFolder, want) {
		t.Errorf("folders = %v\nwant %v", l.PkgFolder, want)
	}
}

func TestCommonDir(t *testing.T) {
	for _, tt := range []struct {
		dirs []string
		want string
	}{
		{[]string{"a/b/c", "a/b/d"}, "a/b"},
		{[]string{"a/b", "a/b/c"}, "a/b"},
		{[]string{".", "a"}, ""},
		{[]string{"x/y"}, "x"},
		{[]string{"a", "b"}, ""},
	} {
		if got := commonDir(tt.dirs); got != tt.want {
			t.Errorf("commonDir(%q) = %q, want %q", tt.dirs, got, tt.want)
		}
	}
}

func TestUnitTerm(t *testing.T) {
	for _, tt := range []struct {
		u    graph.Unit
		want string
	}{
		{graph.Unit{ID: "m/schema.GetQuestionReq", Kind: graph.KindType}, "question"},
		{graph.Unit{ID: "m/controller.QuestionController", Kind: graph.KindType}, "question"},
		{graph.Unit{ID: "m/models:campaigns.go", Kind: graph.KindFuncs}, "campaign"},
		{graph.Unit{ID: "m/service/tag_common", Kind: graph.KindPackage, Dir: "service/tag_common"}, "tag"},
		{graph.Unit{ID: "m/handlers.Handler", Kind: graph.KindType}, ""},
	} {
		if got := unitTerm(tt.u); got != tt.want {
			t.Errorf("unitTerm(%s) = %q, want %q", tt.u.ID, got, tt.want)
		}
	}
}

// TestNamesHeldToBehaviour: a ui folder over the domain is a layer, a
// static one stays infrastructure; an integration folder with no testing
// import is a domain, one importing testing stays test support.
func TestNamesHeldToBehaviour(t *testing.T) {
	l := layoutOf(t, []pkgSpec{
		{dir: "internal/ui", name: "ui", imports: []string{"internal/storage", "internal/feeds"}},
		{dir: "internal/storage", name: "storage", table: true},
		{dir: "internal/feeds", name: "feeds", imports: []string{"internal/storage"}},
		{dir: "web", name: "web"},
		{dir: "internal/integration", name: "integration", imports: []string{"internal/feeds"}},
		{dir: "test/integration", name: "integration", imports: []string{"internal/feeds"}, external: []string{"testing"}},
		{dir: "cmd/app", name: "main", imports: []string{"internal/ui", "web", "internal/integration"}},
	}, nil)
	got := roles(l)
	want := map[string]FolderRole{
		"internal/ui":          RoleLayer,
		"web":                  RoleInfra,
		"internal/integration": RoleDomain,
		"test":                 RoleTest, // test/integration imports testing
	}
	for k, r := range want {
		if f := l.Folders[k]; f == nil || f.Role != r {
			t.Errorf("%s read as %+v, want %s (folders %v)", k, f, r, got)
		}
	}
}
