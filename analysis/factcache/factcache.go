// Package factcache keeps the facts of a load and extraction on disk, keyed
// by everything they depend on, so that a second run on unchanged code skips
// parsing, type-checking, the call graph and every extractor.
//
// The key is built the way the go command keys its actions: the content of
// every source file outside GOROOT and the module cache (the module's own
// packages, replaced and vendored modules, go.mod, go.sum, go.work), the
// identity of everything else (import path, module version, the Go version),
// the build configuration (GOOS, GOARCH, GOFLAGS, tags, tests), the
// extraction options, and decomp's own executable. An entry carries a
// SHA-256 of its payload: a truncated or corrupted entry is detected, removed
// and recomputed. Entries are written to a temporary file and renamed into
// place, so concurrent runs never see half an entry.
//
// The cache also keeps the export data of every dependency (a
// load.ExportCache), so that a run after an edit, which misses the facts,
// type-checks the module's own packages only.
package factcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/load"
)

// EnvVar overrides the cache directory; "off" disables the cache.
const EnvVar = "DECOMP_CACHE"

// format changes whenever the entry layout or facts.Facts changes shape.
const format = "decomp-facts 5\n"

// exportFormat heads an entry of a dependency's export data.
const exportFormat = "decomp-export 2\n"

// trimAge is how long an unused entry is kept.
const trimAge = 5 * 24 * time.Hour

// Cache is a directory of fact entries.
type Cache struct {
	dir string
	// tool identifies the decomp binary; tests set it.
	tool string
}

// Key identifies one entry.
type Key string

// Open returns the cache in dir, creating it.
func Open(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, fmt.Errorf("fact cache: %w", err)
	}
	tool, err := toolID()
	if err != nil {
		return nil, fmt.Errorf("fact cache: %w", err)
	}
	return &Cache{dir: dir, tool: tool}, nil
}

// Default opens the cache $DECOMP_CACHE, else os.UserCacheDir()/decomp; it
// returns nil and no error when DECOMP_CACHE is "off".
func Default() (*Cache, error) {
	dir := os.Getenv(EnvVar)
	switch {
	case dir == "off":
		return nil, nil
	case dir == "":
		base, err := os.UserCacheDir()
		if err != nil {
			return nil, fmt.Errorf("fact cache: %w (set %s to a directory, or to off)", err, EnvVar)
		}
		dir = filepath.Join(base, "decomp")
	case !filepath.IsAbs(dir):
		return nil, fmt.Errorf("fact cache: %s=%q is not an absolute path", EnvVar, dir)
	}
	return Open(dir)
}

// Dir returns the cache directory.
func (c *Cache) Dir() string { return c.dir }

// toolID hashes the running executable: a rebuilt decomp never reads the
// entries of another build.
func toolID() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Key hashes the listed load's inputs with the extraction options (any
// text that changes what extraction produces). It reads the content of
// every file outside GOROOT and the module cache, so a second call on the
// same listing tells whether a file changed in between.
func (c *Cache) Key(l *load.Listing, extraction string) (Key, error) {
	cfg := l.Config()
	h := sha256.New()
	line := func(parts ...string) {
		io.WriteString(h, strings.Join(parts, "\x00"))
		io.WriteString(h, "\n")
	}
	line(format, c.tool, extraction)
	line("root", l.Root(), l.Module())
	line("patterns", strings.Join(l.Patterns(), " "))
	line("tags", strings.Join(cfg.Tags, ","), fmt.Sprint(cfg.Tests), fmt.Sprint(cfg.AllowDownload))
	line("env", l.Env)
	for _, name := range []string{"go.mod", "go.sum", "go.work", "go.work.sum", "vendor/modules.txt"} {
		sum, err := fileSum(filepath.Join(l.Root(), name))
		if err != nil {
			return "", err
		}
		line("file", name, sum)
	}
	modFiles := map[string]bool{}
	for _, p := range l.Packages() {
		mod := ""
		if p.Module != nil {
			mod = p.Module.Path + "@" + p.Module.Version + " go" + p.Module.GoVersion
			// A workspace module's go.mod (its go directive, its
			// replacements) changes how its code type-checks.
			if gm := p.Module.GoMod; gm != "" && !modFiles[gm] && !l.InModCache(gm) {
				modFiles[gm] = true
				sum, err := fileSum(gm)
				if err != nil {
					return "", err
				}
				line("gomod", gm, sum)
			}
		}
		var errText []string
		for _, e := range p.Errors {
			if e.Kind == packages.ListError { // the load adds parse and type errors
				errText = append(errText, e.Msg)
			}
		}
		line("pkg", p.ID, p.Dir, mod, strings.Join(errText, "\x01"))
		versioned := l.Versioned(p)
		for _, f := range load.Files(p) {
			sum := ""
			if !versioned {
				// The module's own files, and replaced or vendored
				// ones, change without a version: their content counts.
				var err error
				if sum, err = fileSum(f); err != nil {
					return "", err
				}
			}
			line("file", f, sum)
		}
	}
	return Key(hex.EncodeToString(h.Sum(nil))), nil
}

// fileSum hashes a file's content; a file that does not exist hashes to "".
func fileSum(name string) (string, error) {
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("fact cache: %w", err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]), nil
}

func (c *Cache) path(k Key) string {
	return filepath.Join(c.dir, "facts", string(k[:2]), string(k)+"-f")
}

// exportPath names a dependency's export data; the key is hashed with the
// executable's identity, as fact keys are.
func (c *Cache) exportPath(key string) string {
	sum := sha256.Sum256([]byte(c.tool + "\x00" + key))
	h := hex.EncodeToString(sum[:])
	return filepath.Join(c.dir, "exports", h[:2], h+"-e")
}

// Get returns the facts stored under k, or false. An entry that does not
// verify is removed, so the next Put replaces it.
func (c *Cache) Get(k Key) (*facts.Facts, bool) {
	name := c.path(k)
	payload, ok := readEntry(name, format, string(k))
	if !ok {
		return nil, false
	}
	var f facts.Facts
	if err := gob.NewDecoder(bytes.NewReader(payload)).Decode(&f); err != nil {
		os.Remove(name)
		return nil, false
	}
	return &f, true
}

// Put stores f under k: written to a temporary file, then renamed into
// place.
func (c *Cache) Put(k Key, f *facts.Facts) error {
	var payload bytes.Buffer
	if err := gob.NewEncoder(&payload).Encode(f); err != nil {
		return fmt.Errorf("fact cache: %w", err)
	}
	if err := writeEntry(c.path(k), format, string(k), payload.Bytes()); err != nil {
		return err
	}
	c.trim()
	return nil
}

// GetExport returns a dependency's export data (see load.ExportCache).
func (c *Cache) GetExport(key string) ([]byte, bool) {
	return readEntry(c.exportPath(key), exportFormat, c.tool+"\x00"+key)
}

// PutExport stores a dependency's export data. A cache that cannot be
// written costs the next run its speed, not this run its result.
func (c *Cache) PutExport(key string, data []byte) {
	_ = writeEntry(c.exportPath(key), exportFormat, c.tool+"\x00"+key, data)
}

// GetBlob returns other derived data kept under key (such as the git
// history read at one HEAD), verified as export data is.
func (c *Cache) GetBlob(key string) ([]byte, bool) { return c.GetExport("blob\x00" + key) }

// PutBlob keeps data under key; a failure costs the next run its speed.
func (c *Cache) PutBlob(key string, data []byte) { c.PutExport("blob\x00"+key, data) }

// entrySum is the checksum of an entry: of its key and payload, so an
// entry copied or renamed under another key does not verify.
func entrySum(key string, payload []byte) [sha256.Size]byte {
	h := sha256.New()
	h.Write([]byte(key))
	h.Write([]byte{0})
	h.Write(payload)
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// readEntry returns an entry's payload once its header and checksum
// verify for key; an entry that does not is removed.
func readEntry(name, header, key string) ([]byte, bool) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, false
	}
	if !bytes.HasPrefix(data, []byte(header)) || len(data) < len(header)+sha256.Size {
		os.Remove(name)
		return nil, false
	}
	data = data[len(header):]
	sum, payload := data[:sha256.Size], data[sha256.Size:]
	if got := entrySum(key, payload); !bytes.Equal(got[:], sum) {
		os.Remove(name)
		return nil, false
	}
	now := time.Now()
	os.Chtimes(name, now, now) // used: kept by trim
	return payload, true
}

// writeEntry writes header, checksum and payload to a temporary file and
// renames it into place, so a concurrent reader sees all of it or nothing.
func writeEntry(name, header, key string, payload []byte) error {
	sum := entrySum(key, payload)
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		return fmt.Errorf("fact cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return fmt.Errorf("fact cache: %w", err)
	}
	_, err = tmp.WriteString(header)
	if err == nil {
		_, err = tmp.Write(sum[:])
	}
	if err == nil {
		_, err = tmp.Write(payload)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("fact cache: %w", err)
	}
	return nil
}

// trim removes entries unused for trimAge, at most once a day (the time of
// the last trim is the mtime of a marker file).
func (c *Cache) trim() {
	marker := filepath.Join(c.dir, "trim.txt")
	if st, err := os.Stat(marker); err == nil && time.Since(st.ModTime()) < 24*time.Hour {
		return
	}
	os.WriteFile(marker, []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o666)
	cutoff := time.Now().Add(-trimAge)
	var old []string
	for _, sub := range []string{"facts", "exports"} {
		filepath.WalkDir(filepath.Join(c.dir, sub), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil && info.ModTime().Before(cutoff) {
				old = append(old, path)
			}
			return nil
		})
	}
	sort.Strings(old)
	for _, p := range old {
		os.Remove(p)
	}
}
