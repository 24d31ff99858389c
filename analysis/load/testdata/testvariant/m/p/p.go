package p

import (
	"example.com/a"
	"example.com/b"
)

func Use() int {
	var t *a.T = b.F()
	return t.X
}
