package shop

import (
	"example.com/seams/catalog"
	"example.com/seams/catalog/db"
)

// More calls the catalog in the ways that once broke the seam.
func More(s *catalog.Service, d *db.Repo, b catalog.Box[int]) int {
	n, _ := catalog.Lookup(1)
	return n + catalog.Named(2) + catalog.Blank(3, 4) + s.Repo() + d.Count() + b.Get()
}
