package udiff

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestUnified(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
	new := "a\nb\nC\nd\ne\nf\ng\nh\ni\nj\nk\n"
	want := `--- a/x.go
+++ b/x.go
@@ -1,6 +1,6 @@
 a
 b
-c
+C
 d
 e
 f
@@ -8,3 +8,4 @@
 h
 i
 j
+k
`
	if got := string(Unified("x.go", []byte(old), []byte(new), false, false)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if Unified("x.go", []byte(old), []byte(old), false, false) != nil {
		t.Error("equal texts gave a diff")
	}
	created := string(Unified("n.go", nil, []byte("x\n"), true, false))
	if created != "--- /dev/null\n+++ b/n.go\n@@ -0,0 +1 @@\n+x\n" {
		t.Errorf("creation:\n%s", created)
	}
}

// Random edits round-trip through Apply, and through git apply when git
// is there.
func TestRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	git, _ := exec.LookPath("git")
	for n := 0; n < 200; n++ {
		var a []string
		for i := 0; i < r.IntN(40); i++ {
			a = append(a, string(rune('a'+r.IntN(5)))+"\n")
		}
		b := append([]string(nil), a...)
		for e := 0; e < r.IntN(6); e++ {
			switch i := r.IntN(len(b) + 1); r.IntN(3) {
			case 0:
				b = append(b[:i], append([]string{"new\n"}, b[i:]...)...)
			case 1:
				if i < len(b) {
					b = append(b[:i], b[i+1:]...)
				}
			case 2:
				if i < len(b) {
					b[i] = "changed\n"
				}
			}
		}
		old, new := strings.Join(a, ""), strings.Join(b, "")
		if r.IntN(4) == 0 && new != "" {
			new = strings.TrimSuffix(new, "\n") // no newline at the end
		}
		p := Unified("f.txt", []byte(old), []byte(new), false, false)
		got, err := Apply([]byte(old), p)
		if err != nil || string(got) != new {
			t.Fatalf("case %d: %v\nold %q\nnew %q\ngot %q\npatch:\n%s", n, err, old, new, got, p)
		}
		if git != "" && n%20 == 0 && p != nil {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "f.txt"), []byte(old), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "p.diff"), p, 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(git, "apply", "p.diff")
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("git apply: %v\n%s\npatch:\n%s", err, out, p)
			}
			if got, _ := os.ReadFile(filepath.Join(dir, "f.txt")); string(got) != new {
				t.Fatalf("git apply gave %q, want %q", got, new)
			}
		}
	}
}

func TestEmpty(t *testing.T) {
	if got := string(Unified("e", nil, nil, true, false)); got != "--- /dev/null\n+++ b/e\n" {
		t.Errorf("creating an empty file: %q", got)
	}
}
