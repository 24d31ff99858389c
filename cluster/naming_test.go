package cluster

import "testing"

func TestTechWords(t *testing.T) {
	pkgs := map[string]*pkgInfo{
		"github.com/acme/shop/trainings": {external: []string{
			"cloud.google.com/go/firestore", "github.com/emersion/go-imap/client", "gopkg.in/DataDog/dd-trace-go.v1/ddtrace",
			"github.com/prometheus/client_golang/prometheus", "github.com/jackc/pgx/v5", "github.com/mark3labs/mcp-go/server",
			"github.com/acme/shop-plugins/user", "os/user", "text/template",
		}},
	}
	got := techWords(pkgs)
	for _, w := range []string{"firestore", "emersion", "client", "datadog", "ddtrace", "prometheus", "jackc", "pgx", "mark3lab", "mcp", "server", "imap", "dd-trace"} {
		if !got[w] {
			t.Errorf("%s is not a technology word; have %v", w, got)
		}
	}
	for _, w := range []string{"user", "template", "acme", "shop", "go", "v5"} {
		if got[w] {
			t.Errorf("%s read as a technology word", w)
		}
	}
	cands := []nameCand{{"firestore", "", fromWord}, {"imap", "", fromFolder}, {"training", "", fromWord}}
	if got := withoutTech(cands, map[string]bool{"firestore": true, "imap": true}); len(got) != 2 || got[0].name != "imap" || got[1].name != "training" {
		t.Errorf("withoutTech kept %v; want the folder's imap and training", got)
	}
}

// TestCompoundNames: two words that only come together name a context as
// one noun; a word shared by several names stays alone; Go's technical
// words (func, builder) never name one.
func TestCompoundNames(t *testing.T) {
	for _, tc := range []struct {
		types []string
		want  string
	}{
		{[]string{"TwoFactor", "TwoFactorsStore", "TwoFactorRecoveryCode"}, "two-factor"},
		{[]string{"DeployKey", "PublicKey", "KeyAccess"}, "key"},
		{[]string{"UserLevelFunc", "authFunc", "dataHandlerFunc", "UserLevel"}, "user-level"},
	} {
		b := newTestGraph()
		var members []int
		for _, ty := range tc.types {
			members = append(members, b.unit("example.com/app/models."+ty, "models", 10))
		}
		n := len(b.g.Units)
		cands := nameCandidates(b.g, members, map[int]int{}, nil, make([]string, n), map[string]*Folder{})
		if len(cands) == 0 || cands[0].name != tc.want {
			t.Errorf("%v: candidates %v, want %q first", tc.types, cands, tc.want)
		}
	}
}

func TestWithoutTechPrefix(t *testing.T) {
	for in, want := range map[string]string{"grpcauthapp": "authapp", "authapp": "authapp", "grpc": "grpc", "pgx": "pgx", "redisstore": "store"} {
		if got := withoutTechPrefix(in); got != want {
			t.Errorf("withoutTechPrefix(%q) = %q, want %q", in, got, want)
		}
	}
}
