package pipeline_test

import (
	"github.com/decomp/decomp/internal/testenv"
	"os/exec"
	"strings"
	"testing"
)

// stages lists decomp's packages in pipeline order (load → extract → graph →
// cluster → judge → check → report → render → glue → commands). A package
// may import packages of its own stage or an earlier one, never a later
// one, so data only flows forward. The longest matching prefix decides.
var stages = [][]string{
	{"analysis/facts", "config", "internal/udiff"},
	{"analysis/load", "analysis/sqlparse", "analysis/ssabuild", "analysis/valueflow"},
	{"analysis/decls", "analysis/calls", "analysis/uses", "analysis/fielduse", "analysis/dbaccess", "analysis/routes"},
	{"analysis", "analysis/factcache"},
	{"cluster/graph"},
	{"cluster/leiden", "cluster/metrics"},
	{"cluster"},
	{"cluster/eval"},
	{"report/judge"},
	{"report/plan"},
	{"check"},
	{"report"},
	{"report/render"},
	{"check/output"},
	{"internal/pipeline"},
	{"cmd/decomp/internal/cmdutil"},
	{"cmd/decomp/internal/version"},
	{"cmd/decomp/internal/analyze", "cmd/decomp/internal/eval", "cmd/decomp/internal/check", "cmd/decomp/internal/initcmd", "cmd/decomp/internal/plancmd", "cmd/decomp/internal/explaincmd"},
	{"cmd/decomp/internal/root"},
	{"cmd/decomp"},
}

// Test support may be imported by tests only, and imports what it likes.
var support = []string{"internal/synth", "internal/wanttest", "internal/testfs", "internal/testenv"}

func stageOf(pkg string) (int, bool) {
	best, bestLen := -1, -1
	for i, st := range stages {
		for _, p := range st {
			if (pkg == p || strings.HasPrefix(pkg, p+"/")) && len(p) > bestLen {
				best, bestLen = i, len(p)
			}
		}
	}
	return best, best >= 0
}

func TestImportsFollowThePipeline(t *testing.T) {
	const mod = "github.com/decomp/decomp/"
	// decomp's own module, listed as go test itself resolves it: the
	// user's proxy, whatever a fixture test needs.
	cmd := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "github.com/decomp/decomp/...")
	cmd.Env = testenv.Env("GOFLAGS=-mod=readonly", "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(fields[0], mod)
		if isSupport(pkg) {
			continue
		}
		from, ok := stageOf(pkg)
		if !ok {
			t.Errorf("%s is in no stage: add it to the stages list", pkg)
			continue
		}
		for _, imp := range fields[1:] {
			rel, inModule := strings.CutPrefix(imp, mod)
			if !inModule {
				continue
			}
			if isSupport(rel) {
				t.Errorf("%s imports test support %s", pkg, rel)
				continue
			}
			if to, _ := stageOf(rel); to > from {
				t.Errorf("%s imports %s, a later stage: data must flow forward", pkg, rel)
			}
		}
	}
}

func isSupport(pkg string) bool {
	for _, s := range support {
		if pkg == s || strings.HasPrefix(pkg, s+"/") {
			return true
		}
	}
	return false
}
