package load

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// listMode asks the go command for the package graph only: no -compiled
// and no -export, so listing builds nothing and costs a third of a listing
// that does (decomp type-checks the files itself; with CGO_ENABLED=0 the
// compiled files are the Go files).
const listMode = packages.NeedName | packages.NeedFiles | packages.NeedImports |
	packages.NeedDeps | packages.NeedModule

// Listing is a module's package graph as the go command lists it, before any
// file is read: what a cache key is made of, and what Load type-checks.
type Listing struct {
	cfg Config
	st  *setup
	// Env is `go env GOVERSION GOOS GOARCH GOFLAGS GOEXPERIMENT GOROOT` as
	// the load sees it, one value per line.
	Env string
	// roots are the packages the patterns matched, test mains left out.
	roots []*packages.Package
	// listErrs are the go command's errors for matched packages it could
	// not load at all.
	listErrs []string
}

// List runs the go command once to list the packages cfg describes and
// everything they import. It fails with an InputError when the directory is
// not a module or the patterns match nothing.
func List(ctx context.Context, cfg Config) (*Listing, error) {
	st, err := prepare(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if st.root.scratch != "" {
		// Every go command of a run is behind this point.
		defer os.RemoveAll(st.root.scratch)
	}
	pcfg := &packages.Config{
		Context:    ctx,
		Mode:       listMode,
		Dir:        st.abs,
		Env:        st.env,
		BuildFlags: st.buildFlags,
		Tests:      cfg.Tests,
	}
	pkgs, err := packages.Load(pcfg, st.patterns...)
	if err != nil {
		return nil, inputErrorf("load %s: %s", strings.Join(st.patterns, " "), goError(err))
	}
	l := &Listing{cfg: cfg, st: st, Env: st.root.env}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		// With CGO_ENABLED=0 the go command compiles exactly the Go files.
		p.CompiledGoFiles = p.GoFiles
	})
	module := 0
	for _, p := range pkgs {
		if strings.HasSuffix(p.ID, ".test") {
			continue // synthesized test main
		}
		l.roots = append(l.roots, p)
		if p.Module != nil && p.Module.Main {
			module++
		} else if len(p.Errors) > 0 && len(p.GoFiles) == 0 {
			l.listErrs = append(l.listErrs, oneLine(p.Errors[0].Msg))
		}
	}
	sort.Strings(l.listErrs)
	if module == 0 {
		if len(l.listErrs) > 0 {
			return nil, inputErrorf("%s", l.listErrs[0])
		}
		return nil, inputErrorf("no packages matched %s in %s", strings.Join(st.patterns, " "), st.dir)
	}
	return l, nil
}

// Root is the module (or workspace) directory.
func (l *Listing) Root() string { return l.st.root.dir }

// Module is the main module path.
func (l *Listing) Module() string { return l.st.root.module }

// Patterns are the patterns listed, defaults filled in.
func (l *Listing) Patterns() []string { return l.st.patterns }

// Config is the configuration the listing was made with.
func (l *Listing) Config() Config { return l.cfg }

// InModCache reports whether a path lies in GOMODCACHE, whose files are
// identified by module version.
func (l *Listing) InModCache(path string) bool { return within(path, l.st.root.modcache) }

// Packages returns every listed package, dependencies included, sorted by
// ID (a test variant has an ID of its own).
func (l *Listing) Packages() []*packages.Package {
	var out []*packages.Package
	packages.Visit(l.roots, nil, func(p *packages.Package) {
		if !strings.HasSuffix(p.ID, ".test") {
			out = append(out, p)
		}
	})
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Versioned reports whether a package's files are identified by a version
// (the standard library, the module cache) rather than by their content.
func (l *Listing) Versioned(p *packages.Package) bool {
	dir := p.Dir
	if dir == "" && len(p.GoFiles) > 0 {
		dir = filepath.Dir(p.GoFiles[0])
	}
	return (p.Module == nil && within(dir, l.st.root.goroot)) || within(dir, l.st.root.modcache)
}

// Files returns a package's files as listed, absolute: its Go files, and
// those the build leaves out or does not compile as Go (a change to them can
// change what is left out).
func Files(p *packages.Package) []string {
	var out []string
	out = append(out, p.GoFiles...)
	out = append(out, p.OtherFiles...)
	out = append(out, p.IgnoredFiles...)
	return out
}

func within(dir, root string) bool {
	return root != "" && (dir == root || strings.HasPrefix(dir, root+string(filepath.Separator)))
}
