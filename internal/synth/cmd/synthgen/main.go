// Command synthgen writes a synthetic Go monolith for benchmarking decomp:
//
//	synthgen -o /tmp/synth -packages 1000 -seed 1
//
// It prints the number of packages, files and lines written.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/decomp/decomp/internal/synth"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "synthgen:", err)
		os.Exit(2)
	}
}

func run(args []string) error {
	fl := flag.NewFlagSet("synthgen", flag.ContinueOnError)
	out := fl.String("o", "", "output directory (must be missing or empty, see -force)")
	n := fl.Int("packages", 1000, "number of packages")
	domains := fl.Int("domains", 0, "number of domains (0: packages/25)")
	seed := fl.Uint64("seed", 1, "random seed")
	layout := fl.String("layout", "mixed", "layout: mixed, layered or domains")
	cross := fl.Float64("cross", 0, "share of cross-domain import edges (0: 0.10, negative: none)")
	force := fl.Bool("force", false, "replace the output directory if it holds an earlier synthgen module")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *out == "" || fl.NArg() > 0 {
		fl.Usage()
		return errors.New("-o DIR is required and no arguments are accepted")
	}
	l, err := synth.ParseLayout(*layout)
	if err != nil {
		return err
	}
	opt := synth.Options{Packages: *n, Domains: *domains, Seed: *seed, Layout: l, CrossDomain: *cross}
	if *force {
		if err := removeEarlierOutput(*out); err != nil {
			return err
		}
	}
	if err := synth.Generate(*out, opt); err != nil {
		return err
	}
	files, lines, err := count(*out)
	if err != nil {
		return err
	}
	fmt.Printf("wrote %d packages, %d Go files, %d lines to %s\n", *n, files, lines, *out)
	return nil
}

// removeEarlierOutput deletes dir only if it looks like synthgen output (a
// go.mod for example.com/synth next to a truth.yaml), so -force cannot wipe
// an unrelated directory.
func removeEarlierOutput(dir string) error {
	mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if errors.Is(err, os.ErrNotExist) {
		if entries, rerr := os.ReadDir(dir); rerr == nil && len(entries) > 0 {
			return fmt.Errorf("-force: %s has no go.mod; refusing to delete it", dir)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("-force: %w", err)
	}
	if !bytes.HasPrefix(mod, []byte("module example.com/synth\n")) {
		return fmt.Errorf("-force: %s is not synthgen output; refusing to delete it", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, "truth.yaml")); err != nil {
		return fmt.Errorf("-force: %s is not synthgen output: %w", dir, err)
	}
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("-force: %w", err)
	}
	return nil
}

func count(dir string) (files, lines int, err error) {
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			lines++
		}
		files++
		return sc.Err()
	})
	if err != nil {
		return 0, 0, fmt.Errorf("count lines: %w", err)
	}
	return files, lines, nil
}
