// Package bad has a type error but still imports ok.
package bad

import "example.com/broken/ok"

// Bad mixes types.
func Bad() string { return ok.Fine() }
