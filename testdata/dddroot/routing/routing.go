// Package routing finds itineraries through the voyage network that satisfy
// a route specification.
package routing

import (
	shipping "example.com/shipping"
)

// Service computes candidate routes from the scheduled voyages.
type Service struct {
	voyages shipping.VoyageRepository
}

// NewService returns a routing service.
func NewService(voyages shipping.VoyageRepository) *Service {
	return &Service{voyages: voyages}
}

func leg(v *shipping.Voyage, m shipping.CarrierMovement) shipping.Leg {
	return shipping.Leg{
		VoyageNumber:   v.Number,
		LoadLocation:   m.DepartureLocation,
		UnloadLocation: m.ArrivalLocation,
		LoadTime:       m.DepartureTime,
		UnloadTime:     m.ArrivalTime,
	}
}

// FetchRoutesForSpecification returns direct and one-transfer itineraries.
func (s *Service) FetchRoutesForSpecification(rs shipping.RouteSpecification) []shipping.Itinerary {
	var out []shipping.Itinerary
	voyages := s.voyages.FindAll()
	for _, v := range voyages {
		for _, m := range v.Schedule.CarrierMovements {
			if m.DepartureLocation != rs.Origin {
				continue
			}
			first := leg(v, m)
			if m.ArrivalLocation == rs.Destination {
				out = append(out, shipping.Itinerary{Legs: []shipping.Leg{first}})
				continue
			}
			for _, w := range voyages {
				for _, n := range w.Schedule.CarrierMovements {
					if n.DepartureLocation == m.ArrivalLocation && n.ArrivalLocation == rs.Destination &&
						n.DepartureTime.After(m.ArrivalTime) {
						out = append(out, shipping.Itinerary{Legs: []shipping.Leg{first, leg(w, n)}})
					}
				}
			}
		}
	}
	var ok []shipping.Itinerary
	for _, it := range out {
		if rs.IsSatisfiedBy(it) {
			ok = append(ok, it)
		}
	}
	return ok
}
