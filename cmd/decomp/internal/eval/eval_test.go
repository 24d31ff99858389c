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

func TestLevel(t *testing.T) {
	ios := &cmdutil.IOStreams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
	for _, tc := range []struct {
		level   string
		joins   bool
		wantErr string
	}{
		{"context", true, ""},
		{"module", false, ""},
		{"aggregate", true, `--level "aggregate": want context or module`},
	} {
		var got *Options
		cmd := New(ios, func(_ context.Context, o *Options) error { got = o; return nil })
		cmd.SetArgs([]string{"--truth", "t.yaml", "--no-config", "--level", tc.level})
		err := cmd.Execute()
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("--level %s: err = %v, want %q", tc.level, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("--level %s: %v", tc.level, err)
		}
		if on := got.Pipeline.Tune.On("join-aggregates"); on != tc.joins {
			t.Errorf("--level %s: join-aggregates on = %v, want %v", tc.level, on, tc.joins)
		}
	}
}
