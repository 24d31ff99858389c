// Package config reads decomp.yaml, the per-repository settings: pins,
// ignored packages, edge weights and thresholds. Command-line flags override
// what it says.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// FileName is the config file looked up in the module root when --config is not given.
const FileName = "decomp.yaml"

// Config is the file's content. Zero values mean "use the default".
type Config struct {
	// Version is the file format version; only 1 exists.
	Version     int      `yaml:"version"`
	Granularity string   `yaml:"granularity"`
	CallGraph   string   `yaml:"callgraph"`
	Resolution  float64  `yaml:"resolution"`
	Seed        *uint64  `yaml:"seed"`
	FolderPrior *float64 `yaml:"folderPrior"`
	Tags        []string `yaml:"tags"`
	// Ignore lists packages left out of the analysis: import paths,
	// "path/..." prefixes or path.Match globs (generated code, vendored
	// copies, test helpers).
	Ignore []string `yaml:"ignore"`
	// Pins force units into named contexts.
	Pins       []Pin      `yaml:"pins"`
	Weights    Weights    `yaml:"weights"`
	Thresholds Thresholds `yaml:"thresholds"`
	// IncludeGenerated clusters code from generated files too.
	IncludeGenerated bool `yaml:"includeGenerated"`
}

// Pin puts units matching Pattern into context Context.
type Pin struct {
	Pattern string `yaml:"pattern"`
	Context string `yaml:"context"`
}

// Weights override the edge-kind weights; nil keeps the default.
type Weights struct {
	Call        *float64 `yaml:"call"`
	DynamicCall *float64 `yaml:"dynamicCall"`
	TypeUse     *float64 `yaml:"typeUse"`
	DataAccess  *float64 `yaml:"dataAccess"`
	Implements  *float64 `yaml:"implements"`
	// SharedName ties units whose names lead with the same domain noun
	// (QuestionService, questionRepo, entity.Question).
	SharedName *float64 `yaml:"sharedName"`
	// HubDamping is the exponent x dividing each edge by (deg(a)·deg(b))^x
	// for the clustering; 0 turns damping off.
	HubDamping *float64 `yaml:"hubDamping"`
}

// Thresholds tune the findings.
type Thresholds struct {
	// ModelFields is the field count from which a model shared by several
	// contexts is reported as oversized.
	ModelFields int `yaml:"modelFields"`
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
	if err := c.validate(); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Config) validate() error {
	if c.Version != 0 && c.Version != 1 {
		return fmt.Errorf("unsupported version %d (want 1)", c.Version)
	}
	if c.Resolution < 0 {
		return fmt.Errorf("resolution must be positive, got %g", c.Resolution)
	}
	if c.FolderPrior != nil && *c.FolderPrior < 0 {
		return fmt.Errorf("folderPrior must be >= 0, got %g", *c.FolderPrior)
	}
	for i, p := range c.Pins {
		if p.Pattern == "" || p.Context == "" {
			return fmt.Errorf("pins[%d]: needs both pattern and context", i)
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
	for _, w := range []*float64{c.Weights.Call, c.Weights.DynamicCall, c.Weights.TypeUse, c.Weights.DataAccess, c.Weights.Implements, c.Weights.SharedName, c.Weights.HubDamping} {
		if w != nil && (*w < 0 || *w != *w || *w > 1e6) {
			return fmt.Errorf("weights must be between 0 and 1e6, got %g", *w)
		}
	}
	if c.Thresholds.ModelFields < 0 {
		return fmt.Errorf("thresholds.modelFields must be >= 0, got %d", c.Thresholds.ModelFields)
	}
	return nil
}

// oneLine folds yaml's multi-line error lists into one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
