// Package vf holds the shapes the value flow follows. sinkT asks which
// concrete types reach its argument, sinkS which strings; each answer is
// expected where the value is written, and "unknown" where the walk stops.
package vf

import (
	"fmt"
	"reflect"
)

type A struct{ ID int }
type B struct{ ID int }

func sinkT(v any)    {}
func sinkS(s string) {}

// Variadic lists, read by index and by range value, through two helpers.
func byIndex(vs ...any) {
	for i := range vs {
		sinkT(vs[i])
	}
}

func byRange(vs ...any) {
	for _, v := range vs {
		sinkT(v)
	}
}

func handOn(vs ...any) { byIndex(vs...) }

func Lists() {
	byIndex(&A{}, &B{}) // want "T \\*example.com/vf.A" "T \\*example.com/vf.B"
	byRange(&B{})       // want "T \\*example.com/vf.B"
	handOn(A{})         // want "T example.com/vf.A"
	var x any = &A{}
	byRange(x)    // want "T \\*example.com/vf.A"
	sinkT(new(B)) // want "T \\*example.com/vf.B"
}

// Struct fields of literals, by value, by pointer and through a map.
type pair struct {
	model any
	query string
}

func runPairs(ps []pair) {
	for _, p := range ps {
		sinkT(p.model)
		sinkS(p.query)
	}
}

func runPtr(p *pair) { sinkS(p.query) }

func Fields() {
	runPairs([]pair{
		{&A{}, "SELECT 1"},  // want "T \\*example.com/vf.A" "S SELECT 1"
		{query: "SELECT 2"}, // want "S SELECT 2"
	})
	runPtr(&pair{query: "SELECT 3"}) // want "S SELECT 3"
	m := map[string]string{"k": "SELECT 4"}
	sinkS(m["k"]) // want "S SELECT 4"
}

// Strings: constants, concatenation with a caller's part, Sprintf, a
// closure's capture, a return.
func table(name string) { sinkS("SELECT * FROM " + name) }

func query() string { return "SELECT 5" } // want "S SELECT 5"

func Strings(n int) {
	table("users")                                    // want "S SELECT \\* FROM users"
	sinkS(fmt.Sprintf("SELECT %s FROM t%d", "id", n)) // want "S SELECT id FROM t\\?"
	q := "SELECT 6"                                   // want "S SELECT 6"
	func() { sinkS(q) }()
	sinkS(query())
}

// Reflection: a model built from another value's type.
func build(proto any) { sinkT(reflect.New(reflect.TypeOf(proto).Elem()).Interface()) }

func Reflect() { build(new(A)) } // want "T \\*example.com/vf.A"

// Exported with no caller in the module: unknown.
func Open(v any) { sinkT(v) } // want "unknown"
