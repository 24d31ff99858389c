// Package cmdutil holds what every decomp command shares: the streams it
// writes to and the mapping from errors to exit codes.
package cmdutil

import (
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"sync"
)

// IOStreams are the command's standard streams, replaceable in tests.
type IOStreams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	// ErrTTY is set when Err is a terminal: progress is shown there.
	ErrTTY bool
	// Temps holds the temporary files of outputs not yet committed, for
	// a run stopped at once to remove; nil keeps no list.
	Temps *TempFiles
}

// System returns the process's own streams.
func System() *IOStreams {
	return &IOStreams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, ErrTTY: isTerminal(os.Stderr), Temps: &TempFiles{}}
}

// TempFiles is the set of temporary files a run has open. Its methods are
// safe for concurrent use, and a nil *TempFiles keeps nothing.
type TempFiles struct {
	mu    sync.Mutex
	paths map[string]bool
}

func (t *TempFiles) add(path string) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.paths == nil {
		t.paths = map[string]bool{}
	}
	t.paths[path] = true
}

func (t *TempFiles) remove(path string) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.paths, path)
}

// RemoveAll deletes every temporary file still listed.
func (t *TempFiles) RemoveAll() {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for p := range t.paths {
		os.Remove(p)
	}
	t.paths = nil
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// Exit codes.
const (
	ExitOK      = 0
	ExitBlocked = 1 // findings block a gate
	ExitUsage   = 2 // bad flags, bad config, bad input, load failures
	// ExitInterrupted is the shell's status for a run stopped by SIGINT.
	ExitInterrupted = 130
)

// UsageError is a mistake in what the user asked for: a bad flag value, an
// unreadable config, an output that cannot be written.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// BlockedError reports that findings block a gate; the command has already
// printed them.
type BlockedError struct{ Msg string }

func (e *BlockedError) Error() string { return e.Msg }

// ExitCode maps an error returned by a command to the process exit status:
// a blocked gate is 1, an interrupt 130, and every other error (a
// UsageError, a load or config error from the stages) is 2: decomp has no
// failure of its own that is not about its input.
func ExitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var b *BlockedError
	if errors.As(err, &b) {
		return ExitBlocked
	}
	if errors.Is(err, context.Canceled) {
		return ExitInterrupted
	}
	return ExitUsage
}

// Message renders an error as one line.
func Message(err error) string {
	if errors.Is(err, context.Canceled) {
		return "interrupted; nothing was written"
	}
	s := strings.TrimSpace(err.Error())
	// cobra's suggestions come on lines of their own; keep them on one.
	var hint []string
	if _, rest, ok := strings.Cut(s, "Did you mean this?"); ok {
		hint = strings.Fields(rest)
	}
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(hint) > 0 {
		s += " (did you mean " + strings.Join(hint, " or ") + "?)"
	}
	return s
}
