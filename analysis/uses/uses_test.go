package uses_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/load"
	"github.com/decomp/decomp/analysis/uses"
)

func TestExtract(t *testing.T) {
	var got []string
	us, _ := uses.Extract(loadFixture(t, "mod"))
	for _, u := range us {
		got = append(got, fmt.Sprintf("%s -> %s %s owner=%s x%d", u.From, u.Kind, u.Target, u.Owner, u.Count))
	}
	sort.Strings(got)
	const m = "example.com/mod/model"
	want := []string{
		// Close: the parameter type, one field selection, one constant of type Status.
		"example.com/mod/app.Close -> const " + m + ".Closed owner=" + m + ".Status x1",
		"example.com/mod/app.Close -> field " + m + ".Order owner= x1",
		"example.com/mod/app.Close -> type " + m + ".Order owner= x1",
		// Open: two composite literals with fields, three selections of o.Items,
		// typed and untyped constants, a package variable.
		"example.com/mod/app.Open -> const " + m + ".Active owner=" + m + ".Status x1",
		"example.com/mod/app.Open -> const " + m + ".MaxItems owner= x1",
		"example.com/mod/app.Open -> field " + m + ".Item owner= x1",
		"example.com/mod/app.Open -> field " + m + ".Order owner= x4",
		"example.com/mod/app.Open -> type " + m + ".Item owner= x1",
		"example.com/mod/app.Open -> type " + m + ".Order owner= x2",
		"example.com/mod/app.Open -> var " + m + ".Registry owner=" + m + ".Order x1",
		// The model package's own initialiser builds an Order.
		m + ".init -> type " + m + ".Order owner= x1",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("uses:\n got %q\nwant %q", got, want)
	}
}

// TestImplementations: a type implements the interfaces whose methods it
// has with identical signatures, whatever other interfaces share a method
// name with them.
func TestImplementations(t *testing.T) {
	var got []string
	us, _ := uses.Extract(loadFixture(t, "impl"))
	for _, u := range us {
		if u.Kind == facts.UseImplements {
			got = append(got, u.From+" implements "+u.Target)
		}
	}
	sort.Strings(got)
	want := []string{
		"example.com/impl/store.DB implements example.com/impl/port.Getter",
		"example.com/impl/store.DB implements example.com/impl/port.Store",
		"example.com/impl/store.Names implements example.com/impl/port.Finder",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("implements:\n got %q\nwant %q", got, want)
	}
}

func loadFixture(t *testing.T, name string) *load.Program {
	t.Helper()
	prog, err := load.Load(context.Background(), load.Config{
		Dir: filepath.Join("testdata", name),
		Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off"),
	})
	if err != nil {
		t.Fatal(err)
	}
	return prog
}
