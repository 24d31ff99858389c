package dbaccess

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/load"
	"github.com/decomp/decomp/analysis/sqlparse"
)

// callee resolves the function or method a call invokes statically; recv
// is the type of the receiver expression for method calls; at is where the
// access is reported: the method or function name, which is on the line a
// reader looks at in a multi-line chain.
func (c *fnCtx) callee(call *ast.CallExpr) (fn *types.Func, recv types.Type, at token.Pos) {
	fun := ast.Unparen(call.Fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	switch f := fun.(type) {
	case *ast.SelectorExpr:
		if s := c.info.Selections[f]; s != nil {
			if s.Kind() != types.MethodVal {
				return nil, nil, token.NoPos
			}
			fn, _ = s.Obj().(*types.Func)
			return fn, s.Recv(), f.Sel.Pos()
		}
		fn, _ = c.info.Uses[f.Sel].(*types.Func)
		return fn, nil, f.Sel.Pos()
	case *ast.Ident:
		fn, _ = c.info.Uses[f].(*types.Func)
		return fn, nil, f.Pos()
	}
	return nil, nil, token.NoPos
}

// extract visits every call of the function.
func (c *fnCtx) extract() {
	if c.node == nil || c.info == nil {
		return
	}
	ast.Inspect(c.node, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			c.call(call)
		}
		return true
	})
}

// call dispatches one call to the handler of its library.
func (c *fnCtx) call(call *ast.CallExpr) {
	fn, recv, at := c.callee(call)
	if fn == nil || fn.Pkg() == nil {
		return
	}
	if w := c.x.wrappedORM(fn); w != nil {
		// A method of the module's own interface over the ORM (an
		// Engine interface that *xorm.Engine and *xorm.Session satisfy):
		// read it as the ORM's.
		fn, recv = w, nil
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return
	}
	l := classify(fn.Pkg().Path())
	switch {
	case l.sqlFamily():
		via := l.via()
		if rl := typeLib(recv); rl != libNone && rl != l {
			// A promoted method: sqlx.DB and bun.DB embed *sql.DB.
			via = rl.via()
		}
		d := c.x.dialect
		if l == libPGX || l == libScanyPGX {
			d = sqlparse.Postgres
		}
		switch {
		case fn.Name() == "CopyFrom":
			c.copyFrom(call, sig, at, via)
		case sqlMethods[fn.Name()]:
			c.sqlCall(call, sig, at, via, d, false)
		}
	case l == libGORM:
		c.gormCall(call, fn, sig, at)
	case l == libXORM:
		c.xormCall(call, fn, at)
	case l == libXORMBuilder:
		c.xormBuilderCall(call, fn, at)
	case l == libDBX:
		c.dbxCall(call, fn, at)
	case l == libBun:
		c.bunCall(call, fn, sig, recv, at)
	case l == libSquirrel:
		c.squirrelCall(call, fn, at)
	case l == libMongo:
		c.mongoCall(call, fn, recv, at)
	case l == libNone:
		if c.x.entPackage(fn.Pkg()) && c.entCall(call, fn, recv, at) {
			return
		}
		switch {
		case fn.Name() == "CopyFrom":
			c.copyFrom(call, sig, at, c.genericVia(sig))
		case sqlMethods[fn.Name()]:
			c.sqlCall(call, sig, at, c.genericVia(sig), c.x.dialect, true)
		}
	}
}

// genericVia names the mechanism of a SQL method on a module type: sqlc for
// sqlc's generated code, else the library its signature mentions.
func (c *fnCtx) genericVia(sig *types.Signature) string {
	if c.sqlc {
		return "sqlc"
	}
	mentions := func(tuple *types.Tuple) lib {
		for i := 0; i < tuple.Len(); i++ {
			if l := typeLib(tuple.At(i).Type()); l == libPGX || l == libSQL {
				return l
			}
		}
		return libNone
	}
	if l := mentions(sig.Results()); l != libNone {
		return l.via()
	}
	if l := mentions(sig.Params()); l != libNone {
		return l.via()
	}
	return "sql"
}

// sqlParam is the index of the last non-variadic string parameter, or -1.
func sqlParam(sig *types.Signature) int {
	n := sig.Params().Len()
	if sig.Variadic() {
		n--
	}
	for i := n - 1; i >= 0; i-- {
		if isString(sig.Params().At(i).Type()) {
			return i
		}
	}
	return -1
}

// sqlCall records the tables of the statement a SQL-taking call receives.
// With requireSQL (methods of unknown types) texts that do not start with
// a statement keyword are ignored rather than counted as unresolved.
func (c *fnCtx) sqlCall(call *ast.CallExpr, sig *types.Signature, at token.Pos, via string, d sqlparse.Dialect, requireSQL bool) {
	i := sqlParam(sig)
	if i < 0 || i >= len(call.Args) || (call.Ellipsis.IsValid() && i == len(call.Args)-1) {
		return
	}
	texts := c.eval(call.Args[i], call.Pos())
	if requireSQL {
		var keep []text
		for _, t := range texts {
			if looksLikeSQL(t.s) {
				keep = append(keep, t)
			}
		}
		texts = keep
	}
	// Where the text names no table, the SQL is written elsewhere: a
	// helper's caller, a struct field, a slice of statements.
	fn, _, _ := c.callee(call)
	c.sqlOrFlow(texts, call, fn, i, at, via, d, requireSQL)
}

// emitSQL parses each candidate statement and records its tables. When no
// table survives and some part of the statement was unknown, the call is
// counted as unresolved.
func (c *fnCtx) emitSQL(texts []text, at token.Pos, via string, d sqlparse.Dialect, model *types.Named) bool {
	found, unknownPart := false, false
	for _, t := range texts {
		if strings.TrimSpace(t.s) == placeholder {
			unknownPart = true
			continue
		}
		res := c.x.parse(t.s, d)
		for _, ref := range res.Tables {
			name := tableOf(ref.Name, res.BestEffort)
			if name == "" || strings.Contains(name, placeholder) {
				unknownPart = true
				continue
			}
			found = true
			c.emit(at, name, ref.Mode, via, model, res.BestEffort || t.dynamic)
		}
	}
	if !found && unknownPart {
		c.unresolved(at)
	}
	return found
}

// tableOf normalises a parsed table name: exact from a real parser,
// checked from the tolerant scanner.
func tableOf(name string, bestEffort bool) string {
	if bestEffort {
		return normTable(name)
	}
	return exactTable(name)
}

// emit records one access; its callers have normalised the name.
func (c *fnCtx) emit(at token.Pos, table string, mode facts.Mode, via string, model *types.Named, best bool) {
	table = exactTable(table)
	if table == "" || strings.Contains(table, placeholder) {
		return
	}
	a := facts.Access{
		Func:       c.id,
		Table:      table,
		Mode:       mode,
		Pos:        c.x.prog.Pos(at),
		Via:        via,
		BestEffort: best,
	}
	if model != nil {
		a.Model = load.TypeID(model.Obj())
	}
	if c.exec.IsValid() && c.exec != at {
		a.Exec = c.x.prog.Pos(c.exec)
	}
	c.x.out = append(c.x.out, a)
}

func (c *fnCtx) unresolved(at token.Pos) {
	c.x.addUnresolved(c.pkg.PkgPath, c.x.prog.Pos(at))
}

// copyFrom records the write of pgx's CopyFrom(ctx, pgx.Identifier{...}, ...).
func (c *fnCtx) copyFrom(call *ast.CallExpr, sig *types.Signature, at token.Pos, via string) {
	idx := -1
	for i := 0; i < sig.Params().Len(); i++ {
		if isNamed(sig.Params().At(i).Type(), "Identifier", "github.com/jackc/pgx") {
			idx = i
			break
		}
	}
	if idx < 0 || idx >= len(call.Args) {
		return
	}
	lit := c.sliceLit(call.Args[idx], call.Pos())
	if lit == nil {
		if conv, ok := ast.Unparen(call.Args[idx]).(*ast.CallExpr); ok && len(conv.Args) == 1 {
			lit = c.sliceLit(conv.Args[0], call.Pos())
		}
	}
	if lit == nil || len(lit.Elts) == 0 {
		c.unresolved(at)
		return
	}
	var parts []string
	for _, e := range lit.Elts {
		t := first(c.eval(e, call.Pos()))
		if t.dynamic {
			c.unresolved(at)
			return
		}
		parts = append(parts, t.s)
	}
	c.emit(at, strings.Join(parts, "."), facts.Write, via, nil, false)
}

// clauseTables finds the tables of a FROM, JOIN or table clause given to a
// builder or ORM ("users", "users AS u", "orders o ON o.user_id = u.id",
// "LEFT JOIN orders ON ...", "(SELECT ...) AS t"). A plain name is taken
// as is; anything else is parsed inside a synthetic SELECT. best reports
// that the clause was not fully known or not cleanly parsed; ok is false
// when no table could be found in a clause with unknown parts.
func (c *fnCtx) clauseTables(t text, join bool) (names []string, best bool, ok bool) {
	s := strings.TrimSpace(t.s)
	if s == "" {
		return nil, false, true
	}
	if s == placeholder {
		return nil, true, false
	}
	fields := strings.Fields(s)
	firstWord := strings.ToUpper(fields[0])
	keyword := false
	switch firstWord {
	case "JOIN", "LEFT", "RIGHT", "INNER", "OUTER", "CROSS", "FULL", "NATURAL", "STRAIGHT_JOIN":
		keyword = true
	}
	if !keyword && plainName(fields[0]) && !strings.ContainsAny(s, ",(") {
		name := normTable(fields[0])
		if name == "" || strings.Contains(name, placeholder) {
			return nil, true, false
		}
		return []string{name}, t.dynamic, true
	}
	var stmt string
	switch {
	case keyword:
		stmt = "SELECT * FROM " + placeholder + " " + s
	case join:
		stmt = "SELECT * FROM " + placeholder + " JOIN " + s
	default:
		stmt = "SELECT * FROM " + s
	}
	res := c.x.parse(stmt, c.x.dialect)
	unknownPart := false
	seen := map[string]bool{}
	for _, ref := range res.Tables {
		name := tableOf(ref.Name, res.BestEffort)
		if name == "" || strings.Contains(name, placeholder) {
			unknownPart = true
			continue
		}
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	if len(names) == 0 && (unknownPart || t.dynamic) {
		return nil, true, false
	}
	return names, res.BestEffort || t.dynamic, true
}

// plainName reports whether a token is a (possibly qualified, possibly
// quoted) identifier.
func plainName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9',
			r == '_', r == '.', r == '"', r == '`', r == '$':
		default:
			return false
		}
	}
	return true
}

// emitClause records the tables of a clause argument of a builder or ORM.
func (c *fnCtx) emitClause(arg ast.Expr, before, at token.Pos, mode facts.Mode, via string, join bool, model *types.Named) {
	for _, t := range c.eval(arg, before) {
		names, best, ok := c.clauseTables(t, join)
		if !ok {
			c.unresolved(at)
			continue
		}
		for _, n := range names {
			c.emit(at, n, mode, via, model, best)
		}
	}
}

// ormHandles are the ORM types a module interface is checked against, by
// package path and type name; each is used through a pointer.
var ormHandles = []struct{ path, name string }{
	{"xorm.io/xorm", "Engine"}, {"xorm.io/xorm", "Session"},
	{"gorm.io/gorm", "DB"}, {"github.com/jinzhu/gorm", "DB"},
}

// wrappedORM returns the ORM method a module interface method stands for:
// fn is a method of an interface declared in the module that a pointer to
// one of the ORM handles implements. Otherwise nil.
func (x *extractor) wrappedORM(fn *types.Func) *types.Func {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || fn.Pkg() == nil || !x.prog.InModule(fn.Pkg().Path()) {
		return nil
	}
	iface, ok := sig.Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	if w, ok := x.wrapped[fn]; ok {
		return w
	}
	if !x.ormFound {
		x.ormFound = true
		for _, h := range ormHandles {
			if p, ok := x.prog.All[h.path]; ok && p.Types != nil {
				if tn, ok := p.Types.Scope().Lookup(h.name).(*types.TypeName); ok {
					x.ormTypes = append(x.ormTypes, types.NewPointer(tn.Type()))
				}
			}
		}
	}
	if x.wrapped == nil {
		x.wrapped = map[*types.Func]*types.Func{}
	}
	var w *types.Func
	for _, t := range x.ormTypes {
		if types.Implements(t, iface) {
			if obj, _, _ := types.LookupFieldOrMethod(t, true, fn.Pkg(), fn.Name()); obj != nil {
				w, _ = obj.(*types.Func)
				break
			}
		}
	}
	x.wrapped[fn] = w
	return w
}
