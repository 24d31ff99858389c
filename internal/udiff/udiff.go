// Package udiff writes unified diffs (the format of diff -u, git diff and
// patch -p1) between two versions of a text, line by line.
package udiff

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// context is the number of unchanged lines shown around each change.
const context = 3

// Unified returns the unified diff turning old into new for the file path
// (a/path and b/path; "" old or new text with a missing file means
// creation or deletion, given by oldMissing/newMissing). Equal texts give
// nil.
func Unified(path string, old, new []byte, oldMissing, newMissing bool) []byte {
	if bytes.Equal(old, new) && oldMissing == newMissing {
		return nil
	}
	a, b := lines(old), lines(new)
	// The edits are local: the common head and tail need no search.
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	var ops []op
	for i := 0; i < head; i++ {
		ops = append(ops, op{' ', i, i})
	}
	for _, o := range diff(a[head:len(a)-tail], b[head:len(b)-tail]) {
		ops = append(ops, op{o.kind, o.a + head, o.b + head})
	}
	for i := 0; i < tail; i++ {
		ops = append(ops, op{' ', len(a) - tail + i, len(b) - tail + i})
	}
	var out bytes.Buffer
	from, to := "a/"+path, "b/"+path
	if oldMissing {
		from = "/dev/null"
	}
	if newMissing {
		to = "/dev/null"
	}
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", from, to)
	// Group the edits into hunks with their context.
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(0, i-context)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run == len(ops) || run-end > 2*context {
				end = min(run, end+context)
				break
			}
			end = run
		}
		aStart, bStart, aLen, bLen := ops[start].a, ops[start].b, 0, 0
		for _, op := range ops[start:end] {
			if op.kind != '+' {
				aLen++
			}
			if op.kind != '-' {
				bLen++
			}
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", span(aStart, aLen), span(bStart, bLen))
		for _, op := range ops[start:end] {
			var text string
			if op.kind == '+' {
				text = b[op.b]
			} else {
				text = a[op.a]
			}
			out.WriteByte(op.kind)
			out.WriteString(strings.TrimSuffix(text, "\n"))
			out.WriteByte('\n')
			if !strings.HasSuffix(text, "\n") {
				out.WriteString("\\ No newline at end of file\n")
			}
		}
		i = end
	}
	return out.Bytes()
}

// span is a hunk range: 1-based start and length; an empty range starts
// at the line before it.
func span(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprint(start + 1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

func lines(s []byte) []string {
	if len(s) == 0 {
		return nil
	}
	parts := strings.SplitAfter(string(s), "\n")
	if parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return parts
}

// op is one line of the edit script: kind ' ', '-' or '+', with the line
// indexes in a and b where it stands.
type op struct {
	kind byte
	a, b int
}

// diff is Myers' O(ND) shortest edit script between a and b.
func diff(a, b []string) []op {
	n, m := len(a), len(b)
	if n+m == 0 {
		return nil
	}
	maxD := n + m
	v := make([]int, 2*maxD+2)
	// trace[d] keeps v[off-d-1 : off+d+2], all that round d reads back.
	var trace [][]int
	off := maxD + 1
	for d := 0; d <= maxD; d++ {
		trace = append(trace, slices.Clone(v[off-d-1:min(off+d+2, len(v))]))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(trace, a, b, off, d)
			}
		}
	}
	return nil
}

func backtrack(trace [][]int, a, b []string, off, d int) []op {
	x, y := len(a), len(b)
	var rev []op
	for ; d > 0; d-- {
		// v(k) is round d's view of the diagonal k.
		v := func(k int) int { return trace[d][k+d+1] }
		k := x - y
		var prevK int
		if k == -d || k != d && v(k-1) < v(k+1) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := v(prevK)
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x, y = x-1, y-1
			rev = append(rev, op{' ', x, y})
		}
		if x == prevX {
			y--
			rev = append(rev, op{'+', x, y})
		} else {
			x--
			rev = append(rev, op{'-', x, y})
		}
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		rev = append(rev, op{' ', x, y})
	}
	out := make([]op, len(rev))
	for i, o := range rev {
		out[len(rev)-1-i] = o
	}
	return out
}

// Apply applies a unified diff of one file made by Unified to old.
func Apply(old, patch []byte) ([]byte, error) {
	a := lines(old)
	var out []string
	pl := lines(patch)
	at := 0 // next line of a to copy
	i := 0
	for i < len(pl) && !strings.HasPrefix(pl[i], "@@ ") {
		i++
	}
	for i < len(pl) {
		var aStart, aLen, bStart, bLen int
		h := strings.TrimSpace(pl[i])
		if _, err := fmt.Sscanf(h, "@@ -%s +%s @@", new(string), new(string)); err != nil {
			return nil, fmt.Errorf("hunk header %q: %v", h, err)
		}
		f := strings.Fields(h)
		parse := func(s string, start, n *int) {
			*n = 1
			if c := strings.IndexByte(s, ','); c >= 0 {
				fmt.Sscan(s[c+1:], n)
				s = s[:c]
			}
			fmt.Sscan(s, start)
			if *n > 0 {
				*start--
			}
		}
		parse(f[1][1:], &aStart, &aLen)
		parse(f[2][1:], &bStart, &bLen)
		if aStart < at || aStart > len(a) {
			return nil, fmt.Errorf("hunk %q out of order", h)
		}
		out = append(out, a[at:aStart]...)
		at = aStart
		i++
		for i < len(pl) && !strings.HasPrefix(pl[i], "@@ ") {
			l := pl[i]
			i++
			noEOL := i < len(pl) && strings.HasPrefix(pl[i], "\\ No newline")
			text := l[1:]
			if noEOL {
				text = strings.TrimSuffix(text, "\n")
				i++
			}
			switch l[0] {
			case ' ', '-':
				if at >= len(a) || a[at] != text {
					return nil, fmt.Errorf("line %d does not match the patch", at+1)
				}
				if l[0] == ' ' {
					out = append(out, text)
				}
				at++
			case '+':
				out = append(out, text)
			default:
				return nil, fmt.Errorf("bad patch line %q", l)
			}
		}
	}
	out = append(out, a[at:]...)
	return []byte(strings.Join(out, "")), nil
}
