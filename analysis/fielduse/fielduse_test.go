package fielduse_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/fielduse"
	"github.com/decomp/decomp/analysis/load"
	"github.com/decomp/decomp/internal/wanttest"
)

const fixtureModule = "example.com/basic/"

func loadFixture(t *testing.T) (*load.Program, string) {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "basic"))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := load.Load(context.Background(), load.Config{
		Dir: dir,
		Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off"),
	})
	if err != nil {
		t.Fatalf("load fixture: %v", err)
	}
	for _, w := range prog.Warnings {
		t.Errorf("load warning: %s %s %s", w.Pkg, w.Pos, w.Message)
	}
	return prog, dir
}

func short(id string) string {
	id = strings.TrimPrefix(id, fixtureModule)
	return strings.TrimPrefix(id, "gorm.io/")
}

func typeName(id string) string { return id[strings.LastIndexByte(id, '.')+1:] }

// TestFieldUses checks every extracted use against the fixture's want comments.
func TestFieldUses(t *testing.T) {
	prog, dir := loadFixture(t)
	_, uses := fielduse.Extract(prog)
	var findings []wanttest.Finding
	for _, u := range uses {
		msg := fmt.Sprintf("%s %s.%s in %s", u.Mode, typeName(u.Struct), u.Field, short(u.Func))
		if u.Field == fielduse.WholeField {
			msg = fmt.Sprintf("whole %s in %s", typeName(u.Struct), short(u.Func))
		}
		findings = append(findings, wanttest.Finding{Pos: u.Pos, Message: msg})
	}
	if len(findings) < 50 {
		t.Errorf("only %d findings: the fixture has more uses than that", len(findings))
	}
	wanttest.Check(t, dir, findings)
}

func render(s facts.Struct) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s generated=%v\n", short(s.Type), s.Generated)
	for _, f := range s.Fields {
		fmt.Fprintf(&b, "  %s %s", f.Name, f.Type)
		if f.Embedded != "" {
			fmt.Fprintf(&b, " via=%s", f.Embedded)
		}
		if f.Tag != "" {
			fmt.Fprintf(&b, " tag=%s", f.Tag)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestStructs checks flattening, promotion rules, tags, tables and the
// generated flag.
func TestStructs(t *testing.T) {
	prog, _ := loadFixture(t)
	structs, _ := fielduse.Extract(prog)
	got := map[string]string{}
	var ids []string
	for _, s := range structs {
		got[short(s.Type)] = render(s)
		ids = append(ids, short(s.Type))
	}
	wantIDs := "billing.Invoice models.Ambiguous models.Artist models.Audit models.Meta models.Node models.Page models.Song models.Stamp models.Track"
	if g := strings.Join(ids, " "); g != wantIDs {
		t.Errorf("structs = %s\nwant      %s", g, wantIDs)
	}
	tests := map[string]string{
		"models.Track": `models.Track generated=false
  ID int64 tag=json:"id" gorm:"primaryKey"
  Title string
  Audit example.com/basic/models.Audit tag=json:"audit"
  CreatedAt time.Time via=Audit
  UpdatedAt time.Time via=Audit
  Stamp example.com/basic/models.Stamp via=Audit
  By string via=Audit.Stamp
  Artist *example.com/basic/models.Artist
  Tags []string
  Plays int
  Price int64
  Notes database/sql.NullString
  Meta example.com/basic/models.Meta
  Rating float64
  Label string
`,
		"models.Song": `models.Song generated=false
  Model gorm.io/gorm.Model
  ID uint via=Model
  CreatedAt int64 via=Model
  Title string
`,
		"models.Node": `models.Node generated=false
  Node *example.com/basic/models.Node
  Value int
`,
		"billing.Invoice": `billing.Invoice generated=true
  Number string
  Total int64
`,
	}
	for id, want := range tests {
		if got[id] != want {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", id, got[id], want)
		}
	}
	// Ambiguous: ID comes from Track and Artist at the same depth, so it is
	// not promoted; Artist at depth 0 hides Track.Artist.
	amb := got["models.Ambiguous"]
	for _, bad := range []string{"\n  ID ", "Artist *example.com"} {
		if strings.Contains(amb, bad) {
			t.Errorf("Ambiguous lists %q:\n%s", bad, amb)
		}
	}
	for _, good := range []string{"\n  Track example.com/basic/models.Track\n", "\n  Name string via=Artist\n", "\n  By string via=Track.Audit.Stamp\n"} {
		if !strings.Contains(amb, good) {
			t.Errorf("Ambiguous lacks %q:\n%s", good, amb)
		}
	}
}

// TestDeterministic runs the extraction twice on one load.
func TestDeterministic(t *testing.T) {
	prog, _ := loadFixture(t)
	s1, u1 := fielduse.Extract(prog)
	s2, u2 := fielduse.Extract(prog)
	if fmt.Sprint(s1) != fmt.Sprint(s2) || fmt.Sprint(u1) != fmt.Sprint(u2) {
		t.Fatal("two extractions differ")
	}
	f := facts.Facts{FieldUses: append([]facts.FieldUse(nil), u1...)}
	f.Sort()
	if fmt.Sprint(f.FieldUses) != fmt.Sprint(u1) {
		t.Fatal("uses are not in facts.Sort order")
	}
}
