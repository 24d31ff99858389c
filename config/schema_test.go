package config_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/decomp/decomp/config"
)

// The published JSON Schema accepts the example configs that the config
// parser accepts, and rejects what the parser rejects.
func TestSchema(t *testing.T) {
	sch, err := jsonschema.NewCompiler().Compile("decomp.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	validate := func(data []byte) error {
		var v any
		if err := yaml.Unmarshal(data, &v); err != nil {
			t.Fatal(err)
		}
		// Through JSON, so the instance has JSON's types.
		j, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(string(j)))
		if err != nil {
			t.Fatal(err)
		}
		return sch.Validate(inst)
	}
	for _, name := range []string{
		"testdata/every-key.yaml",
		"../testdata/musicstream/decomp.yaml",
		"../check/testdata/gate/decomp.yaml",
	} {
		data, err := os.ReadFile(filepath.FromSlash(name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := config.Parse(data); err != nil {
			t.Errorf("%s: parser rejects it: %v", name, err)
		}
		if err := validate(data); err != nil {
			t.Errorf("%s: schema rejects it: %v", name, err)
		}
	}
	for _, bad := range []string{
		"granularty: type\n",
		"contexts:\n  - name: platform\n    packages: [x]\n",
		"contexts:\n  - name: a\n",
		"allow:\n  - from: a\n    to: b\n    kinds: [calls]\n",
		"resolution: 1001\n",
	} {
		if err := validate([]byte(bad)); err == nil {
			t.Errorf("schema accepts %q", bad)
		}
	}
}

func TestContextMapErrors(t *testing.T) {
	tests := []struct{ yaml, want string }{
		{"contexts:\n  - name: a\n    packages: [x]\n  - name: a\n    packages: [y]\n", `line 4: context "a" is declared twice (first at line 2)`},
		{"contexts:\n  - name: entry\n    packages: [x]\n", `line 2: contexts[0]: "entry" is reserved for the entry section`},
		{"contexts:\n  - name: a\n", `line 2: context "a" has no packages, files or types`},
		{"contexts:\n  - name: a\n    packages: [x]\n    tables: [t]\n  - name: b\n    packages: [y]\n    tables:\n      - T\n", `line 8: table "t" is owned by both a and b`},
		{"contexts:\n  - name: a\n    packages: [x]\nallow:\n  - from: a\n    to: a\n", "line 5: allow[0]: a context may always use itself"},
		{"contexts:\n  - name: a\n    packages: [x]\n  - name: b\n    packages: [y]\nallow:\n  - from: a\n    to: b\n    kinds: [reads]\n", `line 7: allow[0]: unknown kind "reads" (want call, type, read, write)`},
		{"contexts:\n  - name: a\n    types:\n      - NoPackage\n", `line 4: context "a": bad type pattern "NoPackage" (want import/path.Type)`},
		{"contexts:\n  - name: a\n    files: [/abs/x.go]\n", `line 3: context "a": bad file pattern "/abs/x.go" (want a module-relative path or glob)`},
	}
	for _, tt := range tests {
		_, err := config.Parse([]byte(tt.yaml))
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q:\n got %v\nwant %s", tt.yaml, err, tt.want)
		}
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		pattern, s  string
		match, path bool
	}{
		{"m/api/...", "m/api", true, true},
		{"m/api/...", "m/api/v1", true, true},
		{"m/api/...", "m/api.T", true, false},
		{"m/api/...", "m/api.v2", true, false}, // as a name it could be a type; as a path it is a sibling
		{"m/api/...", "m/api.v2/x", false, false},
		{"internal/billing/...", "internal/billing.go", true, false},
		{"m/*/store", "m/orders/store", true, true},
		{"m/api", "m/apis", false, false},
	}
	for _, tt := range tests {
		if got := config.Match(tt.pattern, tt.s); got != tt.match {
			t.Errorf("Match(%q, %q) = %v", tt.pattern, tt.s, got)
		}
		if got := config.MatchPath(tt.pattern, tt.s); got != tt.path {
			t.Errorf("MatchPath(%q, %q) = %v", tt.pattern, tt.s, got)
		}
	}
}

// Names from the code round-trip through the file init writes, whatever
// YAML makes of them; control characters are refused (TestParse).
func TestContextMapRoundTrip(t *testing.T) {
	odd := []string{"a: b", "# c", "- d", "'e'", `"f"`, "yes", "null", "[g]", "a b", "ÄrzteService"}
	c := &config.Config{}
	for i, n := range odd {
		c.Contexts = append(c.Contexts, config.Context{Name: n, Members: config.Members{Packages: []string{"example.com/p" + string(rune('a'+i))}}, Tables: []string{n}})
	}
	back, err := config.Parse(c.MarshalContextMap("header"))
	if err != nil {
		t.Fatalf("%v\n%s", err, c.MarshalContextMap("header"))
	}
	for i, n := range odd {
		if back.Contexts[i].Name != n || back.Contexts[i].Tables[0] != n {
			t.Errorf("%q came back as %q / %q", n, back.Contexts[i].Name, back.Contexts[i].Tables[0])
		}
	}
}
