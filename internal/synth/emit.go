package synth

import (
	"fmt"
	"go/format"
	"sort"
	"strings"
)

// src accumulates one Go file; format runs gofmt over it so the output is
// canonical whatever the emitters' indentation.
type src struct {
	b strings.Builder
}

func (s *src) f(format string, args ...any) {
	fmt.Fprintf(&s.b, format, args...)
	s.b.WriteByte('\n')
}

func (s *src) imports(std []string, local map[string]string) {
	sort.Strings(std)
	s.f("import (")
	for _, p := range std {
		s.f("%q", p)
	}
	if len(local) > 0 {
		s.f("")
		paths := make([]string, 0, len(local))
		for p := range local {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		for _, p := range paths {
			if alias := local[p]; alias != "" {
				s.f("%s %q", alias, p)
			} else {
				s.f("%q", p)
			}
		}
	}
	s.f(")")
	s.f("")
}

func (s *src) format(name string) ([]byte, error) {
	out, err := format.Source([]byte(s.b.String()))
	if err != nil {
		return nil, fmt.Errorf("format generated %s: %w", name, err)
	}
	return out, nil
}

// file is one generated file, module-relative.
type file struct {
	path string
	data []byte
}

func (p *plan) importPath(k *pkg) string { return p.opt.Module + "/" + k.dir }

// emitModel writes the entity, its line type and its invariants.
func (p *plan) emitModel(k *pkg) ([]file, error) {
	f := k.feat
	e := f.entity
	var s src
	s.f("// Package %s defines the %s record and the rules every change to it must keep.", k.name, e)
	s.f("package %s", k.name)
	s.imports([]string{"errors", "fmt", "strings", "time"}, nil)
	s.f("// Status values of a %s.", e)
	s.f("const (")
	s.f("StatusDraft = \"draft\"")
	s.f("StatusActive = \"active\"")
	s.f("StatusClosed = \"closed\"")
	s.f(")")
	s.f("")
	s.f("// ErrInvalid%s is returned when a %s breaks its invariants.", e, e)
	s.f("var ErrInvalid%s = errors.New(\"invalid %s\")", e, f.name)
	s.f("")
	s.f("// %s is one %s record.", e, f.name)
	s.f("type %s struct {", e)
	s.f("ID int64")
	s.f("Name string")
	s.f("Status string")
	s.f("OwnerID int64")
	s.f("CreatedAt time.Time")
	s.f("UpdatedAt time.Time")
	for _, x := range f.extras {
		s.f("%s %s", x.Name, x.Type)
	}
	s.f("}")
	s.f("")
	s.f("// %sLine is one line item of a %s.", e, e)
	s.f("type %sLine struct {", e)
	s.f("ID int64")
	s.f("%sID int64", e)
	s.f("Quantity int64")
	s.f("Amount int64")
	s.f("Note string")
	s.f("}")
	s.f("")
	s.f("// New%s returns a draft %s owned by owner.", e, f.name)
	s.f("func New%s(name string, owner int64, now time.Time) *%s {", e, e)
	s.f("return &%s{Name: strings.TrimSpace(name), Status: StatusDraft, OwnerID: owner, CreatedAt: now, UpdatedAt: now}", e)
	s.f("}")
	s.f("")
	s.f("// Validate checks the invariants storage relies on.")
	s.f("func (m *%s) Validate() error {", e)
	s.f("if strings.TrimSpace(m.Name) == \"\" {")
	s.f("return fmt.Errorf(\"%%w: name is empty\", ErrInvalid%s)", e)
	s.f("}")
	s.f("if len(m.Name) > 200 {")
	s.f("return fmt.Errorf(\"%%w: name longer than 200 bytes\", ErrInvalid%s)", e)
	s.f("}")
	s.f("if m.OwnerID <= 0 {")
	s.f("return fmt.Errorf(\"%%w: owner %%d\", ErrInvalid%s, m.OwnerID)", e)
	s.f("}")
	s.f("switch m.Status {")
	s.f("case StatusDraft, StatusActive, StatusClosed:")
	s.f("default:")
	s.f("return fmt.Errorf(\"%%w: status %%q\", ErrInvalid%s, m.Status)", e)
	s.f("}")
	s.f("return nil")
	s.f("}")
	s.f("")
	for _, tr := range []struct{ verb, from, to, cond string }{
		{"Activate", "draft", "StatusActive", "m.Status != StatusDraft"},
		{"Close", "open", "StatusClosed", "m.Status == StatusClosed"},
	} {
		s.f("// %s moves a %s %s to %s.", tr.verb, tr.from, f.name, strings.ToLower(strings.TrimPrefix(tr.to, "Status")))
		s.f("func (m *%s) %s(now time.Time) error {", e, tr.verb)
		s.f("if %s {", tr.cond)
		s.f("return fmt.Errorf(\"%s %s %%d: status is %%s\", m.ID, m.Status)", strings.ToLower(tr.verb), f.name)
		s.f("}")
		s.f("m.Status = %s", tr.to)
		s.f("m.UpdatedAt = now")
		s.f("return nil")
		s.f("}")
		s.f("")
	}
	s.f("// Total sums the lines that belong to this %s.", f.name)
	s.f("func (m *%s) Total(lines []%sLine) int64 {", e, e)
	s.f("var total int64")
	s.f("for _, l := range lines {")
	s.f("if l.%sID == m.ID {", e)
	s.f("total += l.Quantity * l.Amount")
	s.f("}")
	s.f("}")
	s.f("return total")
	s.f("}")
	s.f("")
	s.f("// Summary is a one-line description for logs and listings.")
	s.f("func (m *%s) Summary() string {", e)
	s.f("return fmt.Sprintf(\"%s #%%d %%q (%%s)\", m.ID, m.Name, m.Status)", f.name)
	s.f("}")
	s.f("")
	s.f("// Score weighs the numeric attributes for ranking.")
	s.f("func (m *%s) Score() float64 {", e)
	s.f("var score float64")
	used := 0
	for _, x := range f.extras {
		if used == 6 {
			break
		}
		switch x.Type {
		case "int64", "float64":
			s.f("score += float64(m.%s)", x.Name)
			used++
		case "bool":
			s.f("if m.%s {", x.Name)
			s.f("score++")
			s.f("}")
			used++
		}
	}
	s.f("return score")
	s.f("}")
	s.f("")
	s.f("// Normalize trims the text attributes before validation.")
	s.f("func (m *%s) Normalize() {", e)
	s.f("m.Name = strings.TrimSpace(m.Name)")
	used = 0
	for _, x := range f.extras {
		if x.Type == "string" && used < 6 {
			s.f("m.%s = strings.TrimSpace(m.%s)", x.Name, x.Name)
			used++
		}
	}
	s.f("}")
	s.f("")
	s.f("// LargeLines returns the lines whose amount is at least floor.")
	s.f("func LargeLines(lines []%sLine, floor int64) []%sLine {", e, e)
	s.f("var out []%sLine", e)
	s.f("for _, l := range lines {")
	s.f("if l.Amount >= floor {")
	s.f("out = append(out, l)")
	s.f("}")
	s.f("}")
	s.f("return out")
	s.f("}")
	data, err := s.format(k.dir)
	if err != nil {
		return nil, err
	}
	return []file{{path: k.dir + "/" + f.name + ".go", data: data}}, nil
}

const selectCols = "id, name, status, owner_id, created_at, updated_at"

// emitRepo writes the SQL store of a feature.
func (p *plan) emitRepo(k *pkg) ([]file, error) {
	f := k.feat
	e, m := f.entity, f.model.alias
	ev := p.domains[k.domain].events
	var s src
	s.f("// Package %s stores %s records in the %s and %s tables.", k.name, e, f.table, f.lines)
	s.f("package %s", k.name)
	s.imports([]string{"context", "database/sql", "fmt"}, map[string]string{
		p.importPath(f.model):                   m,
		p.opt.Module + "/internal/platform/dbx": "",
	})
	s.f("// Store is the SQL storage of %s records.", e)
	s.f("type Store struct {")
	s.f("db *sql.DB")
	s.f("}")
	s.f("")
	s.f("// New returns a Store on db.")
	s.f("func New(db *sql.DB) *Store { return &Store{db: db} }")
	s.f("")
	s.f("// Get loads one %s.", f.name)
	s.f("func (s *Store) Get(ctx context.Context, id int64) (*%s.%s, error) {", m, e)
	s.f("m := &%s.%s{}", m, e)
	s.f("err := s.db.QueryRowContext(ctx,")
	s.f("`SELECT %s FROM %s WHERE id = $1`, id).", selectCols, f.table)
	s.f("Scan(&m.ID, &m.Name, &m.Status, &m.OwnerID, &m.CreatedAt, &m.UpdatedAt)")
	s.f("if err != nil {")
	s.f("return nil, dbx.NotFound(err, %q, id)", f.name)
	s.f("}")
	s.f("return m, nil")
	s.f("}")
	s.f("")
	s.f("// ListByOwner pages through an owner's %s records, newest first.", f.name)
	s.f("func (s *Store) ListByOwner(ctx context.Context, owner int64, limit int) ([]*%s.%s, error) {", m, e)
	s.f("rows, err := s.db.QueryContext(ctx,")
	s.f("`SELECT %s FROM %s WHERE owner_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, owner, limit)", selectCols, f.table)
	s.f("if err != nil {")
	s.f("return nil, fmt.Errorf(\"query %s: %%w\", err)", f.table)
	s.f("}")
	s.f("defer rows.Close()")
	s.f("var out []*%s.%s", m, e)
	s.f("for rows.Next() {")
	s.f("m := &%s.%s{}", m, e)
	s.f("if err := rows.Scan(&m.ID, &m.Name, &m.Status, &m.OwnerID, &m.CreatedAt, &m.UpdatedAt); err != nil {")
	s.f("return nil, fmt.Errorf(\"scan %s: %%w\", err)", f.name)
	s.f("}")
	s.f("out = append(out, m)")
	s.f("}")
	s.f("if err := rows.Err(); err != nil {")
	s.f("return nil, fmt.Errorf(\"iterate %s: %%w\", err)", f.table)
	s.f("}")
	s.f("return out, nil")
	s.f("}")
	s.f("")
	s.f("// Insert stores a new %s and returns its id.", f.name)
	s.f("func (s *Store) Insert(ctx context.Context, m *%s.%s) (int64, error) {", m, e)
	s.f("var id int64")
	s.f("err := s.db.QueryRowContext(ctx,")
	s.f("`INSERT INTO %s (name, status, owner_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,", f.table)
	s.f("m.Name, m.Status, m.OwnerID, m.CreatedAt, m.UpdatedAt).Scan(&id)")
	s.f("if err != nil {")
	s.f("return 0, fmt.Errorf(\"insert %s: %%w\", err)", f.name)
	s.f("}")
	s.f("return id, nil")
	s.f("}")
	s.f("")
	s.f("// UpdateStatus stores a status change.")
	s.f("func (s *Store) UpdateStatus(ctx context.Context, id int64, status string) error {")
	s.f("res, err := s.db.ExecContext(ctx, `UPDATE %s SET status = $2, updated_at = now() WHERE id = $1`, id, status)", f.table)
	s.f("if err != nil {")
	s.f("return fmt.Errorf(\"update %s %%d: %%w\", id, err)", f.name)
	s.f("}")
	s.f("return dbx.Affected(res, %q, id)", f.name)
	s.f("}")
	s.f("")
	s.f("// Delete removes a %s; its lines go with it through the foreign key.", f.name)
	s.f("func (s *Store) Delete(ctx context.Context, id int64) error {")
	s.f("res, err := s.db.ExecContext(ctx, `DELETE FROM %s WHERE id = $1`, id)", f.table)
	s.f("if err != nil {")
	s.f("return fmt.Errorf(\"delete %s %%d: %%w\", id, err)", f.name)
	s.f("}")
	s.f("return dbx.Affected(res, %q, id)", f.name)
	s.f("}")
	s.f("")
	s.f("// Repair counts and removes orphaned %s lines; dbx.Run runs the statements.", f.name)
	s.f("func (s *Store) Repair(ctx context.Context) error {")
	s.f("return dbx.Run(ctx, s.db, []dbx.Check{{")
	s.f("Desc:  %q,", "orphaned "+f.lines)
	s.f("Count: `SELECT COUNT(*) FROM %s WHERE %s_id NOT IN (SELECT id FROM %s)`,", f.lines, f.name, f.table)
	s.f("Fix:   `DELETE FROM %s WHERE %s_id NOT IN (SELECT id FROM %s)`,", f.lines, f.name, f.table)
	s.f("}})")
	s.f("}")
	s.f("")
	s.f("// Lines lists the line items of a %s.", f.name)
	s.f("func (s *Store) Lines(ctx context.Context, id int64) ([]%s.%sLine, error) {", m, e)
	s.f("rows, err := s.db.QueryContext(ctx,")
	s.f("`SELECT id, %s_id, quantity, amount, note FROM %s WHERE %s_id = $1 ORDER BY id`, id)", f.name, f.lines, f.name)
	s.f("if err != nil {")
	s.f("return nil, fmt.Errorf(\"query %s: %%w\", err)", f.lines)
	s.f("}")
	s.f("defer rows.Close()")
	s.f("var out []%s.%sLine", m, e)
	s.f("for rows.Next() {")
	s.f("var l %s.%sLine", m, e)
	s.f("if err := rows.Scan(&l.ID, &l.%sID, &l.Quantity, &l.Amount, &l.Note); err != nil {", e)
	s.f("return nil, fmt.Errorf(\"scan %s line: %%w\", err)", f.name)
	s.f("}")
	s.f("out = append(out, l)")
	s.f("}")
	s.f("if err := rows.Err(); err != nil {")
	s.f("return nil, fmt.Errorf(\"iterate %s: %%w\", err)", f.lines)
	s.f("}")
	s.f("return out, nil")
	s.f("}")
	s.f("")
	s.f("// AddLine stores a line item.")
	s.f("func (s *Store) AddLine(ctx context.Context, l %s.%sLine) (int64, error) {", m, e)
	s.f("var id int64")
	s.f("err := s.db.QueryRowContext(ctx,")
	s.f("`INSERT INTO %s (%s_id, quantity, amount, note) VALUES ($1, $2, $3, $4) RETURNING id`,", f.lines, f.name)
	s.f("l.%sID, l.Quantity, l.Amount, l.Note).Scan(&id)", e)
	s.f("if err != nil {")
	s.f("return 0, fmt.Errorf(\"insert %s line: %%w\", err)", f.name)
	s.f("}")
	s.f("return id, nil")
	s.f("}")
	s.f("")
	s.f("// RecordEvent appends to the %s log.", ev)
	s.f("func (s *Store) RecordEvent(ctx context.Context, id int64, kind string) error {")
	s.f("_, err := s.db.ExecContext(ctx,")
	s.f("`INSERT INTO %s (entity, entity_id, kind, at) VALUES ('%s', $1, $2, now())`, id, kind)", ev, f.name)
	s.f("if err != nil {")
	s.f("return fmt.Errorf(\"record %%s event of %s %%d: %%w\", kind, id, err)", f.name)
	s.f("}")
	s.f("return nil")
	s.f("}")
	for _, u := range k.shared {
		s.f("")
		if u.writes > 0 {
			emitSharedWrites(&s, k, u)
			continue
		}
		s.f("// Lookup%s returns the name of a %s row.", u.method, u.table)
		s.f("func (s *Store) Lookup%s(ctx context.Context, id int64) (string, error) {", u.method)
		s.f("var name string")
		s.f("err := s.db.QueryRowContext(ctx, `SELECT name FROM %s WHERE id = $1`, id).Scan(&name)", u.table)
		s.f("if err != nil {")
		s.f("return \"\", dbx.NotFound(err, %q, id)", u.table)
		s.f("}")
		s.f("return name, nil")
		s.f("}")
	}
	if g := k.foreign; g != nil {
		s.f("")
		s.f("// Count%s counts another team's %s records of an owner; the join", g.entity, g.table)
		s.f("// the reports need is cheaper here than through their API.")
		s.f("func (s *Store) Count%s(ctx context.Context, owner int64) (int64, error) {", g.entity)
		s.f("var n int64")
		s.f("err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM %s WHERE owner_id = $1`, owner).Scan(&n)", g.table)
		s.f("if err != nil {")
		s.f("return 0, fmt.Errorf(\"count %s of owner %%d: %%w\", owner, err)", g.table)
		s.f("}")
		s.f("return n, nil")
		s.f("}")
	}
	data, err := s.format(k.dir)
	if err != nil {
		return nil, err
	}
	return []file{{path: k.dir + "/store.go", data: data}}, nil
}

// emitSharedWrites writes the insert (and for owners the update) of a shared table.
func emitSharedWrites(s *src, k *pkg, u sharedUse) {
	s.f("// Append%s adds a %s row on behalf of a %s.", u.method, u.table, k.feat.name)
	s.f("func (s *Store) Append%s(ctx context.Context, ref int64, note string) error {", u.method)
	s.f("_, err := s.db.ExecContext(ctx,")
	s.f("`INSERT INTO %s (ref_id, source, note) VALUES ($1, '%s', $2)`, ref, note)", u.table, k.feat.name)
	s.f("if err != nil {")
	s.f("return fmt.Errorf(\"insert %s for %s %%d: %%w\", ref, err)", u.table, k.feat.name)
	s.f("}")
	s.f("return nil")
	s.f("}")
	if u.writes < 2 {
		return
	}
	s.f("")
	s.f("// Revise%s rewrites the note of every %s row of a reference.", u.method, u.table)
	s.f("func (s *Store) Revise%s(ctx context.Context, ref int64, note string) error {", u.method)
	s.f("_, err := s.db.ExecContext(ctx, `UPDATE %s SET note = $2 WHERE ref_id = $1`, ref, note)", u.table)
	s.f("if err != nil {")
	s.f("return fmt.Errorf(\"update %s of %%d: %%w\", ref, err)", u.table)
	s.f("}")
	s.f("return nil")
	s.f("}")
}
