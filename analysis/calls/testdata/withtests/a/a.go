// Package a has an in-package test: with tests on it is type-checked
// twice, plain (for b) and with its test files (the variant analysed).
package a

// F is called by b.
func F() int { return g() } // want "static example.com/withtests/a.g"

func g() int { return 1 }
