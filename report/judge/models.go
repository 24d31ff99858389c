package judge

import (
	"sort"
	"strings"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/cluster"
)

// ModelDefaultMinFields is the field count from which a model is a candidate
// when ModelOptions.MinFields is not set.
const ModelDefaultMinFields = 30

// ModelOptions tune the oversized-model finding.
type ModelOptions struct {
	// MinFields is the smallest flattened field count (see OversizedModel.Fields)
	// that makes a model a candidate; 0 or less means ModelDefaultMinFields.
	MinFields int
}

// OversizedModel is a large struct that several contexts reach into: the
// data-model coupling that keeps contexts from being extracted one by one.
type OversizedModel struct {
	// Type is the struct's type ID ("example.com/app/models.Track").
	Type string `json:"type"`
	// Name is the type's name without package.
	Name string `json:"name"`
	// Table is the table the struct maps to, when known.
	Table string `json:"table,omitempty"`
	// Fields is the flattened field count: direct fields plus fields promoted
	// from embedded structs, without the embedded fields that only contribute
	// their promoted fields (gorm.Model counts as ID, CreatedAt, ... not as one more).
	Fields int `json:"fields"`
	// Contexts are the contexts using the model (field or whole-object uses),
	// by context ID; they are the columns of Matrix and Heatmap.
	Contexts []ModelContext `json:"contexts"`
	// Score is Fields × len(Contexts), the ranking key.
	Score int `json:"score"`
	// Matrix has one row per flattened field, in declaration order.
	Matrix []ModelField `json:"matrix"`
	// Unused lists the fields no context reads or writes (labels as in Matrix).
	Unused []string `json:"unused"`
	// Exclusive lists, per context, the fields only that context uses.
	Exclusive []ModelExclusive `json:"exclusive"`
	// Whole counts, per context, the whole-object uses (ORM, encoders,
	// reflection, fmt), kept apart from field uses.
	Whole []ModelWholeUse `json:"wholeUses"`
	// UnassignedSites counts use sites in functions outside every context
	// (generated or ignored code); they are not in the matrix.
	UnassignedSites int `json:"unassignedSites,omitempty"`
	// Heatmap is Matrix reduced to counts, in the dense shape a heat map draws.
	Heatmap ModelHeatmap `json:"heatmap"`
	// Split is the proposed decomposition of the model.
	Split Split `json:"split"`
}

// ModelContext identifies a column of the matrix.
type ModelContext struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

// ModelField is one row of the field × context matrix.
type ModelField struct {
	// Label is the field name, prefixed by the embedding path for promoted
	// fields ("Audit.CreatedAt").
	Label    string `json:"label"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Embedded string `json:"embedded,omitempty"`
	Tag      string `json:"tag,omitempty"`
	// Container marks an embedded struct whose promoted fields are the rows
	// below it; it does not count in OversizedModel.Fields.
	Container bool `json:"container,omitempty"`
	// Identity marks the fields the split keeps in the shared core by name
	// or tag (see Split).
	Identity bool `json:"identity,omitempty"`
	// Uses has one entry per context using the field, in column order.
	Uses []ModelFieldUse `json:"uses"`
}

// ModelFieldUse is one cell of the matrix: how one context uses one field.
type ModelFieldUse struct {
	Context string `json:"context"`
	// Mode is "r", "w" or "rw", the notation of truth files.
	Mode string `json:"mode"`
	// Reads and Writes are the distinct file:line sites, sorted.
	Reads  []string `json:"reads,omitempty"`
	Writes []string `json:"writes,omitempty"`
	// Funcs are the distinct functions behind the sites, sorted.
	Funcs []string `json:"funcs"`
}

// ModelExclusive lists the fields only one context uses: the ones that can
// move into that context's own model without touching anybody else.
type ModelExclusive struct {
	Context string   `json:"context"`
	Fields  []string `json:"fields"`
}

// ModelWholeUse counts one context's whole-object uses of the model.
type ModelWholeUse struct {
	Context string   `json:"context"`
	Sites   []string `json:"sites"`
	Funcs   []string `json:"funcs"`
}

// ModelHeatmap is the field × context matrix as counts: Cells[row][column].
type ModelHeatmap struct {
	// Rows are field labels, as ModelField.Label.
	Rows []string `json:"rows"`
	// Columns are context names, as OversizedModel.Contexts.
	Columns []string          `json:"columns"`
	Cells   [][]ModelHeatCell `json:"cells"`
	// Whole is the number of whole-object use sites per column.
	Whole []int `json:"whole"`
	// Max is the largest Reads+Writes of any cell, for colour scaling.
	Max int `json:"max"`
}

// ModelHeatCell counts the distinct read and write sites of one cell.
type ModelHeatCell struct {
	Reads  int `json:"r"`
	Writes int `json:"w"`
}

// fieldStats is what the matrix and the split know of one (field, context) pair.
type fieldStats struct {
	reads, writes, funcs map[string]bool
}

func newFieldStats() *fieldStats {
	return &fieldStats{reads: map[string]bool{}, writes: map[string]bool{}, funcs: map[string]bool{}}
}

// modelData is the usage of one struct, indexed for both the report and the split.
type modelData struct {
	st        facts.Struct
	labels    []string
	container []bool
	cols      []int                 // context IDs, ascending
	cells     []map[int]*fieldStats // per field: context -> stats
	whole     map[int]*fieldStats   // context -> whole-object sites (in reads)
	names     map[int]string        // context -> name
	byName    map[string]int        // field name -> index
	unclaimed int
}

// OversizedModels finds the models that are at least opt.MinFields fields
// large and used by two or more contexts, ranked by fields × contexts, then
// type ID. Generated structs are never flagged.
func OversizedModels(f *facts.Facts, d *cluster.Decomposition, opt ModelOptions) []OversizedModel {
	if f == nil || d == nil {
		return nil
	}
	minFields := opt.MinFields
	if minFields <= 0 {
		minFields = ModelDefaultMinFields
	}
	cands := map[string]*modelData{}
	for _, s := range f.Structs {
		if s.Generated || cands[s.Type] != nil {
			continue
		}
		labels, container := modelLabels(s.Fields)
		if modelFieldCount(s.Fields, labels, container) < minFields {
			continue
		}
		m := &modelData{
			st: s, labels: labels, container: container,
			cells: make([]map[int]*fieldStats, len(s.Fields)),
			whole: map[int]*fieldStats{}, names: map[int]string{}, byName: map[string]int{},
		}
		for i, fl := range s.Fields {
			m.cells[i] = map[int]*fieldStats{}
			if _, dup := m.byName[fl.Name]; !dup {
				m.byName[fl.Name] = i
			}
		}
		cands[s.Type] = m
	}
	if len(cands) == 0 {
		return nil
	}
	funcCtx := d.ContextOfFunc
	for _, u := range f.FieldUses {
		m := cands[u.Struct]
		if m == nil {
			continue
		}
		c := funcCtx(u.Func)
		if c < 0 {
			m.unclaimed++
			continue
		}
		m.names[c] = d.ContextName(c)
		if u.Field == "*" {
			fs := m.whole[c]
			if fs == nil {
				fs = newFieldStats()
				m.whole[c] = fs
			}
			fs.reads[u.Pos] = true
			fs.funcs[u.Func] = true
			continue
		}
		i, ok := m.byName[u.Field]
		if !ok {
			continue // a field the struct listing does not know (stale facts)
		}
		fs := m.cells[i][c]
		if fs == nil {
			fs = newFieldStats()
			m.cells[i][c] = fs
		}
		if u.Mode == facts.Write {
			fs.writes[u.Pos] = true
		} else {
			fs.reads[u.Pos] = true
		}
		fs.funcs[u.Func] = true
	}

	var out []OversizedModel
	for _, m := range cands {
		for c := range m.names {
			m.cols = append(m.cols, c)
		}
		if len(m.cols) < 2 {
			continue
		}
		sort.Ints(m.cols)
		out = append(out, m.report())
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Type < out[j].Type
	})
	return out
}

// modelLabels names each field by its embedding path and marks the embedded
// fields whose promoted fields are listed (containers).
func modelLabels(fields []facts.Field) (labels []string, container []bool) {
	labels = make([]string, len(fields))
	container = make([]bool, len(fields))
	paths := map[string]bool{}
	for _, f := range fields {
		if f.Embedded != "" {
			paths[f.Embedded] = true
		}
	}
	for i, f := range fields {
		labels[i] = f.Name
		if f.Embedded != "" {
			labels[i] = f.Embedded + "." + f.Name
		}
		container[i] = paths[labels[i]]
	}
	return labels, container
}

// modelFieldCount is the model's size as its users see it: its own
// fields, plus the fields promoted from structs embedded by value (a mixin
// such as gorm.Model or an Audit block is part of the model). A struct
// embedded through a pointer is another model referenced, not copied: it
// counts as one field, so Collaborator{*User; ...} is not as big as User.
func modelFieldCount(fields []facts.Field, labels []string, container []bool) int {
	var viaPointer []string
	for i, f := range fields {
		if container[i] && strings.HasPrefix(f.Type, "*") {
			viaPointer = append(viaPointer, labels[i])
		}
	}
	n := 0
	for i, f := range fields {
		if container[i] && !strings.HasPrefix(f.Type, "*") {
			continue
		}
		through := false
		for _, p := range viaPointer {
			if f.Embedded == p || strings.HasPrefix(f.Embedded, p+".") {
				through = true
				break
			}
		}
		if !through {
			n++
		}
	}
	return n
}

// report builds the finding of one flagged model.
func (m *modelData) report() OversizedModel {
	s := m.st
	om := OversizedModel{
		Type:            s.Type,
		Name:            modelTypeName(s.Type),
		Table:           s.Table,
		Fields:          modelFieldCount(s.Fields, m.labels, m.container),
		UnassignedSites: m.unclaimed,
		Unused:          []string{},
		Exclusive:       []ModelExclusive{},
		Whole:           []ModelWholeUse{},
	}
	col := map[int]int{}
	for j, c := range m.cols {
		col[c] = j
		om.Contexts = append(om.Contexts, ModelContext{ID: c, Name: m.names[c]})
		om.Heatmap.Columns = append(om.Heatmap.Columns, m.names[c])
	}
	om.Score = om.Fields * len(om.Contexts)
	om.Heatmap.Whole = make([]int, len(m.cols))
	exclusive := make([][]string, len(m.cols))
	used := m.usedFields()
	for i, f := range s.Fields {
		row := ModelField{
			Label: m.labels[i], Name: f.Name, Type: f.Type, Embedded: f.Embedded, Tag: f.Tag,
			Container: m.container[i], Identity: splitIdentityField(f), Uses: []ModelFieldUse{},
		}
		cells := make([]ModelHeatCell, len(m.cols))
		for _, c := range m.cols {
			fs := m.cells[i][c]
			if fs == nil {
				continue
			}
			u := ModelFieldUse{
				Context: m.names[c],
				Mode:    modeOf(len(fs.reads) > 0, len(fs.writes) > 0),
				Reads:   sortedPos(fs.reads),
				Writes:  sortedPos(fs.writes),
				Funcs:   sortedKeys(fs.funcs),
			}
			row.Uses = append(row.Uses, u)
			cell := ModelHeatCell{Reads: len(fs.reads), Writes: len(fs.writes)}
			cells[col[c]] = cell
			om.Heatmap.Max = max(om.Heatmap.Max, cell.Reads+cell.Writes)
		}
		if !used[i] {
			om.Unused = append(om.Unused, m.labels[i])
		}
		if len(row.Uses) == 1 && !m.container[i] {
			j := col[m.contextOfName(row.Uses[0].Context)]
			exclusive[j] = append(exclusive[j], m.labels[i])
		}
		om.Matrix = append(om.Matrix, row)
		om.Heatmap.Rows = append(om.Heatmap.Rows, m.labels[i])
		om.Heatmap.Cells = append(om.Heatmap.Cells, cells)
	}
	for j, c := range m.cols {
		if len(exclusive[j]) > 0 {
			om.Exclusive = append(om.Exclusive, ModelExclusive{Context: m.names[c], Fields: exclusive[j]})
		}
		if w := m.whole[c]; w != nil {
			om.Whole = append(om.Whole, ModelWholeUse{Context: m.names[c], Sites: sortedPos(w.reads), Funcs: sortedKeys(w.funcs)})
			om.Heatmap.Whole[j] = len(w.reads)
		}
	}
	om.Split = m.split()
	return om
}

// contextOfName returns the context ID behind a column name.
func (m *modelData) contextOfName(name string) int {
	for _, c := range m.cols {
		if m.names[c] == name {
			return c
		}
	}
	return -1
}

// usedFields tells which fields some context uses; a container counts as
// used when any field below it is.
func (m *modelData) usedFields() []bool {
	used := make([]bool, len(m.st.Fields))
	for i := range m.st.Fields {
		used[i] = len(m.cells[i]) > 0
	}
	for i, c := range m.container {
		if !c || used[i] {
			continue
		}
		prefix := m.labels[i] + "."
		for k := range m.st.Fields {
			if used[k] && strings.HasPrefix(m.labels[k], prefix) {
				used[i] = true
				break
			}
		}
	}
	return used
}

func modeOf(r, w bool) string {
	switch {
	case r && w:
		return "rw"
	case w:
		return "w"
	default:
		return "r"
	}
}

func modelTypeName(id string) string {
	return id[strings.LastIndexByte(id, '.')+1:]
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sortedPos sorts file:line positions by file, then numerically by line.
func sortedPos(m map[string]bool) []string {
	out := sortedKeys(m)
	sort.SliceStable(out, func(i, j int) bool { return facts.ComparePos(out[i], out[j]) < 0 })
	return out
}
