// Package b is another workspace module.
package b

// B is called from module a.
func B() int { return 1 }
