// Package tracking is the read side of cargo: it assembles a customer view
// of where a cargo is and what happened to it.
package tracking

import (
	"fmt"
	"sort"
	"time"

	shipping "example.com/shipping"
)

// Event is one line of the tracking history shown to customers.
type Event struct {
	Description string    `json:"description"`
	Time        time.Time `json:"time"`
}

// Cargo is the tracking view of a cargo.
type Cargo struct {
	TrackingID  string    `json:"tracking_id"`
	Origin      string    `json:"origin"`
	Destination string    `json:"destination"`
	Deadline    time.Time `json:"arrival_deadline"`
	Status      string    `json:"status"`
	Misrouted   bool      `json:"misrouted"`
	Events      []Event   `json:"events"`
}

// Service answers tracking queries.
type Service struct {
	cargos shipping.CargoRepository
	events shipping.HandlingEventRepository
}

// NewService returns a tracking service.
func NewService(c shipping.CargoRepository, e shipping.HandlingEventRepository) *Service {
	return &Service{cargos: c, events: e}
}

// Track returns the tracking view of a cargo.
func (s *Service) Track(id string) (Cargo, error) {
	c, err := s.cargos.Find(shipping.TrackingID(id))
	if err != nil {
		return Cargo{}, err
	}
	v := Cargo{
		TrackingID:  string(c.TrackingID),
		Origin:      string(c.Origin),
		Destination: string(c.RouteSpecification.Destination),
		Deadline:    c.RouteSpecification.ArrivalDeadline,
		Status:      statusText(c.Delivery),
		Misrouted:   c.Delivery.RoutingStatus == shipping.Misrouted,
	}
	h := s.events.QueryHandlingHistory(c.TrackingID)
	sort.Slice(h.Events, func(i, j int) bool { return h.Events[i].Completed.Before(h.Events[j].Completed) })
	for _, e := range h.Events {
		desc := fmt.Sprintf("%s in %s", e.Activity.Type, e.Activity.Location)
		if e.Activity.VoyageNumber != "" {
			desc += fmt.Sprintf(" on voyage %s", e.Activity.VoyageNumber)
		}
		v.Events = append(v.Events, Event{Description: desc, Time: e.Completed})
	}
	return v, nil
}

func statusText(d shipping.Delivery) string {
	switch d.TransportStatus {
	case shipping.InPort:
		return "In port " + string(d.LastKnownLocation)
	case shipping.OnboardCarrier:
		return "Onboard voyage " + string(d.CurrentVoyage)
	case shipping.Claimed:
		return "Claimed"
	case shipping.NotReceived:
		return "Not received"
	}
	return "Unknown"
}
