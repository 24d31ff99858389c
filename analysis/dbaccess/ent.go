package dbaccess

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/load"
)

// entPackage reports whether a module package is ent's generated client
// package: it imports entgo.io/ent or one of its packages.
func (x *extractor) entPackage(p *types.Package) bool {
	if v, ok := x.entPkgs[p]; ok {
		return v
	}
	v := false
	if x.prog.InModule(p.Path()) {
		for _, imp := range p.Imports() {
			if hasPathPrefix(imp.Path(), "entgo.io/ent") {
				v = true
				break
			}
		}
	}
	x.entPkgs[p] = v
	return v
}

// entBuilders maps the suffix of a builder type returned by an ent client
// or entity method to the mode of the statement it builds; longer suffixes
// first so that "UserUpdateOne" is not read as "UserUpdate" + "One".
var entBuilders = []struct {
	suffix string
	mode   facts.Mode
}{
	{"CreateBulk", facts.Write},
	{"UpdateOne", facts.Write},
	{"DeleteOne", facts.Write},
	{"Create", facts.Write},
	{"Update", facts.Write},
	{"Delete", facts.Write},
	{"Upsert", facts.Write},
	{"Query", facts.Read},
}

// entCall records the table of an ent entity reached through a generated
// client, entity or query method: client.User.Query() reads, Create(),
// Update(), Delete() and their One/ID/Bulk forms write, Get/GetX read, and
// Query<Edge>() reads the edge's entity. The table is the Table constant
// of the entity's generated package (<ent package>/<lower-case entity>).
// It reports whether the call was an entity method; others (such as the
// client's raw QueryContext) are left to the generic SQL rule.
func (c *fnCtx) entCall(call *ast.CallExpr, fn *types.Func, recv types.Type, at token.Pos) bool {
	if recv == nil {
		return false
	}
	name := fn.Name()
	switch name {
	case "Query", "Create", "CreateBulk", "MapCreateBulk", "Update", "UpdateOne", "UpdateOneID",
		"Delete", "DeleteOne", "DeleteOneID", "Get", "GetX":
	default:
		if !strings.HasPrefix(name, "Query") {
			return false
		}
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 {
		return false
	}
	res := load.NamedOf(sig.Results().At(0).Type())
	if res == nil || res.Obj().Pkg() != fn.Pkg() {
		return false
	}
	entity, mode := "", facts.Read
	if name == "Get" || name == "GetX" {
		entity = res.Obj().Name()
	} else {
		for _, b := range entBuilders {
			if e, ok := strings.CutSuffix(res.Obj().Name(), b.suffix); ok && e != "" {
				entity, mode = e, b.mode
				break
			}
		}
	}
	if entity == "" {
		return false
	}
	table, ok := c.x.entTable(fn.Pkg(), entity)
	if !ok {
		return false
	}
	var model *types.Named
	if tn, ok := fn.Pkg().Scope().Lookup(entity).(*types.TypeName); ok {
		model = load.NamedOf(tn.Type())
		if model != nil {
			c.x.noteModel(load.TypeID(model.Obj()), table, true)
		}
	}
	c.emit(at, table, mode, "ent", model, false)
	return true
}

// entTable reads the Table constant of an entity's generated package.
func (x *extractor) entTable(pkg *types.Package, entity string) (string, bool) {
	path := pkg.Path() + "/" + strings.ToLower(entity)
	var tp *types.Package
	for _, imp := range pkg.Imports() {
		if imp.Path() == path {
			tp = imp
			break
		}
	}
	if tp == nil {
		if p, ok := x.prog.All[path]; ok {
			tp = p.Types
		}
	}
	if tp == nil {
		return "", false
	}
	k, ok := tp.Scope().Lookup("Table").(*types.Const)
	if !ok || k.Val().Kind() != constant.String {
		return "", false
	}
	t := normTable(constant.StringVal(k.Val()))
	return t, t != ""
}
