package check

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"sort"
)

// BaselineVersion is the baseline file's format version.
const BaselineVersion = 1

// Baseline is the set of accepted violations, with how often each occurred
// when it was written.
type Baseline struct {
	Version    int     `json:"version"`
	Violations []Entry `json:"violations"`
}

// Entry is one accepted violation. The contexts are there for the reader;
// only the key matches.
type Entry struct {
	Key
	FromContext string `json:"fromContext,omitempty"`
	ToContext   string `json:"toContext,omitempty"`
	Count       int    `json:"count"`
}

// ReadBaseline reads a baseline file; a missing file is an empty baseline.
func ReadBaseline(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Baseline{Version: BaselineVersion}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("baseline %s is empty (write one with decomp check --write-baseline)", path)
	}
	var b Baseline
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("baseline %s: %v", path, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("baseline %s: unexpected data after the baseline object", path)
	}
	if b.Version != BaselineVersion {
		return nil, fmt.Errorf("baseline %s: unsupported version %d (want %d)", path, b.Version, BaselineVersion)
	}
	seen := map[Key]bool{}
	for i, e := range b.Violations {
		if e.Kind == "" || e.From == "" {
			return nil, fmt.Errorf("baseline %s: violations[%d] needs a kind and a from", path, i)
		}
		if !slices.Contains(Kinds, e.Kind) {
			return nil, fmt.Errorf("baseline %s: violations[%d] has unknown kind %q", path, i, e.Kind)
		}
		if e.Count < 1 {
			return nil, fmt.Errorf("baseline %s: violations[%d] has count %d (want at least 1)", path, i, e.Count)
		}
		if seen[e.Key] {
			return nil, fmt.Errorf("baseline %s: violations[%d] is listed twice", path, i)
		}
		seen[e.Key] = true
	}
	return &b, nil
}

// NewBaseline accepts every given violation.
func NewBaseline(vs []Violation) *Baseline {
	b := &Baseline{Version: BaselineVersion, Violations: make([]Entry, 0, len(vs))}
	sorted := append([]Violation(nil), vs...)
	SortViolations(sorted)
	for _, v := range sorted {
		b.Violations = append(b.Violations, Entry{Key: v.Key, FromContext: v.FromContext, ToContext: v.ToContext, Count: v.Count})
	}
	return b
}

// Keep adds the entries of old whose key is not in b: a check over part of
// the module sees neither all of the code an entry starts from nor all it
// leads to, so it cannot tell an entry fixed and must not drop it. It
// returns how many it kept.
func (b *Baseline) Keep(old *Baseline) int {
	if old == nil {
		return 0
	}
	have := make(map[Key]bool, len(b.Violations))
	for _, e := range b.Violations {
		have[e.Key] = true
	}
	kept := 0
	for _, e := range old.Violations {
		if !have[e.Key] {
			b.Violations = append(b.Violations, e)
			kept++
		}
	}
	if kept > 0 {
		key := func(e Entry) [5]string { return [5]string{e.FromContext, e.ToContext, kindRank(e.Kind), e.From, e.To} }
		sort.SliceStable(b.Violations, func(i, j int) bool { return less(key(b.Violations[i]), key(b.Violations[j])) })
	}
	return kept
}

// Marshal renders the baseline with one violation per line, in report
// order, so that accepting or fixing one shows as one line in a diff.
func (b *Baseline) Marshal() ([]byte, error) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\n  \"version\": %d,\n  \"violations\": [", b.Version)
	for i, e := range b.Violations {
		line, err := json.Marshal(e)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n    ")
		buf.Write(line)
	}
	if len(b.Violations) > 0 {
		buf.WriteString("\n  ")
	}
	buf.WriteString("]\n}\n")
	return buf.Bytes(), nil
}

// Outcome is a check's result against a baseline.
type Outcome struct {
	// New are the violations the baseline does not accept; under strict
	// counting Count is how many occurrences are beyond the accepted ones.
	New []Violation `json:"new"`
	// Accepted counts the violations the baseline covers.
	Accepted int `json:"accepted"`
	// Fixed are baseline entries that no longer occur (or, under strict
	// counting, occur fewer times; Count is how many fewer).
	Fixed []Entry `json:"fixed"`
}

// Compare subtracts the baseline from the current violations. By default an
// accepted key accepts any number of occurrences; strict makes each
// occurrence beyond the recorded count new.
func Compare(current []Violation, b *Baseline, strict bool) Outcome {
	base := make(map[Key]Entry, len(b.Violations))
	for _, e := range b.Violations {
		base[e.Key] = e
	}
	var o Outcome
	now := map[Key]int{}
	for _, v := range current {
		now[v.Key] = v.Count
		e, ok := base[v.Key]
		switch {
		case !ok:
			o.New = append(o.New, v)
		case strict && v.Count > e.Count:
			extra := v
			extra.Count = v.Count - e.Count
			o.New = append(o.New, extra)
		default:
			o.Accepted++
		}
	}
	for _, e := range b.Violations {
		n, ok := now[e.Key]
		switch {
		case !ok:
			o.Fixed = append(o.Fixed, e)
		case strict && n < e.Count:
			fewer := e
			fewer.Count = e.Count - n
			o.Fixed = append(o.Fixed, fewer)
		}
	}
	return o
}
