package shipping

import (
	"errors"
	"time"
)

// VoyageNumber identifies a voyage, e.g. V100.
type VoyageNumber string

// CarrierMovement is one departure and arrival of a vessel.
type CarrierMovement struct {
	DepartureLocation UNLocode
	ArrivalLocation   UNLocode
	DepartureTime     time.Time
	ArrivalTime       time.Time
}

// Schedule is the ordered list of a voyage's movements.
type Schedule struct {
	CarrierMovements []CarrierMovement
}

// Voyage is a scheduled trip of a vessel.
type Voyage struct {
	Number   VoyageNumber
	Schedule Schedule
}

// Calls reports whether the voyage departs from or arrives at loc.
func (v *Voyage) Calls(loc UNLocode) bool {
	for _, m := range v.Schedule.CarrierMovements {
		if m.DepartureLocation == loc || m.ArrivalLocation == loc {
			return true
		}
	}
	return false
}

// ErrUnknownVoyage is returned for a voyage not in the schedule.
var ErrUnknownVoyage = errors.New("unknown voyage")

// VoyageRepository gives access to scheduled voyages.
type VoyageRepository interface {
	Find(n VoyageNumber) (*Voyage, error)
	FindAll() []*Voyage
}
