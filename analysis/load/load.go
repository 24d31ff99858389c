// Package load reads a Go module the way decomp needs it: the module's own
// packages fully (syntax, types, comments), and their dependencies only as
// far as type-checking the module requires.
//
// The go command lists the package graph (List) and builds nothing; decomp
// then parses and type-checks every package itself, in dependency order on
// every CPU (Listing.Load). Dependencies never become contexts, so their
// function bodies are emptied while parsing and skipped by the type checker
// (as gopls does), and no type information about their code is kept. That
// keeps a cold run free of the `go list -export` compile of every
// dependency, and with an ExportCache a later run reads each unchanged
// dependency back from export data: it type-checks only the module.
package load

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"

	"github.com/decomp/decomp/analysis/facts"
)

// Config says what to load.
type Config struct {
	// Dir is the directory to run in (like `go -C`); "" means the current one.
	Dir string
	// Patterns are package patterns; empty means "./..." (at a go.work root, "work").
	Patterns []string
	// Tags are extra build tags.
	Tags []string
	// Tests includes _test.go files and external test packages.
	Tests bool
	// Env overrides the environment (nil: os.Environ()). GOTOOLCHAIN=local is
	// always forced so a go.mod asking for a newer Go fails instead of
	// downloading a toolchain, and CGO_ENABLED=0 so that no C compiler ever
	// runs (files importing "C" are then left out, with a warning).
	Env []string
	// AllowDownload lets the go command reach the module proxy for modules
	// missing from the cache; otherwise GOPROXY=off, and decomp never
	// touches the network.
	AllowDownload bool
	// Exports, when set, keeps dependencies' type information between
	// runs, so that a load type-checks only the module from source.
	Exports ExportCache
}

// Program is a loaded module.
type Program struct {
	Fset *token.FileSet
	// Root is the absolute directory positions are made relative to: the
	// go.work directory in workspace mode, else the main module's.
	Root string
	// Module is the main module path (the first one in workspace mode).
	Module string
	// Patterns are the package patterns actually loaded (the defaults
	// filled in).
	Patterns []string
	// Packages are the module packages matched by the patterns, sorted by
	// import path, one per path (with tests on, the variant that includes
	// the _test.go files).
	Packages []*packages.Package
	// All holds every loaded package, dependencies included, by import path.
	All map[string]*packages.Package
	// Warnings lists packages that did not load or type-check cleanly.
	Warnings []facts.Warning
	// Deps counts the dependencies type-checked (unsafe aside), DepsCached
	// those of them read from Config.Exports rather than from source.
	Deps, DepsCached int

	generated map[string]bool // absolute filename -> has the generated-code marker
	inModule  map[string]bool // import path -> a main-module package
}

// InputError is an error caused by the input rather than by decomp, such as
// a directory that is not a Go module; the CLI maps it to exit status 2.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

func inputErrorf(format string, args ...any) error {
	return &InputError{Msg: fmt.Sprintf(format, args...)}
}

// IsInputError reports whether err, or an error it wraps, is an InputError.
func IsInputError(err error) bool {
	var ie *InputError
	return errors.As(err, &ie)
}

// goEnv is the go command's environment: the user's, with what decomp
// forces on top (later entries win).
func goEnv(cfg Config) []string {
	env := cfg.Env
	if env == nil {
		env = os.Environ()
	}
	env = append(append([]string(nil), env...), "GOTOOLCHAIN=local", "CGO_ENABLED=0")
	if !cfg.AllowDownload {
		// No module proxy, and no checksum database either: under
		// -mod=mod the go command would otherwise ask sum.golang.org
		// about a module already in the cache.
		env = append(env, "GOPROXY=off", "GOSUMDB=off")
	}
	return env
}

// setup is what Load and Inputs share: the directory, the go command's
// environment, the module root, the patterns with their defaults filled in
// and the build flags.
type setup struct {
	dir        string // as given, "." for none
	abs        string
	env        []string
	root       rootInfo
	patterns   []string
	buildFlags []string
}

func prepare(ctx context.Context, cfg Config) (*setup, error) {
	dir := cfg.Dir
	if dir == "" {
		dir = "."
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", dir, err)
	}
	if st, err := os.Stat(abs); err != nil || !st.IsDir() {
		return nil, inputErrorf("%s is not a directory", dir)
	}
	env := goEnv(cfg)

	root, err := moduleRoot(ctx, abs, env)
	if err != nil {
		return nil, err
	}
	env = root.cmdEnv

	patterns := cfg.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
		if root.workspace && root.dir == abs {
			// At a workspace root with no module of its own, ./... matches
			// nothing; "work" means every package of every workspace module.
			patterns = []string{"work"}
		}
	}
	var buildFlags []string
	if len(cfg.Tags) > 0 {
		buildFlags = append(buildFlags, "-tags="+strings.Join(cfg.Tags, ","))
	}
	return &setup{dir: dir, abs: abs, env: env, root: root, patterns: patterns, buildFlags: buildFlags}, nil
}

// Load lists, parses and type-checks the packages cfg describes.
func Load(ctx context.Context, cfg Config) (*Program, error) {
	l, err := List(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return l.Load(ctx)
}

// Load parses and type-checks the listed packages: the module's own from
// source, dependencies from cfg.Exports when it holds them. It fails only
// on an interrupt; whatever did not load or type-check is in the
// program's Warnings. It fills in the listed packages themselves, so a
// listing is loaded once.
func (l *Listing) Load(ctx context.Context) (*Program, error) {
	prog := &Program{
		Fset:      token.NewFileSet(),
		Root:      l.st.root.dir,
		Module:    l.st.root.module,
		Patterns:  l.st.patterns,
		All:       map[string]*packages.Package{},
		generated: map[string]bool{},
		inModule:  map[string]bool{},
	}
	all := l.Packages()
	for _, p := range all {
		if p.Module != nil && p.Module.Main {
			prog.inModule[p.PkgPath] = true
		}
	}
	if err := typecheck(ctx, l, prog, all, l.cfg.Exports); err != nil {
		return nil, err
	}
	for _, p := range all {
		if prev, ok := prog.All[p.PkgPath]; !ok || better(p, prev) {
			prog.All[p.PkgPath] = p
		}
	}
	roots := map[string]*packages.Package{}
	for _, p := range l.roots {
		if p.Module == nil || !p.Module.Main {
			continue
		}
		if prev, ok := roots[p.PkgPath]; !ok || better(p, prev) {
			roots[p.PkgPath] = p
		}
	}
	for _, p := range roots {
		prog.Packages = append(prog.Packages, p)
	}
	sort.Slice(prog.Packages, func(i, j int) bool { return prog.Packages[i].PkgPath < prog.Packages[j].PkgPath })

	// A matched directory the go command could not load at all (a name
	// with a space, an unreadable folder) is still worth a line: go vet
	// reports it too.
	for _, e := range l.listErrs {
		prog.Warnings = append(prog.Warnings, facts.Warning{Message: "not loaded: " + prog.relText(e)})
	}
	missing := false
	for _, p := range prog.Packages {
		ws := packageWarnings(prog, p)
		prog.Warnings = append(prog.Warnings, ws...)
		for _, w := range ws {
			missing = missing || notInCache(w.Message)
		}
	}
	if missing {
		prog.Warnings = append(prog.Warnings, facts.Warning{Message: "some imports could not be loaded: " +
			"dependencies may be missing from the module cache (decomp runs the go command with GOPROXY=off); " +
			"run `go mod download`, or pass --allow-download, and analyse again"})
	}
	return prog, nil
}

// better reports whether p should replace prev as the representative of an
// import path: the test variant (more files) wins, then the one with types.
func better(p, prev *packages.Package) bool {
	if len(p.GoFiles) != len(prev.GoFiles) {
		return len(p.GoFiles) > len(prev.GoFiles)
	}
	return p.ID < prev.ID
}

// packageWarnings turns a module package's load and type errors into
// warnings; at most a few per package so one broken package cannot drown the report.
func packageWarnings(prog *Program, p *packages.Package) []facts.Warning {
	const maxPerPkg = 5
	var out []facts.Warning
	for i, e := range p.Errors {
		if i == maxPerPkg {
			out = append(out, facts.Warning{Pkg: p.PkgPath, Message: fmt.Sprintf("%d more errors", len(p.Errors)-maxPerPkg)})
			break
		}
		msg := importCause(prog, oneLine(e.Msg))
		pos := prog.relPosString(e.Pos)
		// The go command places an unreadable file's error at the import
		// that led to its package; the file itself is where it is.
		if m := fileError.FindStringSubmatch(msg); m != nil {
			pos = prog.Rel(m[1])
		}
		out = append(out, facts.Warning{Pkg: p.PkgPath, Pos: pos, Message: prog.relText(msg)})
	}
	if cgo := cgoFiles(p.IgnoredFiles); len(cgo) > 0 {
		var rel []string
		for _, f := range cgo {
			rel = append(rel, prog.Rel(f))
		}
		out = append(out, facts.Warning{Pkg: p.PkgPath, Message: fmt.Sprintf("cgo files left out (decomp runs no C compiler): %s", strings.Join(rel, ", "))})
	}
	return out
}

// fileError is an operating-system error on one Go file (permission denied,
// a file gone between listing and reading).
var fileError = regexp.MustCompile(`^(?:open|read|stat|lstat) (\S+\.go): `)

// goListNoise is how go/packages wraps the go command's own message.
var goListNoise = regexp.MustCompile(`^(go list )?err: exit status \d+: stderr: `)

// goError keeps the go command's own words from a go/packages error.
func goError(err error) string {
	return goListNoise.ReplaceAllString(oneLine(err.Error()), "")
}

// unnamedImport is the type checker's word for an import the go command
// could not load, whatever the reason.
var unnamedImport = regexp.MustCompile(`could not import (\S+) \(invalid package name: ""\)`)

// importCause replaces the type checker's `invalid package name: ""` with
// the go command's own first error for that import: a package missing from
// the module, a replace pointing nowhere, a missing go.sum entry, a module
// not in the cache.
func importCause(prog *Program, msg string) string {
	m := unnamedImport.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	dep, ok := prog.All[m[1]]
	if !ok || len(dep.Errors) == 0 {
		return msg
	}
	cause := oneLine(dep.Errors[0].Msg)
	// The go command's message may start with the position of the import.
	if i := strings.Index(cause, ": "); i >= 0 && strings.Contains(cause[:i], ".go:") {
		cause = cause[i+2:]
	}
	return strings.Replace(msg, m[0], "could not import "+m[1]+" ("+cause+")", 1)
}

// notInCache reports whether a warning says a dependency is missing from
// the module cache, which `go mod download` or --allow-download mends.
func notInCache(msg string) bool {
	for _, s := range []string{"GOPROXY=off", "module lookup disabled", "not in module cache", "missing from the module cache"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return unnamedImport.MatchString(msg) // no cause known: the cache is the likeliest
}

// cgoFiles returns the files that import "C".
func cgoFiles(files []string) []string {
	var out []string
	fset := token.NewFileSet()
	for _, name := range files {
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			continue
		}
		for _, imp := range f.Imports {
			if imp.Path.Value == `"C"` {
				out = append(out, name)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// IllTyped reports whether a module package failed to type-check. Errors in
// dependencies do not count: stripping their bodies causes some on purpose,
// and whatever matters to this package shows up in its own errors.
func IllTyped(p *packages.Package) bool {
	return len(p.Errors) > 0 || p.Types == nil || p.TypesInfo == nil
}

// InModule reports whether an import path belongs to the main module(s).
func (prog *Program) InModule(path string) bool { return prog.inModule[path] }

// Generated reports whether a file carries the generated-code marker.
func (prog *Program) Generated(filename string) bool { return prog.generated[filename] }

// relText makes the paths in a message module-relative, so the same module
// gives the same report wherever it is checked out.
func (prog *Program) relText(s string) string {
	return strings.ReplaceAll(s, prog.Root+string(filepath.Separator), "")
}

// Rel makes a filename module-relative and slash-separated.
func (prog *Program) Rel(filename string) string {
	if r, err := filepath.Rel(prog.Root, filename); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(filename)
}

// Pos formats a position as module-relative "file:line".
func (prog *Program) Pos(p token.Pos) string {
	if !p.IsValid() {
		return ""
	}
	pos := prog.Fset.Position(p)
	return facts.Pos(prog.Rel(pos.Filename), pos.Line)
}

// relPosString rewrites a "file:line:col" string from go/packages.
func (prog *Program) relPosString(s string) string {
	if s == "" || s == "-" {
		return ""
	}
	parts := strings.Split(s, ":")
	if len(parts) >= 3 {
		return prog.Rel(strings.Join(parts[:len(parts)-2], ":")) + ":" + parts[len(parts)-2]
	}
	if len(parts) == 2 {
		return prog.Rel(parts[0]) + ":" + parts[1]
	}
	return prog.Rel(s)
}

// FuncID names a function or method in the facts.ID shape.
func FuncID(fn *types.Func) string {
	pkg := ""
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Path()
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		recv := sig.Recv().Type()
		ptr := false
		if p, ok := recv.(*types.Pointer); ok {
			recv, ptr = p.Elem(), true
		}
		name := recvName(recv)
		if ptr {
			return pkg + ".(*" + name + ")." + fn.Name()
		}
		return pkg + "." + name + "." + fn.Name()
	}
	return pkg + "." + fn.Name()
}

// RecvTypeName returns the receiver's named type name, or "" for a function.
func RecvTypeName(fn *types.Func) string {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return ""
	}
	recv := sig.Recv().Type()
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
	}
	return recvName(recv)
}

func recvName(t types.Type) string {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		return t.Obj().Name()
	case *types.Interface:
		return "interface"
	default:
		return types.TypeString(t, func(*types.Package) string { return "" })
	}
}

// NamedOf strips pointers and aliases down to a named type, returning the
// generic origin of an instantiation; nil when there is none.
func NamedOf(t types.Type) *types.Named {
	for t != nil {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Named:
			return u.Origin()
		default:
			return nil
		}
	}
	return nil
}

// ElemStruct returns the named struct type a value hands over: T, *T, []T,
// []*T, *[]T, [N]T, map[K]T, or a named container of those (type Tracks
// []Track); the generic origin of an instantiation; nil when there is none.
func ElemStruct(t types.Type) *types.Named {
	for range 8 {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		case *types.Map:
			t = u.Elem()
		case *types.Named:
			switch u.Underlying().(type) {
			case *types.Struct:
				return u.Origin()
			case *types.Slice, *types.Array, *types.Map, *types.Pointer:
				t = u.Underlying()
			default:
				return nil
			}
		default:
			return nil
		}
	}
	return nil
}

// TypeID names a package-level named type.
func TypeID(obj *types.TypeName) string {
	if obj.Pkg() == nil {
		return obj.Name()
	}
	return obj.Pkg().Path() + "." + obj.Name()
}

// InitID is the pseudo-function that package-level variable initialisers belong to.
func InitID(pkgPath string) string { return pkgPath + ".init" }

// DeclFuncID returns the ID of a function declaration, using type
// information when it is there and the syntax when it is not (ill-typed code).
func DeclFuncID(pkgPath string, info *types.Info, d *ast.FuncDecl) string {
	if info != nil {
		if obj, ok := info.Defs[d.Name].(*types.Func); ok && obj != nil {
			return FuncID(obj)
		}
	}
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return pkgPath + "." + d.Name.Name
	}
	t := d.Recv.List[0].Type
	ptr := false
	if s, ok := t.(*ast.StarExpr); ok {
		t, ptr = s.X, true
	}
	name := RecvExprName(t)
	if ptr {
		return pkgPath + ".(*" + name + ")." + d.Name.Name
	}
	return pkgPath + "." + name + "." + d.Name.Name
}

// RecvExprName returns the base type name of a receiver type expression.
func RecvExprName(t ast.Expr) string {
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.ParenExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			return x.Name
		default:
			return "?"
		}
	}
}

// generatedSet collects generated files; go/packages parses files concurrently.
type generatedSet struct {
	mu sync.Mutex
	m  map[string]bool
}

type rootInfo struct {
	dir, module, goroot, modcache string
	workspace                     bool
	// env is GOVERSION GOOS GOARCH GOFLAGS GOEXPERIMENT GOROOT, a line each.
	env    string
	goarch string
	// cmdEnv is the environment of every later go command.
	cmdEnv []string
	// scratch, when set, is a temporary directory of the go commands' own
	// (a copy of go.mod), removed once the listing is done.
	scratch string
}

// withoutModMod returns GOFLAGS without -mod=mod, and whether it had one.
func withoutModMod(goflags string) (string, bool) {
	var kept []string
	mod := false
	for _, f := range strings.Fields(goflags) {
		if name, val, _ := strings.Cut(strings.TrimLeft(f, "-"), "="); name == "mod" && val == "mod" {
			mod = true
			continue
		}
		kept = append(kept, f)
	}
	return strings.Join(kept, " "), mod
}

// copyModFile copies go.mod, and go.sum when there is one, into a new
// temporary directory for -modfile, which reads and writes the .sum beside
// the file it names.
func copyModFile(gomod string) (string, error) {
	scratch, err := os.MkdirTemp("", "decomp-modfile-")
	if err != nil {
		return "", fmt.Errorf("copy %s: %w", gomod, err)
	}
	for _, name := range []string{"go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join(filepath.Dir(gomod), name))
		if errors.Is(err, fs.ErrNotExist) && name == "go.sum" {
			continue
		}
		if err == nil {
			err = os.WriteFile(filepath.Join(scratch, name), b, 0o600)
		}
		if err != nil {
			os.RemoveAll(scratch)
			return "", fmt.Errorf("copy %s: %w", name, err)
		}
	}
	return scratch, nil
}

// moduleRoot finds the module (or workspace) around dir, failing with a
// usage error when there is none.
func moduleRoot(ctx context.Context, dir string, env []string) (_ rootInfo, err error) {
	scratch := ""
	defer func() {
		if err != nil && scratch != "" {
			os.RemoveAll(scratch)
		}
	}()
	out, err := goCmd(ctx, dir, env, "env", "-json", "GOMOD", "GOWORK", "GOMODCACHE",
		"GOVERSION", "GOOS", "GOARCH", "GOFLAGS", "GOEXPERIMENT", "GOROOT")
	if err != nil {
		return rootInfo{}, err
	}
	var v map[string]string
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		return rootInfo{}, fmt.Errorf("go env in %s: %w", dir, err)
	}
	gomod, gowork := v["GOMOD"], v["GOWORK"]
	info := rootInfo{goroot: v["GOROOT"], modcache: v["GOMODCACHE"], goarch: v["GOARCH"], cmdEnv: env}
	if flags, mod := withoutModMod(v["GOFLAGS"]); mod {
		// -mod=mod (from the environment or go env -w) lets the go command
		// rewrite go.mod and write go.sum, and decomp never writes into the
		// tree it analyses. Outside a workspace the go command keeps that
		// freedom on a copy (-modfile); a workspace allows no -mod=mod at
		// all, so there it is dropped. Set before any command that could
		// write.
		if gomod != "" && gomod != os.DevNull && (gowork == "" || gowork == "off") {
			if scratch, err = copyModFile(gomod); err != nil {
				return rootInfo{}, err
			}
			info.scratch = scratch
			if modfile := filepath.Join(scratch, "go.mod"); !strings.ContainsAny(modfile, " \t\n") {
				// GOFLAGS splits on spaces: a temporary directory with one
				// leaves the go command read-only instead.
				flags = strings.TrimSpace(flags + " -mod=mod -modfile=" + modfile)
			}
		}
		info.cmdEnv = append(append([]string(nil), env...), "GOFLAGS="+flags)
		env = info.cmdEnv
	}
	if gowork != "" && gowork != "off" {
		mod, err := modulePath(ctx, dir, env)
		if err != nil {
			return rootInfo{}, err
		}
		info.dir, info.module, info.workspace = filepath.Dir(gowork), mod, true
		return info, nil
	}
	if gomod == "" || gomod == os.DevNull {
		return rootInfo{}, inputErrorf("%s is not inside a Go module (no go.mod found)", dir)
	}
	mod, err := modulePath(ctx, dir, env)
	if err != nil {
		return rootInfo{}, err
	}
	info.dir, info.module = filepath.Dir(gomod), mod
	return info, nil
}

func modulePath(ctx context.Context, dir string, env []string) (string, error) {
	out, err := goCmd(ctx, dir, env, "list", "-m", "-f", "{{.Path}}")
	if err != nil {
		return "", err
	}
	first, _, _ := strings.Cut(out, "\n")
	return first, nil
}

// goCmd runs the go command in dir and returns its trimmed output; a
// failure is an input error carrying the first line the go command printed.
func goCmd(ctx context.Context, dir string, env []string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", inputErrorf("go %s in %s: %s", args[0], dir, oneLine(msg))
	}
	return strings.TrimSpace(string(out)), nil
}

// oneLine keeps the first line of a multi-line message.
func oneLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	out := strings.TrimSpace(lines[0])
	// "go: errors parsing go.mod:" says what failed, the next line why:
	// keep the cause.
	for i := 1; i < len(lines) && strings.HasSuffix(out, ":"); i++ {
		if l := strings.TrimSpace(lines[i]); l != "" {
			out += " " + l
		}
	}
	return out
}

// TypeNames calls fn for every package-level named type (not alias) of the
// module's well-typed packages, in package and name order.
func (prog *Program) TypeNames(fn func(*types.TypeName)) {
	for _, p := range prog.Packages {
		if p.Types == nil {
			continue
		}
		scope := p.Types.Scope()
		for _, name := range scope.Names() {
			if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() {
				fn(tn)
			}
		}
	}
}

// WalkFuncs calls fn for every function declaration of a module package and
// for every package-level variable declaration, which belongs to the
// package's init pseudo-function. Code inside function literals belongs to
// the declaration around it, so every fact has a named owner.
func (prog *Program) WalkFuncs(p *packages.Package, fn func(id string, file *ast.File, node ast.Node)) {
	for _, f := range p.Syntax {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				fn(DeclFuncID(p.PkgPath, p.TypesInfo, d), f, d)
			case *ast.GenDecl:
				if d.Tok == token.VAR {
					fn(InitID(p.PkgPath), f, d)
				}
			}
		}
	}
}

// CalledIdents returns the identifiers in node that name what a call calls
// (f in f(x), Sel in x.Sel(), F in F[T](x)): what is left of the
// references to a function are uses as a value.
func CalledIdents(node ast.Node) map[*ast.Ident]bool {
	called := map[*ast.Ident]bool{}
	ast.Inspect(node, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fun := ast.Unparen(c.Fun)
		switch f := fun.(type) {
		case *ast.IndexExpr:
			fun = f.X
		case *ast.IndexListExpr:
			fun = f.X
		}
		switch f := fun.(type) {
		case *ast.Ident:
			called[f] = true
		case *ast.SelectorExpr:
			called[f.Sel] = true
		}
		return true
	})
	return called
}
