// Package app uses a vendored module.
package app

import "example.com/dep"

// Shout calls into vendor/.
func Shout(s string) string { return dep.Upper(s) + "!" }
