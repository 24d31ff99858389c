// Package use instantiates gen's generic code.
package use

import "example.com/generic/gen"

// Run saves through both instances.
func Run() {
	s := &gen.Store{}
	gen.Each(s, "a") // want "static example.com/generic/gen.Each"
	l := &gen.List[*gen.Store]{}
	l.SaveAll("b") // want "static example.com/generic/gen.\\(\\*List\\).SaveAll"
}
