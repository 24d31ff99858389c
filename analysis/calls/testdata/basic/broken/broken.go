// Package broken does not type-check; its direct calls are still found.
package broken

import "example.com/basic/store"

// Use calls store even though the package has a type error.
func Use() int {
	store.New() // want "static example.com/basic/store.New"
	var x int = "not an int"
	return x
}
