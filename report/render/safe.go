package render

import (
	"fmt"
	"io"
	"strings"
)

// SafeWriter escapes control characters on their way to a terminal: names,
// SQL and paths come from the analysed code, and an ESC, BEL or backspace
// in a table name must not drive the user's terminal. Newlines and tabs
// pass; every other C0 control, DEL and the C1 controls (U+0080–U+009F)
// are written as \xNN or \u00NN.
type SafeWriter struct {
	w       io.Writer
	pending bool // the last byte written was 0xC2, the lead of a C1 control
}

func (s *SafeWriter) Write(p []byte) (int, error) {
	out := make([]byte, 0, len(p)+8)
	for _, c := range p {
		if s.pending {
			s.pending = false
			if c >= 0x80 && c <= 0x9f {
				out = fmt.Appendf(out, `\u%04x`, c)
				continue
			}
			out = append(out, 0xc2)
		}
		switch {
		case c == 0xc2:
			s.pending = true
		case c == '\n' || c == '\t':
			out = append(out, c)
		case c < 0x20 || c == 0x7f:
			out = fmt.Appendf(out, `\x%02x`, c)
		default:
			out = append(out, c)
		}
	}
	if _, err := s.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a lead byte held back at the end.
func (s *SafeWriter) Flush() error {
	if !s.pending {
		return nil
	}
	s.pending = false
	_, err := s.w.Write([]byte{0xc2})
	return err
}

// NewSafeWriter returns a writer that escapes control characters; call
// Flush when done.
func NewSafeWriter(w io.Writer) *SafeWriter { return &SafeWriter{w: w} }

// Escape returns s with its control characters escaped as SafeWriter
// writes them, newlines and tabs included: for one-line messages.
func Escape(s string) string {
	var b strings.Builder
	sw := NewSafeWriter(&b)
	_, _ = sw.Write([]byte(strings.NewReplacer("\n", `\n`, "\t", `\t`).Replace(s)))
	_ = sw.Flush()
	return b.String()
}
