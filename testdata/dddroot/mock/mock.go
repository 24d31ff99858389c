// Package mock holds hand-written mocks of the domain repositories.
package mock

import shipping "example.com/shipping"

// CargoRepository is a mock shipping.CargoRepository.
type CargoRepository struct {
	StoreFn      func(c *shipping.Cargo) error
	StoreInvoked bool
	FindFn       func(id shipping.TrackingID) (*shipping.Cargo, error)
	FindInvoked  bool
	FindAllFn    func() []*shipping.Cargo
}

func (r *CargoRepository) Store(c *shipping.Cargo) error {
	r.StoreInvoked = true
	return r.StoreFn(c)
}

func (r *CargoRepository) Find(id shipping.TrackingID) (*shipping.Cargo, error) {
	r.FindInvoked = true
	return r.FindFn(id)
}

func (r *CargoRepository) FindAll() []*shipping.Cargo { return r.FindAllFn() }

// LocationRepository is a mock shipping.LocationRepository.
type LocationRepository struct {
	FindFn    func(shipping.UNLocode) (*shipping.Location, error)
	FindAllFn func() []*shipping.Location
}

func (r *LocationRepository) Find(c shipping.UNLocode) (*shipping.Location, error) {
	return r.FindFn(c)
}
func (r *LocationRepository) FindAll() []*shipping.Location { return r.FindAllFn() }

// VoyageRepository is a mock shipping.VoyageRepository.
type VoyageRepository struct {
	FindFn    func(shipping.VoyageNumber) (*shipping.Voyage, error)
	FindAllFn func() []*shipping.Voyage
}

func (r *VoyageRepository) Find(n shipping.VoyageNumber) (*shipping.Voyage, error) {
	return r.FindFn(n)
}
func (r *VoyageRepository) FindAll() []*shipping.Voyage { return r.FindAllFn() }

// HandlingEventRepository is a mock shipping.HandlingEventRepository.
type HandlingEventRepository struct {
	Stored []shipping.HandlingEvent
}

func (r *HandlingEventRepository) Store(e shipping.HandlingEvent) error {
	r.Stored = append(r.Stored, e)
	return nil
}

func (r *HandlingEventRepository) QueryHandlingHistory(id shipping.TrackingID) shipping.HandlingHistory {
	var h shipping.HandlingHistory
	for _, e := range r.Stored {
		if e.TrackingID == id {
			h.Events = append(h.Events, e)
		}
	}
	return h
}
