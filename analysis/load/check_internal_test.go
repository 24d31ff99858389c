package load

import (
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/decomp/decomp/analysis/facts"
)

// TestParseChanged: parse tells when a dependency's file is no longer
// what its export key was made of, so its entry is not stored.
func TestParseChanged(t *testing.T) {
	name := filepath.Join(t.TempDir(), "dep.go")
	src := []byte("package dep\n\nfunc F() int { return 1 }\n")
	if err := os.WriteFile(name, src, 0o644); err != nil {
		t.Fatal(err)
	}
	p := &packages.Package{PkgPath: "example.com/dep", Name: "dep", GoFiles: []string{name}}
	for _, tt := range []struct {
		sum  string
		want bool
	}{
		{contentSum(src), false},
		{contentSum([]byte("package dep\n")), true},
	} {
		c := &checker{prog: &Program{Fset: token.NewFileSet()}, sums: map[string]string{name: tt.sum}, gen: &generatedSet{m: map[string]bool{}}}
		var errs []packages.Error
		files, changed := c.parse(p, false, &errs)
		if len(files) != 1 || len(errs) != 0 {
			t.Fatalf("parse: %d files, errors %v", len(files), errs)
		}
		if changed != tt.want {
			t.Errorf("changed = %v, want %v", changed, tt.want)
		}
	}
}

// TestCheckSafely: a panic while type-checking one package (here, a
// checker with no program) becomes that package's error, not a crash of
// the goroutine and the process with it.
func TestCheckSafely(t *testing.T) {
	p := &packages.Package{PkgPath: "example.com/x", Name: "x"}
	(&checker{}).checkSafely(p)
	if p.Types == nil || !p.IllTyped || len(p.Errors) != 1 {
		t.Fatalf("after a panic: types %v, ill-typed %v, errors %v", p.Types, p.IllTyped, p.Errors)
	}
	if msg := p.Errors[0].Msg; !strings.Contains(msg, "internal error") {
		t.Errorf("error %q does not say what happened", msg)
	}
}

// TestUnreadableFileWarning: the go command reports a file it cannot read
// at the import that led to its package; the warning names the file.
func TestUnreadableFileWarning(t *testing.T) {
	prog := &Program{Fset: token.NewFileSet(), Root: "/m", All: map[string]*packages.Package{}}
	p := &packages.Package{PkgPath: "example.com/m/b", Errors: []packages.Error{
		{Pos: "/m/a/a.go:3:8", Msg: "open /m/b/hidden.go: permission denied"},
		{Pos: "/m/b/b.go:4:2", Msg: "undefined: x"},
	}}
	got := packageWarnings(prog, p)
	want := []facts.Warning{
		{Pkg: "example.com/m/b", Pos: "b/hidden.go", Message: "open b/hidden.go: permission denied"},
		{Pkg: "example.com/m/b", Pos: "b/b.go:4", Message: "undefined: x"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\ngot  %+v\nwant %+v", got, want)
	}
}
