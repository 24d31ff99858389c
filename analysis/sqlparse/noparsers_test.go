//go:build !sqlparsers

package sqlparse

// parsersAccept: this build has no real parsers.
func parsersAccept(string, []token) (pg, my bool) { return false, false }
