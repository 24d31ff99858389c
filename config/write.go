package config

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// MarshalContextMap writes the context map of c (version, contexts,
// platform, allow, baseline) as a commented decomp.yaml, the file `decomp
// init` creates. Clustering settings are left out: their defaults apply.
func (c *Config) MarshalContextMap(header string) []byte {
	var b bytes.Buffer
	for _, line := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
		fmt.Fprintf(&b, "# %s\n", line)
	}
	b.WriteString("\nversion: 1\n")
	settings := c.analysisSettings()
	if out, err := yaml.Marshal(&settings); err == nil && strings.TrimSpace(string(out)) != "{}" {
		b.WriteString("\n# Analysis settings, kept from the config this one replaces.\n")
		b.Write(out)
	}
	b.WriteString(`

# contexts: the agreed bounded contexts. Each selects code by packages (an
# import path, "path/..." for a folder and everything below it, or a glob),
# files (module-relative paths or globs: every declaration in the file) and
# types ("import/path.Type": the type and its methods); a type pattern wins
# over a file pattern, which wins over a package pattern. tables are the
# tables and collections the context owns: another context reading or
# writing them depends on it. decomp check fails on a pattern that matches
# nothing and on code two contexts claim at the same level.
contexts:
`)
	for _, x := range c.Contexts {
		if x.Comment != "" {
			fmt.Fprintf(&b, "  # %s\n", strings.ReplaceAll(x.Comment, "\n", " "))
		}
		fmt.Fprintf(&b, "  - name: %s\n", scalar(x.Name))
		members(&b, "    ", x.Members)
		list(&b, "    ", "tables", x.Tables)
	}
	b.WriteString(`
# platform: the shared kernel and infrastructure. Every context may use it;
# it depending on a context is a violation.
platform:
`)
	if c.Platform.Empty() {
		b.WriteString("  packages: []\n")
	}
	members(&b, "  ", c.Platform)
	b.WriteString(`
# entry: entry points and wiring (main packages, the composition root). They
# may use every context; anything depending on them is a violation.
entry:
`)
	if c.Entry.Empty() {
		b.WriteString("  packages: []\n")
	}
	members(&b, "  ", c.Entry)
	b.WriteString(`
# allow: the dependencies between contexts that are accepted, by kind
# (call, type, read, write; all when kinds is left out), e.g.
#   - from: billing
#     to: catalog
#     kinds: [call]
# max limits an allowance to that many distinct dependencies (a function
# calling or using another context's symbol, or touching its table): decomp
# init writes what exists today, so the team lowers each max as it removes
# them, and check fails as soon as a pair has more.
`)
	if len(c.Allow) == 0 {
		b.WriteString("allow: []\n")
	} else {
		b.WriteString("allow:\n")
		for _, a := range c.Allow {
			fmt.Fprintf(&b, "  - from: %s\n    to: %s\n", scalar(a.From), scalar(a.To))
			if len(a.Kinds) > 0 {
				fmt.Fprintf(&b, "    kinds: [%s]\n", strings.Join(a.Kinds, ", "))
			}
			if a.Max > 0 {
				fmt.Fprintf(&b, "    max: %d\n", a.Max)
			}
		}
	}
	base := c.Baseline
	if base == "" {
		base = DefaultBaseline
	}
	fmt.Fprintf(&b, `
# baseline: the accepted violations, relative to this file. decomp check
# --write-baseline writes it; nothing else changes it.
baseline: %s
`, scalar(base))
	return b.Bytes()
}

// WithContextMap returns c's analysis settings with m's context map
// (contexts, platform, entry). c's allow rules between contexts that still
// exist and its baseline name are kept.
func (c *Config) WithContextMap(m *Config) *Config {
	out := *c
	out.Version = 1
	out.Contexts, out.Platform, out.Entry, out.Allow = m.Contexts, m.Platform, m.Entry, nil
	// Contexts the old map declared keep its order, so that rewriting a
	// map from an analysis that followed it changes nothing; new ones
	// follow in the analysis's order.
	order := map[string]int{}
	for i, x := range c.Contexts {
		order[x.Name] = i
	}
	out.Contexts = append([]Context(nil), m.Contexts...)
	sort.SliceStable(out.Contexts, func(i, j int) bool {
		oi, iok := order[out.Contexts[i].Name]
		oj, jok := order[out.Contexts[j].Name]
		if iok != jok {
			return iok
		}
		return iok && oi < oj
	})
	exists := map[string]bool{PlatformName: true, EntryName: true}
	for _, x := range m.Contexts {
		exists[x.Name] = true
	}
	for _, a := range c.Allow {
		if exists[a.From] && exists[a.To] {
			out.Allow = append(out.Allow, a)
		}
	}
	if out.Baseline == "" {
		out.Baseline = m.Baseline
	}
	return &out
}

// analysisSettings is c without its context map.
func (c *Config) analysisSettings() Config {
	s := *c
	s.Version, s.Contexts, s.Platform, s.Entry, s.Allow, s.Baseline = 0, nil, Members{}, Members{}, nil, ""
	return s
}

func members(b *bytes.Buffer, indent string, m Members) {
	list(b, indent, "packages", m.Packages)
	list(b, indent, "files", m.Files)
	list(b, indent, "types", m.Types)
}

func list(b *bytes.Buffer, indent, key string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(b, "%s%s:\n", indent, key)
	for _, it := range items {
		fmt.Fprintf(b, "%s  - %s\n", indent, scalar(it))
	}
}

// scalar quotes a string where YAML would read it as something else.
func scalar(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0 {
		return strconv.Quote(s) // a block scalar would not fit a list item
	}
	out, err := yaml.Marshal(s)
	if err != nil {
		return fmt.Sprintf("%q", s)
	}
	return strings.TrimSuffix(string(out), "\n")
}
