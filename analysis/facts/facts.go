// Package facts holds the plain data that the analysis stage extracts from Go
// code and every later stage consumes. Nothing here holds go/types, SSA or
// AST values (Signature only formats one), so graph building, clustering and
// judging can be tested on facts written by hand.
//
// Identifiers are strings with a fixed shape so they sort and compare cheaply
// and survive JSON:
//
//	package   "example.com/app/billing"
//	type      "example.com/app/billing.Invoice"
//	function  "example.com/app/billing.NewInvoice"
//	method    "example.com/app/billing.(*Invoice).Total" or "example.com/app/billing.Invoice.Total"
//	field     "example.com/app/billing.Invoice.Amount"
//
// Positions are module-relative, slash-separated "file:line" strings.
package facts

import (
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// Facts is everything extracted from one load of a module.
type Facts struct {
	// Module is the main module path ("" when loading a GOPATH-style tree).
	Module string `json:"module"`
	// Packages are the module's packages that matched the patterns, sorted by Path.
	Packages []Package `json:"packages"`
	// Funcs are the module's functions and methods, sorted by ID.
	Funcs []Func `json:"funcs"`
	// Types are the module's package-level named types, sorted by ID.
	Types []Type `json:"types"`
	// Values are the module's package-level constants and variables, sorted
	// by ID: where they are declared places the uses of them.
	Values []Value `json:"values,omitempty"`
	// Calls are call edges between module functions, sorted.
	Calls []Call `json:"calls"`
	// Uses are references from a function to another module declaration
	// (a type, a field, a constant or a variable), sorted.
	Uses []Use `json:"uses"`
	// FuncRefs are module functions and methods referred to as values
	// without being called there (a handler passed to a router, var f =
	// pkg.F), sorted: a dependency the call graph may not show.
	FuncRefs []FuncRef `json:"funcRefs,omitempty"`
	// Accesses are reads and writes of database tables and collections, sorted.
	Accesses []Access `json:"accesses,omitempty"`
	// Txs are the transaction scopes the code opens, sorted by position.
	Txs []Tx `json:"txs,omitempty"`
	// Structs describe struct types with their fields, for field-use analysis.
	Structs []Struct `json:"structs,omitempty"`
	// FieldUses record which function reads or writes which struct field, sorted.
	FieldUses []FieldUse `json:"fieldUses,omitempty"`
	// Routes are the HTTP and gRPC endpoints the code registers, sorted.
	Routes []Route `json:"routes,omitempty"`
	// Warnings are problems met while loading or extracting; the analysis
	// continued past each of them.
	Warnings []Warning `json:"warnings,omitempty"`
}

// Route is an HTTP route or gRPC service the code registers.
type Route struct {
	// Method is the HTTP method ("GET"; "" for any), or "grpc".
	Method string `json:"method,omitempty"`
	// Path is the route pattern, or the gRPC service name.
	Path string `json:"path"`
	// Handler is the function serving it (for gRPC, the implementation's
	// type ID).
	Handler string `json:"handler"`
	Pos     string `json:"pos"`
	// Via names the router: "net/http", "chi", "gin", "echo",
	// "gorilla/mux", "grpc".
	Via string `json:"via"`
}

// Package is one Go package of the module.
type Package struct {
	Path string `json:"path"`
	Name string `json:"name"`
	// Dir is the package directory relative to the module root ("." for the root).
	Dir string `json:"dir"`
	// ModuleDir is the directory of the Go module holding the package,
	// relative to the same root ("." for the root): in a go.work
	// workspace, or with a nested module loaded, each module is its
	// authors' own boundary.
	ModuleDir string `json:"moduleDir,omitempty"`
	Files     []File `json:"files"`
	// Imports lists the module-internal packages this package imports, sorted.
	Imports []string `json:"imports,omitempty"`
	// ExternalImports lists the other packages it imports (standard library
	// and dependencies), sorted: what it talks to tells what role it plays.
	ExternalImports []string `json:"externalImports,omitempty"`
	// IllTyped is set when the package failed to type-check; its facts come
	// from what could be read.
	IllTyped bool `json:"illTyped,omitempty"`
}

// File is one Go source file.
type File struct {
	// Path is relative to the module root.
	Path  string `json:"path"`
	Lines int    `json:"lines"`
	// Generated is set for files carrying the standard "Code generated ... DO NOT EDIT." marker.
	Generated bool `json:"generated,omitempty"`
	Test      bool `json:"test,omitempty"`
}

// Func is a function or method declared in the module.
type Func struct {
	ID  string `json:"id"`
	Pkg string `json:"pkg"`
	// Recv is the receiver's type name without pointer or package ("" for functions).
	Recv string `json:"recv,omitempty"`
	Name string `json:"name"`
	Pos  string `json:"pos"`
	// Lines is the number of source lines of the declaration.
	Lines     int  `json:"lines"`
	Exported  bool `json:"exported,omitempty"`
	Generated bool `json:"generated,omitempty"`
	Test      bool `json:"test,omitempty"`
	// PtrRecv is set for methods with a pointer receiver.
	PtrRecv bool `json:"ptrRecv,omitempty"`
	// Signature is the parameter and result list as Go source ("func(ctx
	// `context`.Context, id int64) (*`example.com/app/models`.Track,
	// error)"), every named type qualified by its import path in backquotes,
	// so a plan can write the interface a seam needs with its own imports.
	Signature string `json:"signature,omitempty"`
	// Generic is set for generic functions and methods of generic types.
	Generic bool `json:"generic,omitempty"`
}

// Signature formats a function signature for Func.Signature.
func Signature(sig *types.Signature) string {
	return types.TypeString(sig, func(p *types.Package) string { return "`" + p.Path() + "`" })
}

// Type is a package-level named type declared in the module.
type Type struct {
	ID   string `json:"id"`
	Pkg  string `json:"pkg"`
	Name string `json:"name"`
	// Kind is "struct", "interface" or "other".
	Kind      string `json:"kind"`
	Pos       string `json:"pos"`
	Lines     int    `json:"lines"`
	Generated bool   `json:"generated,omitempty"`
	Test      bool   `json:"test,omitempty"`
	// Methods are an interface's methods (embedded ones included), with
	// signatures as in Func.Signature.
	Methods []Method `json:"methods,omitempty"`
	// Generic is set for a type with type parameters.
	Generic bool `json:"generic,omitempty"`
}

// Method is one method of an interface.
type Method struct {
	Name      string `json:"name"`
	Signature string `json:"signature"`
}

// Value is a package-level constant or variable declared in the module.
type Value struct {
	ID        string `json:"id"`
	Pkg       string `json:"pkg"`
	Pos       string `json:"pos"`
	Generated bool   `json:"generated,omitempty"`
	Test      bool   `json:"test,omitempty"`
}

// CallKind tells how a call edge was found.
type CallKind string

// Call kinds.
const (
	// CallStatic is a direct call of a function or concrete method.
	CallStatic CallKind = "static"
	// CallDynamic is a call through an interface or function value resolved by
	// the call-graph algorithm.
	CallDynamic CallKind = "dynamic"
)

// Call is one call edge between two module functions, aggregated per call site.
type Call struct {
	Caller string   `json:"caller"`
	Callee string   `json:"callee"`
	Kind   CallKind `json:"kind"`
	Pos    string   `json:"pos"`
	// Closure is set when the call graph resolved the site to a function
	// literal declared in Callee (a callback), not to Callee itself.
	Closure bool `json:"closure,omitempty"`
}

// UseKind tells what kind of declaration a function refers to.
type UseKind string

// Use kinds.
const (
	UseType  UseKind = "type"
	UseField UseKind = "field"
	UseConst UseKind = "const"
	UseVar   UseKind = "var"
	// UseImplements records that a type (From is a type ID here) implements
	// a module interface (Target): the implementation depends on the
	// contract it fulfils, and the two belong together.
	UseImplements UseKind = "implements"
)

// Use is a reference from a function to a module declaration. Target is a
// type ID for UseType and UseField (the struct owning the field) and the
// declaration's qualified name ("pkg.Name") for constants and variables.
// Owner is the type the target belongs to, when there is one: the named type
// of a constant or variable, the struct of a field.
type Use struct {
	From   string  `json:"from"`
	Target string  `json:"target"`
	Kind   UseKind `json:"kind"`
	Owner  string  `json:"owner,omitempty"`
	Count  int     `json:"count"`
	// Pos is the first reference in From (the type's declaration for
	// UseImplements).
	Pos string `json:"pos,omitempty"`
}

// FuncRef is a function's reference to another module function as a
// value, with its first position.
type FuncRef struct {
	From   string `json:"from"`
	Target string `json:"target"`
	Count  int    `json:"count"`
	Pos    string `json:"pos"`
}

// Mode is how code touches data.
type Mode string

// Access modes.
const (
	Read  Mode = "read"
	Write Mode = "write"
)

// Access is one read or write of a table or collection.
type Access struct {
	// Func is the function whose code contains the access.
	Func string `json:"func"`
	// Table is the normalised table or collection name (lower case, no quotes,
	// schema kept as "schema.table" when given and not "public").
	Table string `json:"table"`
	Mode  Mode   `json:"mode"`
	Pos   string `json:"pos"`
	// Via names the mechanism: "sql", "sqlx", "pgx", "gorm", "xorm" (also
	// xorm.io/builder), "dbx" (ozzo-dbx), "bun", "ent", "sqlc", "squirrel",
	// "mongo".
	Via string `json:"via"`
	// Model is the Go type ID of the ORM model the access goes through, if any.
	Model string `json:"model,omitempty"`
	// BestEffort is set when the SQL parser rejected the statement and a
	// tolerant scanner found the table.
	BestEffort bool `json:"bestEffort,omitempty"`
	// Exec is the executing call, when the model or statement is written
	// elsewhere (Pos, in Func) and reaches it through parameters, slices,
	// fields or returns.
	Exec string `json:"exec,omitempty"`
}

// Tx is one transaction scope: where the code opens it, and the module
// functions that run inside it: the one that opens it (its function
// literals included) and those it hands the transaction to, transitively.
type Tx struct {
	Func string `json:"func"`
	Pos  string `json:"pos"`
	// Via is the database library (sql, gorm, xorm, …).
	Via string `json:"via"`
	// Funcs are the functions in the scope, sorted; Func is one of them.
	Funcs []string `json:"funcs"`
}

// Struct is a struct type of the module with its (flattened) fields.
type Struct struct {
	Type   string  `json:"type"`
	Fields []Field `json:"fields"`
	// Table is the table the struct maps to, when an ORM convention or a
	// TableName method says so.
	Table     string `json:"table,omitempty"`
	Generated bool   `json:"generated,omitempty"`
}

// Field is one field of a struct; fields promoted from embedded structs are
// listed with Embedded set to the path they come through.
type Field struct {
	Name     string `json:"name"`
	Type     string `json:"type"`
	Embedded string `json:"embedded,omitempty"`
	Tag      string `json:"tag,omitempty"`
}

// FieldUse is a function's use of one struct field. Field "*" stands for a
// whole-object use (the value handed to an ORM, an encoder or reflection).
type FieldUse struct {
	Func   string `json:"func"`
	Struct string `json:"struct"`
	Field  string `json:"field"`
	Mode   Mode   `json:"mode"`
	Pos    string `json:"pos"`
}

// Warning is a problem that did not stop the analysis.
type Warning struct {
	Pkg     string `json:"pkg,omitempty"`
	Pos     string `json:"pos,omitempty"`
	Message string `json:"message"`
}

// Pos formats a module-relative position.
func Pos(file string, line int) string { return file + ":" + strconv.Itoa(line) }

// SplitPos splits a position made by Pos; line is 0 when absent.
func SplitPos(pos string) (file string, line int) {
	i := strings.LastIndexByte(pos, ':')
	if i < 0 {
		return pos, 0
	}
	n, err := strconv.Atoi(pos[i+1:])
	if err != nil {
		return pos, 0
	}
	return pos[:i], n
}

// MethodRecv returns the receiver type ID "pkg.T" of a method ID "pkg.T.M"
// or "pkg.(*T).M", and "" for a function ID. Interface methods, which are no
// Func of their own, are placed through it.
func MethodRecv(id string) string {
	slash := strings.LastIndexByte(id, '/')
	rest := id[slash+1:]
	first := strings.IndexByte(rest, '.')
	last := strings.LastIndexByte(rest, '.')
	if first < 0 || first == last {
		return ""
	}
	t := rest[first+1 : last]
	if strings.HasPrefix(t, "(*") && strings.HasSuffix(t, ")") {
		t = t[2 : len(t)-1]
	}
	return id[:slash+1] + rest[:first] + "." + t
}

// PackageOf returns the package part of a declaration ID ("path/pkg.Name",
// "path/pkg.(*T).M"); an import path whose last element has a dot is read
// wrongly, so callers that have the declaration's Pkg use that.
func PackageOf(id string) string {
	slash := strings.LastIndexByte(id, '/')
	if dot := strings.IndexByte(id[slash+1:], '.'); dot >= 0 {
		return id[:slash+1+dot]
	}
	return id
}

// ComparePos orders positions by file, then numerically by line (so
// "a.go:9" comes before "a.go:10").
func ComparePos(a, b string) int {
	fa, la := SplitPos(a)
	fb, lb := SplitPos(b)
	if c := strings.Compare(fa, fb); c != 0 {
		return c
	}
	return la - lb
}

// Sort puts every slice into its canonical order, so that output built from
// the facts is byte-identical across runs.
func (f *Facts) Sort() {
	sort.Slice(f.Txs, func(i, j int) bool {
		if c := ComparePos(f.Txs[i].Pos, f.Txs[j].Pos); c != 0 {
			return c < 0
		}
		return f.Txs[i].Func < f.Txs[j].Func
	})
	sort.Slice(f.Packages, func(i, j int) bool { return f.Packages[i].Path < f.Packages[j].Path })
	sort.Slice(f.Funcs, func(i, j int) bool { return f.Funcs[i].ID < f.Funcs[j].ID })
	sort.Slice(f.Types, func(i, j int) bool { return f.Types[i].ID < f.Types[j].ID })
	sort.Slice(f.Calls, func(i, j int) bool {
		a, b := f.Calls[i], f.Calls[j]
		if a.Caller != b.Caller {
			return a.Caller < b.Caller
		}
		if a.Callee != b.Callee {
			return a.Callee < b.Callee
		}
		if c := ComparePos(a.Pos, b.Pos); c != 0 {
			return c < 0
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return !a.Closure && b.Closure
	})
	sort.Slice(f.Uses, func(i, j int) bool {
		a, b := f.Uses[i], f.Uses[j]
		if a.From != b.From {
			return a.From < b.From
		}
		if a.Target != b.Target {
			return a.Target < b.Target
		}
		return a.Kind < b.Kind
	})
	sort.Slice(f.FuncRefs, func(i, j int) bool {
		a, b := f.FuncRefs[i], f.FuncRefs[j]
		if a.From != b.From {
			return a.From < b.From
		}
		return a.Target < b.Target
	})
	sort.Slice(f.Accesses, func(i, j int) bool {
		a, b := f.Accesses[i], f.Accesses[j]
		if a.Func != b.Func {
			return a.Func < b.Func
		}
		if a.Table != b.Table {
			return a.Table < b.Table
		}
		if a.Mode != b.Mode {
			return a.Mode < b.Mode
		}
		if c := ComparePos(a.Pos, b.Pos); c != 0 {
			return c < 0
		}
		return a.Via < b.Via
	})
	sort.Slice(f.Structs, func(i, j int) bool { return f.Structs[i].Type < f.Structs[j].Type })
	sort.Slice(f.FieldUses, func(i, j int) bool {
		a, b := f.FieldUses[i], f.FieldUses[j]
		if a.Struct != b.Struct {
			return a.Struct < b.Struct
		}
		if a.Field != b.Field {
			return a.Field < b.Field
		}
		if a.Func != b.Func {
			return a.Func < b.Func
		}
		if a.Mode != b.Mode {
			return a.Mode < b.Mode
		}
		return ComparePos(a.Pos, b.Pos) < 0
	})
	sort.Slice(f.Routes, func(i, j int) bool {
		if c := ComparePos(f.Routes[i].Pos, f.Routes[j].Pos); c != 0 {
			return c < 0
		}
		return f.Routes[i].Path < f.Routes[j].Path
	})
	sort.Slice(f.Warnings, func(i, j int) bool {
		a, b := f.Warnings[i], f.Warnings[j]
		if a.Pkg != b.Pkg {
			return a.Pkg < b.Pkg
		}
		if c := ComparePos(a.Pos, b.Pos); c != 0 {
			return c < 0
		}
		return a.Message < b.Message
	})
}
