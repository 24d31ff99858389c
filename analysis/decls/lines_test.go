package decls

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

func TestLines(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want int
	}{
		{"package x\n\nfunc F() {\n\treturn\n}\n", 3},
		{"package x\n\nfunc F() {}\n", 1},
		// Cut short by a syntax error: the partial declaration ends
		// before it starts.
		{"package x\n\nfunc F( {\n", 1},
	} {
		fset := token.NewFileSet()
		f, _ := parser.ParseFile(fset, "x.go", tt.src, 0)
		var fd *ast.FuncDecl
		for _, d := range f.Decls {
			if d, ok := d.(*ast.FuncDecl); ok {
				fd = d
			}
		}
		if fd == nil {
			t.Fatalf("%q: no function declaration parsed", tt.src)
		}
		if got := lines(fset, fd); got != tt.want {
			t.Errorf("%q: lines = %d, want %d", tt.src, got, tt.want)
		}
	}
}

func TestFuncLitLines(t *testing.T) {
	src := "package x\n\nvar migrations = []func() error{\n\tfunc() error {\n\t\treturn nil\n\t},\n\tfunc() error { return nil },\n}\n\nvar plain = 1\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := 0
	for _, d := range f.Decls {
		got += funcLitLines(fset, d.(*ast.GenDecl))
	}
	if got != 4 { // a three-line literal and a one-line one
		t.Errorf("funcLitLines = %d, want 4", got)
	}
}
