// Package pipeline is the glue: it runs decomp's stages in order — load,
// extract, graph, cluster, judge — and hands their plain output to the
// report, so that every command (analyze, eval, init) shares one path from
// options to results and the cobra wiring stays thin. decomp check takes the
// short path (Facts: load and extract only).
package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/decomp/decomp/analysis"
	"github.com/decomp/decomp/analysis/calls"
	"github.com/decomp/decomp/analysis/factcache"
	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/history"
	"github.com/decomp/decomp/analysis/load"
	"github.com/decomp/decomp/cluster"
	"github.com/decomp/decomp/cluster/graph"
	"github.com/decomp/decomp/config"
	"github.com/decomp/decomp/report"
	"github.com/decomp/decomp/report/judge"
	"github.com/decomp/decomp/report/plan"
)

// Options is everything a run depends on. The JSON report records it so a
// run can be reproduced.
type Options struct {
	Dir         string            `json:"dir"`
	Patterns    []string          `json:"patterns"`
	Tags        []string          `json:"tags,omitempty"`
	Tests       bool              `json:"tests"`
	ConfigPath  string            `json:"config,omitempty"`
	Granularity graph.Granularity `json:"granularity"`
	CallGraph   calls.Algorithm   `json:"callgraph"`
	Resolution  float64           `json:"resolution"`
	Seed        uint64            `json:"seed"`
	FolderPrior float64           `json:"folderPrior"`
	ModelFields int               `json:"modelFields"`
	// AllowDownload lets the go command fetch modules missing from the
	// module cache.
	AllowDownload bool `json:"allowDownload,omitempty"`
	// IncludeGenerated clusters generated code too.
	IncludeGenerated bool `json:"includeGenerated,omitempty"`
	// First names the context the migration plan starts with.
	First string `json:"first,omitempty"`
	// History is --history: "" or "off" reads no git history, "all" all of
	// it, "1y", "6m", "90d" ... that window before HEAD.
	History string `json:"history,omitempty"`
	// history is what readHistory found, for the plan and the report.
	history     *history.History
	historyNote string
	// Progress, when set, hears each stage's end and its wall time.
	Progress func(stage string, took time.Duration) `json:"-"`
	// NoConfig ignores any config file found by discovery.
	NoConfig bool `json:"-"`
	// Config holds the parsed config file, when there is one.
	Config *config.Config `json:"-"`
	// Cache, when set, keeps the facts of load and extract between runs.
	Cache *factcache.Cache `json:"-"`
	// NoCache is --no-cache: Cache stays nil.
	NoCache bool `json:"-"`
	// Propose clusters as if the config declared no contexts: decomp's own
	// proposal, to set beside the team's map.
	Propose bool `json:"propose,omitempty"`
	// Tune overrides the clustering's tuned constants and rules
	// (cluster.Tunables), for leave-one-repository-out validation.
	Tune cluster.Tuning `json:"tune,omitempty"`
}

// Defaults.
const (
	DefaultSeed        = 1
	DefaultModelFields = 30
)

// DefaultOptions are the settings of a run nobody tuned: the flags'
// defaults, the config file's "unset", and what tests mean by "as shipped".
func DefaultOptions() Options {
	return Options{
		Granularity: graph.Auto,
		CallGraph:   calls.Default,
		Resolution:  1,
		Seed:        DefaultSeed,
		FolderPrior: cluster.DefaultFolderPrior,
		ModelFields: DefaultModelFields,
	}
}

// ApplyConfig fills options the user left unset from the config file.
// set reports whether a flag was given on the command line.
func (o *Options) ApplyConfig(c *config.Config, set func(flag string) bool) {
	o.Config = c
	if c == nil {
		return
	}
	if c.Granularity != "" && !set("granularity") {
		o.Granularity = graph.Granularity(c.Granularity)
	}
	if c.CallGraph != "" && !set("callgraph") {
		o.CallGraph = calls.Algorithm(c.CallGraph)
	}
	if c.Resolution != 0 && !set("resolution") {
		o.Resolution = c.Resolution
	}
	if c.Seed != nil && !set("seed") {
		o.Seed = *c.Seed
	}
	if c.FolderPrior != nil && !set("folder-prior") {
		o.FolderPrior = *c.FolderPrior
	}
	if len(c.Tags) > 0 && !set("tags") {
		o.Tags = c.Tags
	}
	if c.Thresholds.ModelFields != 0 && !set("model-fields") {
		o.ModelFields = c.Thresholds.ModelFields
	}
	if c.IncludeGenerated && !set("include-generated") {
		o.IncludeGenerated = true
	}
}

// Output is what the stages produced.
type Output struct {
	Options Options
	Facts   *facts.Facts
	Graph   *graph.Graph
	Result  *cluster.Result
	// Layout is the folder reading the clustering started from.
	Layout *cluster.Layout
	// Weights are the edge-kind weights the graph was built with.
	Weights graph.Weights
	// Clustering is the clustering's options with every default filled in.
	Clustering cluster.Options
	// Models are the oversized models, worst first.
	Models []judge.OversizedModel
	// SharedTables are the tables several contexts touch, worst first.
	SharedTables []judge.SharedTable
	// Plan is the migration plan.
	Plan *plan.Plan
	// History is the git history read, when --history asked for it and
	// there was one; HistoryNote says why there is none.
	History     *history.History
	HistoryNote string
}

// Ranges of the numeric options, stated in the flags' help; the config
// file is held to the same.
const (
	MaxResolution  = config.MaxResolution
	MaxFolderPrior = config.MaxFolderPrior
)

// Validate checks every option, whether it came from a flag or from the
// config file, so both are held to the same ranges.
func (o *Options) Validate() error {
	if _, err := graph.ParseGranularity(string(o.Granularity)); err != nil {
		return err
	}
	if _, _, err := history.ParseWindow(o.historyOrOff()); err != nil {
		return err
	}
	if _, err := calls.ParseAlgorithm(string(o.CallGraph)); err != nil {
		return err
	}
	if !(o.Resolution > 0 && o.Resolution <= MaxResolution) {
		return fmt.Errorf("resolution must be in (0, %d], got %g", MaxResolution, o.Resolution)
	}
	if !(o.FolderPrior >= 0 && o.FolderPrior <= MaxFolderPrior) {
		return fmt.Errorf("folder prior must be in [0, %d], got %g", MaxFolderPrior, o.FolderPrior)
	}
	if o.ModelFields < 1 {
		return fmt.Errorf("model fields must be at least 1, got %d", o.ModelFields)
	}
	return ValidateTags(o.Tags)
}

// ValidateTags checks build tags as the go command reads them: letters,
// digits, '_' and '.', one tag per item.
func ValidateTags(tags []string) error {
	for _, t := range tags {
		ok := t != ""
		for _, r := range t {
			ok = ok && (r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
		}
		if !ok {
			return fmt.Errorf("bad build tag %q: a tag is letters, digits, '_' and '.'; separate tags with commas", t)
		}
	}
	return nil
}

// Run executes load → extract → graph → cluster → judge.
func Run(ctx context.Context, opt Options) (*Output, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	done := stageTimer(opt.Progress)
	f, err := loadAndExtract(ctx, &opt, analysis.Options{CallGraph: opt.CallGraph, Progress: extractProgress(opt)}, done)
	if err != nil {
		return nil, err
	}
	opt.history, opt.historyNote = readHistory(ctx, opt)
	if opt.History != "" && opt.History != "off" {
		done("history")
	}
	out, err := Cluster(f, opt)
	done("graph, cluster, judge, plan")
	if err == nil {
		err = ctx.Err()
	}
	if err == nil {
		out.History, out.HistoryNote = opt.history, opt.historyNote
	}
	return out, err
}

// changePartners counts, for each context, the commits it shares with each
// other context, keeping the pairs of history.MinTogether commits or more.
func changePartners(h *history.History, g *graph.Graph, d *cluster.Decomposition) map[string]map[string]int {
	if h == nil {
		return nil
	}
	ctxOf := map[string][]int{}
	for _, u := range g.Units {
		c, ok := d.UnitContext[u.ID]
		if !ok || c < 0 {
			continue
		}
		for _, f := range u.Files {
			if l := ctxOf[f]; !slices.Contains(l, c) {
				ctxOf[f] = append(l, c)
			}
		}
	}
	pairs, _ := history.CoChange(h, len(d.Contexts), func(p string) []int { return ctxOf[p] })
	out := map[string]map[string]int{}
	for _, p := range pairs {
		if p.Commits < history.MinTogether {
			continue
		}
		a, b := d.Contexts[p.A].Name, d.Contexts[p.B].Name
		if out[a] == nil {
			out[a] = map[string]int{}
		}
		if out[b] == nil {
			out[b] = map[string]int{}
		}
		out[a][b], out[b][a] = p.Commits, p.Commits
	}
	return out
}

func (o *Options) historyOrOff() string {
	if o.History == "" {
		return "off"
	}
	return o.History
}

// readHistory reads the git history of the module or workspace root,
// when asked. Not having one is a note, never an error: decomp still
// analyses a tarball, a shallow CI clone or a machine without git.
func readHistory(ctx context.Context, opt Options) (*history.History, string) {
	window, on, _ := history.ParseWindow(opt.historyOrOff())
	if !on {
		return nil, ""
	}
	root, err := analysisRoot(opt.Dir)
	if err != nil {
		return nil, "no history: " + err.Error()
	}
	repo, err := history.Open(ctx, root)
	if err != nil {
		return nil, err.Error()
	}
	// Cached by HEAD and window: reading all of a long history costs
	// seconds (3.3 s for apache/answer's 5,614 commits), and it cannot
	// change while HEAD does not.
	ho := history.Options{Window: window, MaxFiles: history.DefaultMaxFiles}
	key := fmt.Sprintf("history\x00%s\x00%s\x00%d\x00%d", root, repo.Head, ho.Window, ho.MaxFiles)
	if opt.Cache != nil {
		if data, ok := opt.Cache.GetBlob(key); ok {
			var h history.History
			if json.Unmarshal(data, &h) == nil {
				return &h, h.Note
			}
		}
	}
	h, err := repo.Read(ctx, ho)
	if err != nil {
		return nil, err.Error()
	}
	if opt.Cache != nil {
		if data, err := json.Marshal(h); err == nil {
			opt.Cache.PutBlob(key, data)
		}
	}
	return h, h.Note
}

// analysisRoot is the directory the units' files are relative to: the
// go.work root when there is one above dir, else the module root.
func analysisRoot(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	mod := ""
	for d := abs; ; d = filepath.Dir(d) {
		if fileExists(filepath.Join(d, "go.work")) {
			return d, nil
		}
		if mod == "" && fileExists(filepath.Join(d, "go.mod")) {
			mod = d
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if mod == "" {
		return "", fmt.Errorf("%s is in no Go module", dir)
	}
	return mod, nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// Facts runs load and extract only, the way decomp check needs them:
// calls as the source states them (no call graph) and no field uses.
func Facts(ctx context.Context, opt Options) (*facts.Facts, error) {
	if err := ValidateTags(opt.Tags); err != nil {
		return nil, err
	}
	done := stageTimer(opt.Progress)
	return loadAndExtract(ctx, &opt, analysis.Options{CallGraph: calls.Syntax, Disable: []string{"fielduse"}, Progress: extractProgress(opt)}, done)
}

// stageTimer returns a function that reports each stage's wall time, since
// the previous report, to progress (nil: nothing).
func stageTimer(progress func(string, time.Duration)) func(stage string) {
	start := time.Now()
	return func(stage string) {
		if progress != nil {
			progress(stage, time.Since(start))
		}
		start = time.Now()
	}
}

// LoadProgram loads the packages the options name, with their syntax and
// types, as the analysis does (the dependencies' type information from
// opt.Cache when it has it): for the stages that rewrite code.
func LoadProgram(ctx context.Context, opt Options) (*load.Program, error) {
	lcfg := load.Config{Dir: opt.Dir, Patterns: opt.Patterns, Tags: opt.Tags, Tests: opt.Tests, AllowDownload: opt.AllowDownload}
	if opt.Cache != nil {
		lcfg.Exports = opt.Cache
	}
	return load.Load(ctx, lcfg)
}

// loadAndExtract loads the module and extracts its facts, or takes them
// from opt.Cache when nothing they depend on changed. It fills in
// opt.Patterns with the defaults the load used.
func loadAndExtract(ctx context.Context, opt *Options, aopt analysis.Options, done func(stage string)) (*facts.Facts, error) {
	lcfg := load.Config{Dir: opt.Dir, Patterns: opt.Patterns, Tags: opt.Tags, Tests: opt.Tests, AllowDownload: opt.AllowDownload}
	if opt.Cache != nil {
		lcfg.Exports = opt.Cache
	}
	listing, err := load.List(ctx, lcfg)
	if err != nil {
		return nil, err
	}
	opt.Patterns = listing.Patterns()
	var key factcache.Key
	extraction := fmt.Sprintf("callgraph=%s disable=%s", aopt.CallGraph, strings.Join(aopt.Disable, ","))
	if opt.Cache != nil {
		// A key that cannot be computed costs this run the cache, not its
		// result: the load below reports whatever is really wrong.
		if k, err := opt.Cache.Key(listing, extraction); err == nil {
			if f, ok := opt.Cache.Get(k); ok {
				done("load and extract (cached)")
				return f, nil
			}
			key = k
		}
	}
	prog, err := listing.Load(ctx)
	if err != nil {
		return nil, err
	}
	if opt.Cache != nil {
		done(fmt.Sprintf("load (%d of %d dependencies cached)", prog.DepsCached, prog.Deps))
	} else {
		done("load")
	}
	f, err := analysis.Extract(ctx, prog, aopt)
	if err != nil {
		return nil, err
	}
	done("extract")
	if key != "" {
		// Stored only if no file changed while the load read them: an
		// entry must hold the facts of the content its key names. A cache
		// that cannot be written costs the next run its speed, not this
		// run its result.
		if again, err := opt.Cache.Key(listing, extraction); err == nil && again == key {
			_ = opt.Cache.Put(key, f)
		}
	}
	return f, nil
}

// extractProgress passes each extractor's time on as a stage of its own.
func extractProgress(opt Options) func(string, time.Duration) {
	if opt.Progress == nil {
		return nil
	}
	return func(name string, took time.Duration) { opt.Progress("extract/"+name, took) }
}

// Cluster runs the stages after extraction (graph, cluster, judge) on facts
// from anywhere.
func Cluster(f *facts.Facts, opt Options) (*Output, error) {
	gopt := graph.Options{
		Granularity:      opt.Granularity,
		IncludeGenerated: opt.IncludeGenerated,
		IncludeTests:     opt.Tests,
	}
	if opt.history != nil {
		for _, c := range opt.history.Commits {
			files := make([]string, len(c.Files))
			for i, f := range c.Files {
				files[i] = f.Path
			}
			gopt.CoChange = append(gopt.CoChange, files)
		}
	}
	copt := cluster.Options{Resolution: opt.Resolution, Seed: opt.Seed, FolderPrior: opt.FolderPrior, Tuning: opt.Tune}
	if c := opt.Config; c != nil {
		gopt.Weights = graph.DefaultWeights
		for k, w := range map[graph.EdgeKind]*float64{
			graph.Call: c.Weights.Call, graph.Dynamic: c.Weights.DynamicCall,
			graph.TypeUse: c.Weights.TypeUse, graph.Access: c.Weights.DataAccess, graph.Implements: c.Weights.Implements,
			graph.CoChange: c.Weights.CoChange,
		} {
			if w != nil {
				gopt.Weights[k] = *w
			}
		}
		if len(c.Ignore) > 0 {
			patterns := c.Ignore
			gopt.Ignore = func(pkg string) bool {
				for _, p := range patterns {
					if cluster.MatchUnit(p, graph.Unit{ID: pkg, Pkg: pkg}) {
						return true
					}
				}
				return false
			}
		}
		for _, p := range c.Pins {
			copt.Pins = append(copt.Pins, cluster.Pin{Pattern: p.Pattern, Context: p.Context})
		}
		if _, ok := opt.Tune["term-weight"]; !ok {
			copt.TermWeight = c.Weights.SharedName
		}
		if _, ok := opt.Tune["hub-damping"]; !ok {
			copt.HubDamping = c.Weights.HubDamping
		}
	}
	if gopt.Weights == (graph.Weights{}) {
		gopt.Weights = graph.DefaultWeights
	}
	// Folder roles come from a package-level reading of the module; at the
	// auto granularity they also decide which packages are split by type.
	pgopt := gopt
	pgopt.Granularity = graph.Package
	pg := graph.Build(f, pgopt)
	if len(pg.Units) == 0 {
		return nil, errors.New("nothing to cluster: every package was ignored or holds only generated or test code")
	}
	layout := cluster.Classify(pg, f, opt.Tune)
	if opt.FolderPrior == 0 {
		layout.TypeUnits = map[string]bool{}
	}
	gopt.TypeUnits = func(pkg string) bool { return layout.TypeUnits[pkg] }
	// A context map in the config is the team's decision: its units go
	// where it says, and the clustering places only the rest.
	var dm *declaredMap
	if c := opt.Config; c != nil && len(c.Contexts) > 0 && !opt.Propose {
		var err error
		if dm, err = resolveMap(f, c, opt.ConfigPath, narrowed(opt.Patterns)); err != nil {
			return nil, err
		}
		gopt.Together = dm.together
	}
	g := pg
	if gopt.Granularity != graph.Package {
		g = graph.Build(f, gopt)
	}
	copt.Layout = layout
	if dm != nil {
		copt.Declared = dm.units(g, opt.Config)
	}
	res, err := cluster.Decompose(g, copt)
	if err != nil {
		return nil, err
	}
	for _, p := range copt.Pins {
		matched := false
		for _, u := range g.Units {
			if cluster.MatchUnit(p.Pattern, u) {
				matched = true
				break
			}
		}
		if !matched {
			fc := *f // the caller's facts stay as they were
			fc.Warnings = append(fc.Warnings[:len(fc.Warnings):len(fc.Warnings)], facts.Warning{Message: fmt.Sprintf("pin %q (context %s) matches no unit", p.Pattern, p.Context)})
			f = &fc
		}
	}
	out := &Output{Options: opt, Facts: f, Graph: g, Result: res, Layout: layout, Weights: gopt.Weights, Clustering: copt.WithDefaults()}
	out.Models = judge.OversizedModels(f, &res.Decomposition, judge.ModelOptions{MinFields: opt.ModelFields})
	out.SharedTables = judge.SharedTables(f, &res.Decomposition, judge.TableOptions{})
	out.Plan, err = plan.Build(plan.Input{Facts: f, D: &res.Decomposition, SharedTables: out.SharedTables, Models: out.Models, First: opt.First,
		ChangesWith: changePartners(opt.history, g, &res.Decomposition)})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ReportInput hands the stages' output to the report.
func (o *Output) ReportInput() *report.Input {
	opt := o.Options
	in := &report.Input{
		Inputs: report.Inputs{
			Dir: opt.Dir, Patterns: opt.Patterns, Tags: opt.Tags, Tests: opt.Tests, Config: opt.ConfigPath,
			Granularity: string(opt.Granularity), CallGraph: string(opt.CallGraph), Resolution: opt.Resolution,
			Seed: opt.Seed, FolderPrior: opt.FolderPrior, ModelFields: opt.ModelFields, IncludeGenerated: opt.IncludeGenerated,
			AllowDownload: opt.AllowDownload, Weights: map[string]float64{}, Pins: o.Clustering.Pins,
		},
		Facts: o.Facts, Graph: o.Graph, Result: o.Result, Weights: o.Weights, Layout: o.Layout, Pins: o.Clustering.Pins,
		Models: o.Models, SharedTables: o.SharedTables, Plan: o.Plan,
		History: o.History, HistoryNote: o.HistoryNote,
	}
	for k := graph.EdgeKind(0); k < graph.NumKinds; k++ {
		in.Inputs.Weights[k.String()] = o.Weights[k]
	}
	in.Inputs.Weights["sharedName"], in.Inputs.Weights["hubDamping"] = *o.Clustering.TermWeight, *o.Clustering.HubDamping
	if c := opt.Config; c != nil {
		in.Inputs.Ignore = c.Ignore
	}
	return in
}

// FindConfig returns the config path to use: the given one; else the
// first decomp.yaml or .decomp.yaml found in dir and then in each parent,
// up to and including the first directory holding a go.mod or go.work
// (the module or workspace root), as golangci-lint looks for its config.
func FindConfig(dir, given string, exists func(string) bool) string {
	if given != "" {
		return given
	}
	start, err := filepath.Abs(dir)
	if err != nil {
		start = dir
	}
	for d := start; ; d = filepath.Dir(d) {
		for _, name := range []string{config.FileName, "." + config.FileName} {
			if p := filepath.Join(d, name); exists(p) {
				// Relative to dir as given, so reports do not carry
				// the checkout's absolute path.
				if rel, err := filepath.Rel(start, p); err == nil {
					return filepath.Join(dir, rel)
				}
				return p
			}
		}
		if exists(filepath.Join(d, "go.mod")) || exists(filepath.Join(d, "go.work")) || filepath.Dir(d) == d {
			return ""
		}
	}
}
