// Package wanttest checks extracted facts against expectations written next
// to the fixture code, in the style of x/tools' analysistest:
//
//	rows, err := db.Query("SELECT * FROM users") // want "read users"
//
// Each `// want` comment holds one or more Go string literals, each a regular
// expression that must match exactly one finding reported on that line; every
// finding must be matched by an expectation.
package wanttest

import (
	"fmt"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// Finding is one fact rendered for comparison: Pos is a "file:line" relative
// to the fixture root, Message the text the expectations match.
type Finding struct {
	Pos     string
	Message string
}

type expectation struct {
	pos string
	re  *regexp.Regexp
	raw string
	hit bool
}

// Check compares findings with the `// want` comments of every .go file under
// root (directories named third_party are skipped: they hold stand-ins for
// real libraries).
func Check(t testing.TB, root string, findings []Finding) {
	t.Helper()
	exps, err := Expectations(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range Compare(exps, findings) {
		t.Error(p)
	}
}

// Compare returns one problem line per unmatched finding or expectation.
func Compare(exps []Expectation, findings []Finding) []string {
	var es []*expectation
	byPos := map[string][]*expectation{}
	for _, e := range exps {
		x := &expectation{pos: e.Pos, re: e.Re, raw: e.Re.String()}
		es = append(es, x)
		byPos[e.Pos] = append(byPos[e.Pos], x)
	}
	var problems []string
	sorted := append([]Finding(nil), findings...)
	sort.Slice(sorted, func(i, j int) bool {
		if sorted[i].Pos != sorted[j].Pos {
			return sorted[i].Pos < sorted[j].Pos
		}
		return sorted[i].Message < sorted[j].Message
	})
	for _, f := range sorted {
		matched := false
		for _, e := range byPos[f.Pos] {
			if !e.hit && e.re.MatchString(f.Message) {
				e.hit, matched = true, true
				break
			}
		}
		if !matched {
			problems = append(problems, fmt.Sprintf("%s: unexpected finding %q", f.Pos, f.Message))
		}
	}
	for _, e := range es {
		if !e.hit {
			problems = append(problems, fmt.Sprintf("%s: no finding matched %q", e.pos, e.raw))
		}
	}
	return problems
}

// Expectation is one parsed `want` pattern.
type Expectation struct {
	Pos string
	Re  *regexp.Regexp
}

var wantRE = regexp.MustCompile(`//\s*want\s+(.*)$`)

// Expectations parses the `// want` comments of the .go files under root.
func Expectations(root string) ([]Expectation, error) {
	var out []Expectation
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "third_party" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		for i, line := range strings.Split(string(src), "\n") {
			m := wantRE.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			pats, err := literals(m[1])
			if err != nil {
				return fmt.Errorf("%s:%d: bad want comment: %w", rel, i+1, err)
			}
			for _, p := range pats {
				re, err := regexp.Compile(p)
				if err != nil {
					return fmt.Errorf("%s:%d: bad want pattern: %w", rel, i+1, err)
				}
				out = append(out, Expectation{Pos: rel + ":" + strconv.Itoa(i+1), Re: re})
			}
		}
		return nil
	})
	return out, err
}

// literals scans a sequence of Go string literals.
func literals(s string) ([]string, error) {
	var sc scanner.Scanner
	fset := token.NewFileSet()
	file := fset.AddFile("want", -1, len(s))
	var errs []string
	sc.Init(file, []byte(s), func(_ token.Position, msg string) { errs = append(errs, msg) }, 0)
	var out []string
	for {
		_, tok, lit := sc.Scan()
		switch tok {
		case token.EOF, token.SEMICOLON:
			if len(errs) > 0 {
				return nil, fmt.Errorf("%s", errs[0])
			}
			if len(out) == 0 {
				return nil, fmt.Errorf("no patterns")
			}
			return out, nil
		case token.STRING:
			v, err := strconv.Unquote(lit)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		default:
			return nil, fmt.Errorf("want a string literal, got %s", tok)
		}
	}
}
