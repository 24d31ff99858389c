package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/decomp/decomp/internal/testfs"
)

// gitIn runs git in dir as author, at date, with its own configuration.
func gitIn(t *testing.T, dir, author string, date time.Time, args ...string) {
	t.Helper()
	name, email, _ := strings.Cut(author, " <")
	email = strings.TrimSuffix(email, ">")
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	d := date.Format(time.RFC3339)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "GIT_AUTHOR_NAME="+name, "GIT_AUTHOR_EMAIL="+email,
		"GIT_COMMITTER_NAME="+name, "GIT_COMMITTER_EMAIL="+email, "GIT_AUTHOR_DATE="+d, "GIT_COMMITTER_DATE="+d)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// analyze reads the history of a git work tree: the contexts changed in the
// same commits, their owners; without git history it says so in one line.
func TestHistory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := testfs.Copy(t, filepath.Join("..", "..", "testdata", "shopdomains"))
	code, out, stderr := run(t, "analyze", "-C", dir)
	if code != 0 || !strings.Contains(out, "History: none (no history: not a git work tree)") {
		t.Errorf("outside git: exit %d, %s\n%s", code, stderr, out)
	}
	when := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	ann, bob := "Ann <ann@example.com>", "Bob <bob@example.com>"
	gitIn(t, dir, ann, when, "init", "-q", "-b", "main")
	gitIn(t, dir, ann, when, "add", ".")
	gitIn(t, dir, ann, when, "commit", "-q", "-m", "import")
	edit := func(author, msg string, files ...string) {
		when = when.Add(24 * time.Hour)
		for _, f := range files {
			p := filepath.Join(dir, f)
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, append(data, []byte("\n// "+msg+"\n")...), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		gitIn(t, dir, author, when, "commit", "-q", "-a", "-m", msg)
	}
	for _, msg := range []string{"ship orders faster", "order status for carriers", "split shipments"} {
		edit(bob, msg, "internal/orders/service.go", "internal/shipping/shipping.go")
	}
	edit(ann, "catalog: prices", "internal/catalog/catalog.go")

	code, out, stderr = run(t, "analyze", "-C", dir, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r struct {
		History struct {
			Note     string `json:"note"`
			Window   string `json:"window"`
			Commits  int    `json:"commits"`
			Authors  int    `json:"authors"`
			Together []struct {
				A, B     string
				Commits  int
				Examples []struct{ Subject string }
			} `json:"together"`
			Owners []struct {
				Context string
				Spread  int
				Top     []struct{ Author string }
			} `json:"owners"`
			UnitOwners []struct {
				Unit    string
				Commits int
				Top     []struct{ Author string }
			} `json:"unitOwners"`
		} `json:"history"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	h := r.History
	if h.Window != "1y" || h.Commits != 5 || h.Authors != 2 || h.Note != "" {
		t.Errorf("history: window %q, %d commits by %d authors, note %q; want 1y, 5 by 2", h.Window, h.Commits, h.Authors, h.Note)
	}
	// orders and shipping: the import and Bob's three; every other pair
	// only the import, below the three-commit floor.
	if len(h.Together) != 1 || h.Together[0].A+"+"+h.Together[0].B != "orders+shipping" || h.Together[0].Commits != 4 ||
		h.Together[0].Examples[0].Subject != "split shipments" {
		t.Errorf("together: %+v", h.Together)
	}
	owners := map[string]string{}
	for _, o := range h.Owners {
		owners[o.Context] = o.Top[0].Author
	}
	if owners["catalog"] != "Ann" || owners["orders"] != "Ann" || len(owners) < 5 {
		t.Errorf("owners: %v", owners)
	}
	// Units: the orders service was changed in the import and Bob's three.
	found := false
	for _, u := range h.UnitOwners {
		if strings.HasSuffix(u.Unit, "internal/orders") || strings.Contains(u.Unit, "orders.") && strings.Contains(u.Unit, "Service") {
			found = found || u.Commits == 4
		}
	}
	if !found {
		t.Errorf("no unit of the orders service with 4 commits: %+v", h.UnitOwners)
	}
	code, out, _ = run(t, "analyze", "-C", dir)
	if code != 0 || !strings.Contains(out, "History (git, 1y up to ") || !strings.Contains(out, "orders         + shipping          4 commits") {
		t.Errorf("text report:\n%s", out)
	}
	if code, out, _ = run(t, "analyze", "-C", dir, "--history", "off"); code != 0 || strings.Contains(out, "History") {
		t.Errorf("--history off still reads history")
	}
	if code, _, stderr = run(t, "analyze", "-C", dir, "--history", "forever"); code != 2 || !strings.Contains(stderr, "want off, all") {
		t.Errorf("--history forever: exit %d, %s", code, stderr)
	}
	// A shallow clone: a note, the same contexts.
	shallow := filepath.Join(t.TempDir(), "shallow")
	gitIn(t, dir, ann, when, "clone", "-q", "--depth", "1", "file://"+dir, shallow)
	if code, out, _ = run(t, "analyze", "-C", shallow); code != 0 || !strings.Contains(out, "History: none (no history: a shallow clone") {
		t.Errorf("shallow clone: exit %d\n%s", code, out)
	}
}
