package plancmd

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/decomp/decomp/cmd/decomp/internal/cmdutil"
	"github.com/decomp/decomp/internal/pipeline"
	"github.com/decomp/decomp/report/plan/reroute"
)

// defaultSeamDir is where the patches put the seams when --emit-seams
// does not say.
const defaultSeamDir = "internal/seams"

// emitPatches writes, per step with a seam, DIR/NN-<context>.patch: the
// seam package it creates (unless --emit-seams wrote it) and its callers
// rewritten to call it, each patch applying after the ones before.
func emitPatches(ctx context.Context, o *Options, out *pipeline.Output) error {
	prog, err := pipeline.LoadProgram(ctx, o.Pipeline)
	if err != nil {
		return err
	}
	seamDir, create := o.EmitSeams, o.EmitSeams == ""
	if create {
		seamDir = defaultSeamDir
	}
	absSeams, err := filepath.Abs(cmdutil.InDir(o.Pipeline.Dir, seamDir))
	if err != nil {
		return err
	}
	relSeams, err := filepath.Rel(prog.Root, absSeams)
	if err != nil || strings.HasPrefix(relSeams, "..") {
		return &cmdutil.UsageError{Msg: fmt.Sprintf("--emit-patch: the seams' folder %s is outside the module", seamDir)}
	}
	relSeams = filepath.ToSlash(relSeams)
	root := seamRoot(out.Facts.Module, relSeams)
	var steps []reroute.Step
	pkgs := map[int]string{}
	for _, s := range out.Plan.Steps {
		if len(s.Seam.Methods) == 0 {
			continue
		}
		st := reroute.Step{N: s.N, Context: s.Context, Seam: s.Seam, Callers: s.Callers, Import: root + "/" + s.Seam.Package,
			File: relSeams + "/" + s.Seam.Package + "/seam.go"}
		if create {
			if _, err := os.Stat(filepath.Join(prog.Root, filepath.FromSlash(st.File))); err == nil {
				return &cmdutil.UsageError{Msg: fmt.Sprintf("--emit-patch: %s exists and the patch would create it: remove it, or pass --emit-seams %s to patch against it", st.File, seamDir)}
			}
			files, err := s.Seam.Files(s.Context)
			if err != nil {
				return err
			}
			st.Src = files["seam.go"]
		}
		steps = append(steps, st)
		pkgs[s.N] = s.Seam.Package
	}
	results, err := reroute.Patches(prog, steps)
	if err != nil {
		return err
	}
	dir := cmdutil.InDir(o.Pipeline.Dir, o.EmitPatch)
	files := map[string][]byte{}
	rerouted, skipped := 0, 0
	for _, r := range results {
		files[filepath.Join(dir, fmt.Sprintf("%02d-%s.patch", r.N, pkgs[r.N]))] = patchFile(r)
		rerouted += r.Rerouted
		skipped += len(r.Skipped)
	}
	if err := writeFiles(files, o.Force, "emit patch"); err != nil {
		return err
	}
	fmt.Fprintf(o.IO.Err, "decomp: wrote %d patches to %s: %d call sites rerouted, %d callers left as they are (listed at the top of each patch)\n", len(results), o.EmitPatch, rerouted, skipped)
	return nil
}

// patchFile is a step's patch with a header git apply and patch skip.
func patchFile(r reroute.Result) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "decomp plan, step %d: wall off %s behind its seam.\n", r.N, r.Context)
	fmt.Fprintf(&b, "%d call sites rerouted in %d files; apply after the earlier steps (git apply, or patch -p1).\n", r.Rerouted, r.Files)
	if len(r.Skipped) > 0 {
		fmt.Fprintf(&b, "Left as they are (%d):\n", len(r.Skipped))
		for _, s := range r.Skipped {
			fmt.Fprintf(&b, "  %s: %s\n", s.Pos, s.Reason)
		}
	}
	b.WriteString("\n")
	b.Write(r.Patch)
	return []byte(b.String())
}
