package render

import (
	"bytes"
	"testing"
)

func TestSafeWriter(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"tracks\n", "tracks\n"},
		{"a\x1bcb", `a\x1bcb`},
		{"bell\a back\b nul\x00 del\x7f", `bell\x07 back\x08 nul\x00 del\x7f`},
		{"csi\u009b[2J", `csi\u009b[2J`},
		{"naïve café\ttab", "naïve café\ttab"},
	} {
		var b bytes.Buffer
		sw := &SafeWriter{w: &b}
		// Byte by byte, so a rune split across writes is still recognised.
		for i := 0; i < len(tt.in); i++ {
			if _, err := sw.Write([]byte{tt.in[i]}); err != nil {
				t.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%q -> %q, want %q", tt.in, b.String(), tt.want)
		}
	}
}
