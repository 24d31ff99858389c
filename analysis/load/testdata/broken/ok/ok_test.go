package ok

import "testing"

func TestFine(t *testing.T) {
	if Fine() != 1 {
		t.Fatal("not fine")
	}
}
