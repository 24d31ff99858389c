//go:build sqlparsers

package sqlparse

import (
	pg "github.com/pganalyze/pg_query_go/v6"
	pgquery "github.com/wasilibs/go-pgquery"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/decomp/decomp/analysis/facts"
)

// parsePostgres parses sql with PostgreSQL's grammar and records its tables
// in c. It reports the statement count and whether the parser accepted the
// text; a panic in the parser counts as a rejection.
func parsePostgres(sql string, c *collector) (n int, ok bool) {
	defer func() {
		if recover() != nil {
			n, ok = 0, false
		}
	}()
	tree, err := pgquery.Parse(sql)
	if err != nil || tree == nil {
		return 0, false
	}
	w := pgWalker{c: c}
	for _, raw := range tree.GetStmts() {
		w.node(raw.GetStmt(), nil)
	}
	return len(tree.GetStmts()), true
}

// cteScope is an immutable list of the CTE names visible at a point of a
// query; a one-part table name found in it is a CTE, not a table.
type cteScope struct {
	name   string
	parent *cteScope
}

func (s *cteScope) with(name string) *cteScope { return &cteScope{name: name, parent: s} }

func (s *cteScope) has(name string) bool {
	for ; s != nil; s = s.parent {
		if s.name == name {
			return true
		}
	}
	return false
}

// pgWalker walks a pg_query parse tree. Statement nodes whose target is
// written are handled explicitly; every other node is walked generically
// through protobuf reflection, so any RangeVar met there is a read.
type pgWalker struct {
	c *collector
}

// tableObject reports whether DDL on objects of type t counts as a write
// of a table (tables and views; not indexes, sequences or types).
func tableObject(t pg.ObjectType) bool {
	switch t {
	case pg.ObjectType_OBJECT_TABLE, pg.ObjectType_OBJECT_VIEW, pg.ObjectType_OBJECT_MATVIEW,
		pg.ObjectType_OBJECT_FOREIGN_TABLE:
		return true
	}
	return false
}

func (w *pgWalker) rangeVar(rv *pg.RangeVar, mode facts.Mode, sc *cteScope) {
	if rv == nil || rv.GetRelname() == "" {
		return
	}
	if rv.GetSchemaname() == "" && rv.GetCatalogname() == "" && sc.has(rv.GetRelname()) {
		return
	}
	w.c.add(mode, rv.GetCatalogname(), rv.GetSchemaname(), rv.GetRelname())
}

// withClause scopes the CTEs of a statement: a recursive WITH sees all its
// names in every body, a plain one only the names defined before. It
// returns the scope of the statement body.
func (w *pgWalker) withClause(wc *pg.WithClause, sc *cteScope) *cteScope {
	if wc == nil {
		return sc
	}
	var ctes []*pg.CommonTableExpr
	for _, n := range wc.GetCtes() {
		if cte := n.GetCommonTableExpr(); cte != nil {
			ctes = append(ctes, cte)
		}
	}
	if wc.GetRecursive() {
		for _, cte := range ctes {
			sc = sc.with(cte.GetCtename())
		}
		for _, cte := range ctes {
			w.node(cte.GetCtequery(), sc)
		}
		return sc
	}
	for _, cte := range ctes {
		w.node(cte.GetCtequery(), sc)
		sc = sc.with(cte.GetCtename())
	}
	return sc
}

// node dispatches on the concrete node inside a pg.Node wrapper.
func (w *pgWalker) node(n *pg.Node, sc *cteScope) {
	if n == nil || n.GetNode() == nil {
		return
	}
	w.message(n.ProtoReflect(), sc)
}

// message handles one protobuf message of the tree.
func (w *pgWalker) message(m protoreflect.Message, sc *cteScope) {
	if !m.IsValid() {
		return
	}
	switch x := m.Interface().(type) {
	case *pg.RangeVar:
		w.rangeVar(x, facts.Read, sc)
	case *pg.SelectStmt:
		sc = w.withClause(x.GetWithClause(), sc)
		w.fields(m, sc, "with_clause")
	case *pg.InsertStmt:
		sc = w.withClause(x.GetWithClause(), sc)
		w.rangeVar(x.GetRelation(), facts.Write, sc)
		w.fields(m, sc, "with_clause", "relation")
	case *pg.UpdateStmt:
		sc = w.withClause(x.GetWithClause(), sc)
		w.rangeVar(x.GetRelation(), facts.Write, sc)
		w.fields(m, sc, "with_clause", "relation")
	case *pg.DeleteStmt:
		sc = w.withClause(x.GetWithClause(), sc)
		w.rangeVar(x.GetRelation(), facts.Write, sc)
		w.fields(m, sc, "with_clause", "relation")
	case *pg.MergeStmt:
		sc = w.withClause(x.GetWithClause(), sc)
		w.rangeVar(x.GetRelation(), facts.Write, sc)
		w.fields(m, sc, "with_clause", "relation")
	case *pg.IntoClause: // SELECT INTO, CREATE TABLE AS, CREATE MATERIALIZED VIEW
		w.rangeVar(x.GetRel(), facts.Write, sc)
		w.fields(m, sc, "rel")
	case *pg.CreateStmt:
		w.rangeVar(x.GetRelation(), facts.Write, sc)
		w.fields(m, sc, "relation")
	case *pg.AlterTableStmt:
		if tableObject(x.GetObjtype()) {
			w.rangeVar(x.GetRelation(), facts.Write, sc)
		}
		w.fields(m, sc, "relation")
	case *pg.RenameStmt:
		if tableObject(x.GetRelationType()) || tableObject(x.GetRenameType()) {
			w.rangeVar(x.GetRelation(), facts.Write, sc)
		}
	case *pg.DropStmt:
		if tableObject(x.GetRemoveType()) {
			for _, o := range x.GetObjects() {
				var parts []string
				for _, item := range o.GetList().GetItems() {
					parts = append(parts, item.GetString_().GetSval())
				}
				w.c.add(facts.Write, parts...)
			}
		}
	case *pg.TruncateStmt:
		for _, r := range x.GetRelations() {
			w.rangeVar(r.GetRangeVar(), facts.Write, sc)
		}
	case *pg.IndexStmt:
		w.rangeVar(x.GetRelation(), facts.Write, sc)
		w.fields(m, sc, "relation")
	case *pg.ViewStmt:
		w.rangeVar(x.GetView(), facts.Write, sc)
		w.fields(m, sc, "view")
	case *pg.CreateTrigStmt:
		w.rangeVar(x.GetRelation(), facts.Write, sc)
	case *pg.RefreshMatViewStmt:
		w.rangeVar(x.GetRelation(), facts.Write, sc)
	case *pg.CopyStmt:
		mode := facts.Read
		if x.GetIsFrom() {
			mode = facts.Write
		}
		w.rangeVar(x.GetRelation(), mode, sc)
		w.fields(m, sc, "relation")
	case *pg.Constraint:
		// A REFERENCES clause names another table but touches no rows.
		w.fields(m, sc, "pktable")
	case *pg.GrantStmt, *pg.CommentStmt:
		// Privileges and comments are not data access.
	default:
		w.fields(m, sc)
	}
}

// fields walks every populated message field of m except the named ones.
func (w *pgWalker) fields(m protoreflect.Message, sc *cteScope, except ...string) {
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		if fd.Kind() != protoreflect.MessageKind {
			return true
		}
		name := string(fd.Name())
		for _, e := range except {
			if name == e {
				return true
			}
		}
		switch {
		case fd.IsList():
			l := v.List()
			for i := 0; i < l.Len(); i++ {
				w.message(l.Get(i).Message(), sc)
			}
		case fd.IsMap():
		default:
			w.message(v.Message(), sc)
		}
		return true
	})
}
