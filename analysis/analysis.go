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

	ssa     *ssabuild.Program
	ssaTook time.Duration
	after   []afterStep
}

type afterStep struct {
	name string
	run  func()
}

// SSA returns the module's SSA, built on the first call: the extractors
// that read it share one build, timed as a stage of its own ("ssa"). Built
// for the last extractor (or after every one), it releases each package's
// syntax and type information as it goes (see Last).
func (p *Pass) SSA() *ssabuild.Program {
	if p.ssa == nil {
		start := time.Now()
		p.ssa = ssabuild.Build(p.Prog, p.Last)
		p.ssaTook = time.Since(start)
	}
	return p.ssa
}

// After schedules f to run once every extractor has run, timed under
// name: work that needs no syntax (it may be released by then) and may
// need SSA.
func (p *Pass) After(name string, f func()) { p.after = append(p.after, afterStep{name, f}) }

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
			// The accesses whose model or statement reaches the call
			// through values are found by value flow over SSA, once
			// every extractor is done with the syntax ("valueflow").
			Run: func(p *Pass) {
				x := dbaccess.Start(p.Prog)
				p.After("valueflow", func() {
					db := x.Finish(p.SSA)
					p.Facts.Accesses = db.Accesses
					p.Facts.Txs = db.Txs
					p.Warn(db.Warnings...)
					for i := range p.Facts.Structs {
						p.Facts.Structs[i].Table = db.Tables[p.Facts.Structs[i].Type]
					}
				})
			},
		},
		// Last: building SSA and the call graph is the run's peak of
		// memory, which the syntax every other extractor reads would add
		// to; run last, it releases them once SSA is built.
		{
			Name: "calls", Doc: "call edges between module functions, by the chosen call-graph algorithm",
			Run: func(p *Pass) {
				var w []facts.Warning
				p.Facts.Calls, w = calls.Extract(p.Prog, p.Options.CallGraph, p.SSA)
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
		pass.timed(x.Name, func() { run(x.Name, pass, func() { x.Run(pass) }) })
		ran[x.Name] = true
	}
	// What waited for every extractor: the syntax may be gone.
	pass.Last = true
	for _, a := range pass.after {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pass.timed(a.name, func() { run(a.name, pass, a.run) })
	}
	f.Sort()
	return f, ctx.Err()
}

// timed runs one step and reports its wall time, the SSA build it asked for
// apart.
func (p *Pass) timed(name string, f func()) {
	start, built := time.Now(), p.ssa != nil
	f()
	if p.Options.Progress == nil {
		return
	}
	took := time.Since(start)
	if !built && p.ssa != nil {
		p.Options.Progress("ssa", p.ssaTook)
		took -= p.ssaTook
	}
	p.Options.Progress(name, took)
}

func run(name string, p *Pass, f func()) {
	defer func() {
		if r := recover(); r != nil {
			p.Warn(facts.Warning{Message: fmt.Sprintf("extractor %s stopped on an internal error (its facts are partial; please report it): %v", name, r)})
		}
	}()
	f()
}
