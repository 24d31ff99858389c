// Package readpref is an offline stand-in for
// go.mongodb.org/mongo-driver/mongo/readpref.
package readpref

// ReadPref selects the servers reads go to.
type ReadPref struct {
	mode string
}

// Primary reads from the primary only.
func Primary() *ReadPref { return &ReadPref{mode: "primary"} }
