package inmem

import (
	"sort"

	shipping "example.com/shipping"
)

type locationRepository struct {
	locations map[shipping.UNLocode]*shipping.Location
}

// NewLocationRepository returns a repository seeded with the sample network.
func NewLocationRepository() shipping.LocationRepository {
	r := &locationRepository{locations: make(map[shipping.UNLocode]*shipping.Location)}
	for _, l := range []*shipping.Location{shipping.Stockholm, shipping.Hamburg, shipping.Rotterdam, shipping.Shanghai, shipping.NewYork} {
		r.locations[l.UNLocode] = l
	}
	return r
}

func (r *locationRepository) Find(code shipping.UNLocode) (*shipping.Location, error) {
	if l, ok := r.locations[code]; ok {
		return l, nil
	}
	return nil, shipping.ErrUnknownLocation
}

func (r *locationRepository) FindAll() []*shipping.Location {
	out := make([]*shipping.Location, 0, len(r.locations))
	for _, l := range r.locations {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].UNLocode < out[j].UNLocode })
	return out
}
