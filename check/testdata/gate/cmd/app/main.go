// Command app wires the contexts.
package main

import (
	"example.com/gate/billing"
	"example.com/gate/catalog"
)

func main() {
	r := &catalog.Repo{}
	s := &billing.Service{}
	it, _ := r.Get(1)
	_, _ = s.Charge(it)
}
