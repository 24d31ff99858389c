// Package shop calls catalog every way a seam must handle.
package shop

import (
	"example.com/seams/billing"
	"example.com/seams/catalog"
)

// Checkout uses catalog.
func Checkout(r *catalog.Repo, c catalog.Cache, s catalog.Store) int {
	xs := catalog.Map([]int{1, 2}, func(i int) int { return i * 2 })
	p := catalog.PickItem(3).Price()
	_ = catalog.Secret()
	_ = catalog.Tag("a", "b", "c")
	_ = catalog.Raw(1, "x")
	it, _ := r.Get(1)
	shelved, _ := r.Shelf().Get(5)
	cached, _ := c.Get(2)
	found := s.Find(3)
	inv := catalog.Convert(it, billing.Open(1))
	_ = (&catalog.NotFound{}).Missing() + len(catalog.NewQuery().Limit(1).String())
	catalog.Serve(nil, nil)
	return xs[0] + p + inv.Total + cached.Price + found.Price + shelved.Price
}
