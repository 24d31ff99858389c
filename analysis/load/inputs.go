package load

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Inputs is what a load depends on, as the go command lists it without
// parsing or type-checking anything: a cache key's raw material.
type Inputs struct {
	// Root is the module (or workspace) directory; Module its path.
	Root, Module string
	// Patterns are the patterns with their defaults filled in.
	Patterns []string
	// Env is `go env GOVERSION GOOS GOARCH GOFLAGS GOEXPERIMENT GOROOT`
	// as the load sees it, one value per line.
	Env string
	// GoRoot and ModCache are the directories whose files are identified
	// by version, not by content.
	GoRoot, ModCache string
	// Packages are every package the load reads, dependencies included, in
	// the go command's order.
	Packages []ListedPackage
}

// ListedPackage is one package as `go list -deps -json` describes it.
type ListedPackage struct {
	ImportPath string
	Dir        string
	Standard   bool
	Module     *struct {
		Path, Version, Dir, GoMod, GoVersion string
		Main                                 bool
	}
	GoFiles, CgoFiles, IgnoredGoFiles, TestGoFiles, XTestGoFiles []string
	Error                                                        *struct{ Err string }
}

// Files returns the package's source files, absolute, in listing order.
func (p ListedPackage) Files() []string {
	var out []string
	for _, list := range [][]string{p.GoFiles, p.CgoFiles, p.IgnoredGoFiles, p.TestGoFiles, p.XTestGoFiles} {
		for _, f := range list {
			out = append(out, filepath.Join(p.Dir, f))
		}
	}
	return out
}

// ListInputs lists what Load(ctx, cfg) would read, in a fraction of its
// time: the go command's environment and module (as Load finds them), then
// one `go list -deps` with the fields a cache key needs.
func ListInputs(ctx context.Context, cfg Config) (*Inputs, error) {
	st, err := prepare(ctx, cfg)
	if err != nil {
		return nil, err
	}
	env, err := goCmd(ctx, st.abs, st.env, "env", "GOVERSION", "GOOS", "GOARCH", "GOFLAGS", "GOEXPERIMENT", "GOROOT")
	if err != nil {
		return nil, err
	}
	args := []string{"list", "-e", "-deps", "-json=ImportPath,Dir,Standard,Module,GoFiles,CgoFiles,IgnoredGoFiles,TestGoFiles,XTestGoFiles,Error"}
	if cfg.Tests {
		args = append(args, "-test")
	}
	args = append(append(args, st.buildFlags...), "--")
	args = append(args, st.patterns...)
	out, err := goCmd(ctx, st.abs, st.env, args...)
	if err != nil {
		return nil, err
	}
	in := &Inputs{Root: st.root.dir, Module: st.root.module, Patterns: st.patterns, Env: env, GoRoot: st.root.goroot, ModCache: st.root.modcache}
	dec := json.NewDecoder(strings.NewReader(out))
	for {
		var p ListedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("go list in %s: reading its output: %w", st.abs, err)
		}
		in.Packages = append(in.Packages, p)
	}
	return in, nil
}
