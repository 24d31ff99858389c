// Package a is one workspace module.
package a

import "example.com/b"

// A calls b.
func A() int { return b.B() + 1 }
