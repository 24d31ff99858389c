// Package testfs copies fixture trees for tests that edit them, and writes
// generated ones.
package testfs

import (
	"os"
	"path/filepath"
	"testing"
)

// Copy copies the tree at src into a fresh temporary directory and returns
// its path; the directory is removed when the test ends.
func Copy(t testing.TB, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(dst, filepath.Dir(rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// Write writes files (slash-separated path relative to the tree → content)
// into a fresh temporary directory and returns its path; the directory is
// removed when the test ends.
func Write(t testing.TB, files map[string]string) string {
	t.Helper()
	dst := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dst, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}
