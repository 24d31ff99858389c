package ok_test

import (
	"testing"

	"example.com/broken/ok"
)

func TestExternal(t *testing.T) { _ = ok.Fine() }
