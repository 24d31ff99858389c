package synth

import (
	"fmt"
	"strings"
)

// stampExpr is a value of type t derived from the int64 variable seed.
func stampExpr(t string) string {
	switch t {
	case "string":
		return `fmt.Sprintf("s%d", seed)`
	case "int64":
		return "seed"
	case "bool":
		return "seed%2 == 0"
	default:
		return "float64(seed) / 2"
	}
}

// repoMethods lists the Repository interface of a service, mirroring the
// methods emitRepo writes.
func (p *plan) repoMethods(k *pkg) []string {
	f := k.feat
	m, e := f.model.alias, f.entity
	out := []string{
		fmt.Sprintf("Get(ctx context.Context, id int64) (*%s.%s, error)", m, e),
		fmt.Sprintf("ListByOwner(ctx context.Context, owner int64, limit int) ([]*%s.%s, error)", m, e),
		fmt.Sprintf("Insert(ctx context.Context, m *%s.%s) (int64, error)", m, e),
		"UpdateStatus(ctx context.Context, id int64, status string) error",
		"Delete(ctx context.Context, id int64) error",
		fmt.Sprintf("Lines(ctx context.Context, id int64) ([]%s.%sLine, error)", m, e),
		fmt.Sprintf("AddLine(ctx context.Context, l %s.%sLine) (int64, error)", m, e),
		"RecordEvent(ctx context.Context, id int64, kind string) error",
	}
	for _, u := range f.repo.shared {
		switch u.writes {
		case 0:
			out = append(out, fmt.Sprintf("Lookup%s(ctx context.Context, id int64) (string, error)", u.method))
		case 1:
			out = append(out, fmt.Sprintf("Append%s(ctx context.Context, ref int64, note string) error", u.method))
		default:
			out = append(out,
				fmt.Sprintf("Append%s(ctx context.Context, ref int64, note string) error", u.method),
				fmt.Sprintf("Revise%s(ctx context.Context, ref int64, note string) error", u.method))
		}
	}
	if g := f.repo.foreign; g != nil {
		out = append(out, fmt.Sprintf("Count%s(ctx context.Context, owner int64) (int64, error)", g.entity))
	}
	return out
}

// emitService writes a feature's use cases: a Service over its repository
// (or an in-memory registry when the feature has no table), the exported
// Evaluate other packages call, and helpers using other features' models.
func (p *plan) emitService(k *pkg) ([]file, error) {
	f := k.feat
	m, e := f.model.alias, f.entity
	hasRepo := f.repo != nil
	std := []string{"context", "errors", "fmt", "time"}
	local := map[string]string{p.importPath(f.model): m}
	if hasRepo {
		std = append(std, "database/sql")
		local[p.importPath(f.repo)] = f.repo.alias
	} else {
		std = append(std, "sort", "sync")
	}
	for _, d := range k.modelDeps {
		local[p.importPath(d)] = d.alias
	}
	for _, d := range k.svcDeps {
		local[p.importPath(d)] = d.alias
	}
	var s src
	s.f("// Package %s implements the %s use cases.", k.name, f.name)
	s.f("package %s", k.name)
	s.imports(std, local)
	if hasRepo {
		p.emitRepoService(&s, k)
	} else {
		emitMemService(&s, k)
	}

	s.f("")
	s.f("// Prepare fills the attributes a new %s starts with.", f.name)
	s.f("func Prepare(m *%s.%s, seed int64) {", m, e)
	for _, x := range f.extras[:2] {
		s.f("m.%s = %s", x.Name, stampExpr(x.Type))
	}
	s.f("}")
	s.f("")
	s.f("// Evaluate scores a %s for cross-feature ranking.", f.name)
	s.f("func Evaluate(ctx context.Context, id int64) (int64, error) {")
	s.f("if id <= 0 {")
	s.f("return 0, errors.New(\"evaluate %s: id must be positive\")", f.name)
	s.f("}")
	s.f("if err := ctx.Err(); err != nil {")
	s.f("return 0, fmt.Errorf(\"evaluate %s %%d: %%w\", id, err)", f.name)
	s.f("}")
	s.f("score := id %% %d", 7+2*len(f.name))
	for i, d := range k.svcDeps {
		s.f("v%d, err := %s.Evaluate(ctx, id+%d)", i, d.alias, i+1)
		s.f("if err != nil {")
		s.f("return 0, fmt.Errorf(\"evaluate %s %%d: %%w\", id, err)", f.name)
		s.f("}")
		s.f("score += v%d %% %d", i, 11+i)
	}
	s.f("return score, nil")
	s.f("}")
	for i, d := range k.modelDeps {
		g := d.feat
		s.f("")
		s.f("// Describe%s renders the %s attributes a %s shows.", g.entity, g.entity, f.name)
		s.f("func Describe%s(o *%s.%s) string {", g.entity, d.alias, g.entity)
		verbs, args := "", ""
		for _, x := range k.describe[i] {
			verbs += " %v"
			args += ", o." + x.Name
		}
		s.f("return fmt.Sprintf(\"%%s #%%d%s\", o.Name, o.ID%s)", verbs, args)
		s.f("}")
		s.f("")
		s.f("// Stamp%s records on a %s what this %s decided.", g.entity, g.entity, f.name)
		s.f("func Stamp%s(o *%s.%s, seed int64) {", g.entity, d.alias, g.entity)
		for _, x := range k.stamp[i] {
			s.f("o.%s = %s", x.Name, stampExpr(x.Type))
		}
		s.f("}")
	}
	data, err := s.format(k.dir)
	if err != nil {
		return nil, err
	}
	return []file{{path: k.dir + "/service.go", data: data}}, nil
}

func (p *plan) emitRepoService(s *src, k *pkg) {
	f := k.feat
	m, e := f.model.alias, f.entity
	s.f("// Repository is the storage the service needs; the SQL store implements it.")
	s.f("type Repository interface {")
	for _, sig := range p.repoMethods(k) {
		s.f("%s", sig)
	}
	s.f("}")
	s.f("")
	s.f("// Service runs the %s use cases.", f.name)
	s.f("type Service struct {")
	s.f("repo Repository")
	s.f("now func() time.Time")
	s.f("}")
	s.f("")
	s.f("// New returns a Service on repo.")
	s.f("func New(repo Repository) *Service { return &Service{repo: repo, now: time.Now} }")
	s.f("")
	s.f("// NewDefault wires the SQL store.")
	s.f("func NewDefault(db *sql.DB) *Service { return New(%s.New(db)) }", f.repo.alias)
	s.f("")
	s.f("// Get returns one %s.", f.name)
	s.f("func (s *Service) Get(ctx context.Context, id int64) (*%s.%s, error) {", m, e)
	s.f("if id <= 0 {")
	s.f("return nil, fmt.Errorf(\"get %s: invalid id %%d\", id)", f.name)
	s.f("}")
	s.f("return s.repo.Get(ctx, id)")
	s.f("}")
	s.f("")
	s.f("// Create validates and stores a new %s.", f.name)
	s.f("func (s *Service) Create(ctx context.Context, name string, owner int64) (*%s.%s, error) {", m, e)
	s.f("m := %s.New%s(name, owner, s.now().UTC())", m, e)
	s.f("Prepare(m, owner)")
	s.f("m.Normalize()")
	s.f("if err := m.Validate(); err != nil {")
	s.f("return nil, err")
	s.f("}")
	s.f("id, err := s.repo.Insert(ctx, m)")
	s.f("if err != nil {")
	s.f("return nil, fmt.Errorf(\"create %s: %%w\", err)", f.name)
	s.f("}")
	s.f("m.ID = id")
	s.f("if err := s.repo.RecordEvent(ctx, id, \"created\"); err != nil {")
	s.f("return nil, fmt.Errorf(\"record creation of %s %%d: %%w\", id, err)", f.name)
	s.f("}")
	s.f("return m, nil")
	s.f("}")
	for _, tr := range []struct{ verb, event string }{{"Activate", "activated"}, {"Close", "closed"}} {
		s.f("")
		s.f("// %s changes a %s's status and logs the change.", tr.verb, f.name)
		s.f("func (s *Service) %s(ctx context.Context, id int64) error {", tr.verb)
		s.f("m, err := s.Get(ctx, id)")
		s.f("if err != nil {")
		s.f("return err")
		s.f("}")
		s.f("if err := m.%s(s.now().UTC()); err != nil {", tr.verb)
		s.f("return err")
		s.f("}")
		s.f("if err := s.repo.UpdateStatus(ctx, id, m.Status); err != nil {")
		s.f("return fmt.Errorf(\"%s %s %%d: %%w\", id, err)", strings.ToLower(tr.verb), f.name)
		s.f("}")
		s.f("return s.repo.RecordEvent(ctx, id, %q)", tr.event)
		s.f("}")
	}
	s.f("")
	s.f("// Remove deletes a closed %s.", f.name)
	s.f("func (s *Service) Remove(ctx context.Context, id int64) error {")
	s.f("m, err := s.Get(ctx, id)")
	s.f("if err != nil {")
	s.f("return err")
	s.f("}")
	s.f("if m.Status != %s.StatusClosed {", m)
	s.f("return fmt.Errorf(\"remove %s %%d: still %%s\", id, m.Status)", f.name)
	s.f("}")
	s.f("return s.repo.Delete(ctx, id)")
	s.f("}")
	s.f("")
	s.f("// Total sums a %s's lines.", f.name)
	s.f("func (s *Service) Total(ctx context.Context, id int64) (int64, error) {")
	s.f("m, err := s.Get(ctx, id)")
	s.f("if err != nil {")
	s.f("return 0, err")
	s.f("}")
	s.f("lines, err := s.repo.Lines(ctx, id)")
	s.f("if err != nil {")
	s.f("return 0, fmt.Errorf(\"lines of %s %%d: %%w\", id, err)", f.name)
	s.f("}")
	s.f("return m.Total(lines), nil")
	s.f("}")
	s.f("")
	s.f("// AddLine adds a line item to an open %s.", f.name)
	s.f("func (s *Service) AddLine(ctx context.Context, id, quantity, amount int64, note string) (int64, error) {")
	s.f("if quantity <= 0 || amount < 0 {")
	s.f("return 0, fmt.Errorf(\"add line to %s %%d: quantity %%d, amount %%d\", id, quantity, amount)", f.name)
	s.f("}")
	s.f("m, err := s.Get(ctx, id)")
	s.f("if err != nil {")
	s.f("return 0, err")
	s.f("}")
	s.f("if m.Status == %s.StatusClosed {", m)
	s.f("return 0, fmt.Errorf(\"add line to %s %%d: closed\", id)", f.name)
	s.f("}")
	s.f("return s.repo.AddLine(ctx, %s.%sLine{%sID: id, Quantity: quantity, Amount: amount, Note: note})", m, e, e)
	s.f("}")
	s.f("")
	s.f("// Owned summarizes an owner's newest %s records.", f.name)
	s.f("func (s *Service) Owned(ctx context.Context, owner int64) ([]string, error) {")
	s.f("list, err := s.repo.ListByOwner(ctx, owner, 50)")
	s.f("if err != nil {")
	s.f("return nil, fmt.Errorf(\"%s records of owner %%d: %%w\", owner, err)", f.name)
	s.f("}")
	s.f("out := make([]string, 0, len(list))")
	s.f("for _, m := range list {")
	s.f("out = append(out, m.Summary())")
	s.f("}")
	s.f("return out, nil")
	s.f("}")
	r := f.repo
	if len(r.shared) == 0 && r.foreign == nil {
		return
	}
	s.f("")
	s.f("// Annotate gathers what the surrounding tables say about a %s.", f.name)
	s.f("func (s *Service) Annotate(ctx context.Context, id int64) ([]string, error) {")
	s.f("m, err := s.Get(ctx, id)")
	s.f("if err != nil {")
	s.f("return nil, err")
	s.f("}")
	s.f("var notes []string")
	for i, u := range r.shared {
		if u.writes == 0 {
			s.f("n%d, err := s.repo.Lookup%s(ctx, m.OwnerID)", i, u.method)
			s.f("if err != nil {")
			s.f("return nil, fmt.Errorf(\"annotate %s %%d: %%w\", id, err)", f.name)
			s.f("}")
			s.f("notes = append(notes, n%d)", i)
			continue
		}
		s.f("if err := s.repo.Append%s(ctx, id, m.Summary()); err != nil {", u.method)
		s.f("return nil, fmt.Errorf(\"annotate %s %%d: %%w\", id, err)", f.name)
		s.f("}")
		if u.writes > 1 {
			s.f("if err := s.repo.Revise%s(ctx, id, m.Status); err != nil {", u.method)
			s.f("return nil, fmt.Errorf(\"annotate %s %%d: %%w\", id, err)", f.name)
			s.f("}")
		}
	}
	if g := r.foreign; g != nil {
		s.f("count, err := s.repo.Count%s(ctx, m.OwnerID)", g.entity)
		s.f("if err != nil {")
		s.f("return nil, fmt.Errorf(\"annotate %s %%d: %%w\", id, err)", f.name)
		s.f("}")
		s.f("notes = append(notes, fmt.Sprintf(\"%%d %s\", count))", g.table)
	}
	s.f("return notes, nil")
	s.f("}")
}

// emitMemService writes the in-memory Service of a feature without a table.
func emitMemService(s *src, k *pkg) {
	f := k.feat
	m, e := f.model.alias, f.entity
	s.f("// Service keeps %s records in memory: the feature has no table yet.", f.name)
	s.f("type Service struct {")
	s.f("mu sync.Mutex")
	s.f("items map[int64]*%s.%s", m, e)
	s.f("next int64")
	s.f("now func() time.Time")
	s.f("}")
	s.f("")
	s.f("// New returns an empty Service.")
	s.f("func New() *Service {")
	s.f("return &Service{items: make(map[int64]*%s.%s), now: time.Now}", m, e)
	s.f("}")
	s.f("")
	s.f("// Get returns a copy of one %s.", f.name)
	s.f("func (s *Service) Get(ctx context.Context, id int64) (*%s.%s, error) {", m, e)
	s.f("if err := ctx.Err(); err != nil {")
	s.f("return nil, err")
	s.f("}")
	s.f("s.mu.Lock()")
	s.f("defer s.mu.Unlock()")
	s.f("m, ok := s.items[id]")
	s.f("if !ok {")
	s.f("return nil, fmt.Errorf(\"%s %%d: not found\", id)", f.name)
	s.f("}")
	s.f("c := *m")
	s.f("return &c, nil")
	s.f("}")
	s.f("")
	s.f("// Create validates and keeps a new %s.", f.name)
	s.f("func (s *Service) Create(ctx context.Context, name string, owner int64) (*%s.%s, error) {", m, e)
	s.f("if err := ctx.Err(); err != nil {")
	s.f("return nil, err")
	s.f("}")
	s.f("m := %s.New%s(name, owner, s.now().UTC())", m, e)
	s.f("Prepare(m, owner)")
	s.f("m.Normalize()")
	s.f("if err := m.Validate(); err != nil {")
	s.f("return nil, err")
	s.f("}")
	s.f("s.mu.Lock()")
	s.f("defer s.mu.Unlock()")
	s.f("s.next++")
	s.f("m.ID = s.next")
	s.f("s.items[m.ID] = m")
	s.f("c := *m")
	s.f("return &c, nil")
	s.f("}")
	s.f("")
	s.f("// Activate moves a draft %s to active.", f.name)
	s.f("func (s *Service) Activate(ctx context.Context, id int64) error {")
	s.f("if err := ctx.Err(); err != nil {")
	s.f("return err")
	s.f("}")
	s.f("s.mu.Lock()")
	s.f("defer s.mu.Unlock()")
	s.f("m, ok := s.items[id]")
	s.f("if !ok {")
	s.f("return fmt.Errorf(\"activate %s %%d: not found\", id)", f.name)
	s.f("}")
	s.f("return m.Activate(s.now().UTC())")
	s.f("}")
	s.f("")
	s.f("// Owned summarizes an owner's %s records in id order.", f.name)
	s.f("func (s *Service) Owned(owner int64) []string {")
	s.f("s.mu.Lock()")
	s.f("defer s.mu.Unlock()")
	s.f("var ids []int64")
	s.f("for id, m := range s.items {")
	s.f("if m.OwnerID == owner {")
	s.f("ids = append(ids, id)")
	s.f("}")
	s.f("}")
	s.f("sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })")
	s.f("out := make([]string, len(ids))")
	s.f("for i, id := range ids {")
	s.f("out[i] = s.items[id].Summary()")
	s.f("}")
	s.f("return out")
	s.f("}")
}

// emitHandler writes the HTTP endpoints of a feature.
func (p *plan) emitHandler(k *pkg) ([]file, error) {
	f := k.feat
	svc := f.service.alias
	local := map[string]string{
		p.importPath(f.service):                 svc,
		p.opt.Module + "/internal/platform/web": "",
	}
	for _, d := range k.svcDeps {
		local[p.importPath(d)] = d.alias
	}
	var s src
	s.f("// Package %s serves the %s HTTP endpoints.", k.name, f.name)
	s.f("package %s", k.name)
	s.imports([]string{"database/sql", "net/http"}, local)
	s.f("// Handler serves /%s.", f.name)
	s.f("type Handler struct {")
	s.f("svc *%s.Service", svc)
	s.f("}")
	s.f("")
	s.f("// Register mounts the %s endpoints on mux.", f.name)
	s.f("func Register(mux *http.ServeMux, db *sql.DB) {")
	s.f("h := &Handler{svc: %s.NewDefault(db)}", svc)
	s.f("mux.HandleFunc(\"GET /%s/{id}\", h.get)", f.name)
	s.f("mux.HandleFunc(\"POST /%s\", h.create)", f.name)
	s.f("mux.HandleFunc(\"POST /%s/{id}/activate\", h.activate)", f.name)
	s.f("mux.HandleFunc(\"GET /%s/{id}/total\", h.total)", f.name)
	s.f("mux.HandleFunc(\"GET /%s/{id}/score\", h.score)", f.name)
	s.f("}")
	s.f("")
	s.f("func (h *Handler) get(w http.ResponseWriter, r *http.Request) {")
	s.f("id, err := web.PathID(r, \"id\")")
	s.f("if err != nil {")
	s.f("web.Error(w, err)")
	s.f("return")
	s.f("}")
	s.f("m, err := h.svc.Get(r.Context(), id)")
	s.f("if err != nil {")
	s.f("web.Error(w, err)")
	s.f("return")
	s.f("}")
	s.f("web.JSON(w, http.StatusOK, m)")
	s.f("}")
	s.f("")
	s.f("func (h *Handler) create(w http.ResponseWriter, r *http.Request) {")
	s.f("var body struct {")
	s.f("Name string `json:\"name\"`")
	s.f("OwnerID int64 `json:\"ownerId\"`")
	s.f("}")
	s.f("if err := web.Decode(w, r, &body); err != nil {")
	s.f("web.Error(w, err)")
	s.f("return")
	s.f("}")
	s.f("m, err := h.svc.Create(r.Context(), body.Name, body.OwnerID)")
	s.f("if err != nil {")
	s.f("web.Error(w, err)")
	s.f("return")
	s.f("}")
	s.f("web.JSON(w, http.StatusCreated, m)")
	s.f("}")
	s.f("")
	s.f("func (h *Handler) activate(w http.ResponseWriter, r *http.Request) {")
	s.f("id, err := web.PathID(r, \"id\")")
	s.f("if err != nil {")
	s.f("web.Error(w, err)")
	s.f("return")
	s.f("}")
	s.f("if err := h.svc.Activate(r.Context(), id); err != nil {")
	s.f("web.Error(w, err)")
	s.f("return")
	s.f("}")
	s.f("w.WriteHeader(http.StatusNoContent)")
	s.f("}")
	s.f("")
	s.f("func (h *Handler) total(w http.ResponseWriter, r *http.Request) {")
	s.f("id, err := web.PathID(r, \"id\")")
	s.f("if err != nil {")
	s.f("web.Error(w, err)")
	s.f("return")
	s.f("}")
	s.f("total, err := h.svc.Total(r.Context(), id)")
	s.f("if err != nil {")
	s.f("web.Error(w, err)")
	s.f("return")
	s.f("}")
	s.f("web.JSON(w, http.StatusOK, map[string]int64{\"total\": total})")
	s.f("}")
	s.f("")
	s.f("func (h *Handler) score(w http.ResponseWriter, r *http.Request) {")
	s.f("id, err := web.PathID(r, \"id\")")
	s.f("if err != nil {")
	s.f("web.Error(w, err)")
	s.f("return")
	s.f("}")
	s.f("score, err := %s.Evaluate(r.Context(), id)", svc)
	s.f("if err != nil {")
	s.f("web.Error(w, err)")
	s.f("return")
	s.f("}")
	for i, d := range k.svcDeps {
		s.f("v%d, err := %s.Evaluate(r.Context(), id)", i, d.alias)
		s.f("if err != nil {")
		s.f("web.Error(w, err)")
		s.f("return")
		s.f("}")
		s.f("score += v%d", i)
	}
	s.f("web.JSON(w, http.StatusOK, map[string]int64{\"score\": score})")
	s.f("}")
	data, err := s.format(k.dir)
	if err != nil {
		return nil, err
	}
	return []file{{path: k.dir + "/handler.go", data: data}}, nil
}
