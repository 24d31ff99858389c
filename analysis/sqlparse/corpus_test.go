package sqlparse

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/decomp/decomp/analysis/facts"
)

// corpusEntry is one statement of testdata/corpus.txt with its expectations.
type corpusEntry struct {
	name    string
	dialect Dialect
	// parser tells whether a real parser must accept the text (false: the
	// scanner answers and BestEffort is set).
	parser bool
	tables []TableRef
	// stmts is the expected statement count, -1 when not given.
	stmts int
	// exactHint limits the hint check to the entry's own dialect.
	exactHint bool
	sql       string
}

// loadCorpus reads testdata/corpus.txt; see the header of that file for the
// format.
func loadCorpus(t testing.TB) []corpusEntry {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "corpus.txt"))
	if err != nil {
		t.Fatalf("read corpus: %v", err)
	}
	var out []corpusEntry
	blocks := strings.Split(string(b), "\n=== ")
	for _, blk := range blocks[1:] {
		e, err := parseEntry(blk)
		if err != nil {
			t.Fatalf("corpus: %v", err)
		}
		out = append(out, e)
	}
	return out
}

func parseEntry(blk string) (corpusEntry, error) {
	lines := strings.Split(blk, "\n")
	e := corpusEntry{name: strings.TrimSpace(lines[0]), stmts: -1}
	i := 1
	seen := map[string]bool{}
	for ; i < len(lines); i++ {
		k, v, ok := strings.Cut(lines[i], ": ")
		if !ok {
			if strings.HasSuffix(lines[i], ":") && lines[i] == "tables:" {
				k, v, ok = "tables", "", true
			}
		}
		if !ok || !map[string]bool{"dialect": true, "parser": true, "tables": true, "stmts": true, "hint": true}[k] {
			break
		}
		seen[k] = true
		v = strings.TrimSpace(v)
		switch k {
		case "dialect":
			switch v {
			case "postgres":
				e.dialect = Postgres
			case "mysql":
				e.dialect = MySQL
			case "unknown":
				e.dialect = Unknown
			default:
				return e, fmt.Errorf("%s: bad dialect %q", e.name, v)
			}
		case "parser":
			if v != "yes" && v != "no" {
				return e, fmt.Errorf("%s: bad parser %q", e.name, v)
			}
			e.parser = v == "yes"
		case "tables":
			if v == "-" {
				continue
			}
			for _, f := range strings.Fields(v) {
				j := strings.LastIndexByte(f, ':')
				if j < 0 {
					return e, fmt.Errorf("%s: bad table %q", e.name, f)
				}
				var m facts.Mode
				switch f[j+1:] {
				case "r":
					m = facts.Read
				case "w":
					m = facts.Write
				default:
					return e, fmt.Errorf("%s: bad mode in %q", e.name, f)
				}
				e.tables = append(e.tables, TableRef{Name: f[:j], Mode: m})
			}
		case "hint":
			if v != "exact" {
				return e, fmt.Errorf("%s: bad hint %q", e.name, v)
			}
			e.exactHint = true
		case "stmts":
			n, err := strconv.Atoi(v)
			if err != nil {
				return e, fmt.Errorf("%s: bad stmts %q", e.name, v)
			}
			e.stmts = n
		}
	}
	for _, k := range []string{"dialect", "parser", "tables"} {
		if !seen[k] {
			return e, fmt.Errorf("%s: missing %s", e.name, k)
		}
	}
	sort.Slice(e.tables, func(a, b int) bool {
		if e.tables[a].Name != e.tables[b].Name {
			return e.tables[a].Name < e.tables[b].Name
		}
		return e.tables[a].Mode < e.tables[b].Mode
	})
	e.sql = strings.TrimSpace(strings.Join(lines[i:], "\n"))
	return e, nil
}

func formatTables(ts []TableRef) string {
	if len(ts) == 0 {
		return "-"
	}
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.Name + ":" + string(t.Mode)[:1]
	}
	return strings.Join(parts, " ")
}

func TestCorpus(t *testing.T) {
	entries := loadCorpus(t)
	if len(entries) < 70 {
		t.Fatalf("corpus has %d entries, want at least 70", len(entries))
	}
	names := map[string]bool{}
	type rate struct{ parsed, pg, my, total int }
	rates := map[string]*rate{}
	for _, e := range entries {
		if names[e.name] {
			t.Errorf("duplicate corpus entry %s", e.name)
		}
		names[e.name] = true
		t.Run(e.name, func(t *testing.T) {
			if got := DialectOf(e.sql); got != e.dialect {
				t.Errorf("DialectOf = %v, want %v", got, e.dialect)
			}
			// With no hint and with each explicit one: the hint orders the
			// parsers but must not change the answer.
			hints := []Dialect{Unknown, Postgres, MySQL}
			if e.exactHint {
				hints = []Dialect{Unknown, e.dialect}
			}
			for _, d := range hints {
				got := Extract(e.sql, d)
				if g, w := formatTables(got.Tables), formatTables(e.tables); g != w {
					t.Errorf("Extract(%v) tables = %s, want %s", d, g, w)
				}
				if got.BestEffort == e.parser {
					t.Errorf("Extract(%v) BestEffort = %v, want %v", d, got.BestEffort, !e.parser)
				}
				if e.stmts >= 0 && got.Statements != e.stmts {
					t.Errorf("Extract(%v) Statements = %d, want %d", d, got.Statements, e.stmts)
				}
			}
		})
		// Rates by idiom (name prefix: pg, my, any, be), for Extract and for
		// each real parser alone.
		group, _, _ := strings.Cut(e.name, "_")
		r := rates[group]
		if r == nil {
			r = &rate{}
			rates[group] = r
		}
		r.total++
		if !Extract(e.sql, e.dialect).BestEffort {
			r.parsed++
		}
		pg, my := parsersAccept(e.sql, lex(e.sql, e.dialect))
		if pg {
			r.pg++
		}
		if my {
			r.my++
		}
	}
	groups := make([]string, 0, len(rates))
	for g := range rates {
		groups = append(groups, g)
	}
	sort.Strings(groups)
	for _, g := range groups {
		r := rates[g]
		t.Logf("%-4s %3d entries: real parser %3d, PostgreSQL parser alone %3d, MySQL parser alone %3d",
			g, r.total, r.parsed, r.pg, r.my)
	}
}
