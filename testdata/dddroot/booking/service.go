// Package booking books new cargo, routes it and changes its destination.
package booking

import (
	"errors"
	"time"

	shipping "example.com/shipping"
)

// ErrInvalidArgument is returned for malformed requests.
var ErrInvalidArgument = errors.New("invalid argument")

// RoutingService proposes itineraries for a route specification.
type RoutingService interface {
	FetchRoutesForSpecification(rs shipping.RouteSpecification) []shipping.Itinerary
}

// Service is the booking application service.
type Service struct {
	cargos    shipping.CargoRepository
	locations shipping.LocationRepository
	routing   RoutingService
}

// NewService returns a booking service.
func NewService(c shipping.CargoRepository, l shipping.LocationRepository, r RoutingService) *Service {
	return &Service{cargos: c, locations: l, routing: r}
}

// BookNewCargo registers a cargo from origin to destination.
func (s *Service) BookNewCargo(origin, dest shipping.UNLocode, deadline time.Time) (shipping.TrackingID, error) {
	if origin == dest || deadline.IsZero() {
		return "", ErrInvalidArgument
	}
	for _, code := range []shipping.UNLocode{origin, dest} {
		if _, err := s.locations.Find(code); err != nil {
			return "", err
		}
	}
	id := shipping.NextTrackingID()
	c := shipping.NewCargo(id, shipping.RouteSpecification{Origin: origin, Destination: dest, ArrivalDeadline: deadline})
	return id, s.cargos.Store(c)
}

// RequestPossibleRoutes lists itineraries that would satisfy the cargo's spec.
func (s *Service) RequestPossibleRoutes(id shipping.TrackingID) ([]shipping.Itinerary, error) {
	c, err := s.cargos.Find(id)
	if err != nil {
		return nil, err
	}
	return s.routing.FetchRoutesForSpecification(c.RouteSpecification), nil
}

// AssignCargoToRoute attaches the chosen itinerary to the cargo.
func (s *Service) AssignCargoToRoute(id shipping.TrackingID, it shipping.Itinerary) error {
	c, err := s.cargos.Find(id)
	if err != nil {
		return err
	}
	c.AssignToRoute(it)
	return s.cargos.Store(c)
}

// ChangeDestination re-specifies where the cargo must go.
func (s *Service) ChangeDestination(id shipping.TrackingID, dest shipping.UNLocode) error {
	c, err := s.cargos.Find(id)
	if err != nil {
		return err
	}
	if _, err := s.locations.Find(dest); err != nil {
		return err
	}
	c.RouteSpecification.Destination = dest
	c.DeriveDeliveryProgress(shipping.HandlingHistory{})
	return s.cargos.Store(c)
}

// Locations lists the locations cargo can be booked between.
func (s *Service) Locations() []*shipping.Location { return s.locations.FindAll() }
