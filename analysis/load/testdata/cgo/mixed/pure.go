// Package mixed has Go and cgo files.
package mixed

// Pure is plain Go.
func Pure() int { return 1 }
