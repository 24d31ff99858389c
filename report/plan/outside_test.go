package plan

import (
	"strings"
	"testing"

	"github.com/decomp/decomp/analysis/facts"
)

// What stays out of the seam, and what looks like it but is an operation.
func TestOutside(t *testing.T) {
	ix := newSeamIndex(&facts.Facts{
		Structs: []facts.Struct{{Type: "m/web.Ctx", Fields: []facts.Field{{Name: "Context", Type: "*github.com/flamego/flamego.Context", Embedded: "Context"}}},
			{Type: "m/storage.Storage", Fields: []facts.Field{{Name: "db", Type: "*database/sql.DB"}}},
			{Type: "m/model.Feed", Fields: []facts.Field{{Name: "Title", Type: "string"}, {Name: "Checked", Type: "time.Time"}}}},
	})
	for _, c := range []struct {
		name, recv, sig, want string
	}{
		{"NewStore", "", "func() *`m/a`.Store", "a constructor"},
		{"New", "", "func() *`m/a`.Store", "a constructor"},
		{"Newsletter", "", "func() string", ""},
		{"Limit", "m/a.Query", "func(n int) *`m/a`.Query", "a builder's method"},
		{"Stats", "m/a.Repo", "func() `m/a`.RepoStats", ""},
		{"Handle", "", "func(w `net/http`.ResponseWriter, r *`net/http`.Request)", "mentions http.ResponseWriter (net/http)"},
		{"Name", "", "func(id int) `database/sql`.NullString", ""},
		{"Headers", "", "func(h `net/http`.Header)", ""},
		{"Save", "", "func(tx *`gorm.io/gorm`.DB)", "mentions gorm.DB (gorm)"},
		{"Show", "", "func(c *`m/web`.Ctx)", "which holds a flamego handle"},
		{"Validate", "", "func(s *`m/storage`.Storage, id int64)", "storage.Storage, which holds a sql handle"},
		{"Refresh", "", "func(f *`m/model`.Feed) error", ""},
	} {
		got := ix.outside(&facts.Func{Name: c.name, Signature: c.sig}, c.recv)
		if c.want == "" && got != "" || !strings.Contains(got, c.want) {
			t.Errorf("%s %s: %q, want %q", c.name, c.sig, got, c.want)
		}
	}
}
