//go:build sqlparsers

package sqlparse

import (
	"github.com/pingcap/tidb/pkg/parser"
	"github.com/pingcap/tidb/pkg/parser/ast"
	// The parser needs a value-expression driver; test_driver is the
	// dependency-free one TiDB ships for standalone parser users.
	_ "github.com/pingcap/tidb/pkg/parser/test_driver"

	"github.com/decomp/decomp/analysis/facts"
)

// parseMySQL parses sql with TiDB's MySQL grammar and records its tables in
// c. It reports the statement count and whether the parser accepted the
// text; a panic in the parser counts as a rejection.
func parseMySQL(sql string, c *collector) (n int, ok bool) {
	defer func() {
		if recover() != nil {
			n, ok = 0, false
		}
	}()
	// A Parser is not safe for concurrent use and is cheap to make, so each
	// call gets its own.
	stmts, _, err := parser.New().Parse(sql, "", "")
	if err != nil {
		return 0, false
	}
	w := &myWalker{c: c}
	for _, s := range stmts {
		w.walk(s, nil, nil)
	}
	return len(stmts), true
}

// myWalker collects the tables of a TiDB AST.
type myWalker struct {
	c *collector
}

// walk visits n, recording every table it reaches as read except those
// whose statement writes them. done holds table nodes already recorded by a
// statement handler.
func (w *myWalker) walk(n ast.Node, sc *cteScope, done map[*ast.TableName]bool) {
	if n == nil {
		return
	}
	n.Accept(&myVisitor{w: w, sc: sc, done: done})
}

func (w *myWalker) table(t *ast.TableName, mode facts.Mode, sc *cteScope) {
	if t == nil || t.Name.L == "" {
		return
	}
	if t.Schema.L == "" && sc.has(t.Name.L) {
		return
	}
	w.c.add(mode, t.Schema.O, t.Name.O)
}

// withClause scopes CTEs like the PostgreSQL walker does and returns the
// scope of the statement body.
func (w *myWalker) withClause(wc *ast.WithClause, sc *cteScope) *cteScope {
	if wc == nil {
		return sc
	}
	recursive := wc.IsRecursive
	for _, cte := range wc.CTEs {
		recursive = recursive || cte.IsRecursive
	}
	if recursive {
		for _, cte := range wc.CTEs {
			sc = sc.with(cte.Name.L)
		}
		for _, cte := range wc.CTEs {
			if cte.Query != nil {
				w.walk(cte.Query, sc, nil)
			}
		}
		return sc
	}
	for _, cte := range wc.CTEs {
		if cte.Query != nil {
			w.walk(cte.Query, sc, nil)
		}
		sc = sc.with(cte.Name.L)
	}
	return sc
}

// source is a table named at the top level of a FROM/UPDATE/DELETE clause.
type source struct {
	table *ast.TableName
	alias string
}

// topSources lists the tables joined at the top level of a table
// reference, skipping derived tables (their contents are walked as reads).
func topSources(n ast.ResultSetNode, out []source) []source {
	switch x := n.(type) {
	case *ast.Join:
		out = topSources(x.Left, out)
		if x.Right != nil {
			out = topSources(x.Right, out)
		}
	case *ast.TableSource:
		if t, ok := x.Source.(*ast.TableName); ok {
			out = append(out, source{table: t, alias: x.AsName.L})
		} else if j, ok := x.Source.(*ast.Join); ok {
			out = topSources(j, out)
		}
	case *ast.TableName:
		out = append(out, source{table: x})
	}
	return out
}

func refsSources(r *ast.TableRefsClause) []source {
	if r == nil || r.TableRefs == nil {
		return nil
	}
	return topSources(r.TableRefs, nil)
}

// myVisitor implements ast.Visitor. Statement handlers record their
// targets, then walk the rest of the statement with the targets marked done
// so they are not also recorded as reads.
type myVisitor struct {
	w    *myWalker
	sc   *cteScope
	done map[*ast.TableName]bool
}

func mark(done map[*ast.TableName]bool, ts ...*ast.TableName) map[*ast.TableName]bool {
	out := make(map[*ast.TableName]bool, len(done)+len(ts))
	for k := range done {
		out[k] = true
	}
	for _, t := range ts {
		if t != nil {
			out[t] = true
		}
	}
	return out
}

// Enter implements ast.Visitor.
func (v *myVisitor) Enter(n ast.Node) (ast.Node, bool) {
	w := v.w
	switch x := n.(type) {
	case *ast.TableName:
		if !v.done[x] {
			w.table(x, facts.Read, v.sc)
		}
		return n, true
	case *ast.SelectStmt:
		if x.With != nil {
			sc := w.withClause(x.With, v.sc)
			with := x.With
			x.With = nil
			w.walk(x, sc, v.done)
			x.With = with
			return n, true
		}
	case *ast.SetOprStmt:
		if x.With != nil {
			sc := w.withClause(x.With, v.sc)
			with := x.With
			x.With = nil
			w.walk(x, sc, v.done)
			x.With = with
			return n, true
		}
	case *ast.InsertStmt:
		var targets []*ast.TableName
		for _, s := range refsSources(x.Table) {
			w.table(s.table, facts.Write, v.sc)
			targets = append(targets, s.table)
		}
		done := mark(v.done, targets...)
		if x.Table != nil {
			w.walk(x.Table, v.sc, done)
		}
		if x.Select != nil {
			w.walk(x.Select, v.sc, done)
		}
		for _, row := range x.Lists {
			for _, e := range row {
				w.walk(e, v.sc, done)
			}
		}
		for _, a := range x.OnDuplicate {
			w.walk(a, v.sc, done)
		}
		return n, true
	case *ast.UpdateStmt:
		sc := w.withClause(x.With, v.sc)
		srcs := refsSources(x.TableRefs)
		written := updateTargets(srcs, x.List)
		var targets []*ast.TableName
		for i, s := range srcs {
			mode := facts.Read
			if written[i] {
				mode = facts.Write
			}
			w.table(s.table, mode, sc)
			targets = append(targets, s.table)
		}
		done := mark(v.done, targets...)
		with := x.With
		x.With = nil
		v2 := &myVisitor{w: w, sc: sc, done: done}
		// Walk the children of the statement, not the statement itself,
		// or this handler would run again.
		if x.TableRefs != nil {
			x.TableRefs.Accept(v2)
		}
		for _, a := range x.List {
			a.Accept(v2)
		}
		for _, e := range []ast.Node{x.Where, x.Order, x.Limit} {
			if e != nil && !isNilNode(e) {
				e.Accept(v2)
			}
		}
		x.With = with
		return n, true
	case *ast.DeleteStmt:
		sc := w.withClause(x.With, v.sc)
		srcs := refsSources(x.TableRefs)
		var targets []*ast.TableName
		if x.IsMultiTable && x.Tables != nil {
			// DELETE t1, t2 FROM ... / DELETE FROM t1, t2 USING ...: the
			// listed names (or aliases) are written, other sources read.
			want := map[string]bool{}
			for _, t := range x.Tables.Tables {
				want[t.Name.L] = true
				targets = append(targets, t)
			}
			for _, s := range srcs {
				name := s.alias
				if name == "" {
					name = s.table.Name.L
				}
				mode := facts.Read
				if want[name] || want[s.table.Name.L] {
					mode = facts.Write
				}
				w.table(s.table, mode, sc)
				targets = append(targets, s.table)
			}
		} else {
			for _, s := range srcs {
				w.table(s.table, facts.Write, sc)
				targets = append(targets, s.table)
			}
		}
		done := mark(v.done, targets...)
		v2 := &myVisitor{w: w, sc: sc, done: done}
		if x.TableRefs != nil {
			x.TableRefs.Accept(v2)
		}
		for _, e := range []ast.Node{x.Where, x.Order, x.Limit} {
			if e != nil && !isNilNode(e) {
				e.Accept(v2)
			}
		}
		return n, true
	case *ast.CreateTableStmt:
		w.table(x.Table, facts.Write, v.sc)
		if x.ReferTable != nil {
			w.table(x.ReferTable, facts.Read, v.sc)
		}
		if x.Select != nil {
			w.walk(x.Select, v.sc, v.done)
		}
		return n, true
	case *ast.CreateViewStmt:
		w.table(x.ViewName, facts.Write, v.sc)
		if x.Select != nil {
			w.walk(x.Select, v.sc, v.done)
		}
		return n, true
	case *ast.DropTableStmt:
		for _, t := range x.Tables {
			w.table(t, facts.Write, v.sc)
		}
		return n, true
	case *ast.TruncateTableStmt:
		w.table(x.Table, facts.Write, v.sc)
		return n, true
	case *ast.AlterTableStmt:
		w.table(x.Table, facts.Write, v.sc)
		return n, true
	case *ast.CreateIndexStmt:
		w.table(x.Table, facts.Write, v.sc)
		return n, true
	case *ast.DropIndexStmt:
		w.table(x.Table, facts.Write, v.sc)
		return n, true
	case *ast.RenameTableStmt:
		for _, tt := range x.TableToTables {
			w.table(tt.OldTable, facts.Write, v.sc)
		}
		return n, true
	case *ast.LoadDataStmt:
		w.table(x.Table, facts.Write, v.sc)
		return n, true
	case *ast.Constraint:
		// A REFERENCES clause names another table but touches no rows.
		return n, true
	}
	return n, false
}

// Leave implements ast.Visitor.
func (v *myVisitor) Leave(n ast.Node) (ast.Node, bool) { return n, true }

// isNilNode catches typed nil pointers stored in an ast.Node interface.
func isNilNode(n ast.Node) bool {
	switch x := n.(type) {
	case *ast.OrderByClause:
		return x == nil
	case *ast.Limit:
		return x == nil
	}
	return false
}

// updateTargets decides which sources of an UPDATE are written. A
// single-table UPDATE writes its table; a multi-table one writes the tables
// whose name or alias qualifies a SET column. When no SET column is
// qualified the statement is ambiguous without the schema, and every source
// counts as written.
func updateTargets(srcs []source, list []*ast.Assignment) []bool {
	out := make([]bool, len(srcs))
	if len(srcs) == 1 {
		out[0] = true
		return out
	}
	quals := map[string]bool{}
	for _, a := range list {
		if a.Column != nil && a.Column.Table.L != "" {
			quals[a.Column.Table.L] = true
		}
	}
	found := false
	for i, s := range srcs {
		if (s.alias != "" && quals[s.alias]) || (s.alias == "" && quals[s.table.Name.L]) {
			out[i] = true
			found = true
		}
	}
	if !found {
		for i := range out {
			out[i] = true
		}
	}
	return out
}
