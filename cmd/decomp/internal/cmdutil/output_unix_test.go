//go:build unix

package cmdutil

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestOutputTargets: -o renames a temporary file only onto a regular file
// or a missing path, keeping the old file's permissions and any symbolic
// link on the way; a device, a FIFO or a link it cannot resolve is written
// in place; a directory is refused.
func TestOutputTargets(t *testing.T) {
	write := func(t *testing.T, path string) error {
		t.Helper()
		o, err := OpenOutput(&IOStreams{}, path)
		if err != nil {
			return err
		}
		fmt.Fprint(o.Writer(), "report")
		return o.Commit()
	}
	t.Run("regular file keeps its mode", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "r.json")
		os.WriteFile(p, []byte("old"), 0o600)
		if err := write(t, p); err != nil {
			t.Fatal(err)
		}
		fi, _ := os.Stat(p)
		if b, _ := os.ReadFile(p); string(b) != "report" || fi.Mode().Perm() != 0o600 {
			t.Errorf("%q, mode %v; want the report, mode 0600", b, fi.Mode().Perm())
		}
	})
	t.Run("missing file", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "new.json")
		if err := write(t, p); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o644 {
			t.Errorf("new file: %v %v", fi, err)
		}
	})
	t.Run("symlink to a file stays a symlink", func(t *testing.T) {
		dir := t.TempDir()
		real, link := filepath.Join(dir, "real.json"), filepath.Join(dir, "link.json")
		os.WriteFile(real, []byte("old"), 0o640)
		if err := os.Symlink("real.json", link); err != nil {
			t.Fatal(err)
		}
		if err := write(t, link); err != nil {
			t.Fatal(err)
		}
		fi, _ := os.Lstat(link)
		if fi.Mode()&fs.ModeSymlink == 0 {
			t.Error("the link was replaced by a file")
		}
		rfi, _ := os.Stat(real)
		if b, _ := os.ReadFile(real); string(b) != "report" || rfi.Mode().Perm() != 0o640 {
			t.Errorf("target %q, mode %v", b, rfi.Mode().Perm())
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 2 {
			t.Errorf("files left: %v", entries)
		}
	})
	t.Run("dangling symlink", func(t *testing.T) {
		dir := t.TempDir()
		link := filepath.Join(dir, "link.json")
		os.Symlink("made.json", link)
		if err := write(t, link); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(filepath.Join(dir, "made.json")); string(b) != "report" {
			t.Errorf("through the link: %q", b)
		}
	})
	t.Run("dev null stays a device", func(t *testing.T) {
		if err := write(t, os.DevNull); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
			t.Errorf("%s is now %v", os.DevNull, fi.Mode())
		}
	})
	t.Run("fifo", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "pipe")
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Skip("no FIFO here:", err)
		}
		got := make(chan string, 1)
		go func() {
			f, err := os.Open(p)
			if err != nil {
				got <- err.Error()
				return
			}
			defer f.Close()
			b, _ := io.ReadAll(f)
			got <- string(b)
		}()
		if err := write(t, p); err != nil {
			t.Fatal(err)
		}
		if s := <-got; s != "report" {
			t.Errorf("read from the FIFO: %q", s)
		}
		if fi, _ := os.Lstat(p); fi.Mode()&fs.ModeNamedPipe == 0 {
			t.Errorf("the FIFO is now %v", fi.Mode())
		}
	})
	t.Run("directory", func(t *testing.T) {
		if err := write(t, t.TempDir()); err == nil {
			t.Error("a directory was accepted")
		}
	})
}
