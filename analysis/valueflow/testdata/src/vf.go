// Package vf holds the shapes the value flow follows. sinkT asks which
// concrete types reach its argument, sinkS which strings; each answer is
// expected where the value is written, and "unknown" where the walk stops.
package vf

import (
	"fmt"
	"io"
	"reflect"
	"strings"
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

// A part a callee returns does not move the statement there.
func cols() string { return "id, name" }

func Joined() {
	sinkS("SELECT " + cols() + " FROM people") // want "S SELECT id, name FROM people"
}

// A loop-carried string: the loop's part is not known statically.
func Loop(n int) {
	q := "SELECT 7"
	for i := 0; i < n; i++ {
		q = q + " UNION SELECT 7"
	}
	sinkS(q) // want "S SELECT 7" "S \\? UNION SELECT 7"
}

// A recursive structure, read as p = p.next.
type node struct {
	next *node
	q    string
}

func walkList(p *node) {
	for p != nil {
		sinkS(p.q)
		p = p.next
	}
}

func List() {
	walkList(&node{q: "SELECT 8", next: &node{q: "SELECT 9"}}) // want "S SELECT 8" "S SELECT 9"
}

// A builder handed to other code, or written through a function value.
var write = func(b *strings.Builder, s string) { b.WriteString(s) }

func Built(n int) {
	var b strings.Builder
	b.WriteString("SELECT 10")
	fmt.Fprintf(&b, " WHERE id = %d", n)
	sinkS(b.String()) // want "S \\?"
	var c strings.Builder
	write(&c, "SELECT 11")
	sinkS(c.String()) // want "S \\?"
}

// Memory a module function writes through the pointer it is given; memory
// read from outside the module.
type stmt struct{ q string }

func setQ(s *stmt) { s.q = "SELECT 12" } // want "S SELECT 12"

func Through(r io.Reader) {
	s := &stmt{}
	setQ(s)
	sinkS(s.q)
	var q string
	fmt.Fscan(r, &q)
	sinkS(q) // want "S \\?"
}
