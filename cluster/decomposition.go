package cluster

import "github.com/decomp/decomp/analysis/facts"

// Decomposition is the clustering stage's result: the module's units grouped
// into candidate bounded contexts. It is plain data; judges and renderers
// read it without knowing how it was computed.
type Decomposition struct {
	// Contexts are sorted by descending size (lines), then name; Context.ID is
	// the index into this slice.
	Contexts []Context `json:"contexts"`
	// UnitContext maps every clustered unit ID to its context index; units
	// left out (ignored, generated) are absent.
	UnitContext map[string]int `json:"-"`
	// FuncContext maps every module function ID to the context of its unit.
	FuncContext map[string]int `json:"-"`
	// TypeContext maps every module type ID to the context of its unit.
	TypeContext map[string]int `json:"-"`
	// FuncPlatform maps every module function set aside to the Folder of
	// its platform group.
	FuncPlatform map[string]string `json:"-"`
	// Platform is what was set aside: infrastructure, entry points and
	// test support, used by every context and owned by none. Its units are
	// in no context.
	Platform []PlatformGroup `json:"platform"`
}

// PlatformGroup is one folder of the platform / shared kernel.
type PlatformGroup struct {
	// Folder is the folder key.
	Folder string `json:"folder"`
	// Role is infra, entry or test-support.
	Role FolderRole `json:"role"`
	// Why says why it was set aside.
	Why      string   `json:"why"`
	Units    []string `json:"units"`
	Packages []string `json:"packages"`
	Lines    int      `json:"lines"`
}

// Context is one candidate bounded context.
type Context struct {
	ID int `json:"id"`
	// Name is derived from the members (dominant path tokens and type names)
	// unless a pin or declared context gave it.
	Name string `json:"name"`
	// NameReason says where the name comes from.
	NameReason string `json:"nameReason"`
	// Units are the member unit IDs, sorted.
	Units []string `json:"units"`
	// Packages are the import paths with at least one member unit, sorted.
	Packages []string `json:"packages"`
	// Tables are the tables and collections assigned to this context, sorted.
	Tables []string `json:"tables,omitempty"`
	Files  int      `json:"files"`
	Lines  int      `json:"lines"`
}

// ContextOfFunc returns the context of a function: its own entry, else its
// receiver type's (an interface method, which is no function of its own, or
// a method whose unit was dropped), else -1. Every later stage asks this one
// question the same way.
func (d *Decomposition) ContextOfFunc(id string) int {
	if c, ok := d.FuncContext[id]; ok {
		return c
	}
	if t := facts.MethodRecv(id); t != "" {
		if c, ok := d.TypeContext[t]; ok {
			return c
		}
	}
	return -1
}

// SchemaWide reports whether a function is schema-wide code (migrations):
// its table accesses manage the schema and are no context's, nor charged to
// the code that runs it.
func (d *Decomposition) SchemaWide(fn string) bool {
	return d.FuncPlatform[fn] == schemaCode
}

// ContextOfType returns the context of a type, or -1.
func (d *Decomposition) ContextOfType(id string) int {
	if c, ok := d.TypeContext[id]; ok {
		return c
	}
	return -1
}

// ContextName returns a context's name, or "" for -1.
func (d *Decomposition) ContextName(c int) string {
	if c < 0 || c >= len(d.Contexts) {
		return ""
	}
	return d.Contexts[c].Name
}
