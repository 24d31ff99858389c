// Package sqlparse turns SQL text found in Go code into the tables it
// touches and how (read or write).
//
// Two real parsers do the work, one per dialect, both pure Go so that
// `go install` needs no C compiler:
//
//   - PostgreSQL: github.com/wasilibs/go-pgquery, the PostgreSQL server's own
//     grammar (libpg_query) compiled to WebAssembly and run by wazero. The
//     first parse in a process pays about a second to compile the module;
//     build with `-tags pgquery_cgo` to use the cgo libpg_query instead.
//   - MySQL: github.com/pingcap/tidb/pkg/parser, TiDB's MySQL-compatible
//     grammar.
//
// DialectOf picks which parser goes first; the other is tried when the first
// rejects the text. Statements both reject (other dialects, templated
// fragments with %s or {{...}} holes, SQL cut short by string
// concatenation) go through a tolerant token scanner and are flagged
// BestEffort.
//
// Extract never panics and never fails: a panic inside a third-party parser
// is recovered and treated as a rejection.
package sqlparse

import (
	"sort"
	"strings"

	"github.com/decomp/decomp/analysis/facts"
)

// TableRef is one table touched by a statement and how.
type TableRef struct {
	// Name is normalised: lower case, unquoted, "schema.table" when a schema
	// other than "public" was given.
	Name string
	Mode facts.Mode
}

// Result is what Extract found in one SQL text.
type Result struct {
	// Tables are sorted by Name then Mode; a table both read and written
	// appears twice.
	Tables []TableRef
	// BestEffort is set when a real parser rejected at least one statement
	// and the tolerant scanner supplied its tables.
	BestEffort bool
	// Statements is the number of statements found.
	Statements int
}

// Extract returns the tables that sql reads and writes. The dialect is a
// hint: Unknown asks DialectOf, and the parser of the other dialect is
// always tried before falling back to the scanner.
func Extract(sql string, d Dialect) Result {
	toks := lex(sql, d)
	if d == Unknown {
		pg, my := dialectScores(toks)
		switch {
		case pg > my:
			d = Postgres
		case my > pg:
			d = MySQL
		}
		// Re-lex with the chosen dialect only where it matters: '#' and
		// backslashes are read differently.
		if d != Unknown && strings.ContainsAny(sql, "#\\") {
			toks = lex(sql, d)
		}
	}
	pieces := splitStatements(sql, toks)
	if len(pieces) == 0 {
		return Result{}
	}

	c := newCollector()
	// The whole text first: parsers see multi-statement scripts as a unit
	// and count statements themselves.
	if n, ok := parseAny(sql, toks, d, c); ok {
		return c.result(n, false)
	}
	// Then each statement on its own, so one bad statement does not send
	// its well-formed neighbours to the scanner.
	c = newCollector()
	best := false
	for _, p := range pieces {
		ptoks := lex(p, d)
		if len(pieces) > 1 {
			if _, ok := parseAny(p, ptoks, d, c); ok {
				continue
			}
		}
		best = true
		scan(ptoks, c)
	}
	return c.result(len(pieces), best)
}

// parseAny runs the dialect's parser, then the other one, and reports the
// statement count of the first that accepts the text. Tables found by a
// parser that then rejects are discarded.
func parseAny(sql string, toks []token, d Dialect, c *collector) (int, bool) {
	order := [2]Dialect{Postgres, MySQL}
	if d == MySQL {
		order = [2]Dialect{MySQL, Postgres}
	}
	for _, p := range order {
		local := newCollector()
		var n int
		var ok bool
		switch p {
		case Postgres:
			n, ok = parsePostgres(rewriteForPostgres(sql, toks), local)
		case MySQL:
			n, ok = parseMySQL(rewriteForMySQL(sql, toks), local)
		}
		if ok {
			c.merge(local)
			return n, true
		}
	}
	return 0, false
}

// collector gathers table references without duplicates.
type collector struct {
	seen map[TableRef]struct{}
}

func newCollector() *collector { return &collector{seen: map[TableRef]struct{}{}} }

// add records a table given as name parts (catalog, schema, table; any
// leading part may be absent), normalising it first. Empty names are dropped.
func (c *collector) add(mode facts.Mode, parts ...string) {
	if name := normalizeName(parts...); name != "" {
		c.seen[TableRef{Name: name, Mode: mode}] = struct{}{}
	}
}

func (c *collector) merge(o *collector) {
	for r := range o.seen {
		c.seen[r] = struct{}{}
	}
}

func (c *collector) result(statements int, bestEffort bool) Result {
	r := Result{BestEffort: bestEffort, Statements: statements}
	if len(c.seen) > 0 {
		r.Tables = make([]TableRef, 0, len(c.seen))
		for t := range c.seen {
			r.Tables = append(r.Tables, t)
		}
		sort.Slice(r.Tables, func(i, j int) bool {
			if r.Tables[i].Name != r.Tables[j].Name {
				return r.Tables[i].Name < r.Tables[j].Name
			}
			return r.Tables[i].Mode < r.Tables[j].Mode
		})
	}
	return r
}

// normalizeName lower-cases and joins the last two non-empty parts of a
// qualified name, dropping a "public" schema and any catalog.
func normalizeName(parts ...string) string {
	var kept []string
	for _, p := range parts {
		p = strings.ToLower(strings.TrimSpace(p))
		if p != "" {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		return ""
	}
	if len(kept) > 2 {
		kept = kept[len(kept)-2:]
	}
	if len(kept) == 2 && kept[0] == "public" {
		kept = kept[1:]
	}
	return strings.Join(kept, ".")
}
