// Package billing uses a local type and a generated model.
package billing

import "example.com/basic/models"

// Charge reads the price and writes nothing else.
func Charge(t *models.Track) int64 {
	type local struct{ N int64 }
	l := local{N: t.Price} // want "read Track.Price"
	return l.N
}
