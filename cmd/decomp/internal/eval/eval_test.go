package eval

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/decomp/decomp/cmd/decomp/internal/cmdutil"
)

func TestFlags(t *testing.T) {
	var got *Options
	ios := &cmdutil.IOStreams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
	cmd := New(ios, func(_ context.Context, o *Options) error {
		got = o
		return nil
	})
	cmd.SetArgs([]string{"--truth", "t.yaml", "--domain-only", "--no-config"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Truth != "t.yaml" || !got.DomainOnly {
		t.Errorf("options %+v", got)
	}
	cmd = New(ios, func(context.Context, *Options) error { t.Error("ran without --truth"); return nil })
	cmd.SetArgs([]string{"--no-config"})
	if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), "--truth") {
		t.Errorf("err = %v", err)
	}
}
