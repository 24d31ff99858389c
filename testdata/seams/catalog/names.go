package catalog

// Lookup's parameter is named like the facade's receiver, and its results
// are named.
func Lookup(f int) (n int, err error) { return f, nil }

// Named's parameter is named like the package the facade calls.
func Named(catalog int) int { return catalog }

// Blank has a blank parameter next to one named p.
func Blank(_ int, p int) int { return p }

// Service has a method named like a facade field.
type Service struct{}

// Repo is a method named like the facade's field for catalog.Repo.
func (s *Service) Repo() int { return 0 }

// Box is a generic interface.
type Box[T any] interface{ Get() T }
