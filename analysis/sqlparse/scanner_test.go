package sqlparse

import (
	"strings"
	"testing"
)

// scanOnly runs the tolerant scanner alone, as Extract does for rejected text.
func scanOnly(sql string, d Dialect) []TableRef {
	c := newCollector()
	for _, p := range splitStatements(sql, lex(sql, d)) {
		scan(lex(p, d), c)
	}
	return c.result(0, true).Tables
}

func TestScannerOnCorpus(t *testing.T) {
	agree := 0
	entries := loadCorpus(t)
	for _, e := range entries {
		got := scanOnly(e.sql, e.dialect)
		for _, r := range got {
			checkScannedName(t, e.name, r.Name)
		}
		if formatTables(got) == formatTables(e.tables) {
			agree++
		} else {
			t.Logf("%s: scanner %s, parser %s", e.name, formatTables(got), formatTables(e.tables))
		}
	}
	t.Logf("scanner agrees with the expected tables on %d/%d corpus entries", agree, len(entries))
}

// checkScannedName fails when the scanner returned something that cannot
// be a table: a keyword, a placeholder or a template hole.
func checkScannedName(t *testing.T, where, name string) {
	t.Helper()
	if name == "" || strings.ContainsAny(name, "$?%{}:@\t\n()'`\"[];,") {
		t.Errorf("%s: scanner returned %q", where, name)
	}
	for _, part := range strings.Split(name, ".") {
		if reserved[strings.ToUpper(part)] {
			t.Errorf("%s: scanner returned keyword %q", where, name)
		}
	}
}

func TestScannerTricky(t *testing.T) {
	cases := []struct {
		name    string
		dialect Dialect
		sql     string
		want    string
	}{
		{"extract from", Unknown, "SELECT EXTRACT(YEAR FROM created_at) FROM orders WHERE", "orders:r"},
		{"substring from", Unknown, "SELECT SUBSTRING(name FROM 2 FOR 3), TRIM(BOTH ' ' FROM nick) FROM users WHERE", "users:r"},
		{"is distinct from", Unknown, "SELECT * FROM a WHERE x IS DISTINCT FROM y AND", "a:r"},
		{"keyword in string", Unknown, "SELECT * FROM users WHERE name = 'x FROM secrets' AND", "users:r"},
		{"glued hole", Unknown, "SELECT * FROM events_%s WHERE id = ?", "-"},
		{"hole schema", Unknown, "SELECT * FROM %s.users WHERE", "-"},
		{"hole then join", Unknown, "SELECT * FROM %s t JOIN users u ON u.id = t.uid WHERE", "users:r"},
		{"function with alias cols", Postgres, "SELECT * FROM unnest(:ids) AS u(id) JOIN items i ON i.id = u.id WHERE", "items:r"},
		{"function then table", Unknown, "SELECT * FROM generate_series(1, 10) g, orders o WHERE", "orders:r"},
		{"derived then table", Unknown, "SELECT * FROM (SELECT * FROM a) x, b WHERE", "a:r b:r"},
		{"parenthesised join", Unknown, "SELECT * FROM (a JOIN b ON a.id = b.id) WHERE", "a:r b:r"},
		{"for update", Unknown, "SELECT * FROM t WHERE id = ? FOR UPDATE OF t NOWAIT AND", "t:r"},
		{"on duplicate key update", MySQL, "INSERT INTO t (a) VALUES (?) ON DUPLICATE KEY UPDATE a = %s", "t:w"},
		{"do update", Postgres, "INSERT INTO t (a) VALUES ($1) ON CONFLICT (a) DO UPDATE SET %s", "t:w"},
		{"recursive cte", Unknown, "WITH RECURSIVE r AS (SELECT 1 UNION SELECT n+1 FROM r WHERE n < 10) SELECT * FROM r JOIN nums ON", "nums:r"},
		{"cte self reference", Unknown, "WITH users AS (SELECT * FROM users WHERE %s) SELECT * FROM users", "users:r"},
		{"two ctes", Unknown, "WITH a AS (SELECT * FROM t1), b AS (SELECT * FROM a JOIN t2 ON) SELECT * FROM b", "t1:r t2:r"},
		{"references", Unknown, "CREATE TABLE x (id int REFERENCES y(id) ON DELETE CASCADE ON UPDATE CASCADE, %s)", "x:w"},
		{"create table as", Unknown, "CREATE TABLE IF NOT EXISTS x AS SELECT * FROM y WHERE %s", "x:w y:r"},
		{"dangling delete", Unknown, "DELETE FROM", "-"},
		{"dangling select", Unknown, "SELECT * FROM", "-"},
		{"union", Unknown, "SELECT a FROM t1 UNION SELECT b FROM t2 WHERE", "t1:r t2:r"},
		{"update modifiers", MySQL, "UPDATE LOW_PRIORITY IGNORE t SET %s", "t:w"},
		{"multi-table update", MySQL, "UPDATE a JOIN b ON a.id = b.id SET %s", "a:w b:r"},
		{"go template table", Unknown, "INSERT INTO {{.Table}} (a) VALUES", "-"},
		{"shell template table", Unknown, "SELECT * FROM ${table} WHERE", "-"},
		{"mybatis table", Unknown, "SELECT * FROM #{table} WHERE", "-"},
		{"at placeholder", Unknown, "SELECT * FROM users WHERE id = @id AND", "users:r"},
		{"bracket name with space", Unknown, "SELECT * FROM [my table] WHERE", "my table:r"},
		{"array subscript is not a name", Postgres, "SELECT tags[1] FROM posts WHERE %s", "posts:r"},
		{"lateral", Unknown, "SELECT * FROM t1 t LEFT JOIN LATERAL (SELECT * FROM t2) x ON true WHERE", "t1:r t2:r"},
		{"escaped quote name", Postgres, `SELECT * FROM "Weird""Name" WHERE`, `weird"name:r`},
		{"mysql hash comment", MySQL, "SELECT * FROM t # FROM secret\nWHERE", "t:r"},
		{"postgres hash operator", Postgres, "SELECT data #> '{a}' FROM docs WHERE", "docs:r"},
		{"backslash in mysql string", MySQL, `SELECT * FROM t WHERE a = 'it\'s FROM x' AND`, "t:r"},
		{"only punctuation", Unknown, ")))(((;;;", "-"},
		{"keywords only", Unknown, "FROM FROM JOIN ON ON INTO UPDATE TABLE", "-"},
		{"truncate list", Unknown, "TRUNCATE a, b %s", "a:w b:w"},
		{"drop list", Unknown, "DROP TABLE IF EXISTS a, b CASCADE %s", "a:w b:w"},
		{"alter only", Postgres, "ALTER TABLE ONLY public.t ADD %s", "t:w"},
		{"select into", Unknown, "SELECT * INTO backup FROM t WHERE %s", "backup:w t:r"},
		{"select into variable", MySQL, "SELECT id INTO @v FROM t WHERE %s", "t:r"},
		{"create index using", Postgres, "CREATE INDEX idx ON t USING gin (col) WHERE %s", "t:w"},
		{"unterminated subquery", Unknown, "SELECT * FROM t WHERE x IN (SELECT y FROM u", "t:r u:r"},
		{"multi-table delete", MySQL, "DELETE a FROM x a JOIN y b ON a.id = b.id WHERE %s", "x:w y:r"},
		{"delete using", Postgres, "DELETE FROM t USING u WHERE t.id = u.id AND %s", "t:w u:r"},
		{"merge", Unknown, "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET %s", "s:r t:w"},
		{"fragment", Unknown, "FROM orders o LEFT JOIN users u ON u.id = o.user_id", "orders:r users:r"},
		{"select list fragment", Unknown, "o.id, u.name FROM orders o, users u WHERE", "orders:r users:r"},
		{"unterminated string", Unknown, "SELECT * FROM t WHERE a = 'oops FROM x", "t:r"},
		{"catalog dropped", Unknown, "SELECT * FROM db.Sales.Orders WHERE %s", "sales.orders:r"},
		{"schema public dropped", Unknown, "SELECT * FROM public.users JOIN crm.leads l ON %s", "crm.leads:r users:r"},
		{"second statement", Unknown, "SELECT * FROM a WHERE %s; DELETE FROM b WHERE %s", "a:r b:w"},
		{"table shorthand", Postgres, "TABLE users", "users:r"},
		{"copy from stdin", Postgres, "COPY imports (id, payload) FROM STDIN %s", "imports:w"},
		{"copy to", Postgres, "COPY exports TO STDOUT %s", "exports:r"},
		{"copy query", Postgres, "COPY (SELECT * FROM t) TO STDOUT %s", "t:r"},
		{"create like", MySQL, "CREATE TABLE a.b LIKE c %s", "a.b:w c:r"},
		{"like in create as", Unknown, "CREATE TABLE a AS SELECT * FROM b WHERE x LIKE y %s", "a:w b:r"},
		{"rename", MySQL, "RENAME TABLE old TO new %s", "old:w"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := scanOnly(tc.sql, tc.dialect)
			if g := formatTables(got); g != tc.want {
				t.Errorf("scan(%q) = %s, want %s", tc.sql, g, tc.want)
			}
			for _, r := range got {
				if !strings.ContainsAny(r.Name, " \"") {
					checkScannedName(t, tc.name, r.Name)
				}
			}
		})
	}
}
