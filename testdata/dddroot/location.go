package shipping

import "errors"

// UNLocode is a United Nations location code, e.g. SESTO.
type UNLocode string

// Location is a port or terminal in the shipping network.
type Location struct {
	UNLocode UNLocode
	Name     string
}

// Well-known locations of the sample network.
var (
	Stockholm = &Location{UNLocode: "SESTO", Name: "Stockholm"}
	Hamburg   = &Location{UNLocode: "DEHAM", Name: "Hamburg"}
	Rotterdam = &Location{UNLocode: "NLRTM", Name: "Rotterdam"}
	Shanghai  = &Location{UNLocode: "CNSHA", Name: "Shanghai"}
	NewYork   = &Location{UNLocode: "USNYC", Name: "New York"}
)

// ErrUnknownLocation is returned for a code not in the network.
var ErrUnknownLocation = errors.New("unknown location")

// LocationRepository gives access to the shipping network's locations.
type LocationRepository interface {
	Find(code UNLocode) (*Location, error)
	FindAll() []*Location
}
