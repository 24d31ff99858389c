package load

import (
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
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
