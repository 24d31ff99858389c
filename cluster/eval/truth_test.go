package eval

import (
	"errors"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/decomp/decomp/analysis/facts"
)

func loadSample(t *testing.T) *Truth {
	t.Helper()
	tr, err := LoadTruth(filepath.Join("testdata", "truth.yaml"))
	if err != nil {
		t.Fatalf("LoadTruth: %v", err)
	}
	return tr
}

func TestLoadTruthSections(t *testing.T) {
	tr := loadSample(t)
	if got, want := len(tr.Packages), 4; got != want {
		t.Errorf("packages: %d entries, want %d", got, want)
	}
	if got := tr.Types["example.com/musicstream/internal/models.Invoice"]; got != "billing" {
		t.Errorf("types Invoice = %q, want billing", got)
	}
	// "./internal/handlers/search.go" is cleaned to a module-relative path.
	if got := tr.Files["internal/handlers/search.go"]; got != "search" {
		t.Errorf("files search.go = %q, want search (keys are path.Clean-ed)", got)
	}
	wantTracks := TableTruth{
		Owner:   "catalog",
		Writers: []string{"catalog", "social"},
		Readers: []string{"analytics", "playback", "search"},
	}
	if got := tr.Tables["tracks"]; !reflect.DeepEqual(got, wantTracks) {
		t.Errorf("tables.tracks = %+v, want %+v (lists sorted)", got, wantTracks)
	}
	if got := tr.Tables["audit_log"]; got.Owner != "analytics" || len(got.Writers) != 0 || !reflect.DeepEqual(got.Readers, []string{"analytics"}) {
		t.Errorf("tables.audit_log = %+v", got)
	}
	track, ok := tr.Models["example.com/musicstream/internal/models.Track"]
	if !ok {
		t.Fatalf("models: Track missing; have %v", tr.Models)
	}
	wantFields := map[string]map[string]string{
		"Title":         {"catalog": "rw", "search": "r", "playback": "r"},
		"PlayCount":     {"playback": "w"},
		"InternalNotes": {},
	}
	if !reflect.DeepEqual(track.Fields, wantFields) {
		t.Errorf("Track fields = %v, want %v", track.Fields, wantFields)
	}
	if track.Fields["InternalNotes"] == nil {
		t.Error("a field nobody uses must map to an empty, non-nil map")
	}
}

func TestLabelPrecedence(t *testing.T) {
	tr := loadSample(t)
	const h = "example.com/musicstream/internal/handlers"
	tests := []struct {
		name              string
		pkg, typeID, file string
		want              string
		wantOK            bool
	}{
		{"type wins over file and package", h, h + ".InvoiceHandler", "internal/handlers/search.go", "billing", true},
		{"type wins over package", h, h + ".TrackHandler", "internal/handlers/tracks.go", "catalog", true},
		{"file wins over package", h, h + ".Unlisted", "internal/handlers/billing.go", "billing", true},
		{"file path is cleaned", h, "", "./internal/handlers/search.go", "search", true},
		{"package default", h, "", "internal/handlers/tracks.go", "catalog", true},
		{"non-domain package", "example.com/musicstream/internal/platform/db", "", "internal/platform/db/db.go", "_infra", true},
		{"sub-package is not covered", h + "/sub", "", "internal/handlers/sub/x.go", "", false},
		{"unknown", "example.com/other", "", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tr.Label(tc.pkg, tc.typeID, tc.file)
			if got != tc.want || ok != tc.wantOK {
				t.Errorf("Label(%q, %q, %q) = %q, %v; want %q, %v", tc.pkg, tc.typeID, tc.file, got, ok, tc.want, tc.wantOK)
			}
		})
	}
	var nilTruth *Truth
	if _, ok := nilTruth.Label("p", "", ""); ok {
		t.Error("nil Truth labelled something")
	}
}

func TestFuncAndTypeLabel(t *testing.T) {
	tr := loadSample(t)
	const h = "example.com/musicstream/internal/handlers"
	tests := []struct {
		name string
		f    facts.Func
		want string
	}{
		{"method takes receiver type label", facts.Func{ID: h + ".(*InvoiceHandler).Get", Pkg: h, Recv: "InvoiceHandler", Name: "Get", Pos: "internal/handlers/tracks.go:10"}, "billing"},
		{"method of unlisted type takes its file", facts.Func{Pkg: h, Recv: "Other", Name: "Get", Pos: "internal/handlers/billing.go:3"}, "billing"},
		{"free function takes its file", facts.Func{Pkg: h, Name: "Search", Pos: "internal/handlers/search.go:7"}, "search"},
		{"free function falls back to package", facts.Func{Pkg: h, Name: "List", Pos: "internal/handlers/tracks.go:7"}, "catalog"},
		// A free function is not labelled by a type that happens to share its name.
		{"free function ignores types", facts.Func{Pkg: h, Name: "TrackHandler", Pos: "internal/handlers/billing.go:1"}, "billing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tr.FuncLabel(tc.f)
			if !ok || got != tc.want {
				t.Errorf("FuncLabel = %q, %v; want %q", got, ok, tc.want)
			}
		})
	}
	ty := facts.Type{ID: "example.com/musicstream/internal/models.Invoice", Pkg: "example.com/musicstream/internal/models", Name: "Invoice", Pos: "internal/models/invoice.go:5"}
	if got, _ := tr.TypeLabel(ty); got != "billing" {
		t.Errorf("TypeLabel(Invoice) = %q, want billing", got)
	}
	ty.ID = "example.com/musicstream/internal/models.Track"
	if got, _ := tr.TypeLabel(ty); got != "catalog" {
		t.Errorf("TypeLabel(Track) = %q, want catalog (package default)", got)
	}
}

func TestIsNonDomain(t *testing.T) {
	for label, want := range map[string]bool{"_infra": true, "_": true, "catalog": false, "": false, "a_b": false} {
		if got := IsNonDomain(label); got != want {
			t.Errorf("IsNonDomain(%q) = %v, want %v", label, got, want)
		}
	}
}

func TestParseTruthErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want string // substring of the error, including the line
	}{
		{"empty file", "", "empty truth file"},
		{"comment only", "# nothing\n", "empty truth file"},
		{"not a mapping", "- a\n- b\n", "t.yaml:1: truth file must be a mapping"},
		{"unknown top-level key", "packages:\n  a/b: x\nmodules:\n  a: b\n", `t.yaml:3: unknown key "modules"`},
		{"duplicate top-level key", "packages:\n  a/b: x\npackages:\n  c/d: y\n", `t.yaml:3: truth file: duplicate key "packages" (first at line 1)`},
		{"duplicate package", "packages:\n  a/b: x\n  a/b: y\n", `t.yaml:3: packages: duplicate key "a/b" (first at line 2)`},
		{"duplicate file after cleaning", "files:\n  a/b.go: x\n  ./a/b.go: y\n", `t.yaml:3: files: "a/b.go" listed twice`},
		{"empty label", "packages:\n  a/b: \"\"\n", "t.yaml:2: packages.a/b: empty value"},
		{"null label", "packages:\n  a/b:\n", "t.yaml:2: packages.a/b: empty value"},
		{"list label", "types:\n  a/b.T: [x, y]\n", "t.yaml:2: types.a/b.T must be a single value"},
		{"type without package", "types:\n  TrackHandler: x\n", `t.yaml:2: types: "TrackHandler" is not "importpath.TypeName"`},
		{"type with pointer", "types:\n  a/b.(*T): x\n", `t.yaml:2: types: "a/b.(*T)" is not`},
		{"absolute file", "files:\n  /src/a.go: x\n", `t.yaml:2: files: "/src/a.go" is not a module-relative`},
		{"escaping file", "files:\n  ../a.go: x\n", `t.yaml:2: files: "../a.go" is not a module-relative`},
		{"section not a mapping", "packages: [a, b]\n", "t.yaml:1: packages must be a mapping"},
		{"unknown table key", "tables:\n  t:\n    owner: a\n    writers: [a]\n    ownr: b\n", `t.yaml:5: tables.t: unknown key "ownr"`},
		{"owner not a writer", "tables:\n  t:\n    owner: b\n    writers: [a]\n", `t.yaml:3: tables.t: owner "b" is not among the writers`},
		{"owner missing", "tables:\n  t:\n    writers: [a]\n", "t.yaml:2: tables.t: owner missing"},
		{"reader is writer", "tables:\n  t:\n    owner: a\n    writers: [a]\n    readers: [a, b]\n", `t.yaml:2: tables.t: "a" is both a writer and a reader`},
		{"duplicate reader", "tables:\n  t:\n    readers: [b, b]\n", `t.yaml:3: tables.t.readers: "b" listed twice`},
		{"empty writer", "tables:\n  t:\n    owner: a\n    writers: [a, \"\"]\n", "t.yaml:4: tables.t.writers entry: empty value"},
		{"empty table", "tables:\n  t: {}\n", "t.yaml:2: tables.t: no owner, writers or readers"},
		{"upper-case table", "tables:\n  Tracks:\n    readers: [a]\n", `t.yaml:2: tables: "Tracks" must be lower case`},
		{"unknown model key", "models:\n  a/b.T:\n    field:\n      X: {a: r}\n", `t.yaml:3: models.a/b.T: unknown key "field"`},
		{"bad mode", "models:\n  a/b.T:\n    fields:\n      X: {a: read}\n", `t.yaml:4: models.a/b.T.fields.X.a: mode "read" (want r, w or rw)`},
		{"duplicate field", "models:\n  a/b.T:\n    fields:\n      X: {a: r}\n      X: {b: w}\n", `t.yaml:5: models.a/b.T.fields: duplicate key "X"`},
		{"duplicate context", "models:\n  a/b.T:\n    fields:\n      X: {a: r, a: w}\n", `t.yaml:4: models.a/b.T.fields.X: duplicate key "a"`},
		{"bad model type", "models:\n  T:\n    fields: {}\n", `t.yaml:2: models: "T" is not`},
		{"two documents", "packages:\n  a/b: x\n---\npackages:\n  c/d: y\n", "more than one YAML document"},
		{"syntax error", "packages:\n  a/b: [x\n", "parse t.yaml"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseTruth([]byte(tc.yaml), "t.yaml")
			if err == nil {
				t.Fatalf("no error; want one containing %q", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
		})
	}
}

func TestParseTruthAccepts(t *testing.T) {
	tests := []struct {
		name  string
		yaml  string
		check func(*Truth) bool
	}{
		{"null sections", "packages:\ntypes:\nfiles:\ntables:\nmodels:\n", func(tr *Truth) bool {
			return len(tr.Packages)+len(tr.Types)+len(tr.Files)+len(tr.Tables)+len(tr.Models) == 0
		}},
		{"anchors and aliases", "packages:\n  a/b: &c catalog\n  c/d: *c\n", func(tr *Truth) bool {
			return tr.Packages["c/d"] == "catalog"
		}},
		{"read-only table owned by a reader", "tables:\n  t:\n    owner: a\n    readers: [a]\n", func(tr *Truth) bool {
			return tr.Tables["t"].Owner == "a"
		}},
		{"numeric-looking label is a string", "packages:\n  a/b: 42\n", func(tr *Truth) bool {
			return tr.Packages["a/b"] == "42"
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr, err := ParseTruth([]byte(tc.yaml), "t.yaml")
			if err != nil {
				t.Fatalf("ParseTruth: %v", err)
			}
			if !tc.check(tr) {
				t.Errorf("unexpected result %+v", tr)
			}
		})
	}
}

func TestLoadTruthMissingFile(t *testing.T) {
	_, err := LoadTruth(filepath.Join(t.TempDir(), "nope.yaml"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("LoadTruth(missing) error = %v, want a wrapped not-exist error", err)
	}
}
