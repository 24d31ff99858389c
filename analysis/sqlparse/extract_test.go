package sqlparse

import (
	"strings"
	"testing"
)

func TestExtractStatementMix(t *testing.T) {
	cases := []struct {
		name       string
		sql        string
		d          Dialect
		want       string
		bestEffort bool
		stmts      int
	}{
		{"one bad statement among good ones", "SELECT * FROM a; SELECT * FROM %s WHERE x; DELETE FROM b WHERE id = $1", Postgres, "a:r b:w", true, 3},
		{"dialects mixed per statement", "SELECT * FROM `a`; INSERT INTO b (x) VALUES ($1) ON CONFLICT DO NOTHING", Unknown, "a:r b:w", false, 2},
		{"trailing semicolons and comments", "SELECT 1 FROM t;;; -- done\n;", Unknown, "t:r", false, 1},
		{"semicolon in string", "INSERT INTO notes (body) VALUES ('a; DROP TABLE users')", Unknown, "notes:w", false, 1},
		{"semicolon in dollar quote", "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT * FROM t", Postgres, "t:r", false, 2},
		{"whitespace only", " \n\t ", Unknown, "-", false, 0},
		{"garbage", "hello world", Unknown, "-", true, 1},
		{"read and write of one table", "UPDATE t SET n = (SELECT max(n) FROM t) + 1", Unknown, "t:r t:w", false, 1},
		{"question mark jsonb operator kept", "SELECT * FROM docs WHERE data ? 'k' AND id = $1", Postgres, "docs:r", false, 1},
		{"sqlx named with cast", "SELECT * FROM t WHERE a = :a::int AND b = :b", Unknown, "t:r", false, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := Extract(tc.sql, tc.d)
			if g := formatTables(r.Tables); g != tc.want {
				t.Errorf("tables = %s, want %s", g, tc.want)
			}
			if r.BestEffort != tc.bestEffort {
				t.Errorf("BestEffort = %v, want %v", r.BestEffort, tc.bestEffort)
			}
			if r.Statements != tc.stmts {
				t.Errorf("Statements = %d, want %d", r.Statements, tc.stmts)
			}
			checkResult(t, tc.sql, tc.d, r)
		})
	}
}

func TestDialectOf(t *testing.T) {
	cases := []struct {
		sql  string
		want Dialect
	}{
		{"SELECT * FROM t WHERE id = $1", Postgres},
		{"SELECT * FROM t WHERE id = ?", MySQL},
		{"SELECT * FROM `t`", MySQL},
		{"SELECT id::text FROM t", Postgres},
		{"INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING", Postgres},
		{"INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = 1", MySQL},
		{"REPLACE INTO t (a) VALUES (1)", MySQL},
		{"SELECT * FROM t LIMIT 10, 20", MySQL},
		{"SELECT * FROM t # comment", MySQL},
		{"SELECT * FROM t", Unknown},
		{"SELECT * FROM t WHERE a = :a", Unknown},
		{"SELECT '$1', '?' FROM t", Unknown},
		{"-- $1 ? `x`\nSELECT 1", Unknown},
		{"SELECT * FROM t WHERE a = ? AND b::int = 1", Postgres},
		{"", Unknown},
	}
	for _, tc := range cases {
		if got := DialectOf(tc.sql); got != tc.want {
			t.Errorf("DialectOf(%q) = %v, want %v", tc.sql, got, tc.want)
		}
	}
}

func TestLex(t *testing.T) {
	kinds := map[tokKind]string{
		tkWord: "w", tkQuoted: "q", tkString: "s", tkNumber: "n", tkParam: "p", tkHole: "h",
		tkPunct: ".", tkComment: "c",
	}
	cases := []struct {
		sql  string
		d    Dialect
		want string // kind:text pairs
	}{
		{"SELECT a FROM t", Unknown, "w:SELECT w:a w:FROM w:t"},
		{`"A""b" ` + "`c``d` [e f]", Unknown, `q:A"b q:c` + "`d q:e f"},
		{"x[1] ARRAY[2]", Postgres, "w:x .:[ n:1 .:] w:ARRAY .:[ n:2 .:]"},
		{"'it''s' E'a\\'b' $$x$$ $t$y$t$", Postgres, `s:'it''s' s:E'a\'b' s:$$x$$ s:$t$y$t$`},
		{"$1 ? :n @m @@v", Unknown, "p:$1 p:? p::n p:@m .:@ .:@ w:v"},
		{"a::int -- c\n/* d */ # e", MySQL, "w:a .::: w:int c:-- c c:/* d */ c:# e"},
		{"a #> b # c", Postgres, "w:a .:#> w:b .:# w:c"},
		{"t_%s %[1]d {{.X}} ${y} #{z} %", Unknown, "h:t_%s h:%[1]d h:{{.X}} h:${y} h:#{z} .:%"},
		{"/* a /* b */ c */ d", Postgres, "c:/* a /* b */ c */ w:d"},
		{"'unterminated", Unknown, "s:'unterminated"},
		{"1.5e-3 0x1F", Unknown, "n:1.5e-3 n:0x1F"},
	}
	for _, tc := range cases {
		var parts []string
		for _, tk := range lex(tc.sql, tc.d) {
			parts = append(parts, kinds[tk.kind]+":"+tk.text)
		}
		if got := strings.Join(parts, " "); got != tc.want {
			t.Errorf("lex(%q, %v) = %s, want %s", tc.sql, tc.d, got, tc.want)
		}
	}
}

func TestNormalizeName(t *testing.T) {
	cases := []struct {
		parts []string
		want  string
	}{
		{[]string{"Users"}, "users"},
		{[]string{"public", "Users"}, "users"},
		{[]string{"PUBLIC", "users"}, "users"},
		{[]string{"Billing", "Invoices"}, "billing.invoices"},
		{[]string{"db", "sales", "orders"}, "sales.orders"},
		{[]string{"", "", "t"}, "t"},
		{[]string{"", ""}, ""},
	}
	for _, tc := range cases {
		if got := normalizeName(tc.parts...); got != tc.want {
			t.Errorf("normalizeName(%q) = %q, want %q", tc.parts, got, tc.want)
		}
	}
}

// TestExtractConcurrent checks that Extract may be called from many
// goroutines (the analysis runs packages in parallel) and answers the same.
func TestExtractConcurrent(t *testing.T) {
	entries := loadCorpus(t)
	want := make([]string, len(entries))
	for i, e := range entries {
		want[i] = formatTables(Extract(e.sql, e.dialect).Tables)
	}
	const workers = 4
	errs := make(chan string, workers*len(entries))
	done := make(chan struct{})
	for w := 0; w < workers; w++ {
		go func(w int) {
			defer func() { done <- struct{}{} }()
			for k := range entries {
				i := (k + w*len(entries)/workers) % len(entries)
				if got := formatTables(Extract(entries[i].sql, entries[i].dialect).Tables); got != want[i] {
					errs <- entries[i].name + ": " + got + " != " + want[i]
				}
			}
		}(w)
	}
	for w := 0; w < workers; w++ {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
