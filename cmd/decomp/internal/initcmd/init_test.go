package initcmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/decomp/decomp/cmd/decomp/internal/cmdutil"
)

func TestFlags(t *testing.T) {
	var got *Options
	cmd := New(&cmdutil.IOStreams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}, func(_ context.Context, o *Options) error {
		got = o
		return nil
	})
	cmd.SetArgs([]string{"--force", "-o", "ctx.yaml", "--granularity", "type", "./internal/..."})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if !got.Force || got.Output != "ctx.yaml" || got.Pipeline.Granularity != "type" || len(got.Pipeline.Patterns) != 1 {
		t.Errorf("options: %+v", got)
	}
}

// An existing file is refused before any analysis runs, and left as it was.
func TestRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "decomp.yaml")
	if err := os.WriteFile(p, []byte("# mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o := &Options{IO: &cmdutil.IOStreams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}, Output: "decomp.yaml"}
	o.Pipeline.Dir = dir
	err := Run(context.Background(), o)
	if err == nil || !strings.Contains(err.Error(), "exists; pass --force") || cmdutil.ExitCode(err) != 2 {
		t.Errorf("err = %v", err)
	}
	if data, _ := os.ReadFile(p); string(data) != "# mine\n" {
		t.Errorf("file changed: %q", data)
	}
}
