// Package dep is a vendored dependency.
package dep

import "strings"

// Upper upper-cases s.
func Upper(s string) string { return strings.ToUpper(s) }
