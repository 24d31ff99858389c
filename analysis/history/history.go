// Package history reads the commits of the analysed module from git: who
// changed which files when, with the noise (merges, bulk commits, bots)
// counted and left out. It runs git log and nothing else: no hook, no
// external diff or text conversion, no network.
package history

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Options select the commits read.
type Options struct {
	// Window keeps the commits of that long before HEAD's commit time; 0
	// keeps them all.
	Window time.Duration
	// MaxFiles: a commit changing more files of the module is bulk (a
	// rename, a reformat, vendoring, generated code) and left out.
	MaxFiles int
}

// DefaultMaxFiles is Options.MaxFiles when it is 0.
const DefaultMaxFiles = 50

// Commit is one kept commit.
type Commit struct {
	Hash string `json:"hash"`
	// Author is the mailmap-folded identity: the name, and the lower-cased
	// email that keys it.
	Author  string    `json:"author"`
	Email   string    `json:"email"`
	Time    time.Time `json:"time"`
	Subject string    `json:"subject"`
	// Files are the changed files, relative to the module root, with the
	// lines added and deleted (0 for binary files).
	Files []FileChange `json:"files"`
}

// FileChange is one file of a commit.
type FileChange struct {
	Path  string `json:"path"`
	Lines int    `json:"lines"`
}

// History is what was read.
type History struct {
	Head string `json:"head"`
	// HeadTime is the time the window and the recency decay count back
	// from: HEAD's commit time, so the same history gives the same result
	// whenever it is read.
	HeadTime time.Time `json:"headTime"`
	Window   string    `json:"window"`
	// Commits are the kept commits, newest first.
	Commits []Commit `json:"commits"`
	// Merges, Bulk and Bots count the commits left out, by rule.
	Merges int `json:"merges"`
	Bulk   int `json:"bulk"`
	Bots   int `json:"bots"`
	// Note says something a reader should know (a detached HEAD).
	Note string `json:"note,omitempty"`
}

// ErrNoHistory wraps every reason there is no history to read: not a git
// work tree, no git, a shallow clone, no commit. The caller notes it and
// goes on.
var ErrNoHistory = errors.New("no history")

// Repo is a git work tree whose history can be read.
type Repo struct {
	root     string
	Head     string
	HeadTime time.Time
	// Detached is set when HEAD names no branch.
	Detached bool
}

// Open checks that root is in a git work tree with a full history and
// finds HEAD; every reason it cannot wraps ErrNoHistory.
func Open(ctx context.Context, root string) (*Repo, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("%w: git is not on PATH", ErrNoHistory)
	}
	inside, err := git(ctx, root, "rev-parse", "--is-inside-work-tree")
	if err != nil || strings.TrimSpace(inside) != "true" {
		return nil, fmt.Errorf("%w: not a git work tree", ErrNoHistory)
	}
	if s, err := git(ctx, root, "rev-parse", "--is-shallow-repository"); err == nil && strings.TrimSpace(s) == "true" {
		return nil, fmt.Errorf("%w: a shallow clone (git fetch --unshallow reads it all)", ErrNoHistory)
	}
	head, err := git(ctx, root, "log", "-1", "--format=%H %ct")
	if err != nil || strings.TrimSpace(head) == "" {
		return nil, fmt.Errorf("%w: no commit", ErrNoHistory)
	}
	f := strings.Fields(head)
	secs, _ := strconv.ParseInt(f[1], 10, 64)
	r := &Repo{root: root, Head: f[0], HeadTime: time.Unix(secs, 0).UTC()}
	if _, err := git(ctx, root, "symbolic-ref", "-q", "HEAD"); err != nil {
		r.Detached = true
	}
	return r, nil
}

// Read reads the history of the module at root (its directory). The files
// are those under root, relative to it.
func Read(ctx context.Context, root string, o Options) (*History, error) {
	r, err := Open(ctx, root)
	if err != nil {
		return nil, err
	}
	return r.Read(ctx, o)
}

// Read reads the commits up to HEAD.
func (r *Repo) Read(ctx context.Context, o Options) (*History, error) {
	if o.MaxFiles <= 0 {
		o.MaxFiles = DefaultMaxFiles
	}
	root := r.root
	h := &History{Head: r.Head, HeadTime: r.HeadTime, Window: "all"}
	if r.Detached {
		h.Note = "detached HEAD: the history is that of commit " + h.Head[:12]
	}
	args := []string{"log", "--use-mailmap", "--no-renames", "--relative", "--numstat", "--no-textconv", "--no-ext-diff",
		"--format=%x1e%H%x1f%P%x1f%aN%x1f%aE%x1f%ct%x1f%s"}
	if o.Window > 0 {
		h.Window = FormatWindow(o.Window)
		args = append(args, "--since=@"+strconv.FormatInt(h.HeadTime.Add(-o.Window).Unix(), 10))
	}
	args = append(args, "HEAD", "--", ".")
	out, err := git(ctx, root, args...)
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	for _, rec := range strings.Split(out, "\x1e") {
		if strings.TrimSpace(rec) == "" {
			continue
		}
		c, parents, err := parseCommit(rec)
		if err != nil {
			return nil, fmt.Errorf("read history: %w", err)
		}
		switch {
		case parents > 1:
			h.Merges++
		case bot(c.Author, c.Email):
			h.Bots++
		case len(c.Files) > o.MaxFiles:
			h.Bulk++
		case len(c.Files) > 0:
			h.Commits = append(h.Commits, c)
		}
	}
	return h, nil
}

func parseCommit(rec string) (Commit, int, error) {
	head, body, _ := strings.Cut(rec, "\n")
	f := strings.Split(head, "\x1f")
	if len(f) != 6 {
		return Commit{}, 0, fmt.Errorf("unexpected git log record %q", head)
	}
	secs, err := strconv.ParseInt(f[4], 10, 64)
	if err != nil {
		return Commit{}, 0, fmt.Errorf("commit %s: time %q", f[0], f[4])
	}
	c := Commit{Hash: f[0], Author: f[2], Email: strings.ToLower(f[3]), Time: time.Unix(secs, 0).UTC(), Subject: f[5]}
	for _, line := range strings.Split(body, "\n") {
		cols := strings.SplitN(line, "\t", 3)
		if len(cols) != 3 {
			continue
		}
		added, _ := strconv.Atoi(cols[0]) // "-" for a binary file: 0
		deleted, _ := strconv.Atoi(cols[1])
		c.Files = append(c.Files, FileChange{Path: unquote(cols[2]), Lines: added + deleted})
	}
	sort.Slice(c.Files, func(i, j int) bool { return c.Files[i].Path < c.Files[j].Path })
	return c, len(strings.Fields(f[1])), nil
}

// unquote undoes git's C-style quoting of unusual paths.
func unquote(p string) string {
	if len(p) >= 2 && p[0] == '"' && p[len(p)-1] == '"' {
		if s, err := strconv.Unquote(p); err == nil {
			return s
		}
	}
	return p
}

// botPattern names the automated authors: GitHub's "[bot]" accounts and
// the usual dependency and CI bots.
var botPattern = regexp.MustCompile(`(?i)\[bot\]|^(dependabot|renovate|github-actions|greenkeeper|snyk-bot|mergify|imgbot)\b|\bbot@|-bot\b`)

func bot(name, email string) bool {
	return botPattern.MatchString(name) || botPattern.MatchString(email)
}

// git runs one read-only git command in dir. Repository configuration that
// could run a program (fsmonitor, external diff, text conversion) is
// overridden or not used by log; the pager and prompts are off.
func git(ctx context.Context, dir string, args ...string) (string, error) {
	full := append([]string{"-C", dir, "-c", "core.fsmonitor=false", "-c", "core.quotepath=on", "-c", "log.showSignature=false", "--no-pager"}, args...)
	cmd := exec.CommandContext(ctx, "git", full...)
	cmd.Env = append(cmd.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		return "", fmt.Errorf("git %s: %v: %s", args[0], err, msg)
	}
	return stdout.String(), nil
}

// ParseWindow reads --history: "off", "all", or a number followed by y
// (years), m (months), w (weeks) or d (days). off gives ok false.
func ParseWindow(s string) (w time.Duration, ok bool, err error) {
	switch s {
	case "off":
		return 0, false, nil
	case "all":
		return 0, true, nil
	}
	m := regexp.MustCompile(`^([1-9][0-9]{0,3})([ymwd])$`).FindStringSubmatch(s)
	if m == nil {
		return 0, false, fmt.Errorf("--history %q: want off, all, or a window such as 1y, 6m, 8w, 90d", s)
	}
	n, _ := strconv.Atoi(m[1])
	day := 24 * time.Hour
	unit := map[string]time.Duration{"y": 365 * day, "m": 30 * day, "w": 7 * day, "d": day}[m[2]]
	return time.Duration(n) * unit, true, nil
}

// FormatWindow writes a window the way ParseWindow reads it.
func FormatWindow(w time.Duration) string {
	day := 24 * time.Hour
	for _, u := range []struct {
		d time.Duration
		s string
	}{{365 * day, "y"}, {30 * day, "m"}, {7 * day, "w"}, {day, "d"}} {
		if w%u.d == 0 {
			return strconv.FormatInt(int64(w/u.d), 10) + u.s
		}
	}
	return w.String()
}
