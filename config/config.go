// Package config reads decomp.yaml, the per-repository settings: for the
// analysis, pins, ignored packages, edge weights and thresholds (flags
// override them); for decomp check, the context map (contexts, platform,
// entry points, allowed dependencies, baseline), kept with line numbers so
// errors point into the file.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// FileName is the config file looked up in the module root when --config is not given.
const FileName = "decomp.yaml"

// Config is the file's content. Zero values mean "use the default".
type Config struct {
	// Version is the file format version; only 1 exists.
	Version     int      `yaml:"version,omitempty"`
	Granularity string   `yaml:"granularity,omitempty"`
	CallGraph   string   `yaml:"callgraph,omitempty"`
	Resolution  float64  `yaml:"resolution,omitempty"`
	Seed        *uint64  `yaml:"seed,omitempty"`
	FolderPrior *float64 `yaml:"folderPrior,omitempty"`
	Tags        []string `yaml:"tags,omitempty"`
	// Ignore lists packages left out of the analysis: import paths,
	// "path/..." prefixes or path.Match globs (generated code, vendored
	// copies, test helpers).
	Ignore []string `yaml:"ignore,omitempty"`
	// Pins force units into named contexts.
	Pins       []Pin      `yaml:"pins,omitempty"`
	Weights    Weights    `yaml:"weights,omitempty"`
	Thresholds Thresholds `yaml:"thresholds,omitempty"`
	// IncludeGenerated clusters code from generated files too.
	IncludeGenerated bool `yaml:"includeGenerated,omitempty"`

	// Contexts are the agreed bounded contexts that `decomp check` holds
	// the code to; `decomp init` writes them from an analysis.
	Contexts []Context `yaml:"contexts,omitempty"`
	// Platform is the shared kernel and infrastructure every context may use.
	Platform Members `yaml:"platform,omitempty"`
	// Entry is the entry points and wiring (main packages, the composition
	// root): they may use every context, and nothing may use them.
	Entry Members `yaml:"entry,omitempty"`
	// Allow lists the dependencies between contexts that are accepted.
	Allow []Allow `yaml:"allow,omitempty"`
	// Baseline is the file of accepted violations, relative to the config
	// file (default decomp-baseline.json).
	Baseline string `yaml:"baseline,omitempty"`
}

// Members select code by package patterns (import paths, "path/..." or
// path.Match globs), file patterns (module-relative paths or globs: every
// declaration in the file) and type patterns ("import/path.Type" or a glob:
// the type and its methods), from the least to the most specific. Lines
// hold each pattern's line in the file.
type Members struct {
	Packages     []string `yaml:"packages,omitempty"`
	Files        []string `yaml:"files,omitempty"`
	Types        []string `yaml:"types,omitempty"`
	PackageLines []int    `yaml:"-"`
	FileLines    []int    `yaml:"-"`
	TypeLines    []int    `yaml:"-"`
}

// Empty reports whether m selects nothing.
func (m Members) Empty() bool { return len(m.Packages)+len(m.Files)+len(m.Types) == 0 }

// Context is one declared bounded context: its code and the tables it owns.
type Context struct {
	Name    string `yaml:"name,omitempty"`
	Members `yaml:",inline"`
	// Tables are the tables and collections the context owns; another
	// context reading or writing them depends on it.
	Tables     []string `yaml:"tables,omitempty"`
	TableLines []int    `yaml:"-"`
	Line       int      `yaml:"-"`
	// Comment, written above the context by MarshalContextMap, says why
	// init named it as it did.
	Comment string `yaml:"-"`
}

// Dependency kinds an allow rule can name.
var DependencyKinds = []string{"call", "type", "read", "write"}

// Allow accepts dependencies from one context to another, of the given
// kinds (all kinds when empty). "platform" may be named as From.
type Allow struct {
	From  string   `yaml:"from,omitempty"`
	To    string   `yaml:"to,omitempty"`
	Kinds []string `yaml:"kinds,omitempty"`
	// Max, when above 0, accepts at most that many distinct dependencies
	// (from-symbol, to-symbol, kind) of the pair: an allowance the team
	// lowers as it removes them. Above it, every one of them is reported.
	Max  int `yaml:"max,omitempty"`
	Line int `yaml:"-"`
}

// Reserved context names: the platform and the entry points.
const (
	PlatformName = "platform"
	EntryName    = "entry"
	// UnassignedName is the violation kind of code no context claims.
	UnassignedName = "unassigned"
)

// DefaultBaseline is the baseline file used when the config names none.
const DefaultBaseline = "decomp-baseline.json"

// LineError is a config error at a line of the file.
type LineError struct {
	Line int
	Msg  string
}

func (e *LineError) Error() string {
	if e.Line <= 0 {
		return e.Msg
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// BaselinePath is the baseline file's path, given the config file's.
func (c *Config) BaselinePath(configPath string) string {
	b := c.Baseline
	if b == "" {
		b = DefaultBaseline
	}
	if filepath.IsAbs(b) {
		return b
	}
	return filepath.Join(filepath.Dir(configPath), filepath.FromSlash(b))
}

// Pin puts units matching Pattern into context Context.
type Pin struct {
	Pattern string `yaml:"pattern,omitempty"`
	Context string `yaml:"context,omitempty"`
}

// Weights override the edge-kind weights; nil keeps the default.
type Weights struct {
	Call        *float64 `yaml:"call,omitempty"`
	DynamicCall *float64 `yaml:"dynamicCall,omitempty"`
	TypeUse     *float64 `yaml:"typeUse,omitempty"`
	DataAccess  *float64 `yaml:"dataAccess,omitempty"`
	Implements  *float64 `yaml:"implements,omitempty"`
	// CoChange couples units changed in the same commits (needs --history);
	// 0 by default.
	CoChange *float64 `yaml:"coChange,omitempty"`
	// SharedName ties units whose names lead with the same domain noun
	// (QuestionService, questionRepo, entity.Question).
	SharedName *float64 `yaml:"sharedName,omitempty"`
	// HubDamping is the exponent x dividing each edge by (deg(a)·deg(b))^x
	// for the clustering; 0 turns damping off.
	HubDamping *float64 `yaml:"hubDamping,omitempty"`
}

// Thresholds tune the findings.
type Thresholds struct {
	// ModelFields is the field count from which a model shared by several
	// contexts is reported as oversized.
	ModelFields int `yaml:"modelFields,omitempty"`
}

// Load reads and validates a config file. A missing file is an error; an
// empty one is a valid, default config.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	c, err := Parse(data)
	if err != nil {
		var le *LineError
		if errors.As(err, &le) && le.Line > 0 {
			return nil, fmt.Errorf("%s:%d: %s", path, le.Line, le.Msg)
		}
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	return c, nil
}

// Parse decodes and validates config text.
func Parse(data []byte) (*Config, error) {
	c := &Config{}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s", oneLine(err.Error()))
	}
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		line := more.Line
		if err != nil {
			return nil, fmt.Errorf("%s", oneLine(err.Error()))
		}
		return nil, fmt.Errorf("line %d: a second YAML document; the config is one document", line)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err == nil {
		c.recordLines(&root)
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Config) validate() error {
	if c.Version != 0 && c.Version != 1 {
		return fmt.Errorf("unsupported version %d (want 1)", c.Version)
	}
	// The same ranges as the flags, so that check, which reads only the
	// config, refuses what analyze refuses.
	if c.Resolution != 0 && !(c.Resolution > 0 && c.Resolution <= MaxResolution) {
		return fmt.Errorf("resolution must be in (0, %d], got %g", MaxResolution, c.Resolution)
	}
	if c.FolderPrior != nil && !(*c.FolderPrior >= 0 && *c.FolderPrior <= MaxFolderPrior) {
		return fmt.Errorf("folderPrior must be in [0, %d], got %g", MaxFolderPrior, *c.FolderPrior)
	}
	for i, p := range c.Pins {
		if p.Pattern == "" || p.Context == "" {
			return fmt.Errorf("pins[%d]: needs both pattern and context", i)
		}
		if err := checkName(p.Context); err != nil {
			return fmt.Errorf("pins[%d]: context %s", i, err)
		}
		if _, err := path.Match(p.Pattern, ""); err != nil {
			return fmt.Errorf("pins[%d]: bad pattern %q: %v", i, p.Pattern, err)
		}
	}
	for i, g := range c.Ignore {
		if _, err := path.Match(g, ""); err != nil || g == "" {
			return fmt.Errorf("ignore[%d]: bad pattern %q", i, g)
		}
	}
	for _, w := range []*float64{c.Weights.Call, c.Weights.DynamicCall, c.Weights.TypeUse, c.Weights.DataAccess, c.Weights.Implements, c.Weights.CoChange, c.Weights.SharedName, c.Weights.HubDamping} {
		if w != nil && (*w < 0 || *w != *w || *w > 1e6) {
			return fmt.Errorf("weights must be between 0 and 1e6, got %g", *w)
		}
	}
	if c.Thresholds.ModelFields < 0 {
		return fmt.Errorf("thresholds.modelFields must be >= 0, got %d", c.Thresholds.ModelFields)
	}
	return c.validateContexts()
}

// The ranges of the clustering settings, shared with the flags.
const (
	MaxResolution  = 1000
	MaxFolderPrior = 100
)

// checkName refuses a context name that would not print as one plain
// token: control characters (a newline could start a ::error line in CI
// logs) and surrounding spaces.
func checkName(name string) error {
	for _, r := range name {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return fmt.Errorf("%q holds a control character", name)
		}
	}
	if strings.TrimSpace(name) != name {
		return fmt.Errorf("%q starts or ends with a space", name)
	}
	return nil
}

// validateContexts checks the context map for what can be judged without
// the code: names, pattern syntax, tables owned twice, rules naming
// unknown contexts or kinds.
func (c *Config) validateContexts() error {
	known := map[string]int{}
	folded := map[string]string{} // lower case → as declared
	tableOwner := map[string]string{}
	for i, x := range c.Contexts {
		line := x.Line
		lower := strings.ToLower(x.Name)
		switch {
		case x.Name == "":
			return &LineError{line, fmt.Sprintf("contexts[%d]: needs a name", i)}
		case checkName(x.Name) != nil:
			return &LineError{line, fmt.Sprintf("contexts[%d]: name %s", i, checkName(x.Name))}
		case lower == PlatformName || lower == EntryName:
			return &LineError{line, fmt.Sprintf("contexts[%d]: %q is reserved for the %s section", i, x.Name, lower)}
		case lower == UnassignedName:
			return &LineError{line, fmt.Sprintf("contexts[%d]: %q is reserved for code no context claims", i, x.Name)}
		case known[x.Name] != 0:
			return &LineError{line, fmt.Sprintf("context %q is declared twice (first at line %d)", x.Name, known[x.Name])}
		case folded[lower] != "":
			return &LineError{line, fmt.Sprintf("context %q differs from %q only in case", x.Name, folded[lower])}
		case x.Members.Empty():
			return &LineError{line, fmt.Sprintf("context %q has no packages, files or types", x.Name)}
		}
		known[x.Name] = max(line, 1)
		folded[lower] = x.Name
		if err := x.Members.validate("context " + strconv.Quote(x.Name)); err != nil {
			return err
		}
		for j, t := range x.Tables {
			if t == "" {
				return &LineError{LineAt(x.TableLines, j, line), fmt.Sprintf("context %q: empty table name", x.Name)}
			}
			t = strings.ToLower(t)
			if o, ok := tableOwner[t]; ok && o != x.Name {
				return &LineError{LineAt(x.TableLines, j, line), fmt.Sprintf("table %q is owned by both %s and %s", t, o, x.Name)}
			}
			tableOwner[t] = x.Name
		}
	}
	if err := c.Platform.validate(PlatformName); err != nil {
		return err
	}
	if err := c.Entry.validate(EntryName); err != nil {
		return err
	}
	names := make([]string, 0, len(known))
	for n := range known {
		names = append(names, n)
	}
	sort.Strings(names)
	for i, a := range c.Allow {
		for _, end := range []string{a.From, a.To} {
			if end == "" {
				return &LineError{a.Line, fmt.Sprintf("allow[%d]: needs both from and to", i)}
			}
			if known[end] == 0 && !(end == PlatformName && end == a.From) && !(end == EntryName && end == a.To) {
				return &LineError{a.Line, fmt.Sprintf("allow[%d]: unknown context %q (contexts: %s)", i, end, strings.Join(names, ", "))}
			}
		}
		if a.From == a.To {
			return &LineError{a.Line, fmt.Sprintf("allow[%d]: a context may always use itself", i)}
		}
		if a.Max < 0 {
			return &LineError{a.Line, fmt.Sprintf("allow[%d]: max %d is below 0 (0 or left out: no limit)", i, a.Max)}
		}
		for _, k := range a.Kinds {
			if !slices.Contains(DependencyKinds, k) {
				return &LineError{a.Line, fmt.Sprintf("allow[%d]: unknown kind %q (want %s)", i, k, strings.Join(DependencyKinds, ", "))}
			}
		}
	}
	return nil
}

func (m Members) validate(what string) error {
	for j, p := range m.Packages {
		if _, err := path.Match(p, ""); err != nil || p == "" {
			return &LineError{LineAt(m.PackageLines, j, 0), fmt.Sprintf("%s: bad package pattern %q", what, p)}
		}
	}
	for j, p := range m.Files {
		if _, err := path.Match(p, ""); err != nil || p == "" || strings.HasPrefix(p, "/") {
			return &LineError{LineAt(m.FileLines, j, 0), fmt.Sprintf("%s: bad file pattern %q (want a module-relative path or glob)", what, p)}
		}
	}
	for j, p := range m.Types {
		if _, err := path.Match(p, ""); err != nil || p == "" || !strings.Contains(p[strings.LastIndexByte(p, '/')+1:], ".") {
			return &LineError{LineAt(m.TypeLines, j, 0), fmt.Sprintf("%s: bad type pattern %q (want import/path.Type)", what, p)}
		}
	}
	return nil
}

// LineAt returns lines[i], the line of a pattern, or fallback when the
// file's lines were not recorded.
func LineAt(lines []int, i, fallback int) int {
	if i < len(lines) {
		return lines[i]
	}
	return fallback
}

// recordLines notes where each context, pattern and rule sits in the file,
// for errors that point at it.
func (c *Config) recordLines(root *yaml.Node) {
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return
	}
	top := root.Content[0]
	seq := func(m *yaml.Node, key string) []*yaml.Node {
		if m == nil || m.Kind != yaml.MappingNode {
			return nil
		}
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key && m.Content[i+1].Kind == yaml.SequenceNode {
				return m.Content[i+1].Content
			}
		}
		return nil
	}
	child := func(m *yaml.Node, key string) *yaml.Node {
		if m == nil || m.Kind != yaml.MappingNode {
			return nil
		}
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return m.Content[i+1]
			}
		}
		return nil
	}
	lines := func(ns []*yaml.Node) []int {
		out := make([]int, len(ns))
		for i, n := range ns {
			out[i] = n.Line
		}
		return out
	}
	members := func(n *yaml.Node, m *Members) {
		m.PackageLines = lines(seq(n, "packages"))
		m.TypeLines = lines(seq(n, "types"))
		m.FileLines = lines(seq(n, "files"))
	}
	for i, n := range seq(top, "contexts") {
		if i < len(c.Contexts) {
			x := &c.Contexts[i]
			x.Line = n.Line
			members(n, &x.Members)
			x.TableLines = lines(seq(n, "tables"))
		}
	}
	members(child(top, "platform"), &c.Platform)
	members(child(top, "entry"), &c.Entry)
	for i, n := range seq(top, "allow") {
		if i < len(c.Allow) {
			c.Allow[i].Line = n.Line
		}
	}
}

// oneLine folds yaml's multi-line error lists into one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Match reports whether a pattern selects an import path or a qualified
// name ("path.Name"): equal, "base/..." for base, everything below it and
// the names declared in it, or a path.Match glob.
func Match(pattern, s string) bool {
	if base, ok := strings.CutSuffix(pattern, "/..."); ok && strings.HasPrefix(s, base+".") && !strings.Contains(s[len(base)+1:], "/") {
		return true
	}
	return MatchPath(pattern, s)
}

// MatchPath is Match for a package or file path: "base/..." selects base
// and what is below it, never a sibling named "base.v2" or "base.go".
func MatchPath(pattern, s string) bool {
	if s == pattern {
		return true
	}
	if base, ok := strings.CutSuffix(pattern, "/..."); ok && (s == base || strings.HasPrefix(s, base+"/")) {
		return true
	}
	ok, _ := path.Match(pattern, s)
	return ok
}
