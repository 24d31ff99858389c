//go:build sqlparsers

package sqlparse

import "testing"

// parsersAccept tells which real parser accepts a text on its own.
func parsersAccept(sql string, toks []token) (pg, my bool) {
	_, pg = parsePostgres(rewriteForPostgres(sql, toks), newCollector())
	_, my = parseMySQL(rewriteForMySQL(sql, toks), newCollector())
	return pg, my
}

func TestRewritePlaceholders(t *testing.T) {
	cases := []struct {
		sql, pg, my string
	}{
		{"SELECT ? , ?", "SELECT $1 , $2", "SELECT ? , ?"},
		{"SELECT :a, :b, @c", "SELECT $1, $2, $3", "SELECT ?, ?, @c"},
		{"SELECT $2, ?", "SELECT $2, ?", "SELECT ?, ?"},
		{"SELECT $1, :x", "SELECT $1, $2", "SELECT ?, ?"},
		{"SELECT a::int, '?', ':x', \"@y\"", "SELECT a::int, '?', ':x', \"@y\"", "SELECT a::int, '?', ':x', \"@y\""},
		{"SELECT x FROM t WHERE d ?| array['a'] AND e @> '{}'", "SELECT x FROM t WHERE d ?| array['a'] AND e @> '{}'", "SELECT x FROM t WHERE d ?| array['a'] AND e @> '{}'"},
		{"SELECT a[1:2], b := 3", "SELECT a[1:2], b := 3", "SELECT a[1:2], b := 3"},
	}
	for _, tc := range cases {
		toks := lex(tc.sql, Unknown)
		if got := rewriteForPostgres(tc.sql, toks); got != tc.pg {
			t.Errorf("rewriteForPostgres(%q) = %q, want %q", tc.sql, got, tc.pg)
		}
		if got := rewriteForMySQL(tc.sql, toks); got != tc.my {
			t.Errorf("rewriteForMySQL(%q) = %q, want %q", tc.sql, got, tc.my)
		}
	}
}
