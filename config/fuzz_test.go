package config

import (
	"strings"
	"testing"
)

// FuzzParse: any bytes give a config or a one-line error, never a panic,
// and an accepted config passes its own validation.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "version: 1\n", "granularity: type\nresolution: 1.5\n", "pins: [{pattern: a/..., context: x}]\n",
		"weights: {call: 2, sharedName: .nan}\n", "a: 1\n---\nb: 2\n", "ignore: [\"[\"]\n", "seed: -1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
			return
		}
		if err := c.validate(); err != nil {
			t.Errorf("accepted config fails validation: %v", err)
		}
	})
}
