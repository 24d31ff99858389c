package synth

import (
	"fmt"
	"sort"
	"strings"
)

const dbxSource = `// Package dbx holds the database/sql helpers every store shares.
package dbx

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrNotFound is what stores return, wrapped, for a missing row.
var ErrNotFound = errors.New("not found")

// NotFound maps sql.ErrNoRows to ErrNotFound and wraps other errors.
func NotFound(err error, what string, id int64) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s %d: %w", what, id, ErrNotFound)
	}
	return fmt.Errorf("load %s %d: %w", what, id, err)
}

// Check is one consistency check: Count finds the broken rows, Fix repairs them.
type Check struct {
	Desc, Count, Fix string
}

// Run runs each check's repair where its count finds broken rows.
func Run(ctx context.Context, db *sql.DB, checks []Check) error {
	for _, c := range checks {
		var n int64
		if err := db.QueryRowContext(ctx, c.Count).Scan(&n); err != nil {
			return fmt.Errorf("%s: %w", c.Desc, err)
		}
		if n == 0 {
			continue
		}
		if _, err := db.ExecContext(ctx, c.Fix); err != nil {
			return fmt.Errorf("%s: %w", c.Desc, err)
		}
	}
	return nil
}

// Affected checks that an UPDATE or DELETE touched a row.
func Affected(res sql.Result, what string, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("rows affected for %s %d: %w", what, id, err)
	}
	if n == 0 {
		return fmt.Errorf("%s %d: %w", what, id, ErrNotFound)
	}
	return nil
}
`

const webSource = `// Package web holds the JSON-over-HTTP helpers every handler shares.
package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"

	"%s/internal/platform/dbx"
)

// JSON writes v with the given status.
func JSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		slog.Warn("write response", "err", err)
	}
}

// Error answers 404 for missing rows and 400 otherwise, hiding details of
// anything that is not a client error.
func Error(w http.ResponseWriter, err error) {
	var bad *BadRequest
	switch {
	case errors.Is(err, dbx.ErrNotFound):
		JSON(w, http.StatusNotFound, map[string]string{"error": err.Error()})
	case errors.As(err, &bad):
		JSON(w, http.StatusBadRequest, map[string]string{"error": bad.Error()})
	default:
		slog.Error("request failed", "err", err)
		JSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
	}
}

// BadRequest is a malformed request.
type BadRequest struct{ Reason string }

func (e *BadRequest) Error() string { return e.Reason }

// Decode reads a JSON body of at most 1 MiB.
func Decode(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return &BadRequest{Reason: fmt.Sprintf("invalid JSON: %%v", err)}
	}
	return nil
}

// PathID parses a positive integer path parameter.
func PathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, &BadRequest{Reason: name + " must be a positive integer"}
	}
	return id, nil
}
`

// emitFixed writes go.mod, the platform packages and the server entry point.
func (p *plan) emitFixed() ([]file, error) {
	files := []file{
		{path: "go.mod", data: []byte("module " + p.opt.Module + "\n\ngo 1.24\n")},
		{path: "internal/platform/dbx/dbx.go", data: []byte(dbxSource)},
		{path: "internal/platform/web/web.go", data: []byte(fmt.Sprintf(webSource, p.opt.Module))},
	}
	local := map[string]string{}
	var handlers []*pkg
	for _, k := range p.pkgs {
		if k.role == roleHandler {
			handlers = append(handlers, k)
			local[p.importPath(k)] = k.alias
		}
	}
	var s src
	s.f("// Command server serves every feature's HTTP endpoints from one process.")
	s.f("package main")
	s.imports([]string{"database/sql", "flag", "fmt", "log/slog", "net/http", "os", "time"}, local)
	s.f("func main() {")
	s.f("if err := run(); err != nil {")
	s.f("slog.Error(\"server\", \"err\", err)")
	s.f("os.Exit(1)")
	s.f("}")
	s.f("}")
	s.f("")
	s.f("func run() error {")
	s.f("addr := flag.String(\"addr\", \":8080\", \"listen address\")")
	s.f("driver := flag.String(\"db-driver\", \"postgres\", \"database/sql driver name\")")
	s.f("dsn := flag.String(\"db\", os.Getenv(\"DATABASE_URL\"), \"database DSN\")")
	s.f("flag.Parse()")
	s.f("db, err := sql.Open(*driver, *dsn)")
	s.f("if err != nil {")
	s.f("return fmt.Errorf(\"open database: %%w\", err)")
	s.f("}")
	s.f("defer db.Close()")
	s.f("mux := http.NewServeMux()")
	for _, h := range handlers {
		s.f("%s.Register(mux, db)", h.alias)
	}
	s.f("srv := &http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}")
	s.f("slog.Info(\"listening\", \"addr\", *addr)")
	s.f("return srv.ListenAndServe()")
	s.f("}")
	data, err := s.format("cmd/server")
	if err != nil {
		return nil, err
	}
	return append(files, file{path: "cmd/server/main.go", data: data}), nil
}

// tableTruth is the truth entry of one table.
type tableTruth struct {
	owner   string
	writers []string
	readers []string
}

// tables derives the truth of every table from the plan, mirroring the SQL
// the emitters write: per table and context, the number of write sites and
// whether it reads.
func (p *plan) tables() map[string]tableTruth {
	type sites struct{ writes, reads int }
	acc := make(map[string]map[string]*sites)
	touch := func(table, ctx string, writes, reads int) {
		if acc[table] == nil {
			acc[table] = make(map[string]*sites)
		}
		c := acc[table][ctx]
		if c == nil {
			c = &sites{}
			acc[table][ctx] = c
		}
		c.writes += writes
		c.reads += reads
	}
	for _, f := range p.features {
		r := f.repo
		if r == nil {
			continue
		}
		ctx := p.label(r)
		touch(f.table, ctx, 3, 2)                    // Insert, UpdateStatus, Delete; Get, ListByOwner
		touch(f.lines, ctx, 1, 1)                    // AddLine; Lines
		touch(p.domains[f.domain].events, ctx, 1, 0) // RecordEvent
		for _, u := range r.shared {
			touch(u.table, ctx, u.writes, boolInt(u.writes == 0))
		}
		if g := r.foreign; g != nil {
			touch(g.table, ctx, 0, 1)
		}
	}
	out := make(map[string]tableTruth, len(acc))
	for table, byCtx := range acc {
		var t tableTruth
		best := -1
		ctxs := make([]string, 0, len(byCtx))
		for c := range byCtx {
			ctxs = append(ctxs, c)
		}
		sort.Strings(ctxs)
		for _, c := range ctxs {
			s := byCtx[c]
			if s.writes == 0 {
				t.readers = append(t.readers, c)
				continue
			}
			t.writers = append(t.writers, c)
			if s.writes > best {
				best, t.owner = s.writes, c
			}
		}
		out[table] = t
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// emitTruth writes truth.yaml: every package's context and every table's
// owner, writers and readers.
func (p *plan) emitTruth() file {
	var b strings.Builder
	fmt.Fprintf(&b, "# Ground truth of a synthetic module written by decomp's internal/synth\n")
	fmt.Fprintf(&b, "# (seed %d, %d packages, %d domains, layout %s).\n", p.opt.Seed, p.opt.Packages, len(p.domains), p.opt.Layout)
	b.WriteString("packages:\n")
	labels := map[string]string{
		p.opt.Module + "/cmd/server":            "_entry",
		p.opt.Module + "/internal/platform/dbx": "_infra",
		p.opt.Module + "/internal/platform/web": "_infra",
	}
	for _, k := range p.pkgs {
		labels[p.importPath(k)] = p.label(k)
	}
	paths := make([]string, 0, len(labels))
	for path := range labels {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		fmt.Fprintf(&b, "  %s: %s\n", path, labels[path])
	}
	b.WriteString("tables:\n")
	tables := p.tables()
	names := make([]string, 0, len(tables))
	for n := range tables {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		t := tables[n]
		fmt.Fprintf(&b, "  %s:\n    owner: %s\n    writers: [%s]\n    readers: [%s]\n",
			n, t.owner, strings.Join(t.writers, ", "), strings.Join(t.readers, ", "))
	}
	return file{path: "truth.yaml", data: []byte(b.String())}
}
