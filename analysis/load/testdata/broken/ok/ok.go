// Package ok type-checks.
package ok

// Fine is fine.
func Fine() int { return 1 }
