package judge

import (
	"encoding/json"
	"fmt"
	"github.com/decomp/decomp/internal/testenv"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/cluster"
)

// modelFixture builds facts and a decomposition by hand.
type modelFixture struct {
	f    facts.Facts
	d    cluster.Decomposition
	line int
}

func newModelFixture(contexts ...string) *modelFixture {
	fx := &modelFixture{d: cluster.Decomposition{FuncContext: map[string]int{}, TypeContext: map[string]int{}}}
	for i, c := range contexts {
		fx.d.Contexts = append(fx.d.Contexts, cluster.Context{ID: i, Name: c})
	}
	return fx
}

// model adds a struct; fields are "Name Type" or "Name Type `tag`", and
// "via:Path Name Type" for promoted fields.
func (fx *modelFixture) model(id string, generated bool, fields ...string) {
	s := facts.Struct{Type: id, Generated: generated}
	for _, spec := range fields {
		var fl facts.Field
		if rest, ok := strings.CutPrefix(spec, "via:"); ok {
			fl.Embedded, spec, _ = strings.Cut(rest, " ")
		}
		if i := strings.IndexByte(spec, '`'); i >= 0 {
			fl.Tag = strings.Trim(spec[i:], "`")
			spec = strings.TrimSpace(spec[:i])
		}
		fl.Name, fl.Type, _ = strings.Cut(spec, " ")
		s.Fields = append(s.Fields, fl)
	}
	fx.f.Structs = append(fx.f.Structs, s)
}

// padded returns n unused string fields named Extra01...
func padded(n int) []string {
	var out []string
	for i := 1; i <= n; i++ {
		out = append(out, fmt.Sprintf("Extra%02d string", i))
	}
	return out
}

// use records uses by a function of context ctx (-1: no context); spec is
// "Field:r", "Field:w", "Field:rw" or "*".
func (fx *modelFixture) use(ctx int, fn, model string, specs ...string) {
	if ctx >= 0 {
		fx.d.FuncContext[fn] = ctx
	}
	for _, spec := range specs {
		field, mode, _ := strings.Cut(spec, ":")
		if field == "*" {
			mode = "r"
		}
		for _, m := range mode {
			fx.line++
			fm := facts.Read
			if m == 'w' {
				fm = facts.Write
			}
			file := "internal/" + strings.ReplaceAll(fn[strings.LastIndexByte(fn, '/')+1:], ".", "_") + ".go"
			fx.f.FieldUses = append(fx.f.FieldUses, facts.FieldUse{Func: fn, Struct: model, Field: field, Mode: fm, Pos: facts.Pos(file, fx.line)})
		}
	}
}

const trackID = "example.com/app/models.Track"

// trackFixture is a 40-field model used by catalog, billing and playback.
func trackFixture() *modelFixture {
	fx := newModelFixture("catalog", "billing", "playback", "search")
	fields := []string{
		"ID int64 `json:\"id\" gorm:\"primaryKey\"`",
		"Title string `json:\"title\"`",
		"Slug string",
		"ArtistID int64",
		"CreatedAt time.Time",
		"NullTime database/sql.NullTime",
		"via:NullTime Time time.Time",
		"via:NullTime Valid bool",
		"Price int64 `json:\"price\"`",
		"Currency string",
		"TaxCode database/sql.NullString",
		"Plays int",
		"Duration time.Duration",
		"Genre string",
		"Lyrics encoding/json.RawMessage",
		"Popularity float64",
		"Tags map[string][]string",
	}
	fields = append(fields, padded(24)...)
	fx.model(trackID, false, fields...)
	fx.use(0, "example.com/app/catalog.Create", trackID, "Title:w", "Slug:w", "ArtistID:w", "CreatedAt:w", "Duration:w", "Genre:w", "Tags:rw", "Valid:w")
	fx.use(0, "example.com/app/catalog.Show", trackID, "Title:r", "Lyrics:r", "Time:r")
	fx.use(1, "example.com/app/billing.Charge", trackID, "Price:rw", "Currency:r", "TaxCode:w", "Title:r", "Genre:w", "Plays:r", "Popularity:r")
	fx.use(2, "example.com/app/playback.(*Player).Play", trackID, "Plays:w", "Duration:r", "Popularity:r", "*")
	fx.use(-1, "example.com/app/gen.Convert", trackID, "Title:r", "Price:r")
	return fx
}

func names(ctxs []ModelContext) string {
	var out []string
	for _, c := range ctxs {
		out = append(out, c.Name)
	}
	return strings.Join(out, ",")
}

func TestOversizedModelsFlagging(t *testing.T) {
	const lonely = "example.com/app/models.Lonely"
	const gen = "example.com/app/pb.Track"
	const small = "example.com/app/models.Small"
	tests := []struct {
		name string
		opt  ModelOptions
		add  func(*modelFixture)
		want []string // flagged types, in rank order
	}{
		{name: "40 fields, 3 contexts", want: []string{trackID}},
		{
			name: "40 fields, one context",
			add: func(fx *modelFixture) {
				fx.model(lonely, false, padded(40)...)
				fx.use(0, "example.com/app/catalog.A", lonely, "Extra01:r")
				fx.use(0, "example.com/app/catalog.B", lonely, "Extra02:w", "*")
				fx.use(-1, "example.com/app/gen.C", lonely, "Extra03:r")
			},
			want: []string{trackID},
		},
		{
			name: "generated struct",
			add: func(fx *modelFixture) {
				fx.model(gen, true, padded(50)...)
				fx.use(0, "example.com/app/catalog.A", gen, "Extra01:r")
				fx.use(1, "example.com/app/billing.A", gen, "Extra01:r")
				fx.use(2, "example.com/app/playback.A", gen, "Extra01:r")
			},
			want: []string{trackID},
		},
		{
			name: "containers do not count",
			add: func(fx *modelFixture) {
				// 30 entries, one of them the embedded container: 29 fields.
				fs := append([]string{"Base example.com/app/models.Base", "via:Base ID int64"}, padded(28)...)
				fx.model(small, false, fs...)
				fx.use(0, "example.com/app/catalog.A", small, "ID:r")
				fx.use(1, "example.com/app/billing.A", small, "Extra01:w")
			},
			want: []string{trackID},
		},
		{
			name: "lower threshold",
			opt:  ModelOptions{MinFields: 29},
			add: func(fx *modelFixture) {
				fs := append([]string{"Base example.com/app/models.Base", "via:Base ID int64"}, padded(28)...)
				fx.model(small, false, fs...)
				fx.use(0, "example.com/app/catalog.A", small, "ID:r")
				fx.use(1, "example.com/app/billing.A", small, "Extra01:w")
			},
			want: []string{trackID, small},
		},
		{
			name: "whole-object use counts as a context",
			add: func(fx *modelFixture) {
				fx.model(lonely, false, padded(40)...)
				fx.use(0, "example.com/app/catalog.A", lonely, "Extra01:r")
				fx.use(3, "example.com/app/search.Index", lonely, "*")
			},
			want: []string{trackID, lonely},
		},
		{
			name: "ranking by fields x contexts, then type",
			add: func(fx *modelFixture) {
				// 35 fields x 4 contexts = 140 beats Track's 40 x 3 = 120.
				for _, id := range []string{"example.com/app/models.Zeta", "example.com/app/models.Alpha"} {
					fx.model(id, false, padded(35)...)
					for c, fn := range []string{"catalog.A", "billing.A", "playback.A", "search.A"} {
						fx.use(c, "example.com/app/"+fn, id, "Extra01:r")
					}
				}
				// 60 fields x 2 contexts = 120 ties with Track and sorts after it.
				fx.model("example.com/app/models.Wide", false, padded(60)...)
				fx.use(0, "example.com/app/catalog.A", "example.com/app/models.Wide", "Extra01:r")
				fx.use(1, "example.com/app/billing.A", "example.com/app/models.Wide", "Extra01:r")
			},
			want: []string{"example.com/app/models.Alpha", "example.com/app/models.Zeta", trackID, "example.com/app/models.Wide"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fx := trackFixture()
			if tt.add != nil {
				tt.add(fx)
			}
			fx.f.Sort()
			got := OversizedModels(&fx.f, &fx.d, tt.opt)
			var types []string
			for _, m := range got {
				types = append(types, m.Type)
				if m.Score != m.Fields*len(m.Contexts) {
					t.Errorf("%s: score %d != %d x %d", m.Type, m.Score, m.Fields, len(m.Contexts))
				}
			}
			if !reflect.DeepEqual(types, tt.want) {
				t.Errorf("flagged %v, want %v", types, tt.want)
			}
		})
	}
}

func TestOversizedModelMatrix(t *testing.T) {
	fx := trackFixture()
	fx.f.Sort()
	got := OversizedModels(&fx.f, &fx.d, ModelOptions{})
	if len(got) != 1 {
		t.Fatalf("got %d models, want 1", len(got))
	}
	m := got[0]
	if m.Fields != 40 || m.Score != 120 || m.Name != "Track" {
		t.Errorf("fields %d score %d name %s, want 40 120 Track", m.Fields, m.Score, m.Name)
	}
	if n := names(m.Contexts); n != "catalog,billing,playback" {
		t.Errorf("contexts %s", n)
	}
	if m.UnassignedSites != 2 {
		t.Errorf("unassigned sites %d, want 2", m.UnassignedSites)
	}
	row := func(label string) ModelField {
		for _, r := range m.Matrix {
			if r.Label == label {
				return r
			}
		}
		t.Fatalf("no row %s", label)
		return ModelField{}
	}
	modes := func(label string) string {
		var out []string
		for _, u := range row(label).Uses {
			out = append(out, u.Context+":"+u.Mode)
		}
		return strings.Join(out, " ")
	}
	for label, want := range map[string]string{
		"Title":          "catalog:rw billing:r",
		"Price":          "billing:rw",
		"Plays":          "billing:r playback:w",
		"NullTime.Valid": "catalog:w",
		"NullTime":       "",
		"Extra05":        "",
		"Genre":          "catalog:w billing:w",
	} {
		if got := modes(label); got != want {
			t.Errorf("%s uses %q, want %q", label, got, want)
		}
	}
	title := row("Title").Uses[0]
	if len(title.Reads) != 1 || len(title.Writes) != 1 || !reflect.DeepEqual(title.Funcs, []string{"example.com/app/catalog.Create", "example.com/app/catalog.Show"}) {
		t.Errorf("Title/catalog cell %+v", title)
	}
	if !row("NullTime").Container || row("Price").Container || !row("ID").Identity || row("Price").Identity {
		t.Error("container or identity flags wrong")
	}
	if want := append([]string{"ID"}, padded(24)...); !reflect.DeepEqual(m.Unused, trimTypes(want)) {
		t.Errorf("unused %v", m.Unused)
	}
	wantExcl := []ModelExclusive{
		{Context: "catalog", Fields: []string{"Slug", "ArtistID", "CreatedAt", "NullTime.Time", "NullTime.Valid", "Lyrics", "Tags"}},
		{Context: "billing", Fields: []string{"Price", "Currency", "TaxCode"}},
	}
	if !reflect.DeepEqual(m.Exclusive, wantExcl) {
		t.Errorf("exclusive %+v", m.Exclusive)
	}
	if len(m.Whole) != 1 || m.Whole[0].Context != "playback" || len(m.Whole[0].Sites) != 1 {
		t.Errorf("whole uses %+v", m.Whole)
	}

	h := m.Heatmap
	if len(h.Rows) != 41 || len(h.Cells) != 41 || !reflect.DeepEqual(h.Columns, []string{"catalog", "billing", "playback"}) {
		t.Fatalf("heatmap shape %d rows, %d cells, columns %v", len(h.Rows), len(h.Cells), h.Columns)
	}
	if h.Rows[7] != "NullTime.Valid" || h.Cells[1][0] != (ModelHeatCell{Reads: 1, Writes: 1}) || h.Cells[8][1] != (ModelHeatCell{Reads: 1, Writes: 1}) {
		t.Errorf("heatmap cells: row 7 %s, Title/catalog %+v, Price/billing %+v", h.Rows[7], h.Cells[1][0], h.Cells[8][1])
	}
	if !reflect.DeepEqual(h.Whole, []int{0, 0, 1}) || h.Max != 2 {
		t.Errorf("heatmap whole %v max %d", h.Whole, h.Max)
	}

	// The JSON form carries the documented keys.
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"heatmap":{"rows":`, `"cells":[[{"r":`, `"split":{"model":`, `"wholeUses":[{"context":"playback"`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
}

func trimTypes(specs []string) []string {
	var out []string
	for _, s := range specs {
		name, _, _ := strings.Cut(s, " ")
		out = append(out, name)
	}
	return out
}

func TestOversizedModelSplit(t *testing.T) {
	fx := trackFixture()
	fx.f.Sort()
	sp := OversizedModels(&fx.f, &fx.d, ModelOptions{})[0].Split

	wantCore := append([]string{"ID", "Title", "Slug", "ArtistID", "CreatedAt", "Genre", "Popularity"}, trimTypes(padded(24))...)
	if !reflect.DeepEqual(sp.Core.Fields, wantCore) || sp.Core.Name != "Track" {
		t.Errorf("core %s %v", sp.Core.Name, sp.Core.Fields)
	}
	type brief struct {
		Name, Context string
		Fields, Keys  []string
		Sites, Funcs  int
	}
	var got []brief
	for _, s := range sp.Contexts {
		got = append(got, brief{s.Name, s.Context, s.Fields, s.Keys, s.Sites, s.Funcs})
	}
	want := []brief{
		// Sites count every use of the moved fields, other contexts' included.
		{"CatalogTrack", "catalog", []string{"ID", "NullTime", "Duration", "Lyrics", "Tags"}, []string{"ID"}, 7, 3},
		{"BillingTrack", "billing", []string{"ID", "Price", "Currency", "TaxCode"}, []string{"ID"}, 4, 1},
		{"PlaybackTrack", "playback", []string{"ID", "Plays"}, []string{"ID"}, 2, 2},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("context structs\n got %+v\nwant %+v", got, want)
	}
	wantOwn := []SplitOwnership{
		{Field: "Plays", Owner: "playback", Readers: []string{"billing"}, Advice: "read it through the playback context's API or its events"},
		{Field: "Duration", Owner: "catalog", Readers: []string{"playback"}, Advice: "read it through the catalog context's API or its events"},
	}
	if !reflect.DeepEqual(sp.Ownership, wantOwn) {
		t.Errorf("ownership %+v", sp.Ownership)
	}
	if !reflect.DeepEqual(sp.WholeUsers, []string{"playback"}) || len(sp.Unused) != 24 {
		t.Errorf("whole users %v, unused %v", sp.WholeUsers, sp.Unused)
	}
	wantImports := []SplitImport{{"sql", "database/sql"}, {"json", "encoding/json"}, {"time", "time"}}
	if !reflect.DeepEqual(sp.Imports, wantImports) {
		t.Errorf("imports %+v", sp.Imports)
	}
	wantSrc := "// CatalogTrack holds the fields of models.Track that only the catalog context\n" +
		"// uses or writes. ID links it to Track.\n" +
		"type CatalogTrack struct {\n" +
		"\tID int64 `json:\"id\" gorm:\"primaryKey\"` // copied from Track to link the two\n" +
		"\tsql.NullTime\n" +
		"\tDuration time.Duration // owned here; read by playback through the catalog context's API or its events\n" +
		"\tLyrics   json.RawMessage\n" +
		"\tTags     map[string][]string\n" +
		"}\n"
	if sp.Contexts[0].Source != wantSrc {
		t.Errorf("CatalogTrack source:\n%s\nwant:\n%s", sp.Contexts[0].Source, wantSrc)
	}
	if !strings.Contains(strings.Join(strings.Fields(sp.Core.Source), " "), "Extra01 string // unused by every context: candidate for removal Extra02") {
		t.Errorf("core source lacks the unused marker:\n%s", sp.Core.Source)
	}
}

// TestSplitFileBuilds writes the proposal into a scratch module and compiles it.
func TestSplitFileBuilds(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not available")
	}
	fx := trackFixture()
	fx.f.Sort()
	sp := OversizedModels(&fx.f, &fx.d, ModelOptions{})[0].Split
	src, err := sp.File("scratch")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/scratch\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "split.go"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := testenv.Go(t, dir, "build", "./...")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s\n--- split.go:\n%s", err, out, src)
	}
	if _, err := sp.File("not a name"); err == nil {
		t.Error("File accepted an invalid package name")
	}
}

func TestSplitRenderTypes(t *testing.T) {
	r := newSplitRenderer()
	r.taken["Track"] = true
	tests := []struct{ in, want string }{
		{"int", "int"},
		{"*example.com/app/models.Artist", "*models.Artist"},
		{"map[string][]*example.com/app/models.Tag", "map[string][]*models.Tag"},
		{"gopkg.in/yaml.v3.Node", "yaml.Node"},
		{"github.com/redis/go-redis/v9.Client", "redis.Client"},
		{"example.com/other/json.Doc", "json.Doc"},
		{"encoding/json.RawMessage", "json2.RawMessage"},
		{"func(ctx context.Context, args ...example.com/app/models.Arg) error", "func(ctx context.Context, args ...models.Arg) error"},
		{"struct{Name string \"json:\\\"a.b\\\"\"}", "struct{Name string \"json:\\\"a.b\\\"\"}"},
		{"example.com/app/models.Page[example.com/app/models.Track]", "models.Page[models.Track]"},
		{"example.com/x/go.T", "go2.T"},
		{"[]T", "[]any"},
	}
	for _, tt := range tests {
		if got := r.typ("F", tt.in); got != tt.want {
			t.Errorf("typ(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	wantImports := []SplitImport{
		{"context", "context"}, {"json2", "encoding/json"}, {"json", "example.com/other/json"},
		{"models", "example.com/app/models"}, {"go2", "example.com/x/go"},
		{"redis", "github.com/redis/go-redis/v9"}, {"yaml", "gopkg.in/yaml.v3"},
	}
	if got := r.imports(); !reflect.DeepEqual(got, sortImports(wantImports)) {
		t.Errorf("imports %+v", got)
	}
	if len(r.notes) != 1 {
		t.Errorf("notes %v, want one for the type parameter", r.notes)
	}
}

func sortImports(in []SplitImport) []SplitImport {
	out := append([]SplitImport(nil), in...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j].Path < out[i].Path {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestSplitIdentifiers(t *testing.T) {
	for in, want := range map[string]string{
		"billing":           "Billing",
		"order-fulfilment":  "OrderFulfilment",
		"catalog/api":       "CatalogApi",
		"3d":                "X3d",
		"":                  "Context",
		"_infra":            "Infra",
		"überweisung":       "Überweisung",
		"payments_gateway2": "PaymentsGateway2",
	} {
		if got := splitExported(in); got != want {
			t.Errorf("splitExported(%q) = %q, want %q", in, got, want)
		}
	}
	for tag, want := range map[string]bool{
		`gorm:"primaryKey"`:              true,
		`gorm:"column:id;primary_key"`:   true,
		`bun:"id,pk,autoincrement"`:      true,
		`xorm:"pk autoincr 'id'"`:        true,
		`bson:"_id,omitempty"`:           true,
		`db:"id"`:                        true,
		`db:"track_id"`:                  false,
		`json:"pk"`:                      false,
		`gorm:"column:pkey;uniqueIndex"`: false,
	} {
		if got := splitPrimaryKey(facts.Field{Name: "Key", Tag: tag}); got != want {
			t.Errorf("primary key %s = %v, want %v", tag, got, want)
		}
	}
}

func TestOversizedModelsDeterministic(t *testing.T) {
	var first []byte
	for i := 0; i < 5; i++ {
		fx := trackFixture()
		fx.f.Sort()
		b, err := json.Marshal(OversizedModels(&fx.f, &fx.d, ModelOptions{}))
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = b
		} else if string(b) != string(first) {
			t.Fatal("output differs between runs")
		}
	}
	if OversizedModels(nil, nil, ModelOptions{}) != nil {
		t.Error("nil input gave models")
	}
}

// BenchmarkOversizedModels runs the judge on 200 models of 60 fields used
// by 8 contexts with 300,000 field uses, the scale of a large monolith.
func BenchmarkOversizedModels(b *testing.B) {
	ctxs := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	fx := newModelFixture(ctxs...)
	for i := 0; i < 200; i++ {
		id := fmt.Sprintf("example.com/app/models.M%03d", i)
		fx.model(id, false, padded(60)...)
	}
	for n := 0; n < 300000; n++ {
		id := fmt.Sprintf("example.com/app/models.M%03d", n%200)
		c := (n / 200) % len(ctxs)
		fn := fmt.Sprintf("example.com/app/%s.F%d", ctxs[c], n%97)
		mode := "r"
		if n%5 == 0 {
			mode = "w"
		}
		fx.use(c, fn, id, fmt.Sprintf("Extra%02d:%s", 1+n%60, mode))
	}
	fx.f.Sort()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if got := OversizedModels(&fx.f, &fx.d, ModelOptions{}); len(got) != 200 {
			b.Fatalf("flagged %d models", len(got))
		}
	}
}

// TestModelPointerEmbedding: a struct embedding another model through a
// pointer references it rather than copying it, so the promoted fields do
// not make it oversized; embedded by value they do.
func TestModelPointerEmbedding(t *testing.T) {
	const pkg = "example.com/app/models"
	for _, tt := range []struct {
		name    string
		embType string
		flagged bool
	}{
		{"pointer", "*" + pkg + ".User", false},
		{"value", pkg + ".User", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fields := []facts.Field{{Name: "Role", Type: "string"}, {Name: "User", Type: tt.embType}}
			for i := 0; i < 40; i++ {
				fields = append(fields, facts.Field{Name: fmt.Sprintf("F%d", i), Type: "string", Embedded: "User"})
			}
			f := &facts.Facts{
				Structs: []facts.Struct{{Type: pkg + ".Collaborator", Fields: fields}},
				FieldUses: []facts.FieldUse{
					{Func: "example.com/app/a.F", Struct: pkg + ".Collaborator", Field: "F1", Mode: facts.Read, Pos: "a/a.go:1"},
					{Func: "example.com/app/b.G", Struct: pkg + ".Collaborator", Field: "F2", Mode: facts.Read, Pos: "b/b.go:1"},
				},
			}
			d := &cluster.Decomposition{
				Contexts:    []cluster.Context{{ID: 0, Name: "a"}, {ID: 1, Name: "b"}},
				FuncContext: map[string]int{"example.com/app/a.F": 0, "example.com/app/b.G": 1},
			}
			got := OversizedModels(f, d, ModelOptions{MinFields: 30})
			if (len(got) == 1) != tt.flagged {
				t.Fatalf("flagged %d models, want flagged=%v", len(got), tt.flagged)
			}
			if tt.flagged && got[0].Fields != 41 {
				t.Errorf("fields = %d, want 41 (Role + 40 promoted)", got[0].Fields)
			}
		})
	}
}
