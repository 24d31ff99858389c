// Package ok loads.
package ok

// F is fine.
func F() {}
