// Package b imports the plain a.
package b

import "example.com/withtests/a"

// B calls into a.
func B() int { return a.F() } // want "static example.com/withtests/a.F"
