package shipping

import (
	"errors"
	"time"
)

// HandlingEventType is what was done to a cargo.
type HandlingEventType int

const (
	NotHandled HandlingEventType = iota
	Receive
	Load
	Unload
	Claim
	Customs
)

func (t HandlingEventType) String() string {
	return [...]string{"NotHandled", "Receive", "Load", "Unload", "Claim", "Customs"}[t]
}

// HandlingActivity is a handling step at a location, on a voyage for Load/Unload.
type HandlingActivity struct {
	Type         HandlingEventType
	Location     UNLocode
	VoyageNumber VoyageNumber
}

// HandlingEvent records that an activity was completed for a cargo.
type HandlingEvent struct {
	TrackingID TrackingID
	Activity   HandlingActivity
	Completed  time.Time
	Registered time.Time
}

// ErrVoyageRequired is returned for Load and Unload events without a voyage.
var ErrVoyageRequired = errors.New("load and unload events need a voyage")

// NewHandlingEvent validates and builds a handling event.
func NewHandlingEvent(id TrackingID, a HandlingActivity, completed, registered time.Time) (HandlingEvent, error) {
	if (a.Type == Load || a.Type == Unload) && a.VoyageNumber == "" {
		return HandlingEvent{}, ErrVoyageRequired
	}
	return HandlingEvent{TrackingID: id, Activity: a, Completed: completed, Registered: registered}, nil
}

// HandlingHistory is every event registered for one cargo.
type HandlingHistory struct {
	Events []HandlingEvent
}

// MostRecentlyCompleted returns the event with the latest completion time.
func (h HandlingHistory) MostRecentlyCompleted() (HandlingEvent, bool) {
	if len(h.Events) == 0 {
		return HandlingEvent{}, false
	}
	last := h.Events[0]
	for _, e := range h.Events[1:] {
		if e.Completed.After(last.Completed) {
			last = e
		}
	}
	return last, true
}

// HandlingEventRepository stores handling events.
type HandlingEventRepository interface {
	Store(e HandlingEvent) error
	QueryHandlingHistory(id TrackingID) HandlingHistory
}
