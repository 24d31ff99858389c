package analyze

import (
	"bytes"
	"context"
	"testing"

	"github.com/decomp/decomp/cmd/decomp/internal/cmdutil"
	"github.com/decomp/decomp/internal/pipeline"
)

func TestFlags(t *testing.T) {
	tests := []struct {
		args []string
		want func(*Options) bool
	}{
		{nil, func(o *Options) bool {
			d := pipeline.DefaultOptions()
			return o.Format == "text" && o.Output == "" && o.Pipeline.Granularity == d.Granularity &&
				o.Pipeline.CallGraph == d.CallGraph && o.Pipeline.FolderPrior == d.FolderPrior && o.Pipeline.Seed == d.Seed
		}},
		{[]string{"--format", "json", "-o", "r.json", "--granularity", "type", "--seed", "7", "--no-config", "./x/..."}, func(o *Options) bool {
			return o.Format == "json" && o.Output == "r.json" && o.Pipeline.Granularity == "type" && o.Pipeline.Seed == 7 &&
				o.Pipeline.NoConfig && len(o.Pipeline.Patterns) == 1
		}},
	}
	for _, tt := range tests {
		var got *Options
		cmd := New(&cmdutil.IOStreams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}, func(_ context.Context, o *Options) error {
			got = o
			return nil
		})
		cmd.SetArgs(append(tt.args, "--no-config"))
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		if !tt.want(got) {
			t.Errorf("%v: options %+v", tt.args, got)
		}
	}
}

func TestRunRejectsBadFormatFirst(t *testing.T) {
	o := &Options{IO: &cmdutil.IOStreams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}, Format: "yaml", Pipeline: pipeline.DefaultOptions()}
	if err := Run(context.Background(), o); err == nil || cmdutil.ExitCode(err) != 2 {
		t.Errorf("err = %v", err)
	}
}
