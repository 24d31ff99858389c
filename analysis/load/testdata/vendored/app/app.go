// Package app uses a vendored module.
package app

import "example.com/dep"

// Shout calls into vendor/.
func Shout(s string) string { return dep.Upper(s) + "!" }

// ShoutAll calls a generic function of vendor/.
func ShoutAll(xs []string) []string {
	return dep.Map(xs, func(s string) string { return Shout(s) })
}
