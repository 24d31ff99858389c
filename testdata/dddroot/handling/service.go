// Package handling registers handling events reported by terminals and
// ships, and updates the handled cargo's delivery progress.
package handling

import (
	"time"

	shipping "example.com/shipping"
)

// Service is the handling-event registration service.
type Service struct {
	events    shipping.HandlingEventRepository
	cargos    shipping.CargoRepository
	voyages   shipping.VoyageRepository
	locations shipping.LocationRepository
	now       func() time.Time
}

// NewService returns a handling service.
func NewService(e shipping.HandlingEventRepository, c shipping.CargoRepository,
	v shipping.VoyageRepository, l shipping.LocationRepository) *Service {
	return &Service{events: e, cargos: c, voyages: v, locations: l, now: time.Now}
}

// RegisterHandlingEvent validates and stores an event, then re-derives the
// cargo's delivery from its full handling history.
func (s *Service) RegisterHandlingEvent(completed time.Time, id shipping.TrackingID,
	voyage shipping.VoyageNumber, loc shipping.UNLocode, typ shipping.HandlingEventType) error {
	cargo, err := s.cargos.Find(id)
	if err != nil {
		return err
	}
	if _, err := s.locations.Find(loc); err != nil {
		return err
	}
	if voyage != "" {
		v, err := s.voyages.Find(voyage)
		if err != nil {
			return err
		}
		if !v.Calls(loc) {
			return shipping.ErrUnknownLocation
		}
	}
	act := shipping.HandlingActivity{Type: typ, Location: loc, VoyageNumber: voyage}
	ev, err := shipping.NewHandlingEvent(id, act, completed, s.now())
	if err != nil {
		return err
	}
	if err := s.events.Store(ev); err != nil {
		return err
	}
	cargo.DeriveDeliveryProgress(s.events.QueryHandlingHistory(id))
	return s.cargos.Store(cargo)
}
