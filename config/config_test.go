package config

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr string
		check   func(t *testing.T, c *Config)
	}{
		{name: "empty file is the default", in: "", check: func(t *testing.T, c *Config) {
			if c.Granularity != "" || len(c.Pins) != 0 || c.Seed != nil {
				t.Errorf("not default: %+v", c)
			}
		}},
		{name: "full", in: `
version: 1
granularity: type
callgraph: vta
resolution: 1.5
seed: 7
folderPrior: 0
tags: [integration]
ignore: ["example.com/app/internal/mocks/..."]
pins:
  - {pattern: "example.com/app/internal/platform/...", context: platform}
weights: {call: 2, dataAccess: 3}
thresholds: {modelFields: 25}
includeGenerated: true
`, check: func(t *testing.T, c *Config) {
			if c.Granularity != "type" || c.CallGraph != "vta" || c.Resolution != 1.5 || *c.Seed != 7 {
				t.Errorf("scalars: %+v", c)
			}
			if c.FolderPrior == nil || *c.FolderPrior != 0 {
				t.Error("folderPrior: 0 must be kept apart from unset")
			}
			if len(c.Pins) != 1 || c.Pins[0].Context != "platform" || len(c.Ignore) != 1 || len(c.Tags) != 1 {
				t.Errorf("lists: %+v", c)
			}
			if *c.Weights.Call != 2 || *c.Weights.DataAccess != 3 || c.Weights.TypeUse != nil {
				t.Errorf("weights: %+v", c.Weights)
			}
			if c.Thresholds.ModelFields != 25 || !c.IncludeGenerated {
				t.Errorf("thresholds: %+v", c)
			}
		}},
		{name: "unknown key", in: "granularty: type\n", wantErr: "field granularty not found"},
		{name: "syntax error", in: "pins: [\n", wantErr: "yaml"},
		{name: "bad version", in: "version: 2\n", wantErr: "unsupported version 2"},
		{name: "negative resolution", in: "resolution: -1\n", wantErr: "resolution must be in (0, 1000]"},
		{name: "NaN resolution", in: "resolution: .nan\n", wantErr: "resolution must be in (0, 1000]"},
		{name: "huge resolution", in: "resolution: 1e308\n", wantErr: "resolution must be in (0, 1000]"},
		{name: "NaN folder prior", in: "folderPrior: .nan\n", wantErr: "folderPrior must be in [0, 100]"},
		{name: "huge folder prior", in: "folderPrior: 101\n", wantErr: "folderPrior must be in [0, 100]"},
		{name: "contexts differing in case", in: "contexts:\n  - {name: billing, packages: [a]}\n  - {name: Billing, packages: [b]}\n", wantErr: `"Billing" differs from "billing" only in case`},
		{name: "context named unassigned", in: "contexts:\n  - {name: unassigned, packages: [a]}\n", wantErr: "reserved for code no context claims"},
		{name: "context named Platform", in: "contexts:\n  - {name: Platform, packages: [a]}\n", wantErr: "reserved for the platform section"},
		{name: "newline in a context name", in: "contexts:\n  - {name: \"a\\n::error::x\", packages: [a]}\n", wantErr: "holds a control character"},
		{name: "space around a context name", in: "contexts:\n  - {name: \" a\", packages: [a]}\n", wantErr: "starts or ends with a space"},
		{name: "control character in a pin", in: "pins: [{pattern: x, context: \"a\\u001b[31m\"}]\n", wantErr: "pins[0]: context"},
		{name: "pin without context", in: "pins: [{pattern: x}]\n", wantErr: "pins[0]"},
		{name: "negative weight", in: "weights: {typeUse: -1}\n", wantErr: "weights must be between 0 and 1e6"},
		{name: "NaN weight", in: "weights: {sharedName: .nan}\n", wantErr: "weights must be between 0 and 1e6"},
		{name: "second document", in: "granularity: type\n---\nbogus: 1\n", wantErr: "line 2: a second YAML document"},
		{name: "bad ignore glob", in: "ignore: [\"a/[\"]\n", wantErr: "ignore[0]: bad pattern"},
		{name: "bad pin glob", in: "pins: [{pattern: \"[\", context: x}]\n", wantErr: "pins[0]: bad pattern"},
		{name: "negative threshold", in: "thresholds: {modelFields: -3}\n", wantErr: "modelFields"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse([]byte(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one mentioning %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "\n") {
					t.Errorf("multi-line error %q", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, c)
		})
	}
}

func TestLoadMissing(t *testing.T) {
	if _, err := Load("/nonexistent/decomp.yaml"); err == nil || !strings.Contains(err.Error(), "read config") {
		t.Errorf("err = %v", err)
	}
}
