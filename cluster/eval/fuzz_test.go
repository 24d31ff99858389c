package eval

import "testing"

// FuzzParseTruth: any bytes give a truth or an error, never a panic.
func FuzzParseTruth(f *testing.F) {
	for _, s := range []string{
		"", "packages:\n  a/b: x\n", "types:\n  a/b.T: _infra\nfiles:\n  b/c.go: y\n", "packages: [1, 2]\n",
		"tables:\n  t: {owner: a, writers: [a], readers: []}\n", "bogus: 1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = ParseTruth(data, "truth.yaml")
	})
}
