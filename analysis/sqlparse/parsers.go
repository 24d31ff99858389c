//go:build sqlparsers

package sqlparse

// realParsers tells that this build has the real parsers (-tags sqlparsers).
const realParsers = true

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

func (c *collector) merge(o *collector) {
	for r := range o.seen {
		c.seen[r] = struct{}{}
	}
}
