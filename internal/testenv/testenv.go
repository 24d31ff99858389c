// Package testenv gives tests that run the go command an environment of
// their own: the user's, minus every go setting a test or a CI job may have
// left behind, plus what the test states. No test inherits another test's
// os.Setenv, and none depends on what the module cache holds.
package testenv

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// scrubbed are the settings that change what the go command resolves or
// fetches; a test states the ones it needs.
var scrubbed = []string{"GOFLAGS", "GOPROXY", "GOSUMDB", "GONOSUMDB", "GOWORK", "GOTOOLCHAIN", "GOINSECURE", "GOPRIVATE", "GONOPROXY"}

// Env is os.Environ() without the scrubbed settings, then extra (later
// entries win).
func Env(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		keep := true
		for _, s := range scrubbed {
			if name == s {
				keep = false
				break
			}
		}
		if keep {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// Offline is the environment for building a fixture or a copy of one: the
// local toolchain, no module proxy, no workspace of the caller's. Fixtures
// wire their stand-in libraries with replace directives, so nothing is
// fetched.
func Offline() []string {
	return Env("GOTOOLCHAIN=local", "GOPROXY=off", "GOSUMDB=off", "GOWORK=off", "GOFLAGS=-mod=mod")
}

// Go returns the go command with args in dir under Offline().
func Go(t testing.TB, dir string, args ...string) *exec.Cmd {
	t.Helper()
	bin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = Offline()
	return cmd
}
