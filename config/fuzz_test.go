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
		"contexts:\n  - name: a\n    packages: [x/...]\n    files: [a/*.go]\n    types: [x.T]\n    tables: [t]\n  - name: b\n    packages: [y]\nplatform: {packages: [p/...]}\nentry: {packages: [cmd/...]}\nallow:\n  - {from: a, to: b, kinds: [call, read]}\nbaseline: b.json\n",
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
		// What init would write from it parses back to the same map.
		back, err := Parse(c.MarshalContextMap("fuzz"))
		if err != nil {
			t.Fatalf("written context map does not parse: %v\n%s", err, c.MarshalContextMap("fuzz"))
		}
		if len(back.Contexts) != len(c.Contexts) || len(back.Allow) != len(c.Allow) {
			t.Errorf("round trip: %d contexts, %d rules; want %d, %d", len(back.Contexts), len(back.Allow), len(c.Contexts), len(c.Allow))
		}
	})
}
