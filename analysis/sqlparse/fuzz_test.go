package sqlparse

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/decomp/decomp/analysis/facts"
)

var updateSeeds = flag.Bool("update", false, "rewrite testdata/fuzz/FuzzExtract from testdata/corpus.txt")

const seedDir = "testdata/fuzz/FuzzExtract"

// seedFile renders one fuzz seed in the format `go test` reads.
func seedFile(sql string) string {
	return "go test fuzz v1\nstring(" + strconv.Quote(sql) + ")\n"
}

// TestFuzzSeeds keeps the committed seed corpus in step with the SQL
// corpus; run with -update after editing testdata/corpus.txt.
func TestFuzzSeeds(t *testing.T) {
	entries := loadCorpus(t)
	if *updateSeeds {
		if err := os.MkdirAll(seedDir, 0o755); err != nil {
			t.Fatalf("create seed dir: %v", err)
		}
		for _, e := range entries {
			if err := os.WriteFile(filepath.Join(seedDir, e.name), []byte(seedFile(e.sql)), 0o644); err != nil {
				t.Fatalf("write seed %s: %v", e.name, err)
			}
		}
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(seedDir, e.name))
		if err != nil {
			t.Errorf("seed for %s: %v (run go test -run TestFuzzSeeds -update)", e.name, err)
			continue
		}
		if string(b) != seedFile(e.sql) {
			t.Errorf("seed for %s is stale (run go test -run TestFuzzSeeds -update)", e.name)
		}
	}
}

// FuzzExtract checks that Extract never panics and always returns a
// well-formed, deterministic Result, whatever the input and the hint.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"", ";", "(((", "'", "\"", "`", "$$", "/*", "--", "#", "[", "{{", "%", "?", "$1", ":x", "@x",
		"SELECT * FROM t WHERE a = '\\'", "WITH RECURSIVE", "DELETE a, FROM", "UPDATE SET", "INSERT INTO (",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sql string) {
		_ = DialectOf(sql)
		for _, d := range []Dialect{Unknown, Postgres, MySQL} {
			r := Extract(sql, d)
			checkResult(t, sql, d, r)
			if again := Extract(sql, d); formatTables(again.Tables) != formatTables(r.Tables) ||
				again.BestEffort != r.BestEffort || again.Statements != r.Statements {
				t.Fatalf("Extract(%q, %v) not deterministic: %+v then %+v", sql, d, r, again)
			}
		}
	})
}

// checkResult asserts the invariants every Result must hold.
func checkResult(t *testing.T, sql string, d Dialect, r Result) {
	t.Helper()
	if r.Statements < 0 {
		t.Fatalf("Extract(%q, %v): negative statement count %d", sql, d, r.Statements)
	}
	for i, tr := range r.Tables {
		if tr.Name == "" {
			t.Fatalf("Extract(%q, %v): empty table name", sql, d)
		}
		if tr.Name != strings.ToLower(tr.Name) {
			t.Fatalf("Extract(%q, %v): name %q not lower case", sql, d, tr.Name)
		}
		if strings.HasPrefix(tr.Name, "public.") {
			t.Fatalf("Extract(%q, %v): name %q keeps the public schema", sql, d, tr.Name)
		}
		if tr.Mode != facts.Read && tr.Mode != facts.Write {
			t.Fatalf("Extract(%q, %v): bad mode %q", sql, d, tr.Mode)
		}
		if i > 0 {
			p := r.Tables[i-1]
			if p.Name > tr.Name || (p.Name == tr.Name && p.Mode >= tr.Mode) {
				t.Fatalf("Extract(%q, %v): tables not sorted and unique: %v", sql, d, r.Tables)
			}
		}
	}
}
