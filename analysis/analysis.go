// Package analysis turns a loaded module into facts: the first stage of
// decomp's pipeline (load → extract → graph → cluster → judge → render,
// with check beside it). Each extractor lives in its own sub-package; this
// package gives them one shape, in the spirit of golang.org/x/tools/go/analysis
// (a value with a name, what it requires, and a run over the loaded program
// that adds plain facts), and runs them in order: timed, guarded and
// interruptible in one place.
package analysis

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/decomp/decomp/analysis/calls"
	"github.com/decomp/decomp/analysis/dbaccess"
	"github.com/decomp/decomp/analysis/decls"
	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/fielduse"
	"github.com/decomp/decomp/analysis/load"
	"github.com/decomp/decomp/analysis/routes"
	"github.com/decomp/decomp/analysis/ssabuild"
	"github.com/decomp/decomp/analysis/uses"
)

// Extractor is one extraction step.
type Extractor struct {
	// Name identifies it in timings, warnings and Options.Disable.
	Name string
	// Doc says what facts it adds.
	Doc string
	// Requires names the extractors whose facts Run reads; they run first.
	Requires []string
	// Run adds its facts to pass.Facts. It must not change facts other
	// extractors own, except where its Doc says so.
	Run func(pass *Pass)
}

// Pass is what an extractor sees.
type Pass struct {
	Prog    *load.Program
	Facts   *facts.Facts
	Options Options
	// Last is set for the last extractor of the run: it may release the
	// program's syntax and type information once it no longer needs them,
	// so that its own peak is not stacked on theirs.
	Last bool

	ssa *ssabuild.Program
}

// SSA returns the module's SSA, built on the first call: the extractors
// that read it share one build.
func (p *Pass) SSA() *ssabuild.Program {
	if p.ssa == nil {
		p.ssa = ssabuild.Build(p.Prog)
	}
	return p.ssa
}

// Warn records a problem that did not stop the extractor.
func (p *Pass) Warn(w ...facts.Warning) { p.Facts.Warnings = append(p.Facts.Warnings, w...) }

// Extractors returns decomp's extractors, in the order they run.
func Extractors() []*Extractor {
	return []*Extractor{
		{
			Name: "decls", Doc: "packages, files, functions, types and package-level values",
			Run: func(p *Pass) { p.Facts.Packages, p.Facts.Funcs, p.Facts.Types, p.Facts.Values = decls.Extract(p.Prog) },
		},
		{
			Name: "uses", Doc: "references to module types, fields, constants and variables; implements relations; functions used as values",
			Run: func(p *Pass) { p.Facts.Uses, p.Facts.FuncRefs = uses.Extract(p.Prog) },
		},
		{
			Name: "routes", Doc: "HTTP routes and gRPC services, with the function serving each",
			Run: func(p *Pass) { p.Facts.Routes = routes.Extract(p.Prog) },
		},
		{
			Name: "fielduse", Doc: "struct layouts and struct field reads and writes",
			Run: func(p *Pass) { p.Facts.Structs, p.Facts.FieldUses = fielduse.Extract(p.Prog) },
		},
		{
			Name: "dbaccess", Doc: "table and collection reads and writes; the table of each struct (Struct.Table), since it knows the ORM conventions",
			// It names the tables of the structs fielduse lists, when that ran.
			Run: func(p *Pass) {
				db := dbaccess.Extract(p.Prog, p.SSA)
				p.Facts.Accesses = db.Accesses
				p.Facts.Txs = db.Txs
				p.Warn(db.Warnings...)
				for i := range p.Facts.Structs {
					p.Facts.Structs[i].Table = db.Tables[p.Facts.Structs[i].Type]
				}
			},
		},
		// Last: building SSA and the call graph is the run's peak of
		// memory, which the syntax every other extractor reads would add
		// to; run last, it releases them once SSA is built.
		{
			Name: "calls", Doc: "call edges between module functions, by the chosen call-graph algorithm",
			Run: func(p *Pass) {
				var w []facts.Warning
				p.Facts.Calls, w = calls.Extract(p.Prog, p.Options.CallGraph, p.Last, p.SSA)
				p.Warn(w...)
			},
		},
	}
}

// Options tune the extraction.
type Options struct {
	// CallGraph selects the call-graph algorithm (default calls.Default).
	CallGraph calls.Algorithm
	// Disable names extractors to skip (decomp check needs no field uses).
	Disable []string
	// Progress, when set, hears each extractor's end and its wall time.
	Progress func(name string, took time.Duration)
	// Extractors replaces the default set (tests, tools built on decomp).
	Extractors []*Extractor
}

// Extract runs every enabled extractor over prog. When the call graph is
// the last extractor to run (as in the default order), it drops the
// module packages' syntax and type information once SSA is built: prog
// then serves no further extraction. It fails only on an
// interrupt or a contradictory Disable; whatever could not be analysed is
// listed in the result's Warnings, and an extractor that panics on odd code
// leaves a warning, not a crash.
func Extract(ctx context.Context, prog *load.Program, opt Options) (*facts.Facts, error) {
	if opt.CallGraph == "" {
		opt.CallGraph = calls.Default
	}
	f := &facts.Facts{Module: prog.Module}
	f.Warnings = append(f.Warnings, prog.Warnings...)
	pass := &Pass{Prog: prog, Facts: f, Options: opt}
	ran := map[string]bool{}
	xs := opt.Extractors
	if xs == nil {
		xs = Extractors()
	}
	last := -1
	for i, x := range xs {
		if !slices.Contains(opt.Disable, x.Name) {
			last = i
		}
	}
	for i, x := range xs {
		if slices.Contains(opt.Disable, x.Name) {
			continue
		}
		pass.Last = i == last
		for _, r := range x.Requires {
			if !ran[r] {
				return nil, fmt.Errorf("extractor %s requires %s, which is disabled", x.Name, r)
			}
		}
		// Each extractor runs to its end; an interrupt is honoured between them.
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		start := time.Now()
		run(x, pass)
		ran[x.Name] = true
		if opt.Progress != nil {
			opt.Progress(x.Name, time.Since(start))
		}
	}
	f.Sort()
	return f, ctx.Err()
}

func run(x *Extractor, p *Pass) {
	defer func() {
		if r := recover(); r != nil {
			p.Warn(facts.Warning{Message: fmt.Sprintf("extractor %s stopped on an internal error (its facts are partial; please report it): %v", x.Name, r)})
		}
	}()
	x.Run(p)
}
