// Package eval scores a decomposition against a hand-written ground truth
// (truth.yaml): MoJoFM and the adjusted Rand index over the units both sides
// know. It is how decomp measures its own accuracy on the bundled fixtures,
// and the truth's tables: and models: sections give the judging stages an
// oracle to test against.
package eval

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/decomp/decomp/analysis/facts"
)

// Truth is a parsed ground-truth file. Labels name contexts; labels that
// begin with "_" are non-domain buckets (see IsNonDomain).
type Truth struct {
	// Packages maps an import path to the default label of its units.
	Packages map[string]string
	// Types maps a type ID ("importpath.TypeName") to its label; it wins
	// over Files and Packages.
	Types map[string]string
	// Files maps a module-relative, slash-separated file path to a label; it
	// wins over Packages.
	Files map[string]string
	// Tables gives, per table or collection, the contexts that touch it
	// directly.
	Tables map[string]TableTruth
	// Models gives, per oversized model type ID, which contexts use which
	// fields.
	Models map[string]ModelTruth
}

// TableTruth is the expected data ownership of one table.
type TableTruth struct {
	// Owner is the writer with the most write sites.
	Owner string
	// Writers are the contexts that write the table, sorted.
	Writers []string
	// Readers are the contexts that only read it (never a writer), sorted.
	Readers []string
}

// ModelTruth is the expected field use of one oversized model.
type ModelTruth struct {
	// Fields maps field name -> context -> "r", "w" or "rw". A field nobody
	// uses maps to an empty (non-nil) map.
	Fields map[string]map[string]string
}

// Field-use modes allowed in models:.
const (
	ModeRead      = "r"
	ModeWrite     = "w"
	ModeReadWrite = "rw"
)

// IsNonDomain reports whether a label is a non-domain bucket
// (infrastructure, entry points), which `--domain-only` scoring skips.
func IsNonDomain(label string) bool { return strings.HasPrefix(label, "_") }

// Label returns the truth label of code in package pkg, declared in file
// (module-relative), belonging to type typeID ("" for a free function or
// when unknown). The most specific entry wins: types, then files, then
// packages. Packages match exactly; a package entry does not cover its
// sub-packages.
func (t *Truth) Label(pkg, typeID, file string) (string, bool) {
	if t == nil {
		return "", false
	}
	if typeID != "" {
		if l, ok := t.Types[typeID]; ok {
			return l, true
		}
	}
	if file != "" {
		if l, ok := t.Files[path.Clean(file)]; ok {
			return l, true
		}
	}
	if pkg != "" {
		if l, ok := t.Packages[pkg]; ok {
			return l, true
		}
	}
	return "", false
}

// FuncLabel returns the label of a function: a method takes its receiver
// type's label (types:, else the method's file, else its package); a free
// function takes its file's label, else its package's.
func (t *Truth) FuncLabel(f facts.Func) (string, bool) {
	typeID := ""
	if f.Recv != "" {
		typeID = f.Pkg + "." + f.Recv
	}
	file, _ := facts.SplitPos(f.Pos)
	return t.Label(f.Pkg, typeID, file)
}

// TypeLabel returns the label of a named type: types:, else the file that
// declares it, else its package.
func (t *Truth) TypeLabel(ty facts.Type) (string, bool) {
	file, _ := facts.SplitPos(ty.Pos)
	return t.Label(ty.Pkg, ty.ID, file)
}

// LoadTruth reads and validates a truth file.
func LoadTruth(filename string) (*Truth, error) {
	data, err := os.ReadFile(filename)
	if err != nil {
		return nil, fmt.Errorf("read truth: %w", err)
	}
	return ParseTruth(data, filename)
}

// topLevelKeys are the sections of a truth file, in documentation order.
var topLevelKeys = []string{"packages", "types", "files", "tables", "models"}

// ParseTruth parses and validates truth-file content; name prefixes error
// messages ("name:line: ...").
func ParseTruth(data []byte, name string) (*Truth, error) {
	p := &truthParser{name: name}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty truth file", name)
		}
		return nil, fmt.Errorf("parse %s: %w", name, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", name, err)
		}
		return nil, p.errorf(&extra, "more than one YAML document; a truth file holds one")
	}
	root := resolve(&doc)
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, fmt.Errorf("%s: empty truth file", name)
		}
		root = resolve(root.Content[0])
	}
	if isNull(root) {
		return nil, fmt.Errorf("%s: empty truth file", name)
	}
	t := &Truth{
		Packages: map[string]string{},
		Types:    map[string]string{},
		Files:    map[string]string{},
		Tables:   map[string]TableTruth{},
		Models:   map[string]ModelTruth{},
	}
	err := p.mapping(root, "truth file", func(k *yaml.Node, v *yaml.Node) error {
		switch k.Value {
		case "packages":
			return p.labels(v, k.Value, t.Packages, p.checkPackage)
		case "types":
			return p.labels(v, k.Value, t.Types, func(k *yaml.Node, key string) (string, error) {
				return p.checkType(k, key, "types")
			})
		case "files":
			return p.labels(v, k.Value, t.Files, p.checkFile)
		case "tables":
			return p.tables(v, t.Tables)
		case "models":
			return p.models(v, t.Models)
		}
		return p.errorf(k, "unknown key %q (want one of %s)", k.Value, strings.Join(topLevelKeys, ", "))
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// truthParser walks the YAML node tree so every error can name its line.
type truthParser struct{ name string }

func (p *truthParser) errorf(n *yaml.Node, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", p.name, n.Line, fmt.Sprintf(format, args...))
}

// resolve follows aliases.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == 0 || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// mapping calls fn for every key/value pair of a mapping node, rejecting
// duplicate and empty keys. A null node is an empty mapping.
func (p *truthParser) mapping(n *yaml.Node, what string, fn func(k, v *yaml.Node) error) error {
	n = resolve(n)
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return p.errorf(n, "%s must be a mapping", what)
	}
	seen := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			return p.errorf(k, "%s: keys must be plain strings", what)
		}
		key := strings.TrimSpace(k.Value)
		if key == "" || k.Tag == "!!null" {
			return p.errorf(k, "%s: empty key", what)
		}
		if line, dup := seen[key]; dup {
			return p.errorf(k, "%s: duplicate key %q (first at line %d)", what, key, line)
		}
		seen[key] = k.Line
		if err := fn(k, v); err != nil {
			return err
		}
	}
	return nil
}

// scalar returns a non-empty string scalar.
func (p *truthParser) scalar(n *yaml.Node, what string) (string, error) {
	n = resolve(n)
	if isNull(n) {
		return "", p.errorf(n, "%s: empty value", what)
	}
	if n.Kind != yaml.ScalarNode {
		return "", p.errorf(n, "%s must be a single value", what)
	}
	s := strings.TrimSpace(n.Value)
	if s == "" {
		return "", p.errorf(n, "%s: empty value", what)
	}
	return s, nil
}

// list returns a sequence of distinct non-empty scalars, sorted. A null node
// is an empty list.
func (p *truthParser) list(n *yaml.Node, what string) ([]string, error) {
	n = resolve(n)
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, "%s must be a list", what)
	}
	out := make([]string, 0, len(n.Content))
	seen := map[string]bool{}
	for _, item := range n.Content {
		s, err := p.scalar(item, what+" entry")
		if err != nil {
			return nil, err
		}
		if seen[s] {
			return nil, p.errorf(item, "%s: %q listed twice", what, s)
		}
		seen[s] = true
		out = append(out, s)
	}
	sort.Strings(out)
	return out, nil
}

// labels reads a key -> label section.
func (p *truthParser) labels(n *yaml.Node, section string, into map[string]string, check func(k *yaml.Node, key string) (string, error)) error {
	return p.mapping(n, section, func(k, v *yaml.Node) error {
		key, err := check(k, strings.TrimSpace(k.Value))
		if err != nil {
			return err
		}
		if _, dup := into[key]; dup {
			return p.errorf(k, "%s: %q listed twice (after normalisation)", section, key)
		}
		label, err := p.scalar(v, section+"."+key)
		if err != nil {
			return err
		}
		into[key] = label
		return nil
	})
}

func (p *truthParser) checkPackage(k *yaml.Node, key string) (string, error) {
	if strings.ContainsAny(key, " \t") || strings.HasSuffix(key, "/") {
		return "", p.errorf(k, "packages: %q is not an import path", key)
	}
	return key, nil
}

func (p *truthParser) checkType(k *yaml.Node, key, section string) (string, error) {
	slash := strings.LastIndexByte(key, '/')
	dot := strings.LastIndexByte(key, '.')
	if dot <= slash+1 || dot == len(key)-1 || strings.ContainsAny(key, " \t*()") {
		return "", p.errorf(k, "%s: %q is not \"importpath.TypeName\"", section, key)
	}
	return key, nil
}

func (p *truthParser) checkFile(k *yaml.Node, key string) (string, error) {
	if strings.Contains(key, `\`) {
		return "", p.errorf(k, "files: %q must use forward slashes", key)
	}
	clean := path.Clean(key)
	if path.IsAbs(clean) || clean == "." || clean == ".." || strings.HasPrefix(clean, "../") {
		return "", p.errorf(k, "files: %q is not a module-relative file path", key)
	}
	return clean, nil
}

func (p *truthParser) tables(n *yaml.Node, into map[string]TableTruth) error {
	return p.mapping(n, "tables", func(k, v *yaml.Node) error {
		name := strings.TrimSpace(k.Value)
		if name != strings.ToLower(name) {
			return p.errorf(k, "tables: %q must be lower case, as the extractor normalises table names", name)
		}
		what := "tables." + name
		var tt TableTruth
		var ownerNode *yaml.Node
		err := p.mapping(v, what, func(fk, fv *yaml.Node) error {
			var err error
			switch fk.Value {
			case "owner":
				ownerNode = fk
				tt.Owner, err = p.scalar(fv, what+".owner")
			case "writers":
				tt.Writers, err = p.list(fv, what+".writers")
			case "readers":
				tt.Readers, err = p.list(fv, what+".readers")
			default:
				err = p.errorf(fk, "%s: unknown key %q (want owner, writers, readers)", what, fk.Value)
			}
			return err
		})
		if err != nil {
			return err
		}
		for _, r := range tt.Readers {
			if slices.Contains(tt.Writers, r) {
				return p.errorf(k, "%s: %q is both a writer and a reader; list writers only under writers", what, r)
			}
		}
		if len(tt.Writers) > 0 {
			if tt.Owner == "" {
				return p.errorf(k, "%s: owner missing (the writer with the most write sites)", what)
			}
			if !slices.Contains(tt.Writers, tt.Owner) {
				return p.errorf(ownerNode, "%s: owner %q is not among the writers %v", what, tt.Owner, tt.Writers)
			}
		}
		if tt.Owner == "" && len(tt.Readers) == 0 {
			return p.errorf(k, "%s: no owner, writers or readers", what)
		}
		into[name] = tt
		return nil
	})
}

func (p *truthParser) models(n *yaml.Node, into map[string]ModelTruth) error {
	return p.mapping(n, "models", func(k, v *yaml.Node) error {
		typeID, err := p.checkType(k, strings.TrimSpace(k.Value), "models")
		if err != nil {
			return err
		}
		what := "models." + typeID
		mt := ModelTruth{Fields: map[string]map[string]string{}}
		err = p.mapping(v, what, func(fk, fv *yaml.Node) error {
			if fk.Value != "fields" {
				return p.errorf(fk, "%s: unknown key %q (want fields)", what, fk.Value)
			}
			return p.mapping(fv, what+".fields", func(field, uses *yaml.Node) error {
				fname := strings.TrimSpace(field.Value)
				fwhat := what + ".fields." + fname
				m := map[string]string{}
				err := p.mapping(uses, fwhat, func(ctx, mode *yaml.Node) error {
					s, err := p.scalar(mode, fwhat+"."+ctx.Value)
					if err != nil {
						return err
					}
					switch s {
					case ModeRead, ModeWrite, ModeReadWrite:
					default:
						return p.errorf(mode, "%s.%s: mode %q (want r, w or rw)", fwhat, ctx.Value, s)
					}
					m[strings.TrimSpace(ctx.Value)] = s
					return nil
				})
				if err != nil {
					return err
				}
				mt.Fields[fname] = m
				return nil
			})
		})
		if err != nil {
			return err
		}
		into[typeID] = mt
		return nil
	})
}
