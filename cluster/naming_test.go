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
