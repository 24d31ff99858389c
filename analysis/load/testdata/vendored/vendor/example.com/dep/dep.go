// Package dep is a vendored dependency.
package dep

import "strings"

var prefix string

// An init and a generic function keep their (emptied) bodies: without one
// go/types reports an error, and the package would never be cached.
func init() { prefix = strings.TrimSpace(" ") }

// Upper upper-cases s.
func Upper(s string) string { return prefix + strings.ToUpper(s) }

// Map applies f to each element.
func Map[T any](xs []T, f func(T) T) []T {
	out := make([]T, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}
