// Package shipping is the domain model of the cargo shipping application:
// cargo and its routes, locations, voyages and handling events.
package shipping

import (
	"errors"
	"fmt"
	"sync/atomic"
	"time"
)

// TrackingID uniquely identifies a cargo.
type TrackingID string

// Cargo is the aggregate root of a booked shipment.
type Cargo struct {
	TrackingID         TrackingID
	Origin             UNLocode
	RouteSpecification RouteSpecification
	Itinerary          Itinerary
	Delivery           Delivery
}

// RouteSpecification says where a cargo must go and by when.
type RouteSpecification struct {
	Origin          UNLocode
	Destination     UNLocode
	ArrivalDeadline time.Time
}

// IsSatisfiedBy reports whether an itinerary fulfils the specification.
func (s RouteSpecification) IsSatisfiedBy(it Itinerary) bool {
	if len(it.Legs) == 0 {
		return false
	}
	first, last := it.Legs[0], it.Legs[len(it.Legs)-1]
	return first.LoadLocation == s.Origin && last.UnloadLocation == s.Destination &&
		!last.UnloadTime.After(s.ArrivalDeadline)
}

// Leg is one voyage between two locations of an itinerary.
type Leg struct {
	VoyageNumber   VoyageNumber
	LoadLocation   UNLocode
	UnloadLocation UNLocode
	LoadTime       time.Time
	UnloadTime     time.Time
}

// Itinerary is the planned route of a cargo.
type Itinerary struct {
	Legs []Leg
}

// RoutingStatus tells whether the itinerary matches the specification.
type RoutingStatus string

// TransportStatus tells where the cargo is in its journey.
type TransportStatus string

const (
	NotRouted        RoutingStatus   = "NOT_ROUTED"
	Routed           RoutingStatus   = "ROUTED"
	Misrouted        RoutingStatus   = "MISROUTED"
	NotReceived      TransportStatus = "NOT_RECEIVED"
	InPort           TransportStatus = "IN_PORT"
	OnboardCarrier   TransportStatus = "ONBOARD_CARRIER"
	Claimed          TransportStatus = "CLAIMED"
	UnknownTransport TransportStatus = "UNKNOWN"
)

// Delivery is the derived state of a cargo's progress.
type Delivery struct {
	RoutingStatus     RoutingStatus
	TransportStatus   TransportStatus
	LastKnownLocation UNLocode
	CurrentVoyage     VoyageNumber
	IsUnloadedAtDest  bool
}

// ErrUnknownCargo is returned by a CargoRepository for a missing cargo.
var ErrUnknownCargo = errors.New("unknown cargo")

// CargoRepository stores Cargo aggregates.
type CargoRepository interface {
	Store(c *Cargo) error
	Find(id TrackingID) (*Cargo, error)
	FindAll() []*Cargo
}

var trackingSeq atomic.Int64

// NextTrackingID returns a new, unused tracking id.
func NextTrackingID() TrackingID {
	return TrackingID(fmt.Sprintf("CGO%06d", trackingSeq.Add(1)))
}

// NewCargo books a cargo with the given route specification.
func NewCargo(id TrackingID, rs RouteSpecification) *Cargo {
	c := &Cargo{TrackingID: id, Origin: rs.Origin, RouteSpecification: rs}
	c.DeriveDeliveryProgress(HandlingHistory{})
	return c
}

// AssignToRoute attaches an itinerary and refreshes the delivery state.
func (c *Cargo) AssignToRoute(it Itinerary) {
	c.Itinerary = it
	c.DeriveDeliveryProgress(HandlingHistory{})
}

// DeriveDeliveryProgress recomputes Delivery from the handling history.
func (c *Cargo) DeriveDeliveryProgress(h HandlingHistory) {
	d := Delivery{RoutingStatus: NotRouted, TransportStatus: NotReceived}
	if len(c.Itinerary.Legs) > 0 {
		d.RoutingStatus = Misrouted
		if c.RouteSpecification.IsSatisfiedBy(c.Itinerary) {
			d.RoutingStatus = Routed
		}
	}
	if ev, ok := h.MostRecentlyCompleted(); ok {
		d.LastKnownLocation = ev.Activity.Location
		switch ev.Activity.Type {
		case Load:
			d.TransportStatus, d.CurrentVoyage = OnboardCarrier, ev.Activity.VoyageNumber
		case Unload, Receive, Customs:
			d.TransportStatus = InPort
		case Claim:
			d.TransportStatus = Claimed
		default:
			d.TransportStatus = UnknownTransport
		}
		d.IsUnloadedAtDest = ev.Activity.Type == Unload && ev.Activity.Location == c.RouteSpecification.Destination
	}
	c.Delivery = d
}
