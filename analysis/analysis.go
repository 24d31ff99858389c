// Package analysis turns a loaded module into facts: the first stage of
// decomp's pipeline (load → extract → graph → cluster → judge → plan →
// render). Each extractor lives in its own sub-package and reads the
// program; this package runs them in order and assembles their output.
package analysis

import (
	"context"
	"github.com/decomp/decomp/analysis/calls"
	"github.com/decomp/decomp/analysis/dbaccess"
	"github.com/decomp/decomp/analysis/decls"
	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/analysis/fielduse"
	"github.com/decomp/decomp/analysis/load"
	"github.com/decomp/decomp/analysis/uses"
)

// Options tune the extraction.
type Options struct {
	// CallGraph selects the call-graph algorithm.
	CallGraph calls.Algorithm
	// SkipFieldUses leaves out struct layouts and field uses, which only
	// the oversized-model judge reads (decomp check does not).
	SkipFieldUses bool
}

// Extract runs every extractor over prog. It does not fail: whatever could
// not be analysed is listed in the result's Warnings.
func Extract(ctx context.Context, prog *load.Program, opt Options) (*facts.Facts, error) {
	if opt.CallGraph == "" {
		opt.CallGraph = calls.Default
	}
	f := &facts.Facts{Module: prog.Module}
	f.Warnings = append(f.Warnings, prog.Warnings...)
	// Each extractor runs to its end; an interrupt is honoured between them.
	steps := []func(){
		func() { f.Packages, f.Funcs, f.Types, f.Values = decls.Extract(prog) },
		func() {
			var w []facts.Warning
			f.Calls, w = calls.Extract(prog, opt.CallGraph)
			f.Warnings = append(f.Warnings, w...)
		},
		func() { f.Uses = uses.Extract(prog) },
		func() {
			if !opt.SkipFieldUses {
				f.Structs, f.FieldUses = fielduse.Extract(prog)
			}
		},
		func() {
			db := dbaccess.Extract(prog)
			f.Accesses = db.Accesses
			f.Warnings = append(f.Warnings, db.Warnings...)
			// The data-access extractor knows more ORM conventions than the
			// field-use extractor; its table names win.
			for i := range f.Structs {
				if t, ok := db.Tables[f.Structs[i].Type]; ok {
					f.Structs[i].Table = t
				}
			}
		},
	}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		step()
	}
	f.Sort()
	return f, ctx.Err()
}
