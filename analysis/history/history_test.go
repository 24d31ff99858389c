package history_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/decomp/decomp/analysis/history"
)

// repo builds git repositories in a temporary folder, with its own
// identity and configuration, whatever the machine's.
type repo struct {
	t    *testing.T
	dir  string
	when time.Time
}

func newRepo(t *testing.T) *repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r := &repo{t: t, dir: t.TempDir(), when: time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)}
	r.git("", "init", "-q", "-b", "main")
	return r
}

func (r *repo) git(author string, args ...string) string {
	r.t.Helper()
	name, email := "Ann", "ann@example.com"
	if author != "" {
		name, email, _ = strings.Cut(author, " <")
		email = strings.TrimSuffix(email, ">")
	}
	cmd := exec.Command("git", append([]string{"-C", r.dir}, args...)...)
	date := r.when.Format(time.RFC3339)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME="+name, "GIT_AUTHOR_EMAIL="+email, "GIT_COMMITTER_NAME="+name, "GIT_COMMITTER_EMAIL="+email,
		"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// commit writes each "path=content" and commits them as author, a day
// after the previous commit.
func (r *repo) commit(author, msg string, files ...string) {
	r.t.Helper()
	r.when = r.when.Add(24 * time.Hour)
	for _, f := range files {
		path, content, _ := strings.Cut(f, "=")
		full := filepath.Join(r.dir, path)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(strings.ReplaceAll(content, `\n`, "\n")), 0o644); err != nil {
			r.t.Fatal(err)
		}
		r.git(author, "add", path)
	}
	r.git(author, "commit", "-q", "-m", msg)
}

const (
	ann = "Ann <ann@example.com>"
	bob = "Bob <bob@example.com>"
	// Bob's old address, folded into his by the .mailmap.
	bobOld = "bob <Bob.Old@Example.com>"
	bot    = "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>"
)

func fixture(t *testing.T) *repo {
	r := newRepo(t)
	r.commit(ann, "billing: invoices", "billing/invoice.go=a\nb\n", "billing/tax.go=a\n")
	r.commit(bobOld, "catalog: tracks", "catalog/track.go=a\nb\nc\n")
	r.commit(bob, "billing and catalog together", "billing/invoice.go=a\nb\nc\n", "catalog/track.go=a\nb\nc\nd\n")
	r.commit(bot, "bump a dependency", "billing/invoice.go=x\n", "catalog/track.go=x\n")
	// A bulk commit: more files than MaxFiles (3 in the test).
	r.commit(ann, "reformat everything", "billing/invoice.go=A\n", "billing/tax.go=A\n", "catalog/track.go=A\n", "catalog/album.go=A\n")
	// A merge of a side branch that changed both again.
	r.git("", "checkout", "-q", "-b", "side")
	r.commit(bob, "side: billing and catalog", "billing/tax.go=B\nC\n", "catalog/album.go=B\n")
	r.git("", "checkout", "-q", "main")
	r.commit(ann, "main: billing", "billing/invoice.go=M\n")
	r.when = r.when.Add(24 * time.Hour)
	r.git(ann, "merge", "-q", "--no-ff", "-m", "merge side", "side")
	r.commit(ann, "mailmap", ".mailmap=Bob <bob@example.com> <bob.old@example.com>\n")
	return r
}

// The noise rules leave out the merge, the bulk commit and the bot; the
// mailmap folds Bob's two addresses; co-change and ownership are exact.
func TestReadFixture(t *testing.T) {
	r := fixture(t)
	h, err := history.Read(context.Background(), r.dir, history.Options{MaxFiles: 3})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range h.Commits {
		got = append(got, fmt.Sprintf("%s by %s <%s>: %d files", c.Subject, c.Author, c.Email, len(c.Files)))
	}
	want := []string{
		"mailmap by Ann <ann@example.com>: 1 files",
		"main: billing by Ann <ann@example.com>: 1 files",
		"side: billing and catalog by Bob <bob@example.com>: 2 files",
		"billing and catalog together by Bob <bob@example.com>: 2 files",
		"catalog: tracks by Bob <bob@example.com>: 1 files",
		"billing: invoices by Ann <ann@example.com>: 2 files",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("commits:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if h.Merges != 1 || h.Bulk != 1 || h.Bots != 1 {
		t.Errorf("left out %d merges, %d bulk, %d bots; want 1 each", h.Merges, h.Bulk, h.Bots)
	}
	if h.Note != "" || h.Window != "all" {
		t.Errorf("note %q, window %q", h.Note, h.Window)
	}

	// Groups: 0 billing, 1 catalog (the .mailmap is in neither).
	groups := func(p string) []int {
		switch {
		case strings.HasPrefix(p, "billing/"):
			return []int{0}
		case strings.HasPrefix(p, "catalog/"):
			return []int{1}
		}
		return nil
	}
	pairs, per := history.CoChange(h, 2, groups)
	if len(pairs) != 1 || pairs[0].Commits != 2 || per[0] != 4 || per[1] != 3 {
		t.Fatalf("co-change %+v, per group %v; want billing-catalog 2 commits, 4 and 3 per group", pairs, per)
	}
	p := pairs[0]
	if p.ConfAB != 0.5 || fmt.Sprintf("%.3f", p.ConfBA) != "0.667" {
		t.Errorf("confidence %v / %v, want 0.5 / 0.667", p.ConfAB, p.ConfBA)
	}
	if ex := h.Commits[p.Examples[0]].Subject; ex != "side: billing and catalog" || len(p.Examples) != 2 {
		t.Errorf("examples %v (newest %q)", p.Examples, ex)
	}
	// The side commit is 4 days older than HEAD, the other 7: both count
	// nearly fully with a 180-day half-life.
	if p.Weight <= 1.95 || p.Weight >= 2 {
		t.Errorf("decayed weight %v", p.Weight)
	}

	owners := history.Owners(h, 2, groups)
	var lines []string
	for g, os := range owners {
		for _, o := range os {
			lines = append(lines, fmt.Sprintf("%d %s %d %.3f", g, o.Author, o.Lines, o.Share))
		}
	}
	wantOwners := []string{
		// billing: Ann +2 and +1 (invoices), +1 -1 (main: billing, after the
		// bulk rewrite that is left out but changed the file): 5; Bob +1
		// (together) and +2 -1 (side): 4.
		"0 Ann 5 0.556", "0 Bob 4 0.444",
		// catalog: Bob +3 (tracks, as his old address), +1, +1 -1.
		"1 Bob 6 1.000",
	}
	if strings.Join(lines, "\n") != strings.Join(wantOwners, "\n") {
		t.Errorf("owners:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(wantOwners, "\n"))
	}
	if s := history.Spread(owners[0], 0.8); s != 2 {
		t.Errorf("billing's spread %d, want 2", s)
	}
	if s := history.Spread(owners[1], 0.8); s != 1 {
		t.Errorf("catalog's spread %d, want 1", s)
	}

	// A window of 5 days keeps the commits of the last 5 days before HEAD.
	h5, err := history.Read(context.Background(), r.dir, history.Options{MaxFiles: 3, Window: 5 * 24 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if len(h5.Commits) != 3 || h5.Window != "5d" {
		t.Errorf("5-day window: %d commits (%s), want 3", len(h5.Commits), h5.Window)
	}
}

// No history is a note, never a failure: outside a work tree, a shallow
// clone; a detached HEAD is read, and says so.
func TestNoHistory(t *testing.T) {
	r := fixture(t)
	if _, err := history.Read(context.Background(), t.TempDir(), history.Options{}); !errors.Is(err, history.ErrNoHistory) {
		t.Errorf("outside a work tree: %v", err)
	}
	shallow := filepath.Join(t.TempDir(), "shallow")
	r.git("", "clone", "-q", "--depth", "1", "file://"+r.dir, shallow)
	if _, err := history.Read(context.Background(), shallow, history.Options{}); !errors.Is(err, history.ErrNoHistory) || !strings.Contains(err.Error(), "shallow") {
		t.Errorf("shallow clone: %v", err)
	}
	r.git("", "checkout", "-q", "--detach", "HEAD~1")
	h, err := history.Read(context.Background(), r.dir, history.Options{MaxFiles: 3})
	if err != nil || !strings.HasPrefix(h.Note, "detached HEAD") || len(h.Commits) != 5 {
		t.Errorf("detached HEAD: %v, note %q", err, h.Note)
	}
	empty := newRepo(t)
	if _, err := history.Read(context.Background(), empty.dir, history.Options{}); !errors.Is(err, history.ErrNoHistory) {
		t.Errorf("no commit: %v", err)
	}
}

func TestParseWindow(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
		on   bool
		err  bool
	}{
		{"off", "", false, false}, {"all", "", true, false}, {"1y", "1y", true, false}, {"6m", "6m", true, false},
		{"90d", "3m", true, false}, {"10d", "10d", true, false}, {"8w", "8w", true, false}, {"0y", "", false, true}, {"1h", "", false, true}, {"", "", false, true},
	} {
		w, on, err := history.ParseWindow(tc.in)
		if (err != nil) != tc.err || on != tc.on || tc.want != "" && history.FormatWindow(w) != tc.want {
			t.Errorf("ParseWindow(%q) = %v, %v, %v", tc.in, w, on, err)
		}
	}
}

// A machine without git: no history, a note.
func TestNoGit(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if _, err := history.Read(context.Background(), t.TempDir(), history.Options{}); !errors.Is(err, history.ErrNoHistory) || !strings.Contains(err.Error(), "git is not on PATH") {
		t.Errorf("without git: %v", err)
	}
}
