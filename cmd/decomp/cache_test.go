package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/decomp/decomp/internal/testfs"
)

// TestFactCacheIdentical: a run that reads its facts from the cache prints
// exactly what a run without the cache prints, for analyze, plan and check.
func TestFactCacheIdentical(t *testing.T) {
	sample := filepath.Join("..", "..", "testdata", "musicstream")
	t.Setenv("DECOMP_CACHE", t.TempDir())
	for _, args := range [][]string{
		{"analyze", "--format", "json"},
		{"analyze", "--format", "md"},
		{"plan"},
		{"check", "--format", "json"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			base := append(args[:len(args):len(args)], "-C", sample)
			code, want, _ := run(t, append(base, "--no-cache")...)
			_, cold, _ := run(t, base...)
			code2, warm, stderr := run(t, append(base, "-v")...)
			if !strings.Contains(stderr, "load and extract (cached)") {
				t.Errorf("the second run did not read the cache: %s", stderr)
			}
			if code2 != code || cold != want || warm != want {
				t.Errorf("outputs differ with the cache: exit %d/%d, cold same %v, warm same %v", code, code2, cold == want, warm == want)
			}
		})
	}
}

// TestFactCacheAfterEdit: after one file changes, the facts are
// recomputed, the dependencies come from the cache as export data, and the
// output is what a run without the cache prints.
func TestFactCacheAfterEdit(t *testing.T) {
	dir := testfs.Copy(t, filepath.Join("..", "..", "testdata", "musicstream"))
	t.Setenv("DECOMP_CACHE", t.TempDir())
	args := []string{"analyze", "--format", "json", "-C", dir}
	if code, _, stderr := run(t, args...); code != 0 {
		t.Fatalf("first run: exit %d: %s", code, stderr)
	}
	name := filepath.Join(dir, "internal", "services", "billing_service.go")
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), "\nfunc ", "\n// An edit moves every line below down by one.\n\nfunc ", 1)
	if edited == string(src) {
		t.Fatal("the edit changed nothing")
	}
	if err := os.WriteFile(name, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	_, want, _ := run(t, append(args, "--no-cache")...)
	code, got, stderr := run(t, append(args, "-v")...)
	if strings.Contains(stderr, "load and extract (cached)") {
		t.Fatal("facts of the old content were served")
	}
	m := regexp.MustCompile(`load \((\d+) of (\d+) dependencies cached\)`).FindStringSubmatch(stderr)
	if m == nil || m[1] != m[2] || m[1] == "0" {
		t.Errorf("want every dependency from the cache, got %q in: %s", m, stderr)
	}
	if code != 0 || got != want {
		t.Errorf("output after the edit differs from a run without the cache (exit %d)", code)
	}
}
