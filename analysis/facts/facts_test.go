package facts

import "testing"

func TestMethodRecv(t *testing.T) {
	for in, want := range map[string]string{
		"example.com/a/b.(*T).M": "example.com/a/b.T",
		"example.com/a/b.T.M":    "example.com/a/b.T",
		"example.com/a/b.F":      "",
		"main.T.M":               "main.T",
		"main.F":                 "",
	} {
		if got := MethodRecv(in); got != want {
			t.Errorf("MethodRecv(%s) = %q, want %q", in, got, want)
		}
	}
}
