package check

import (
	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/config"
)

// Report is what a check found, ready to render.
type Report struct {
	Module string `json:"module"`
	// Config and Baseline are the files used, as given.
	Config   string `json:"config"`
	Baseline string `json:"baseline"`
	// Strict is set when every occurrence beyond the baseline counts.
	Strict bool `json:"strictCount,omitempty"`
	// Total is how many violations the code has, accepted or not.
	Total int `json:"total"`
	Outcome
	// MayUse lists, per context with a new violation, what it may depend on.
	MayUse map[string][]string `json:"mayUse,omitempty"`
	// Warnings are problems met while loading; the check went on.
	Warnings []facts.Warning `json:"warnings,omitempty"`
}

// Blocked reports whether the check fails: something new is left.
func (r *Report) Blocked() bool { return len(r.New) > 0 }

// Options select what a check compares against.
type Options struct {
	ConfigPath string
	Baseline   *Baseline
	// BaselinePath is the baseline's name in the report.
	BaselinePath string
	Strict       bool
	// Partial says the patterns loaded only part of the module.
	Partial bool
}

// Run checks facts against a config's context map and a baseline.
func Run(f *facts.Facts, c *config.Config, opt Options) (*Report, []Violation, error) {
	m, err := NewMap(c, opt.ConfigPath)
	if err != nil {
		return nil, nil, err
	}
	ignored := IgnoreFunc(c)
	res, err := m.Resolve(f, ignored, opt.Partial)
	if err != nil {
		return nil, nil, err
	}
	vs := Find(f, m, res, ignored)
	b := opt.Baseline
	if b == nil {
		b = &Baseline{Version: BaselineVersion}
	}
	out := Compare(vs, b, opt.Strict)
	if opt.Partial {
		// A dependency into code that was not loaded is not seen, so
		// nothing can be called fixed.
		out.Fixed = nil
	}
	r := &Report{
		Module: f.Module, Config: opt.ConfigPath, Baseline: opt.BaselinePath, Strict: opt.Strict,
		Total: len(vs), Outcome: out, Warnings: f.Warnings,
	}
	for _, v := range r.New {
		if v.FromContext != "" && r.MayUse[v.FromContext] == nil {
			if r.MayUse == nil {
				r.MayUse = map[string][]string{}
			}
			r.MayUse[v.FromContext] = m.AllowedTargets(v.FromContext)
		}
	}
	return r, vs, nil
}
