package a

import "testing"

func TestF(t *testing.T) {
	if F() != 1 { // want "static example.com/withtests/a.F"
		t.Fatal("F")
	}
}
