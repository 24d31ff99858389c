package dbaccess

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/load"
)

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// GORM's finishing methods. Those in gormModelArg take the model from
// their argument when the chain names none (Find(&users), Create(&u));
// the others need Model or Table in the chain.
var (
	gormReads    = set("Find", "First", "Take", "Last", "FindInBatches", "FirstOrInit", "Count", "Pluck", "Scan", "Row", "Rows")
	gormWrites   = set("Create", "CreateInBatches", "Save", "Update", "Updates", "UpdateColumn", "UpdateColumns", "Delete")
	gormModelArg = set("Find", "First", "Take", "Last", "FindInBatches", "FirstOrInit", "FirstOrCreate", "Create", "CreateInBatches", "Save", "Delete", "Updates")
)

// gormConds are GORM's condition methods: their query may hold a
// subquery, and their arguments may be unfinished chains (subqueries).
var gormConds = set("Where", "Or", "Not", "Having")

// xorm's finishing methods; every one takes its bean from the arguments
// when the chain has no Table.
var (
	xormReads  = set("Find", "Get", "Count", "Exist", "Iterate", "Rows", "Sum", "Sums", "SumInt", "SumsInt", "FindAndCount")
	xormWrites = set("Insert", "InsertOne", "InsertMulti", "Update", "Delete")
	xormRawSQL = set("Exec", "Query", "QueryString", "QueryInterface", "QuerySliceString")
	// xormRowsFirst take the table from their first argument (the rows
	// or the bean), the others being conditions.
	xormRowsFirst = set("Find", "FindAndCount", "Iterate", "Rows", "Update")
)

// link is one call of a method chain: db.Model(&u).Where(...).Find(&x).
type link struct {
	name string
	call *ast.CallExpr
	fn   *types.Func
	ctx  *fnCtx
}

// chain lists the calls a receiver expression is built from, nearest first,
// for methods of library l. It follows local variables (the assignment
// closest before the use, so tx := db.Model(..); tx = tx.Where(..) works)
// and module functions whose every return is such a chain; it stops at
// anything else (a struct field, a parameter).
func (c *fnCtx) chain(e ast.Expr, before token.Pos, l lib) []link {
	var out []link
	ev := newEvaluator()
	ctx := c
	for steps := 0; steps < 64 && e != nil; steps++ {
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.CallExpr:
			fn, _, _ := ctx.callee(x)
			if fn == nil || fn.Pkg() == nil {
				return out
			}
			if classify(fn.Pkg().Path()) == l {
				out = append(out, link{name: fn.Name(), call: x, fn: fn, ctx: ctx})
				sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
				if !ok || ctx.info.Selections[sel] == nil {
					return out // a package function starts the chain (gorm.G[T](db))
				}
				e = sel.X
				continue
			}
			ref, ok := ctx.x.decls[fn.Origin()]
			if !ok || !ev.enter(fn.Origin()) {
				return out
			}
			rets := singleResults(ref.decl)
			if len(rets) == 0 {
				return out
			}
			// Follow the last return: the usual "return r.db.WithContext(ctx)".
			ctx, e, before = ref.ctx, rets[len(rets)-1], token.NoPos
		case *ast.Ident:
			v := ctx.localVar(x)
			if v == nil {
				return out
			}
			ctx.index()
			var best *assign
			for i, a := range ctx.assigns[v] {
				if (a.op == token.DEFINE || a.op == token.ASSIGN) && a.rhs != nil && (!before.IsValid() || a.pos < before) {
					if best == nil || a.pos > best.pos {
						best = &ctx.assigns[v][i]
					}
				}
			}
			if best == nil {
				return out
			}
			e, before = best.rhs, best.pos
		default:
			return out
		}
	}
	return out
}

// modelOf returns the named struct type a value stands for as a model:
// whatever load.ElemStruct finds, unless it is a type of a database library.
func modelOf(t types.Type) *types.Named {
	u := load.ElemStruct(t)
	if u == nil || u.Obj().Pkg() == nil || classify(u.Obj().Pkg().Path()) != libNone {
		return nil
	}
	return u
}

// argModel is the model of the first argument that is one.
func (c *fnCtx) argModel(args []ast.Expr) *types.Named {
	if ms := c.argModels(args); len(ms) > 0 {
		return ms[0]
	}
	return nil
}

// argModels are the models the arguments' static types name, in order
// (xorm's Delete(&A{}, &B{}) takes several); the value flow finds the
// others.
func (c *fnCtx) argModels(args []ast.Expr) []*types.Named {
	var out []*types.Named
	seen := map[*types.Named]bool{}
	add := func(m *types.Named) {
		if m != nil && !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	for _, a := range args {
		add(modelOf(c.info.TypeOf(a)))
	}
	return out
}

// modelTable resolves a model's table for an ORM: a TableName method
// returning a constant (GORM, xorm, ozzo-dbx), a bun `table:` tag (bun),
// else the ORM's default naming.
func (x *extractor) modelTable(m *types.Named, l lib) string {
	if m == nil {
		return ""
	}
	id := load.TypeID(m.Obj())
	inModule := m.Obj().Pkg() != nil && x.prog.InModule(m.Obj().Pkg().Path())
	note := func(t string, explicit bool) string {
		if inModule {
			x.noteModel(id, t, explicit)
		}
		return t
	}
	if l == libGORM || l == libXORM || l == libDBX {
		ms := types.NewMethodSet(types.NewPointer(m))
		if sel := ms.Lookup(nil, "TableName"); sel != nil {
			if fn, ok := sel.Obj().(*types.Func); ok {
				if t, ok := x.tableNames[fn.Origin()]; ok {
					return note(t, true)
				}
			}
		}
	}
	if l == libBun {
		if st, ok := m.Underlying().(*types.Struct); ok {
			if t := bunTagTable(st); t != "" {
				return note(t, true)
			}
		}
	}
	name := m.Obj().Name()
	switch l {
	case libGORM:
		return note(normTable(x.naming.gorm(name)), false)
	case libXORM:
		return note(normTable(x.naming.xorm(name)), false)
	case libBun:
		return note(normTable(bunTableName(name)), false)
	case libDBX:
		return note(normTable(dbxTableName(name)), false)
	}
	return ""
}

// bunTagTable reads the table a struct tag names: bun's `bun:"table:name"`
// (on the embedded bun.BaseModel) and go-pg's `pg:"name"` on a tableName field.
func bunTagTable(st *types.Struct) string {
	for i := 0; i < st.NumFields(); i++ {
		v, tag := st.Field(i), reflect.StructTag(st.Tag(i))
		if b, ok := tag.Lookup("bun"); ok {
			for _, part := range strings.Split(b, ",") {
				if name, ok := strings.CutPrefix(strings.TrimSpace(part), "table:"); ok {
					if t := normTable(name); t != "" {
						return t
					}
				}
			}
		}
		// go-pg names the table on a tableName field.
		if v.Name() == "tableName" {
			for _, key := range []string{"pg", "sql"} {
				if val, ok := tag.Lookup(key); ok {
					name, _, _ := strings.Cut(val, ",")
					if t := normTable(name); t != "" {
						return t
					}
				}
			}
		}
	}
	return ""
}

// gormCall handles one method of *gorm.DB (or of GORM's generic API).
func (c *fnCtx) gormCall(call *ast.CallExpr, fn *types.Func, sig *types.Signature, at token.Pos) {
	name := fn.Name()
	switch {
	case name == "Raw" || name == "Exec":
		if sqlParam(sig) >= 0 {
			c.sqlCall(call, sig, at, "gorm", c.x.dialect, false)
		}
		return
	case gormConds[name]:
		if len(call.Args) > 0 {
			c.condSubqueries(call.Args[0], at, "gorm")
		}
		for _, a := range call.Args[1:] {
			c.gormSubquery(a, call.Pos(), at)
		}
		return
	case name == "Joins":
		// A SQL clause is recorded here; an association name ("Company")
		// needs the model and is resolved by the finishing method.
		if len(call.Args) > 0 {
			if s := first(c.eval(call.Args[0], call.Pos())); strings.ContainsAny(strings.TrimSpace(s.s), " \t\n") {
				c.emitClause(call.Args[0], call.Pos(), at, facts.Read, "gorm", true, nil)
			}
		}
		return
	}
	// An unfinished chain given as a value (Update("n", tx.Model(&Star{}).
	// Select("COUNT(*)"))) is a subquery: it reads its table.
	for _, a := range call.Args {
		c.gormSubquery(a, call.Pos(), at)
	}
	read, write := gormReads[name] || name == "FirstOrCreate", gormWrites[name] || name == "FirstOrCreate"
	if !read && !write {
		return
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	var (
		tableArg ast.Expr
		tableCtx *fnCtx
		model    *types.Named
		assocs   []link
		// modelAt is a Model(x) whose x is an interface: its model is
		// the value flow's to find.
		modelAt *link
	)
	for _, k := range c.chain(sel.X, call.Pos(), libGORM) {
		switch k.name {
		case "Raw":
			return // the statement was recorded at Raw
		case "Table":
			if tableArg == nil && len(k.call.Args) > 0 {
				tableArg, tableCtx = k.call.Args[0], k.ctx
			}
		case "Model":
			if model == nil && modelAt == nil && len(k.call.Args) > 0 {
				model = modelOf(k.ctx.info.TypeOf(k.call.Args[0]))
				if model == nil {
					modelAt = &k
				}
			}
		case "G":
			if model == nil {
				model = k.ctx.instanceModel(k.call)
			}
		case "Preload", "Joins":
			assocs = append(assocs, k)
		}
	}
	var argModels []*types.Named
	if model == nil && gormModelArg[name] {
		// Every model the arguments stand for; the first names the call.
		argModels = c.argModels(call.Args)
		if len(argModels) > 0 {
			model = argModels[0]
		}
	}
	var modes []facts.Mode
	if read {
		modes = append(modes, facts.Read)
	}
	if write {
		modes = append(modes, facts.Write)
	}
	switch {
	case tableArg != nil:
		for _, m := range modes {
			tableCtx.emitClauseAt(c, tableArg, at, m, "gorm", model)
		}
	case len(argModels) > 1:
		// A loop over a literal of models: each one's table.
		for _, model := range argModels {
			t := c.x.modelTable(model, libGORM)
			for _, m := range modes {
				c.emit(at, t, m, "gorm", model, false)
			}
		}
	case model != nil:
		t := c.x.modelTable(model, libGORM)
		for _, m := range modes {
			c.emit(at, t, m, "gorm", model, false)
		}
	case modelAt != nil:
		k := *modelAt
		c.x.afterSSA(k.call, func() { k.ctx.flowModelsOrWarn(k.call, k.fn, at, 0, libGORM, modes, "gorm") })
	case gormModelArg[name]:
		c.x.afterSSA(call, func() { c.flowModelsOrWarn(call, fn, at, 0, libGORM, modes, "gorm") })
	default:
		c.unresolved(at)
	}
	for _, k := range assocs {
		c.association(k, model)
	}
}

// emitClauseAt evaluates a clause in this context (where the chain link
// was written) and records the access in rec (the finishing call's function).
func (c *fnCtx) emitClauseAt(rec *fnCtx, arg ast.Expr, at token.Pos, mode facts.Mode, via string, model *types.Named) {
	for _, t := range c.eval(arg, arg.Pos()) {
		names, best, ok := c.clauseTables(t, false)
		if !ok {
			rec.unresolved(at)
			continue
		}
		for _, n := range names {
			rec.emit(at, n, mode, via, model, best)
		}
	}
}

// instanceModel is the model T of gorm.G[T](db).
func (c *fnCtx) instanceModel(call *ast.CallExpr) *types.Named {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.IndexExpr:
		id = selIdent(f.X)
	case *ast.IndexListExpr:
		id = selIdent(f.X)
	default:
		id = selIdent(f)
	}
	if id == nil {
		return nil
	}
	inst, ok := c.info.Instances[id]
	if !ok || inst.TypeArgs.Len() == 0 {
		return nil
	}
	return modelOf(inst.TypeArgs.At(0))
}

func selIdent(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// association records the read of a Preload("Orders") or Joins("Company")
// association: the table of the model field's type. Nested paths
// ("Orders.Items") are followed field by field.
func (c *fnCtx) association(k link, model *types.Named) {
	if len(k.call.Args) == 0 {
		return
	}
	s := first(k.ctx.eval(k.call.Args[0], k.call.Pos()))
	name := strings.TrimSpace(s.s)
	if s.dynamic || name == "" || strings.ContainsAny(name, " \t\n") || name == "clause.Associations" {
		return
	}
	sel, _ := ast.Unparen(k.call.Fun).(*ast.SelectorExpr)
	if sel == nil {
		return
	}
	at := sel.Sel.Pos()
	cur := model
	for _, part := range strings.Split(name, ".") {
		if cur == nil {
			return
		}
		obj, _, _ := types.LookupFieldOrMethod(cur, true, cur.Obj().Pkg(), part)
		v, ok := obj.(*types.Var)
		if !ok || !v.IsField() {
			return
		}
		cur = modelOf(v.Type())
		if cur != nil {
			k.ctx.emit(at, c.x.modelTable(cur, libGORM), facts.Read, "gorm", cur, false)
		}
	}
}

// xormCall handles one method of xorm's Engine or Session.
func (c *fnCtx) xormCall(call *ast.CallExpr, fn *types.Func, at token.Pos) {
	name := fn.Name()
	switch {
	case name == "SQL" || xormRawSQL[name]:
		if len(call.Args) == 0 || call.Ellipsis.IsValid() {
			return
		}
		if !isString(c.info.TypeOf(call.Args[0])) {
			return // a builder.Builder or a value: not SQL text
		}
		texts := c.eval(call.Args[0], call.Pos())
		c.sqlOrFlow(texts, call, fn, 0, at, "xorm", c.x.dialect, false)
		return
	case name == "Join":
		if len(call.Args) >= 2 {
			c.xormTableArg(c, call.Args[1], at, facts.Read)
		}
		return
	case name == "Where" || name == "And" || name == "Or":
		if len(call.Args) > 0 {
			c.condSubqueries(call.Args[0], at, "xorm")
		}
		return
	}
	read, write := xormReads[name], xormWrites[name]
	if !read && !write {
		return
	}
	mode := facts.Read
	if write {
		mode = facts.Write
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	for _, k := range c.chain(sel.X, call.Pos(), libXORM) {
		switch k.name {
		case "SQL":
			return
		case "Table":
			if len(k.call.Args) > 0 {
				k.ctx.xormTableArg(c, k.call.Args[0], at, mode)
				return
			}
		}
	}
	// Find(&rows, condiBean) takes its table from the rows; the
	// condition bean names it only when the rows do not.
	only, args := -1, call.Args
	if xormRowsFirst[name] && len(args) > 1 {
		only, args = 0, args[:1]
	}
	ms := c.argModels(args)
	if len(ms) == 0 && only == 0 {
		ms = c.argModels(call.Args)
	}
	modes := []facts.Mode{mode}
	c.x.afterSSA(call, func() {
		// A table set on the session elsewhere (earlier in this
		// function, or by the caller that gave it) names the table.
		here, skip := c.callerTables(call, fn, at, mode)
		if here {
			return
		}
		if len(ms) > 0 {
			for _, m := range ms {
				c.emit(at, c.x.modelTable(m, libXORM), mode, "xorm", m, false)
			}
			return
		}
		// The beans come from elsewhere: a helper's parameters, a slice
		// of models, a struct field.
		found, unknown := c.flowModels(call, fn, at, only, libXORM, modes, "xorm", skip)
		if !found && only == 0 {
			found, unknown = c.flowModels(call, fn, at, -1, libXORM, modes, "xorm", skip)
		}
		found = found || len(skip) > 0 // some callers named the table
		if !found || unknown {
			c.unresolved(at)
		}
	})
}

// xormTableArg records, in rec, the table an xorm Table or Join argument
// names: a string, a []string{name, alias} or a bean.
func (c *fnCtx) xormTableArg(rec *fnCtx, arg ast.Expr, at token.Pos, mode facts.Mode) {
	if m := modelOf(c.info.TypeOf(arg)); m != nil {
		rec.emit(at, c.x.modelTable(m, libXORM), mode, "xorm", m, false)
		return
	}
	if lit, ok := ast.Unparen(arg).(*ast.CompositeLit); ok {
		if len(lit.Elts) == 0 {
			return
		}
		arg = lit.Elts[0]
	}
	for _, t := range c.eval(arg, arg.Pos()) {
		names, best, ok := c.clauseTables(t, false)
		if !ok {
			rec.unresolved(at)
			continue
		}
		for _, n := range names {
			rec.emit(at, n, mode, "xorm", nil, best)
		}
	}
}

// bun query types and the mode of the statement each builds.
var bunQueryModes = map[string]facts.Mode{
	"SelectQuery":        facts.Read,
	"InsertQuery":        facts.Write,
	"UpdateQuery":        facts.Write,
	"DeleteQuery":        facts.Write,
	"MergeQuery":         facts.Write,
	"TruncateTableQuery": facts.Write,
}

// bunCall handles bun: raw SQL on bun.DB, and the Model, Table, TableExpr
// and Join methods of its query builders.
func (c *fnCtx) bunCall(call *ast.CallExpr, fn *types.Func, sig *types.Signature, recv types.Type, at token.Pos) {
	if sqlMethods[fn.Name()] {
		if sqlParam(sig) >= 0 {
			c.sqlCall(call, sig, at, "bun", c.x.dialect, false)
		}
		return
	}
	rn := recvNamed(fn)
	if rn == nil {
		return
	}
	mode, ok := bunQueryModes[rn.Obj().Name()]
	if !ok {
		return
	}
	switch fn.Name() {
	case "Model":
		if len(call.Args) > 0 {
			if m := modelOf(c.info.TypeOf(call.Args[0])); m != nil {
				c.emit(at, c.x.modelTable(m, libBun), mode, "bun", m, false)
			}
		}
	case "Table":
		for _, a := range call.Args {
			c.emitClause(a, call.Pos(), at, mode, "bun", false, nil)
		}
	case "TableExpr", "ModelTableExpr":
		if len(call.Args) > 0 {
			c.emitClause(call.Args[0], call.Pos(), at, mode, "bun", false, nil)
		}
	case "Join":
		if len(call.Args) > 0 {
			c.emitClause(call.Args[0], call.Pos(), at, facts.Read, "bun", true, nil)
		}
	case "Scan":
		// Without Model or Table, bun selects from the destination's table.
		if mode != facts.Read || len(call.Args) < 2 {
			return
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return
		}
		for _, k := range c.chain(sel.X, call.Pos(), libBun) {
			switch k.name {
			case "Model", "Table", "TableExpr", "ModelTableExpr":
				return
			}
		}
		if m := c.argModel(call.Args[1:]); m != nil {
			c.emit(at, c.x.modelTable(m, libBun), facts.Read, "bun", m, false)
		}
	}
}

// squirrelCall handles squirrel's builders: the table arguments of Insert,
// Replace, Update, Delete, From, Into, Table and the join methods.
func (c *fnCtx) squirrelCall(call *ast.CallExpr, fn *types.Func, at token.Pos) {
	recv := ""
	if rn := recvNamed(fn); rn != nil {
		recv = rn.Obj().Name()
	}
	var (
		mode facts.Mode
		join bool
	)
	switch {
	case (recv == "" || recv == "StatementBuilderType") &&
		(fn.Name() == "Insert" || fn.Name() == "Replace" || fn.Name() == "Update" || fn.Name() == "Delete"):
		mode = facts.Write
	case recv == "SelectBuilder" && fn.Name() == "From":
		mode = facts.Read
	case recv == "SelectBuilder" && strings.HasSuffix(fn.Name(), "Join"):
		mode, join = facts.Read, true
	case recv == "SelectBuilder" && fn.Name() == "JoinClause":
		if len(call.Args) == 0 {
			return
		}
		if !isString(c.info.TypeOf(call.Args[0])) {
			return
		}
		mode = facts.Read
	case recv == "InsertBuilder" && fn.Name() == "Into",
		recv == "UpdateBuilder" && fn.Name() == "Table",
		recv == "DeleteBuilder" && fn.Name() == "From":
		mode = facts.Write
	case recv == "UpdateBuilder" && fn.Name() == "From":
		mode = facts.Read
	default:
		return
	}
	if len(call.Args) == 0 {
		return
	}
	c.emitClause(call.Args[0], call.Pos(), at, mode, "squirrel", join, nil)
}

// gormSubquery records, at the condition call at, the table an unfinished
// GORM chain passed as an argument reads: db.Where("id IN (?)",
// db.Table("watch").Select("repo_id")) reads watch.
func (c *fnCtx) gormSubquery(arg ast.Expr, before, at token.Pos) {
	if !isNamed(c.info.TypeOf(arg), "DB", "gorm.io/gorm", "github.com/jinzhu/gorm") {
		return
	}
	for _, k := range c.chain(arg, before, libGORM) {
		switch {
		case k.name == "Table" && len(k.call.Args) > 0:
			k.ctx.emitClauseAt(c, k.call.Args[0], at, facts.Read, "gorm", nil)
			return
		case k.name == "Model" && len(k.call.Args) > 0:
			if m := modelOf(k.ctx.info.TypeOf(k.call.Args[0])); m != nil {
				c.emit(at, c.x.modelTable(m, libGORM), facts.Read, "gorm", m, false)
			}
			return
		}
	}
}

// condSubqueries records the tables the subqueries of a condition string
// read: "question.id NOT IN (SELECT question_id FROM answer)" reads answer.
// A condition without one names no table; its columns are the finishing
// call's.
func (c *fnCtx) condSubqueries(arg ast.Expr, at token.Pos, via string) {
	if !isString(c.info.TypeOf(arg)) {
		return
	}
	for _, t := range c.eval(arg, arg.Pos()) {
		var subs []text
		for _, s := range subqueries(t.s) {
			subs = append(subs, text{s: s, dynamic: t.dynamic})
		}
		if len(subs) > 0 {
			c.emitSQL(subs, at, via, c.x.dialect, nil)
		}
	}
}

// subqueries returns the outermost parenthesised SELECT statements of a SQL
// fragment, without their parentheses; text inside quotes is skipped.
func subqueries(s string) []string {
	var out []string
	depth, start := 0, -1
	var quote byte
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case quote != 0:
			if ch == quote {
				quote = 0
			}
		case ch == '\'' || ch == '"' || ch == '`':
			quote = ch
		case ch == '(':
			if depth == 0 && startsSelect(s[i+1:]) {
				start = i + 1
			}
			depth++
		case ch == ')' && depth > 0:
			depth--
			if depth == 0 && start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		}
	}
	return out
}

func startsSelect(s string) bool {
	s = strings.TrimLeft(s, " \t\r\n")
	return len(s) > 6 && strings.EqualFold(s[:6], "select") && !isIdentByte(s[6])
}

func isIdentByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// xormBuilderCall handles xorm.io/builder, xorm's SQL builder: the subjects
// of From and Into and the tables of the joins, recorded where they are
// written. A subject that is itself a builder (a subquery) is recorded at
// its own From.
func (c *fnCtx) xormBuilderCall(call *ast.CallExpr, fn *types.Func, at token.Pos) {
	if recvNamed(fn) == nil {
		return // Select, Insert, Update, Delete start a statement
	}
	var arg ast.Expr
	mode := facts.Read
	switch fn.Name() {
	case "From":
		if len(call.Args) > 0 {
			arg, mode = call.Args[0], c.builderMode(call)
		}
	case "Into":
		if len(call.Args) > 0 {
			arg, mode = call.Args[0], facts.Write
		}
	case "Join":
		if len(call.Args) > 1 {
			arg = call.Args[1]
		}
	case "LeftJoin", "RightJoin", "InnerJoin", "FullJoin", "CrossJoin":
		if len(call.Args) > 0 {
			arg = call.Args[0]
		}
	}
	if arg == nil || !isString(c.info.TypeOf(arg)) {
		return // a subquery builder: recorded at its own From
	}
	c.emitClause(arg, call.Pos(), at, mode, "xorm", false, nil)
}

// builderMode is the mode of the statement an xorm.io/builder From belongs
// to: a write under Update or Delete, else a read.
func (c *fnCtx) builderMode(call *ast.CallExpr) facts.Mode {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return facts.Read
	}
	for _, k := range c.chain(sel.X, call.Pos(), libXORMBuilder) {
		switch k.name {
		case "Update", "Delete", "Insert":
			return facts.Write
		case "Select":
			return facts.Read
		}
	}
	return facts.Read
}

// dbxCall handles ozzo-dbx (and its pocketbase fork): raw SQL of NewQuery,
// the table arguments of Insert, Upsert, Update and Delete on a builder, the
// model of a ModelQuery's Insert, Update and Delete, and a SelectQuery's
// From and joins, or, without From, the model its One, All or Model
// finishes into.
func (c *fnCtx) dbxCall(call *ast.CallExpr, fn *types.Func, at token.Pos) {
	recv := ""
	if rn := recvNamed(fn); rn != nil {
		recv = rn.Obj().Name()
	}
	name := fn.Name()
	sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	switch {
	case recv == "SelectQuery" && name == "From":
		for _, a := range call.Args {
			c.emitClause(a, call.Pos(), at, facts.Read, "dbx", false, nil)
		}
	case recv == "SelectQuery" && name == "Join" && len(call.Args) > 1:
		c.emitClause(call.Args[1], call.Pos(), at, facts.Read, "dbx", false, nil)
	case recv == "SelectQuery" && strings.HasSuffix(name, "Join") && len(call.Args) > 0:
		c.emitClause(call.Args[0], call.Pos(), at, facts.Read, "dbx", false, nil)
	case recv == "SelectQuery" && (name == "One" || name == "All" || name == "Model"):
		if sel == nil {
			return
		}
		for _, k := range c.chain(sel.X, call.Pos(), libDBX) {
			if k.name == "From" || k.name == "NewQuery" {
				return // the tables were recorded there
			}
		}
		args := call.Args
		if name == "Model" && len(args) > 1 {
			args = args[1:]
		}
		if m := c.argModel(args); m != nil {
			c.emit(at, c.x.modelTable(m, libDBX), facts.Read, "dbx", m, false)
		} else {
			c.unresolved(at)
		}
	case recv == "ModelQuery" && (name == "Insert" || name == "Update" || name == "Delete"):
		if sel == nil {
			return
		}
		for _, k := range c.chain(sel.X, call.Pos(), libDBX) {
			if k.name == "Model" && len(k.call.Args) > 0 {
				if m := modelOf(k.ctx.info.TypeOf(k.call.Args[0])); m != nil {
					c.emit(at, c.x.modelTable(m, libDBX), facts.Write, "dbx", m, false)
					return
				}
			}
		}
		c.unresolved(at)
	case name == "NewQuery" && len(call.Args) > 0:
		texts := c.eval(call.Args[0], call.Pos())
		c.sqlOrFlow(texts, call, fn, 0, at, "dbx", c.x.dialect, false)
	case (name == "Insert" || name == "Upsert" || name == "Update" || name == "Delete") && len(call.Args) > 0:
		if isString(c.info.TypeOf(call.Args[0])) {
			c.emitClause(call.Args[0], call.Pos(), at, facts.Write, "dbx", false, nil)
		}
	}
}

// isString reports whether t is a string type; nil (an expression that did
// not type-check) is not.
func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
