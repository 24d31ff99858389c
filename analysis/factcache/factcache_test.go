package factcache

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/load"
)

func module(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.com/m\n\ngo 1.22\n")
	write(t, filepath.Join(dir, "a", "a.go"), "package a\n\nfunc A() int { return 1 }\n")
	write(t, filepath.Join(dir, "b", "b.go"), "package b\n\nimport \"example.com/m/a\"\n\nfunc B() int { return a.A() }\n")
	return dir
}

func write(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func open(t *testing.T) *Cache {
	t.Helper()
	c, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func sample() *facts.Facts {
	return &facts.Facts{
		Module:   "example.com/m",
		Packages: []facts.Package{{Path: "example.com/m/a", Name: "a", Dir: "a"}},
		Funcs:    []facts.Func{{ID: "example.com/m/a.A", Pkg: "example.com/m/a", Name: "A", Pos: "a/a.go:3", Lines: 1}},
		Calls:    []facts.Call{{Caller: "example.com/m/b.B", Callee: "example.com/m/a.A", Kind: facts.CallStatic, Pos: "b/b.go:5"}},
		Warnings: []facts.Warning{{Message: "example"}},
	}
}

func TestKey(t *testing.T) {
	ctx := context.Background()
	dir := module(t)
	c := open(t)
	key := func(cfg load.Config, extraction string) Key {
		t.Helper()
		l, err := load.List(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		k, err := c.Key(l, extraction)
		if err != nil {
			t.Fatal(err)
		}
		patterns := l.Patterns()
		if !reflect.DeepEqual(patterns, []string{"./..."}) && len(cfg.Patterns) == 0 {
			t.Errorf("patterns = %q, want the default ./...", patterns)
		}
		return k
	}
	cfg := load.Config{Dir: dir}
	k1 := key(cfg, "x")
	if k2 := key(cfg, "x"); k2 != k1 {
		t.Fatal("same inputs, different keys")
	}
	changed := map[string]Key{}
	changed["extraction"] = key(cfg, "y")
	changed["tags"] = key(load.Config{Dir: dir, Tags: []string{"integration"}}, "x")
	changed["tests"] = key(load.Config{Dir: dir, Tests: true}, "x")
	changed["patterns"] = key(load.Config{Dir: dir, Patterns: []string{"./a"}}, "x")
	write(t, filepath.Join(dir, "a", "a.go"), "package a\n\nfunc A() int { return 2 }\n")
	changed["a file's content"] = key(cfg, "x")
	write(t, filepath.Join(dir, "a", "a2.go"), "package a\n")
	changed["a new file"] = key(cfg, "x")
	write(t, filepath.Join(dir, "go.mod"), "module example.com/m\n\ngo 1.23\n")
	changed["go.mod"] = key(cfg, "x")
	seen := map[Key]string{k1: "original"}
	for what, k := range changed {
		if prev, ok := seen[k]; ok {
			t.Errorf("changing %s gives the key of %s", what, prev)
		}
		seen[k] = what
	}
}

func TestGetPut(t *testing.T) {
	c := open(t)
	const k = Key("0123456789abcdef")
	if _, ok := c.Get(k); ok {
		t.Fatal("hit in an empty cache")
	}
	want := sample()
	if err := c.Put(k, want); err != nil {
		t.Fatal(err)
	}
	got, ok := c.Get(k)
	if !ok || !reflect.DeepEqual(got, want) {
		t.Fatalf("Get = %+v, %v; want %+v", got, ok, want)
	}
}

// TestExports: a dependency's export data is returned exactly as stored,
// only to the build that stored it, and a damaged entry is a miss that is
// removed.
func TestExports(t *testing.T) {
	c := open(t)
	const k = "example.com/dep key"
	if _, ok := c.GetExport(k); ok {
		t.Fatal("hit in an empty cache")
	}
	want := []byte("i export data")
	c.PutExport(k, want)
	if got, ok := c.GetExport(k); !ok || string(got) != string(want) {
		t.Fatalf("GetExport = %q, %v; want %q", got, ok, want)
	}
	other := &Cache{dir: c.dir, tool: "another build"}
	if _, ok := other.GetExport(k); ok {
		t.Error("another build of decomp read this build's export data")
	}
	name := c.exportPath(k)
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-1] ^= 0xff
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, ok := c.GetExport(k); ok {
		t.Fatalf("damaged export data read back: %q", got)
	}
	if _, err := os.Stat(name); !os.IsNotExist(err) {
		t.Errorf("damaged entry left in place (%v)", err)
	}
}

// TestCorruptEntries: an entry that was truncated, altered or written by
// something else is a miss, and is removed.
func TestCorruptEntries(t *testing.T) {
	for name, damage := range map[string]func([]byte) []byte{
		"truncated":    func(b []byte) []byte { return b[:len(b)/2] },
		"flipped byte": func(b []byte) []byte { b[len(b)-3] ^= 0xff; return b },
		"empty":        func([]byte) []byte { return nil },
		"other format": func(b []byte) []byte { return append([]byte("decomp-facts 0\n"), b[len(format):]...) },
		"bad payload": func([]byte) []byte {
			// A payload that matches its checksum but is no gob.
			junk := []byte("not a gob stream")
			sum := sha256.Sum256(junk)
			return append(append([]byte(format), sum[:]...), junk...)
		},
	} {
		t.Run(name, func(t *testing.T) {
			c := open(t)
			const k = Key("00ff")
			if err := c.Put(k, sample()); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(c.path(k))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(c.path(k), damage(data), 0o644); err != nil {
				t.Fatal(err)
			}
			if f, ok := c.Get(k); ok {
				t.Fatalf("damaged entry read back: %+v", f)
			}
			if _, err := os.Stat(c.path(k)); !os.IsNotExist(err) {
				t.Errorf("damaged entry left in place (%v)", err)
			}
			if err := c.Put(k, sample()); err != nil {
				t.Fatal(err)
			}
			if _, ok := c.Get(k); !ok {
				t.Error("recomputed entry not read back")
			}
		})
	}
}

// TestConcurrentPut: writers racing on one key leave one whole entry and no
// temporary files.
func TestConcurrentPut(t *testing.T) {
	c := open(t)
	const k = Key("abcd")
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := c.Put(k, sample()); err != nil {
				t.Error(err)
			}
			c.Get(k)
		}()
	}
	wg.Wait()
	if got, ok := c.Get(k); !ok || !reflect.DeepEqual(got, sample()) {
		t.Fatalf("after concurrent writes: %+v, %v", got, ok)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(c.path(k)), ".tmp-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %q", left)
	}
}

func TestDefault(t *testing.T) {
	t.Setenv(EnvVar, "off")
	if c, err := Default(); c != nil || err != nil {
		t.Errorf("off: %v, %v", c, err)
	}
	t.Setenv(EnvVar, "relative/dir")
	if _, err := Default(); err == nil {
		t.Error("a relative DECOMP_CACHE should be refused")
	}
	dir := filepath.Join(t.TempDir(), "c")
	t.Setenv(EnvVar, dir)
	c, err := Default()
	if err != nil || c.Dir() != dir {
		t.Fatalf("Default = %v, %v", c, err)
	}
}

// TestKeyWorkspaceModule: a workspace member's go.mod is part of the key.
func TestKeyWorkspaceModule(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.work"), "go 1.22\n\nuse ./svc\n")
	write(t, filepath.Join(dir, "svc", "go.mod"), "module example.com/svc\n\ngo 1.21\n")
	write(t, filepath.Join(dir, "svc", "svc.go"), "package svc\n\nfunc F() {}\n")
	c := open(t)
	cfg := load.Config{Dir: dir}
	key := func() Key {
		t.Helper()
		l, err := load.List(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		k, err := c.Key(l, "x")
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	k1 := key()
	write(t, filepath.Join(dir, "svc", "go.mod"), "module example.com/svc\n\ngo 1.22\n")
	k2 := key()
	if k1 == k2 {
		t.Error("changing a workspace module's go.mod kept the key")
	}
}

// TestEntryUnderAnotherKey: an entry copied to another key's file (another
// module's facts) does not verify: a miss, and the file is removed.
func TestEntryUnderAnotherKey(t *testing.T) {
	c := open(t)
	const k, other = Key("0123456789abcdef"), Key("fedcba9876543210")
	if err := c.Put(k, sample()); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(c.path(k))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(c.path(other)), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(c.path(other), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get(other); ok {
		t.Error("an entry copied under another key was served")
	}
	if _, err := os.Stat(c.path(other)); !os.IsNotExist(err) {
		t.Error("the copied entry was kept")
	}
	if _, ok := c.Get(k); !ok {
		t.Error("the original entry no longer verifies")
	}
}
