package wanttest

import (
	"reflect"
	"testing"
)

func TestCompare(t *testing.T) {
	exps, err := Expectations("testdata/src")
	if err != nil {
		t.Fatal(err)
	}
	if len(exps) != 3 {
		t.Fatalf("parsed %d expectations, want 3", len(exps))
	}
	tests := []struct {
		name     string
		findings []Finding
		want     []string
	}{
		{"all matched", []Finding{{"a.go:4", "call g"}, {"a.go:4", "call h"}, {"a.go:5", "read x"}}, nil},
		{"unexpected and missing", []Finding{{"a.go:4", "call g"}, {"a.go:4", "call h"}, {"a.go:6", "read x"}}, []string{
			`a.go:6: unexpected finding "read x"`,
			`a.go:5: no finding matched "read x"`,
		}},
		{"one expectation matches one finding only", []Finding{{"a.go:4", "call g"}, {"a.go:4", "call g"}, {"a.go:4", "call h"}, {"a.go:5", "read x"}}, []string{
			`a.go:4: unexpected finding "call g"`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Compare(exps, tt.findings); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLiterals(t *testing.T) {
	got, err := literals("\"a b\" `c\\d`")
	if err != nil || !reflect.DeepEqual(got, []string{"a b", `c\d`}) {
		t.Errorf("got %q, %v", got, err)
	}
	for _, bad := range []string{"", "x", `"unterminated`} {
		if _, err := literals(bad); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
}
