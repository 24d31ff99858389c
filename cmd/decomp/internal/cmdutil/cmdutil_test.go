package cmdutil

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestExitCode(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{nil, 0},
		{&BlockedError{Msg: "3 new"}, 1},
		{fmt.Errorf("check: %w", &BlockedError{Msg: "x"}), 1},
		{&UsageError{Msg: "bad flag"}, 2},
		{errors.New("load: not a module"), 2},
		{fmt.Errorf("extract: %w", context.Canceled), 130},
	}
	for _, tt := range tests {
		if got := ExitCode(tt.err); got != tt.want {
			t.Errorf("ExitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

func TestMessage(t *testing.T) {
	err := errors.New("unknown command \"analyse\" for \"decomp\"\n\nDid you mean this?\n\tanalyze\n")
	if got, want := Message(err), `unknown command "analyse" for "decomp" (did you mean analyze?)`; got != want {
		t.Errorf("Message = %q, want %q", got, want)
	}
}

// A failed run leaves an existing output file as it was.
func TestOutputAbortKeepsFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "report.json")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	o, err := OpenOutput(&IOStreams{}, p)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(o.Writer(), "half")
	o.Abort()
	if data, _ := os.ReadFile(p); string(data) != "old" {
		t.Errorf("after Abort: %q", data)
	}
	o, _ = OpenOutput(&IOStreams{}, p)
	fmt.Fprint(o.Writer(), "new")
	if err := o.Commit(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(p); string(data) != "new" {
		t.Errorf("after Commit: %q", data)
	}
	if entries, _ := os.ReadDir(filepath.Dir(p)); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}
