// Package synth writes synthetic Go monoliths of any size with a known
// decomposition, so decomp's speed and accuracy can be measured on inputs
// far larger than the hand-written fixtures.
//
// A generated module has Options.Packages packages: cmd/server (_entry),
// internal/platform/{dbx,web} (_infra) and the packages of
// Options.Domains domains. A domain is a set of features; each feature is
// an entity with up to four packages (model, SQL repository, service, HTTP
// handler). Domains are laid out either layered (internal/models/<f>,
// internal/repos/<f>, internal/services/<f>, internal/handlers/<f>, so the
// folders say nothing about the domain) or by domain folder
// (internal/<domain>/<f>/{model,store,api}). Services call their repository
// through an interface, call other services' Evaluate functions and read
// and write fields of other features' models; about Options.CrossDomain of
// the import edges between domain packages cross a domain boundary.
// Repositories hold SQL string literals on per-feature tables, one event
// table per domain, a few shared tables and the odd read of another
// domain's table. The first entity of some domains is a big struct (40+
// fields). truth.yaml gives every package's domain and every table's owner,
// writers and readers.
//
// Output is a pure function of the Options: the same seed writes the same
// bytes.
package synth

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Layout chooses how domains are laid out on disk.
type Layout int

// Layouts.
const (
	// LayoutMixed lays out half of the domains (rounded up) layered and the
	// rest by domain folder, the usual state of a monolith mid-migration.
	LayoutMixed Layout = iota
	// LayoutLayered puts every domain under models/repos/services/handlers.
	LayoutLayered
	// LayoutDomains gives every domain its own folder.
	LayoutDomains
)

var layoutNames = [...]string{"mixed", "layered", "domains"}

func (l Layout) String() string {
	if l >= 0 && int(l) < len(layoutNames) {
		return layoutNames[l]
	}
	return fmt.Sprintf("Layout(%d)", int(l))
}

// ParseLayout reads a layout name as printed by String.
func ParseLayout(s string) (Layout, error) {
	for i, n := range layoutNames {
		if s == n {
			return Layout(i), nil
		}
	}
	return 0, fmt.Errorf("unknown layout %q (want %s)", s, strings.Join(layoutNames[:], ", "))
}

// Options controls the generated module. The zero value asks for the
// defaults: 1000 packages, Packages/25 domains, seed 0, mixed layout, 10%
// cross-domain edges.
type Options struct {
	// Packages is the total number of packages, at least 7.
	Packages int
	// Domains is the number of domains; 0 means Packages/25 (at least 1).
	// Every domain gets at least 4 packages.
	Domains int
	// Seed selects the module; equal options give identical output.
	Seed uint64
	// Layout chooses layered or domain-folder layouts.
	Layout Layout
	// CrossDomain is the target share of import edges between domain
	// packages that cross a domain boundary; 0 means 0.10, a negative value
	// means none.
	CrossDomain float64
	// Module is the module path; "" means "example.com/synth".
	Module string
}

// ErrNotEmpty is returned when the output directory already has files, so
// a typo in -o never overwrites a real project.
var ErrNotEmpty = errors.New("output directory is not empty")

// Generate writes the module described by opt into dir, which must be
// missing or empty.
func Generate(dir string, opt Options) error {
	p, err := newPlan(opt)
	if err != nil {
		return err
	}
	files, err := p.files()
	if err != nil {
		return err
	}
	if err := emptyDir(dir); err != nil {
		return err
	}
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("synth: %w", err)
		}
		if err := os.WriteFile(path, f.data, 0o644); err != nil {
			return fmt.Errorf("synth: %w", err)
		}
	}
	return nil
}

func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("synth: create output directory: %w", err)
		}
		return nil
	case err != nil:
		return fmt.Errorf("synth: read output directory: %w", err)
	case len(entries) > 0:
		return fmt.Errorf("synth: %s: %w", dir, ErrNotEmpty)
	}
	return nil
}

// files renders every file of the module in a fixed order.
func (p *plan) files() ([]file, error) {
	out, err := p.emitFixed()
	if err != nil {
		return nil, err
	}
	for _, k := range p.pkgs {
		var fs []file
		switch k.role {
		case roleModel:
			fs, err = p.emitModel(k)
		case roleRepo:
			fs, err = p.emitRepo(k)
		case roleService:
			fs, err = p.emitService(k)
		case roleHandler:
			fs, err = p.emitHandler(k)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, fs...)
	}
	return append(out, p.emitTruth()), nil
}
