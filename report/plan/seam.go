package plan

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/printer"
	"go/token"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/decomp/decomp/analysis/dbaccess"
	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/routes"
)

// Seam is the interface a context is walled off behind: the functions and
// methods the rest of the monolith calls, with their signatures from the
// code, and a facade that implements it by delegating to today's code.
type Seam struct {
	// Interface is the proposed interface's name; Package the name of the
	// package that holds it and the facade.
	Interface string   `json:"interface"`
	Package   string   `json:"package"`
	Methods   []Method `json:"methods"`
	// Fields are the facade's fields: one per receiver type delegated to.
	Fields []Field `json:"fields"`
	// Imports are the packages the signatures refer to, with the alias used.
	Imports []Import `json:"imports"`
	// Blockers are called functions that cannot go behind the interface as
	// they are, each with the reason.
	Blockers []Blocker `json:"blockers"`
	// Outside are called functions that are no service operation and stay
	// out of the seam by design: an entity's, an error's or a builder's
	// methods, constructors, functions passing database or HTTP handles.
	// Their callers get the data from an operation keyed by identifiers.
	Outside []Blocker `json:"outside"`
}

// Method is one method of the seam.
type Method struct {
	Name string `json:"name"`
	// Target is the function or method it delegates to.
	Target string `json:"target"`
	// Signature is the parameter and result list with the seam's aliases.
	Signature string `json:"signature"`
	// Field is the facade field it calls through ("" for a function).
	Field string `json:"field,omitempty"`
	// Call is the delegating expression.
	Call string `json:"call"`
	// Results tells whether the method returns anything.
	Results bool `json:"results"`
}

// Field is one facade field.
type Field struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// Import is one import of the seam's package.
type Import struct {
	Alias string `json:"alias"`
	Path  string `json:"path"`
}

// Blocker is a called function the seam cannot take as it is.
type Blocker struct {
	Target string `json:"target"`
	Reason string `json:"reason"`
}

var qualified = regexp.MustCompile("`([^`]+)`\\.")

// seamIndex is what every seam looks up in the facts, built once per plan.
type seamIndex struct {
	types    map[string]facts.Type
	pkgNames map[string]string
	// tables maps a model type to its table; errors are the types with an
	// Error() string method; handles the module types embedding or holding
	// a database or router library's handle (a request context wrapping
	// the router's, a store around the connection).
	tables  map[string]string
	errors  map[string]bool
	handles map[string]string
}

func newSeamIndex(f *facts.Facts) *seamIndex {
	ix := &seamIndex{types: make(map[string]facts.Type, len(f.Types)), pkgNames: make(map[string]string, len(f.Packages)),
		tables: map[string]string{}, errors: map[string]bool{}, handles: map[string]string{}}
	for _, t := range f.Types {
		ix.types[t.ID] = t
	}
	for _, p := range f.Packages {
		ix.pkgNames[p.Path] = p.Name
	}
	for _, st := range f.Structs {
		if st.Table != "" {
			ix.tables[st.Type] = st.Table
		}
		// A struct embedding a handle (a request context wrapping the
		// router's) or holding one (a store around the *sql.DB) is the
		// monolith's own handle.
		for _, fl := range st.Fields {
			t := strings.TrimLeft(fl.Type, "*[]")
			if lib, ok := isHandle(pathOfTypeString(t), t[strings.LastIndexByte(t, '.')+1:]); ok {
				ix.handles[st.Type] = lib
			}
		}
	}
	for _, fn := range f.Funcs {
		if fn.Name == "Error" && fn.Recv != "" && fn.Signature == "func() string" {
			ix.errors[facts.MethodRecv(fn.ID)] = true
		}
	}
	return ix
}

// handleLib names the database or HTTP library of an import path, "".
func handleLib(path string) string {
	if lib := dbaccess.Library(path); lib != "" {
		return lib
	}
	return routes.Router(path)
}

// handleTypes are the names of the handle types of the database libraries
// and routers: a connection, transaction, session or engine; a request, a
// response writer, a router or its context. Their values (sql.NullString,
// http.Header) are no handles.
var handleTypes = map[string]bool{
	"DB": true, "Tx": true, "Conn": true, "Session": true, "Engine": true, "EngineGroup": true, "Stmt": true, "Pool": true,
	"Client": true, "Database": true, "Collection": true, "IDB": true, "Interface": true,
	"Request": true, "ResponseWriter": true, "Handler": true, "HandlerFunc": true, "ServeMux": true, "Server": true,
	"Context": true, "Router": true, "RouterGroup": true, "RouteGroup": true, "Route": true, "Group": true, "Mux": true,
	"Echo": true, "Flame": true, "Macaron": true,
}

// isHandle tells whether path.name is a database or HTTP handle type, and
// of which library.
func isHandle(path, name string) (string, bool) {
	lib := handleLib(path)
	return lib, lib != "" && handleTypes[name]
}

// pathOfTypeString is the package path of a types.TypeString
// ("*gopkg.in/macaron.v1.Context" → "gopkg.in/macaron.v1").
func pathOfTypeString(t string) string {
	t = strings.TrimLeft(t, "*[]")
	if i := strings.LastIndexByte(t, '.'); i > 0 {
		return t[:i]
	}
	return ""
}

var qualifiedName = regexp.MustCompile("`([^`]+)`\\.([\\pL_][\\pL\\pN_]*)")

// outside tells why a called function is no service operation, "" when
// it is one.
func (ix *seamIndex) outside(fn *facts.Func, recv string) string {
	if recv != "" {
		switch {
		case ix.tables[recv] != "":
			return fmt.Sprintf("a method of entity %s (table %s): it stays with the data; callers get the data from an operation keyed by identifiers", shortID(recv), ix.tables[recv])
		case ix.errors[recv]:
			return fmt.Sprintf("a method of error type %s: errors cross the boundary as values an operation returns", shortID(recv))
		}
		for _, m := range qualifiedName.FindAllStringSubmatch(results(fn.Signature), -1) {
			if m[1]+"."+m[2] == recv {
				return fmt.Sprintf("a builder's method (it returns its receiver %s): builders stay behind the operation that runs them", shortID(recv))
			}
		}
	} else if constructor(fn.Name) {
		return "a constructor: the service builds its own dependencies"
	}
	for _, m := range qualifiedName.FindAllStringSubmatch(fn.Signature, -1) {
		if lib, ok := isHandle(m[1], m[2]); ok {
			return fmt.Sprintf("its signature mentions %s.%s (%s): an operation takes identifiers and values, not database or HTTP handles", pkgBase(m[1]), m[2], lib)
		}
		if lib := ix.handles[m[1]+"."+m[2]]; lib != "" {
			return fmt.Sprintf("its signature mentions %s, which holds a %s handle: an operation takes identifiers and values, not database or HTTP handles", shortID(m[1]+"."+m[2]), lib)
		}
	}
	return ""
}

// constructor tells a constructor's name: New, or New followed by a word
// (NewStore, New2), not Newsletter.
func constructor(name string) bool {
	if !strings.HasPrefix(name, "New") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(name[3:])
	return len(name) == 3 || unicode.IsUpper(r) || unicode.IsDigit(r) || r == '_'
}

// results is the result list of a signature ("func(a int) (x T, err
// error)" → "(x T, err error)").
func results(sig string) string {
	depth := 0
	for i, r := range sig {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return sig[i+1:]
			}
		}
	}
	return ""
}

func pkgBase(path string) string { return path[strings.LastIndexByte(path, '/')+1:] }

func buildSeam(ctxName string, callees map[string]bool, f *facts.Facts, ix *seamIndex) Seam {
	s := Seam{Interface: exportName(ctxName) + "API", Package: pkgName(ctxName) + "seam"}
	types, pkgNames := ix.types, ix.pkgNames
	aliases := map[string]string{} // path → alias
	used := map[string]bool{}
	alias := func(path string) string {
		if a, ok := aliases[path]; ok {
			return a
		}
		base := pkgNames[path]
		if base == "" {
			base = path[strings.LastIndexByte(path, '/')+1:]
			if len(base) > 1 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" {
				rest := path[:strings.LastIndexByte(path, '/')]
				base = rest[strings.LastIndexByte(rest, '/')+1:]
			}
		}
		base = identOf(base)
		a := base
		for n := 2; used[a] || a == s.Package; n++ {
			a = fmt.Sprintf("%s%d", base, n)
		}
		used[a] = true
		aliases[path] = a
		return a
	}
	type cand struct {
		fn   facts.Func
		recv string // receiver type ID
	}
	var cands []cand
	for _, id := range slices.Sorted(maps.Keys(callees)) {
		fn := funcOf(f, id)
		recv := facts.MethodRecv(id)
		if fn == nil && recv != "" && types[recv].Kind == "interface" {
			// A method of one of the context's interfaces: the seam
			// delegates to the interface the code already uses.
			name := id[strings.LastIndexByte(id, '.')+1:]
			for _, m := range types[recv].Methods {
				if m.Name == name {
					fn = &facts.Func{ID: id, Pkg: types[recv].Pkg, Recv: types[recv].Name, Name: name, Exported: isExported(name), Signature: m.Signature}
				}
			}
		}
		switch {
		case fn == nil && recv != "" && types[recv].Kind == "interface":
			s.Blockers = append(s.Blockers, Blocker{id, "a method of interface " + shortID(recv) + " whose signature is not known"})
			continue
		case fn == nil:
			s.Blockers = append(s.Blockers, Blocker{id, "not a declared function (no signature known)"})
			continue
		case fn.Name == "init":
			continue
		case ix.outside(fn, recv) != "":
			s.Outside = append(s.Outside, Blocker{id, ix.outside(fn, recv)})
			continue
		case fn.Generic || recv != "" && types[recv].Generic:
			s.Blockers = append(s.Blockers, Blocker{id, "generic: an interface method cannot have type parameters; give the seam one method per instantiation in use"})
			continue
		case pkgNames[fn.Pkg] == "main" || mentionsMain(fn.Signature, pkgNames):
			s.Blockers = append(s.Blockers, Blocker{id, "in or about package main, which no package can import: move it to a library package first"})
			continue
		case !fn.Exported:
			s.Blockers = append(s.Blockers, Blocker{id, "unexported: export it, or keep the facade in its package"})
			continue
		case recv != "" && !isExported(recv[strings.LastIndexByte(recv, '.')+1:]):
			s.Blockers = append(s.Blockers, Blocker{id, "a method of unexported type " + shortID(recv) + ": export the type, or put the facade in its package"})
			continue
		case fn.Signature == "":
			s.Blockers = append(s.Blockers, Blocker{id, "its package did not type-check: no signature"})
			continue
		}
		if t := unexportedIn(fn.Signature); t != "" {
			s.Blockers = append(s.Blockers, Blocker{id, "its signature mentions unexported type " + t + ": export it, or wrap it in the seam"})
			continue
		}
		cands = append(cands, cand{*fn, recv})
	}
	// Method names: the function's own, qualified by its receiver (then its
	// package) where two would clash.
	count := map[string]int{}
	for _, c := range cands {
		count[c.fn.Name]++
	}
	names := map[string]bool{}
	fields := map[string]Field{}
	for _, c := range cands {
		name := c.fn.Name
		if count[name] > 1 {
			if c.recv != "" {
				name = c.recv[strings.LastIndexByte(c.recv, '.')+1:] + name
			} else {
				name = exportName(pkgNames[c.fn.Pkg]) + name
			}
		}
		for base, n := name, 2; names[name]; n++ {
			name = fmt.Sprintf("%s%d", base, n)
		}
		names[name] = true
		sig := qualified.ReplaceAllStringFunc(c.fn.Signature, func(m string) string {
			return alias(m[1:len(m)-2]) + "."
		})
		callee := alias(c.fn.Pkg)
		params, results, call, err := delegate(sig, map[string]bool{"f": true, callee: true})
		if err != nil {
			s.Blockers = append(s.Blockers, Blocker{c.fn.ID, "signature not understood: " + err.Error()})
			continue
		}
		m := Method{Name: name, Target: c.fn.ID, Signature: params, Results: results != ""}
		if c.recv != "" {
			tname := c.recv[strings.LastIndexByte(c.recv, '.')+1:]
			fieldType := callee + "." + tname
			if types[c.recv].Kind != "interface" {
				fieldType = "*" + fieldType
			}
			fields[c.recv] = Field{Name: tname, Type: fieldType}
			m.Field = c.recv // the field's name is settled below
			m.Call = c.fn.Name + call
		} else {
			m.Call = callee + "." + c.fn.Name + call
		}
		s.Methods = append(s.Methods, m)
	}
	// Field names: the receiver type's, qualified by its package where two
	// types share a name or a method has it.
	fieldName := map[string]string{}
	taken := map[string]bool{}
	for name := range names {
		taken[name] = true
	}
	byName := map[string]int{}
	for _, fl := range fields {
		byName[fl.Name]++
	}
	for _, id := range slices.Sorted(maps.Keys(fields)) {
		fl := fields[id]
		name := fl.Name
		if byName[name] > 1 || taken[name] {
			name = exportName(pkgNames[facts.PackageOf(id)]) + name
		}
		for base, n := name, 2; taken[name]; n++ {
			name = fmt.Sprintf("%s%d", base, n)
		}
		taken[name] = true
		fieldName[id] = name
		fl.Name = name
		fields[id] = fl
	}
	for i := range s.Methods {
		if recv := s.Methods[i].Field; recv != "" {
			s.Methods[i].Field = fieldName[recv]
			s.Methods[i].Call = "f." + fieldName[recv] + "." + s.Methods[i].Call
		}
	}
	sort.Slice(s.Methods, func(i, j int) bool { return s.Methods[i].Name < s.Methods[j].Name })
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		s.Fields = append(s.Fields, fields[k])
	}
	for _, p := range slices.Sorted(maps.Keys(aliases)) {
		s.Imports = append(s.Imports, Import{Alias: aliases[p], Path: p})
	}
	s.Methods, s.Fields, s.Imports, s.Blockers, s.Outside = nonNil(s.Methods), nonNil(s.Fields), nonNil(s.Imports), nonNil(s.Blockers), nonNil(s.Outside)
	return s
}

// delegate parses a signature ("func(a int, b ...string) error") and
// returns it with every parameter named and without "func", whether it has
// results, and the argument list that passes the parameters on.
func delegate(sig string, avoid map[string]bool) (params, results, call string, err error) {
	e, err := parser.ParseExpr(sig)
	if err != nil {
		return "", "", "", err
	}
	ft, ok := e.(*ast.FuncType)
	if !ok {
		return "", "", "", fmt.Errorf("not a function type")
	}
	// Every name the body could see: the receiver, the package it calls,
	// and the other parameters. Blank, unnamed and clashing parameters
	// (and named results) get fresh names.
	used := map[string]bool{}
	for k := range avoid {
		used[k] = true
	}
	var lists []*ast.FieldList
	if ft.Params != nil {
		lists = append(lists, ft.Params)
	}
	if ft.Results != nil {
		lists = append(lists, ft.Results)
	}
	for _, l := range lists {
		for _, fld := range l.List {
			for _, id := range fld.Names {
				if id.Name != "_" && !avoid[id.Name] {
					used[id.Name] = true
				}
			}
		}
	}
	fresh := func(base string) string {
		name := base
		for n := 0; used[name]; n++ {
			name = fmt.Sprintf("%s%d", base, n)
		}
		used[name] = true
		return name
	}
	var args []string
	for li, l := range lists {
		for _, fld := range l.List {
			if len(fld.Names) == 0 {
				if li == 1 {
					continue // unnamed results stay unnamed
				}
				fld.Names = []*ast.Ident{ast.NewIdent("_")}
			}
			for _, id := range fld.Names {
				switch {
				case id.Name == "_":
					id.Name = fresh("p")
				case avoid[id.Name]:
					id.Name = fresh(id.Name + "_")
				}
				if li == 0 {
					a := id.Name
					if _, ok := fld.Type.(*ast.Ellipsis); ok {
						a += "..."
					}
					args = append(args, a)
				}
			}
		}
	}
	var b bytes.Buffer
	if err := printer.Fprint(&b, token.NewFileSet(), ft); err != nil {
		return "", "", "", err
	}
	params = strings.TrimPrefix(b.String(), "func")
	if ft.Results != nil && len(ft.Results.List) > 0 {
		results = "results"
	}
	return params, results, "(" + strings.Join(args, ", ") + ")", nil
}

// mentionsMain reports whether a signature names a type of a main package.
func mentionsMain(sig string, pkgNames map[string]string) bool {
	for _, m := range qualified.FindAllStringSubmatch(sig, -1) {
		if pkgNames[m[1]] == "main" {
			return true
		}
	}
	return false
}

// unexportedIn returns the first unexported named type a signature
// mentions ("pkg.name"), or "".
func unexportedIn(sig string) string {
	for _, m := range regexp.MustCompile("`([^`]+)`\\.([A-Za-z_][A-Za-z0-9_]*)").FindAllStringSubmatch(sig, -1) {
		if !isExported(m[2]) {
			return shortID(m[1] + "." + m[2])
		}
	}
	return ""
}

// Files renders the seam as a Go package: the interface and the facade.
func (s Seam) Files(ctxName string) (map[string][]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Package %s is the seam of the %s context, written by decomp plan: the\n", s.Package, ctxName)
	fmt.Fprintf(&b, "// interface the rest of the monolith calls it through, and a facade that\n// implements it with today's code (branch by abstraction).\npackage %s\n\n", s.Package)
	if len(s.Imports) > 0 {
		b.WriteString("import (\n")
		for _, im := range s.Imports {
			if im.Alias == im.Path[strings.LastIndexByte(im.Path, '/')+1:] {
				fmt.Fprintf(&b, "\t%q\n", im.Path)
			} else {
				fmt.Fprintf(&b, "\t%s %q\n", im.Alias, im.Path)
			}
		}
		b.WriteString(")\n\n")
	}
	fmt.Fprintf(&b, "// %s is what the rest of the monolith uses of %s.\ntype %s interface {\n", s.Interface, ctxName, s.Interface)
	for _, m := range s.Methods {
		fmt.Fprintf(&b, "\t// %s delegates to %s.\n\t%s%s\n", m.Name, m.Target, m.Name, m.Signature)
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "// Facade implements %s by delegating to today's code; set its fields\n// where the monolith wires its services.\ntype Facade struct {\n", s.Interface)
	for _, fl := range s.Fields {
		fmt.Fprintf(&b, "\t%s %s\n", fl.Name, fl.Type)
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "var _ %s = (*Facade)(nil)\n", s.Interface)
	for _, m := range s.Methods {
		ret := ""
		if m.Results {
			ret = "return "
		}
		fmt.Fprintf(&b, "\n// %s calls %s.\nfunc (f *Facade) %s%s {\n\t%s%s\n}\n", m.Name, m.Target, m.Name, m.Signature, ret, m.Call)
	}
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("seam of %s: %w", ctxName, err)
	}
	return map[string][]byte{"seam.go": src}, nil
}

func shortID(id string) string {
	return id[strings.LastIndexByte(id, '/')+1:]
}

func isExported(name string) bool {
	for _, r := range name {
		return unicode.IsUpper(r)
	}
	return false
}

// identOf makes a Go identifier of a name.
func identOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
			b.WriteRune(r)
		}
	}
	out := b.String()
	if out == "" || unicode.IsDigit(rune(out[0])) {
		out = "p" + out
	}
	return out
}

func exportName(s string) string {
	id := identOf(strings.ReplaceAll(s, "-", "_"))
	parts := strings.Split(id, "_")
	for i, p := range parts {
		if r, size := utf8.DecodeRuneInString(p); size > 0 {
			parts[i] = string(unicode.ToUpper(r)) + p[size:]
		}
	}
	out := strings.Join(parts, "")
	// A name whose first letter has no upper case (文档) is not exported.
	if r, _ := utf8.DecodeRuneInString(out); !unicode.IsUpper(r) {
		out = "X" + out
	}
	return out
}

// pkgName is a package name for the context: lower-case ASCII letters and
// digits only, since import paths are ASCII (Latin letters lose their
// accents, ärzte gives aerzte; any other letter is spelled as its code
// point).
func pkgName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case r < utf8.RuneSelf:
			// '-', '_', spaces and punctuation join the words
		case latinFold[r] != "":
			b.WriteString(latinFold[r])
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			fmt.Fprintf(&b, "u%04x", r)
		}
	}
	out := b.String()
	if out == "" || out[0] >= '0' && out[0] <= '9' {
		out = "p" + out
	}
	return out
}

// latinFold spells the accented Latin letters of Latin-1 in ASCII.
var latinFold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "ae", 'å': "a", 'æ': "ae", 'ç': "c", 'è': "e", 'é': "e",
	'ê': "e", 'ë': "e", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ð': "d", 'ñ': "n", 'ò': "o", 'ó': "o",
	'ô': "o", 'õ': "o", 'ö': "oe", 'ø': "o", 'ù': "u", 'ú': "u", 'û': "u", 'ü': "ue", 'ý': "y", 'ÿ': "y",
	'ß': "ss", 'þ': "th",
}
