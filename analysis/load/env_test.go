package load

import (
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
