package routes_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/decomp/decomp/analysis/load"
	"github.com/decomp/decomp/analysis/routes"
	"github.com/decomp/decomp/internal/wanttest"
)

func TestRoutes(t *testing.T) {
	dir := "testdata/routesapp"
	prog, err := load.Load(context.Background(), load.Config{Dir: dir, Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")})
	if err != nil {
		t.Fatal(err)
	}
	var findings []wanttest.Finding
	for _, r := range routes.Extract(prog) {
		m := r.Method
		if m == "" {
			m = "ANY"
		}
		handler := strings.TrimPrefix(r.Handler, "example.com/routesapp/")
		findings = append(findings, wanttest.Finding{Pos: r.Pos, Message: m + " " + r.Path + " → " + handler + " via " + r.Via})
	}
	wanttest.Check(t, dir, findings)
}
