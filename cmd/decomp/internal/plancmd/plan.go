// Package plancmd implements `decomp plan`: the strangler-fig migration
// plan, and the seams it proposes as Go packages.
package plancmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"golang.org/x/mod/module"

	"github.com/decomp/decomp/cmd/decomp/internal/cmdutil"
	"github.com/decomp/decomp/cmd/decomp/internal/version"
	"github.com/decomp/decomp/internal/pipeline"
	"github.com/decomp/decomp/report"
	"github.com/decomp/decomp/report/plan"
	"github.com/decomp/decomp/report/render"
)

// Options are the command's settings after flag parsing.
type Options struct {
	IO        *cmdutil.IOStreams
	Pipeline  pipeline.Options
	Format    string
	Output    string
	EmitSeams string
	Force     bool
	Step      int
	EmitPatch string
}

// Formats are the accepted --format values.
var Formats = []string{"text", "md", "json", "html"}

// New returns the plan command; runF replaces the run in tests.
func New(ios *cmdutil.IOStreams, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{IO: ios}
	cmd := &cobra.Command{
		Use:   "plan [packages]",
		Short: "Write the strangler-fig migration plan: which context to wall off first, behind which seam",
		Long: `Plan runs the same analysis as analyze and orders the contexts into migration
steps, cheapest and least entangled first (or --first NAME, the worst
bottleneck), re-scoring what remains after each step. Each step gives the
seam interface with the signatures from the code and a facade that delegates
to today's code, the callers to reroute with file:line, the routes to
redirect at the edge, the tables that move and what every other user does,
the cross-context joins, the model split, what the context still calls
afterwards, an effort figure and the risks.

--emit-seams DIR writes each step's interface and facade as a Go package
under DIR (one folder per context), ready to drop into the module.
--emit-patch DIR writes each step as a unified diff: the seam package (under
internal/seams, or the --emit-seams folder) and the step's callers rewritten
to call it; applied one after another, the module keeps building.`,
		Example: `  decomp plan
  decomp plan --format md -o plan.md
  decomp plan --first billing --emit-seams internal/seams
  decomp plan --emit-patch patches`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.PrepareOptions(cmd, o.IO, &o.Pipeline, args); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return Run(cmd.Context(), o)
		},
	}
	cmdutil.AddPipelineFlags(cmd, &o.Pipeline)
	f := cmd.Flags()
	f.StringVar(&o.Format, "format", "text", "output format: text, md, json or html (the report with the plan, one offline file)")
	f.StringVarP(&o.Output, "output", "o", "", "write the plan to `file` instead of standard output")
	f.StringVar(&o.Pipeline.History, "history", "1y", "read the git history of that `WINDOW` before HEAD (off, all, 1y, 6m, 8w, 90d): contexts that change together, owners")
	f.StringVar(&o.Pipeline.First, "first", "", "start with the context `NAME` (the worst bottleneck) and plan around it")
	f.StringVar(&o.EmitSeams, "emit-seams", "", "write each step's seam interface and facade as a Go package under `DIR` (relative to -C DIR)")
	f.StringVar(&o.EmitPatch, "emit-patch", "", "write each step as a unified diff under `DIR` (relative to -C DIR): its seam package and its callers rewritten to call it")
	f.BoolVar(&o.Force, "force", false, "let --emit-seams and --emit-patch replace files they wrote before")
	f.IntVar(&o.Step, "step", 0, "write step `N` alone and in full (text and md; the full plan cuts each list at 10)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(Formats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// Run executes the command.
func Run(ctx context.Context, o *Options) error {
	switch o.Format {
	case "text", "md", "json", "html":
	default:
		return &cmdutil.UsageError{Msg: fmt.Sprintf("unknown format %q (want text, md, json or html)", o.Format)}
	}
	if o.Step < 0 || o.Step != 0 && o.Format != "text" && o.Format != "md" {
		return &cmdutil.UsageError{Msg: fmt.Sprintf("--step %d: wants a step number and --format text or md", o.Step)}
	}
	if o.EmitSeams != "" {
		// Checked before the analysis, which may take minutes.
		if err := checkSeamDir(cmdutil.InDir(o.Pipeline.Dir, o.EmitSeams), o.EmitSeams, "--emit-seams"); err != nil {
			return err
		}
	}
	if o.EmitPatch != "" {
		if err := checkSeamDir(cmdutil.InDir(o.Pipeline.Dir, o.EmitPatch), o.EmitPatch, "--emit-patch"); err != nil {
			return err
		}
	}
	dst, err := cmdutil.OpenOutput(o.IO, cmdutil.InDir(o.Pipeline.Dir, o.Output))
	if err != nil {
		return err
	}
	out, err := pipeline.Run(ctx, o.Pipeline)
	if err != nil {
		dst.Abort()
		return err
	}
	if o.Step != 0 {
		if err := out.Plan.CheckStep(o.Step); err != nil {
			dst.Abort()
			return &cmdutil.UsageError{Msg: err.Error()}
		}
	}
	if o.EmitSeams != "" {
		if err := emit(cmdutil.InDir(o.Pipeline.Dir, o.EmitSeams), seamRoot(out.Facts.Module, o.EmitSeams), out.Plan, o.Force); err != nil {
			dst.Abort()
			return err
		}
	}
	if o.EmitPatch != "" {
		if err := emitPatches(ctx, o, out); err != nil {
			dst.Abort()
			return err
		}
	}
	module := out.Facts.Module
	switch o.Format {
	case "text":
		sw := render.NewSafeWriter(dst.Writer())
		err = out.Plan.Text(sw, plan.Options{Module: module, Step: o.Step, WeakCut: report.WeakCut(out.ReportInput())})
		if err == nil {
			err = sw.Flush()
		}
	case "md":
		err = out.Plan.Markdown(dst.Writer(), plan.Options{Module: module, Step: o.Step, WeakCut: report.WeakCut(out.ReportInput())})
	case "html":
		// The plan is part of the report; the HTML shows it beside the
		// context map it walls off.
		err = render.WriteHTML(dst.Writer(), report.Build(out.ReportInput(), version.String()))
	case "json":
		enc := json.NewEncoder(dst.Writer())
		enc.SetIndent("", "  ")
		err = enc.Encode(struct {
			Version int        `json:"version"`
			Tool    string     `json:"tool"`
			Module  string     `json:"module"`
			Plan    *plan.Plan `json:"plan"`
		}{1, "decomp " + version.String(), module, out.Plan})
	}
	if err != nil {
		dst.Abort()
		return err
	}
	return dst.Commit()
}

// internalParent returns the path whose tree may import an internal
// package ("a/b" for "a/b/internal/c").
func internalParent(path string) (string, bool) {
	if strings.HasPrefix(path, "internal/") || path == "internal" {
		return "", true
	}
	if i := strings.LastIndex(path, "/internal/"); i >= 0 {
		return path[:i], true
	}
	if strings.HasSuffix(path, "/internal") {
		return strings.TrimSuffix(path, "/internal"), true
	}
	return "", false
}

// seamRoot is the import path of the folder the seams go to ("" when
// unknown: an absolute folder or one outside the module).
func seamRoot(module, dir string) string {
	if module == "" || filepath.IsAbs(dir) {
		return ""
	}
	rel := filepath.ToSlash(filepath.Clean(dir))
	if rel == "." {
		return module
	}
	if strings.HasPrefix(rel, "../") || rel == ".." {
		return ""
	}
	return module + "/" + rel
}

// checkSeamDir refuses a folder decomp cannot write in (a file, no write
// permission) and, for --emit-seams, one the seams could not be built in:
// a path element that is not a valid import path element (a space, a
// non-ASCII letter).
func checkSeamDir(dir, given, flag string) error {
	if flag == "--emit-seams" && !filepath.IsAbs(given) {
		rel := filepath.ToSlash(filepath.Clean(given))
		if rel != "." && !strings.HasPrefix(rel, "../") && rel != ".." {
			if err := module.CheckImportPath("example.com/" + rel); err != nil {
				return &cmdutil.UsageError{Msg: fmt.Sprintf("%s %s: not a folder Go can import from: %v", flag, given, unwrapImportErr(err))}
			}
		}
	}
	// The nearest existing ancestor must be a folder decomp can write in.
	d := dir
	for {
		fi, err := os.Stat(d)
		if err == nil {
			if !fi.IsDir() {
				return &cmdutil.UsageError{Msg: fmt.Sprintf("%s %s: %s is not a directory", flag, given, d)}
			}
			f, err := os.CreateTemp(d, ".decomp-seams-*")
			if err != nil {
				return &cmdutil.UsageError{Msg: fmt.Sprintf("%s %s: cannot write in %s", flag, given, d)}
			}
			f.Close()
			os.Remove(f.Name())
			return nil
		}
		parent := filepath.Dir(d)
		if parent == d || !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
			return &cmdutil.UsageError{Msg: fmt.Sprintf("%s %s: %v", flag, given, err)}
		}
		d = parent
	}
}

// unwrapImportErr keeps the reason of module.CheckImportPath's error,
// without the made-up path it checked.
func unwrapImportErr(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		return msg[i+2:]
	}
	return msg
}

// emit writes every step's seam package under dir, whose import path is
// root. Nothing is written if a file it would write exists and force is
// off, or if a seam would import an internal package it may not.
func emit(dir, root string, p *plan.Plan, force bool) error {
	files := map[string][]byte{}
	for _, s := range p.Steps {
		if len(s.Seam.Methods) == 0 {
			continue
		}
		if root != "" {
			seamPath := root + "/" + s.Seam.Package
			for _, im := range s.Seam.Imports {
				if parent, ok := internalParent(im.Path); ok && seamPath != parent && !strings.HasPrefix(seamPath, parent+"/") {
					return &cmdutil.UsageError{Msg: fmt.Sprintf("the seam of %s imports %s, an internal package that %s may not import: emit the seams under %s", s.Context, im.Path, seamPath, parent)}
				}
			}
		}
		fs, err := s.Seam.Files(s.Context)
		if err != nil {
			return err
		}
		for name, src := range fs {
			files[filepath.Join(dir, s.Seam.Package, name)] = src
		}
	}
	if root != "" {
		for path := range files {
			if err := module.CheckImportPath(root + "/" + filepath.ToSlash(filepath.Base(filepath.Dir(path)))); err != nil {
				return &cmdutil.UsageError{Msg: fmt.Sprintf("emit seams: %s: %v", filepath.Dir(path), unwrapImportErr(err))}
			}
		}
	}
	return writeFiles(files, force, "emit seams")
}

// writeFiles writes every file, or none: it refuses to replace one unless
// force is set, and every file goes to a temporary name first, so a
// failure leaves nothing behind and only the renames remain.
func writeFiles(files map[string][]byte, force bool, what string) error {
	if !force {
		for path := range files {
			if _, err := os.Stat(path); err == nil {
				return &cmdutil.UsageError{Msg: fmt.Sprintf("%s exists; pass --force to replace it", path)}
			} else if !errors.Is(err, fs.ErrNotExist) {
				return &cmdutil.UsageError{Msg: fmt.Sprintf("cannot write %s: %v", path, err)}
			}
		}
	}
	paths := make([]string, 0, len(files))
	for path := range files {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	var temps []string
	cleanup := func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}
	var made []string
	for _, path := range paths {
		d := filepath.Dir(path)
		if _, err := os.Stat(d); errors.Is(err, fs.ErrNotExist) {
			made = append(made, d)
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			cleanup()
			return fmt.Errorf("%s: %w", what, err)
		}
		tmp := path + ".tmp"
		temps = append(temps, tmp)
		if err := os.WriteFile(tmp, files[path], 0o644); err != nil {
			cleanup()
			for _, d := range made {
				os.Remove(d) // only if still empty
			}
			return fmt.Errorf("%s: %w", what, err)
		}
	}
	for _, path := range paths {
		if err := os.Rename(path+".tmp", path); err != nil {
			cleanup()
			return fmt.Errorf("%s: %w", what, err)
		}
	}
	return nil
}
