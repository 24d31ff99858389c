package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/decomp/decomp/report"
)

var update = flag.Bool("update", false, "rewrite report.schema.json from the Go types")

// schemaFile is the published JSON Schema of the JSON report.
const schemaFile = "report.schema.json"

// TestSchema keeps the published schema equal to what the report's Go types
// produce (any change to the machine interface shows in review as a diff of
// the schema), and validates real reports against it.
func TestSchema(t *testing.T) {
	got := generate(reflect.TypeOf(report.Report{}))
	if *update {
		if err := os.WriteFile(schemaFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is out of date with the report's types: run go test ./report -update and review the diff", schemaFile)
	}
	sch, err := jsonschema.NewCompiler().Compile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"musicstream-type.json", "shopdomains.json"} {
		data, err := os.ReadFile("../cmd/decomp/testdata/golden/" + name)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s does not validate: %v", name, err)
		}
	}
	// And the schema is strict: an unknown field fails.
	inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"schemaVersion": 1, "surprise": true}`))
	if sch.Validate(inst) == nil {
		t.Error("a report with an unknown field validates")
	}
}

// generate writes a draft 2020-12 schema for t: every struct a $def, every
// field without omitempty required, no unknown fields.
func generate(t reflect.Type) []byte {
	defs := map[string]any{}
	root := map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         "https://github.com/decomp/decomp/report/report.schema.json",
		"title":       "decomp analyze --format json",
		"description": "The versioned JSON report of decomp analyze (schemaVersion " + jsonNumber(report.SchemaVersion) + "). Generated from the report package's Go types by report/schema_test.go.",
		"$ref":        "#/$defs/" + defName(t),
	}
	schemaOf(t, defs)
	root["$defs"] = defs
	out, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(out, '\n')
}

func jsonNumber(n int) string { b, _ := json.Marshal(n); return string(b) }

func defName(t reflect.Type) string {
	pkg := t.PkgPath()
	return pkg[strings.LastIndexByte(pkg, '/')+1:] + "." + t.Name()
}

func schemaOf(t reflect.Type, defs map[string]any) map[string]any {
	switch t.Kind() {
	case reflect.Pointer:
		return schemaOf(t.Elem(), defs)
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint64, reflect.Uint32, reflect.Uint:
		return map[string]any{"type": "integer"}
	case reflect.Float64, reflect.Float32:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": []string{"array", "null"}, "items": schemaOf(t.Elem(), defs)}
	case reflect.Map:
		return map[string]any{"type": []string{"object", "null"}, "additionalProperties": schemaOf(t.Elem(), defs)}
	case reflect.Struct:
		name := defName(t)
		if _, ok := defs[name]; !ok {
			defs[name] = true // a placeholder against recursion
			props := map[string]any{}
			var required []string
			fields(t, defs, props, &required)
			d := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
			if len(required) > 0 {
				d["required"] = required
			}
			defs[name] = d
		}
		return map[string]any{"$ref": "#/$defs/" + name}
	}
	return map[string]any{}
}

func fields(t reflect.Type, defs, props map[string]any, required *[]string) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			fields(ft, defs, props, required)
			continue
		}
		if name == "" {
			name = f.Name
		}
		props[name] = schemaOf(f.Type, defs)
		if !strings.Contains(opts, "omitempty") {
			*required = append(*required, name)
		}
	}
}
