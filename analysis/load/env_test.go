package load

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestGoEnv: the user's settings are kept, and decomp's own win: no
// toolchain download, no C compiler, and no module proxy unless allowed.
func TestGoEnv(t *testing.T) {
	user := []string{"GOPROXY=https://proxy.example", "GOFLAGS=-mod=mod", "CGO_ENABLED=1"}
	last := func(env []string, key string) string {
		v := ""
		for _, kv := range env {
			if len(kv) > len(key) && kv[:len(key)+1] == key+"=" {
				v = kv[len(key)+1:]
			}
		}
		return v
	}
	env := goEnv(Config{Env: user})
	for key, want := range map[string]string{"GOPROXY": "off", "GOTOOLCHAIN": "local", "CGO_ENABLED": "0", "GOFLAGS": "-mod=mod"} {
		if got := last(env, key); got != want {
			t.Errorf("%s=%q, want %q", key, got, want)
		}
	}
	env = goEnv(Config{Env: user, AllowDownload: true})
	if got := last(env, "GOPROXY"); got != "https://proxy.example" {
		t.Errorf("with AllowDownload, GOPROXY=%q, want the user's", got)
	}
	if !slices.Equal(user, []string{"GOPROXY=https://proxy.example", "GOFLAGS=-mod=mod", "CGO_ENABLED=1"}) {
		t.Error("the caller's environment was modified")
	}
}

func TestWithoutModMod(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		mod      bool
	}{
		{"", "", false},
		{"-mod=mod", "", true},
		{"--mod=mod -tags=x", "-tags=x", true},
		{"-mod=readonly", "-mod=readonly", false},
		{"-modcacherw -mod=vendor", "-modcacherw -mod=vendor", false},
	} {
		if got, mod := withoutModMod(tc.in); got != tc.want || mod != tc.mod {
			t.Errorf("withoutModMod(%q) = %q, %v; want %q, %v", tc.in, got, mod, tc.want, tc.mod)
		}
	}
}

// TestModModInWorkspace: a workspace refuses -mod=mod outright; decomp
// drops it there instead of failing.
func TestModModInWorkspace(t *testing.T) {
	env := append(os.Environ(), "GOFLAGS=-mod=mod")
	l, err := List(context.Background(), Config{Dir: filepath.Join("..", "..", "testdata", "workspace"), Env: env})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Packages()) == 0 {
		t.Error("no packages listed")
	}
}
