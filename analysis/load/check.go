package load

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/types"
	"io"
	"maps"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// ExportCache keeps the type information of dependencies between runs, as
// export data (the format of golang.org/x/tools/go/gcexportdata), so that a
// run type-checks only the module's own packages from source. Keys name a
// package's content and its dependencies' the way the go command keys its
// actions; an implementation must return exactly what was put under a key,
// or nothing.
type ExportCache interface {
	GetExport(key string) ([]byte, bool)
	PutExport(key string, data []byte)
}

// exportFormat changes whenever what goes into an export key, or how a
// dependency is type-checked, changes.
const exportFormat = "decomp-export 1"

// checker parses and type-checks a listing's packages, each once all its
// imports are done, on as many goroutines as there are CPUs.
type checker struct {
	l       *Listing
	prog    *Program
	sizes   types.Sizes
	exports ExportCache
	gen     *generatedSet

	keys map[*packages.Package]string // export keys; "" for a package never cached
	// sums are the content hashes an unversioned dependency's key was
	// made of, by file: what parse must read for the entry to be stored.
	sums   map[string]string
	listed map[string]bool // import paths the go command listed

	// mu guards imports, the packages export data is read against (one
	// types.Package per path, so that every dependency's types are the
	// same objects whoever refers to them), and every read of export data.
	mu      sync.Mutex
	imports map[string]*types.Package
}

// typecheck fills in Types (and, for module packages, Syntax and
// TypesInfo) of every package of pkgs. It stops early, with ctx's error,
// on an interrupt.
func typecheck(ctx context.Context, l *Listing, prog *Program, pkgs []*packages.Package, exports ExportCache) error {
	c := &checker{
		l: l, prog: prog, exports: exports,
		sizes:   types.SizesFor("gc", l.st.root.goarch),
		gen:     &generatedSet{m: prog.generated},
		keys:    map[*packages.Package]string{},
		sums:    map[string]string{},
		listed:  map[string]bool{},
		imports: map[string]*types.Package{},
	}
	for _, p := range pkgs {
		c.listed[p.PkgPath] = true
	}
	if c.sizes == nil {
		c.sizes = types.SizesFor("gc", runtime.GOARCH)
	}
	if exports != nil {
		for _, p := range pkgs {
			c.key(p)
		}
	}
	done := make(map[*packages.Package]chan struct{}, len(pkgs))
	for _, p := range pkgs {
		done[p] = make(chan struct{})
	}
	cpu := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, p := range pkgs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(done[p])
			for _, ip := range p.Imports {
				if ch, ok := done[ip]; ok {
					<-ch
				}
			}
			cpu <- struct{}{}
			defer func() { <-cpu }()
			if ctx.Err() != nil {
				p.Types = types.NewPackage(p.PkgPath, p.Name)
				return
			}
			c.checkSafely(p)
		}()
	}
	wg.Wait()
	return ctx.Err()
}

// key returns p's export key, "" when p is never cached: a module package
// (analysed from source every time), a test variant, a package with
// errors, or one importing any of those.
func (c *checker) key(p *packages.Package) string {
	if k, ok := c.keys[p]; ok {
		return k
	}
	c.keys[p] = "" // an import cycle (an error anyway) caches nothing
	k := c.computeKey(p)
	c.keys[p] = k
	return k
}

func (c *checker) computeKey(p *packages.Package) string {
	if c.prog.inModule[p.PkgPath] || p.ID != p.PkgPath || len(p.Errors) > 0 || p.PkgPath == "unsafe" {
		return ""
	}
	h := sha256.New()
	line := func(parts ...string) {
		io.WriteString(h, strings.Join(parts, "\x00"))
		io.WriteString(h, "\n")
	}
	mod := ""
	if m := p.Module; m != nil {
		mod = m.Path + "@" + m.Version + " go" + m.GoVersion
		if m.Replace != nil {
			mod += " => " + m.Replace.Path + "@" + m.Replace.Version + " " + m.Replace.Dir
		}
	}
	line(exportFormat, c.l.Env, p.ID, p.Name, mod)
	versioned := c.l.Versioned(p)
	for _, f := range p.GoFiles {
		sum := ""
		if !versioned {
			data, err := os.ReadFile(f)
			if err != nil {
				return ""
			}
			sum = contentSum(data)
			c.sums[f] = sum
		}
		line("file", f, sum)
	}
	for _, path := range slices.Sorted(maps.Keys(p.Imports)) {
		ip := p.Imports[path]
		if ip.PkgPath == "unsafe" {
			line("import", path, "unsafe")
			continue
		}
		k := c.key(ip)
		if k == "" {
			return ""
		}
		line("import", path, k)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// checkSafely is check, with a panic on odd code (it runs on a goroutine
// of its own, out of reach of the command's recover) turned into an error
// of the package.
func (c *checker) checkSafely(p *packages.Package) {
	defer func() {
		if r := recover(); r != nil {
			if p.Types == nil {
				p.Types = types.NewPackage(p.PkgPath, p.Name)
			}
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: fmt.Sprintf("type-checking stopped on an internal error (please report it): %v", r), Kind: packages.UnknownError})
			p.IllTyped = true
		}
	}()
	c.check(p)
}

// check type-checks one package whose imports are all done: from export
// data when the cache has it, else from source.
func (c *checker) check(p *packages.Package) {
	p.Fset = c.prog.Fset
	p.TypesSizes = c.sizes
	if p.PkgPath == "unsafe" {
		p.Types = types.Unsafe
		return
	}
	module := c.prog.inModule[p.PkgPath]
	if !module {
		c.mu.Lock()
		c.prog.Deps++
		c.mu.Unlock()
	}
	key := c.keys[p]
	if key != "" {
		if data, ok := c.exports.GetExport(key); ok {
			c.mu.Lock()
			pkg, err := gcexportdata.Read(bytes.NewReader(data), c.prog.Fset, c.imports, p.PkgPath)
			if err != nil || pkg.Name() != p.Name {
				delete(c.imports, p.PkgPath)
			}
			c.mu.Unlock()
			if err == nil && pkg.Name() == p.Name {
				p.Types = pkg
				c.mu.Lock()
				c.prog.DepsCached++
				c.mu.Unlock()
				return
			}
		}
	}

	var errs []packages.Error
	files, changed := c.parse(p, module, &errs)
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	var info *types.Info
	if module {
		info = &types.Info{
			Types:        map[ast.Expr]types.TypeAndValue{},
			Defs:         map[*ast.Ident]types.Object{},
			Uses:         map[*ast.Ident]types.Object{},
			Implicits:    map[ast.Node]types.Object{},
			Instances:    map[*ast.Ident]types.Instance{},
			Scopes:       map[ast.Node]*types.Scope{},
			Selections:   map[*ast.SelectorExpr]*types.Selection{},
			FileVersions: map[*ast.File]string{},
		}
		p.Syntax, p.TypesInfo = files, info
	}
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			ip := p.Imports[path]
			if ip == nil || ip.Types == nil {
				// go/packages drops the edge that closes a cycle.
				if c.listed[path] {
					return nil, fmt.Errorf("import cycle")
				}
				return nil, fmt.Errorf("missing package")
			}
			return ip.Types, nil
		}),
		// A dependency's bodies were dropped while parsing: only its
		// declarations matter, and unused imports are not its errors.
		IgnoreFuncBodies: !module,
		Sizes:            c.sizes,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				p.TypeErrors = append(p.TypeErrors, te)
				errs = append(errs, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
			}
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	typErr := types.NewChecker(tc, c.prog.Fset, p.Types, info).Files(files)
	if typErr != nil && len(errs) == 0 && len(p.Errors) == 0 && len(files) > 0 && strings.HasPrefix(typErr.Error(), "package requires newer Go version") {
		errs = append(errs, packages.Error{Pos: c.prog.Fset.Position(files[0].Package).String(), Msg: typErr.Error(), Kind: packages.TypeError})
	}
	p.Errors = append(p.Errors, errs...)
	p.IllTyped = len(p.Errors) > 0
	for _, ip := range p.Imports {
		p.IllTyped = p.IllTyped || ip.IllTyped
	}

	if module {
		return
	}
	if p.ID == p.PkgPath {
		// Test variants stay out: export data refers to the package
		// itself, never to a variant compiled for another's tests.
		c.mu.Lock()
		c.imports[p.PkgPath] = p.Types
		c.mu.Unlock()
	}
	// An entry must hold the types of the content its key names: a file
	// saved since the key was made stores nothing.
	if key != "" && len(errs) == 0 && !changed {
		var buf bytes.Buffer
		if err := gcexportdata.Write(&buf, c.prog.Fset, p.Types); err == nil {
			c.exports.PutExport(key, buf.Bytes())
		}
	}
}

// parse reads a package's files: module files whole, with comments;
// dependency files without function bodies (as gopls does), which only
// their declarations are needed for. Files that do not parse are kept as
// far as they parsed, with their errors. changed reports a file whose
// content is not what the package's export key was made of.
func (c *checker) parse(p *packages.Package, module bool, errs *[]packages.Error) (files []*ast.File, changed bool) {
	for _, name := range p.GoFiles {
		src, err := os.ReadFile(name)
		if sum, ok := c.sums[name]; ok && err == nil && contentSum(src) != sum {
			changed = true
		}
		if err != nil {
			msg := err.Error()
			if pe, ok := err.(*os.PathError); ok {
				msg = pe.Err.Error()
			}
			*errs = append(*errs, packages.Error{Pos: name + ":1", Msg: msg, Kind: packages.ParseError})
			continue
		}
		mode := parser.SkipObjectResolution
		if module {
			mode |= parser.ParseComments
		}
		f, err := parser.ParseFile(c.prog.Fset, name, src, mode)
		if list, ok := err.(scanner.ErrorList); ok {
			for _, e := range list {
				*errs = append(*errs, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		} else if err != nil {
			*errs = append(*errs, packages.Error{Pos: name + ":1", Msg: err.Error(), Kind: packages.ParseError})
		}
		if f == nil {
			continue
		}
		if module {
			if ast.IsGenerated(f) {
				c.gen.mu.Lock()
				c.gen.m[name] = true
				c.gen.mu.Unlock()
			}
		} else {
			for _, d := range f.Decls {
				// Emptied, not removed: go/types wants a body on
				// init and generic functions.
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
					fd.Body = &ast.BlockStmt{Lbrace: fd.Body.Lbrace, Rbrace: fd.Body.Rbrace}
				}
			}
		}
		files = append(files, f)
	}
	return files, changed
}

func contentSum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
