package check

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/decomp/decomp/cmd/decomp/internal/cmdutil"
)

// The flags land in Options without running a check.
func TestFlags(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "decomp.yaml"), []byte("contexts:\n  - name: a\n    packages: [example.com/x/...]\nbaseline: base.json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args  []string
		check func(*Options) string
	}{
		{[]string{"-C", dir}, func(o *Options) string {
			if o.Format != "text" || o.WriteBaseline || o.StrictCount || o.Pipeline.Config == nil || o.Pipeline.ConfigPath != filepath.Join(dir, "decomp.yaml") {
				return "defaults"
			}
			return ""
		}},
		{[]string{"-C", dir, "--format", "sarif", "--strict-count", "--path-prefix", "svc", "--baseline", "b.json", "./pkg/..."}, func(o *Options) string {
			if o.Format != "sarif" || !o.StrictCount || o.PathPrefix != "svc" || o.Baseline != "b.json" || len(o.Pipeline.Patterns) != 1 {
				return "flags"
			}
			return ""
		}},
		{[]string{"-C", dir, "--write-baseline", "-v"}, func(o *Options) string {
			if !o.WriteBaseline || !o.Verbose {
				return "--write-baseline -v"
			}
			return ""
		}},
	}
	for _, tt := range tests {
		var got *Options
		var out bytes.Buffer
		cmd := New(&cmdutil.IOStreams{Out: &out, Err: &out}, func(_ context.Context, o *Options) error {
			got = o
			return nil
		})
		cmd.SetArgs(tt.args)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		if msg := tt.check(got); msg != "" {
			t.Errorf("%v: %s wrong: %+v", tt.args, msg, got)
		}
	}
}

func TestRunRejectsBeforeLoading(t *testing.T) {
	var out bytes.Buffer
	o := &Options{IO: &cmdutil.IOStreams{Out: &out, Err: &out}, Format: "text"}
	if err := Run(context.Background(), o); err == nil || cmdutil.ExitCode(err) != 2 {
		t.Errorf("no config: %v", err)
	}
	o.Format = "yaml"
	if err := Run(context.Background(), o); err == nil || cmdutil.ExitCode(err) != 2 {
		t.Errorf("bad format: %v", err)
	}
}
