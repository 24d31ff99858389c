package cmdutil

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/decomp/decomp/analysis/factcache"
	"github.com/decomp/decomp/cluster"
	"github.com/decomp/decomp/config"
	"github.com/decomp/decomp/internal/pipeline"
)

// AddLoadFlags registers the flags of every command that loads a module:
// where, which build configuration, which config file.
func AddLoadFlags(cmd *cobra.Command, o *pipeline.Options) {
	f := cmd.Flags()
	f.BoolP("verbose", "v", false, "print the config file used and each stage's wall time and memory on stderr")
	f.StringVarP(&o.Dir, "dir", "C", "", "run as if decomp was started in `DIR` (the module to analyse)")
	f.StringSliceVar(&o.Tags, "tags", nil, "comma-separated build `tags`")
	f.BoolVar(&o.Tests, "tests", false, "include _test.go files and external test packages")
	f.StringVar(&o.ConfigPath, "config", "", "config `file` (default: the first decomp.yaml or .decomp.yaml in DIR or a parent, up to the module root)")
	f.BoolVar(&o.AllowDownload, "allow-download", false, "let the go command download modules missing from the module cache (default: GOPROXY=off, no network)")
	f.BoolVar(&o.NoCache, "no-cache", false, "neither read nor write the fact cache ($DECOMP_CACHE, default the user cache directory's decomp/)")
}

// AddPipelineFlags registers the flags shared by every command that runs
// the analysis pipeline, with their defaults.
func AddPipelineFlags(cmd *cobra.Command, o *pipeline.Options) {
	AddLoadFlags(cmd, o)
	d := pipeline.DefaultOptions()
	o.Granularity, o.CallGraph, o.Resolution, o.Seed, o.FolderPrior, o.ModelFields = d.Granularity, d.CallGraph, d.Resolution, d.Seed, d.FolderPrior, d.ModelFields
	f := cmd.Flags()
	f.BoolVar(&o.NoConfig, "no-config", false, "ignore any config file")
	f.BoolVar(&o.Propose, "propose", false, "ignore the contexts decomp.yaml declares and show decomp's own clustering (its pins, weights and ignores still apply)")
	f.StringVar((*string)(&o.Granularity), "granularity", string(o.Granularity), "unit of clustering: auto (package units in domain folders, type units in layers and mixed packages), package or type")
	f.StringVar((*string)(&o.CallGraph), "callgraph", string(o.CallGraph), "call-graph algorithm: syntax, static, cha, rta or vta")
	f.Float64Var(&o.Resolution, "resolution", o.Resolution, "clustering resolution γ in (0, 1000]: higher gives more, smaller contexts")
	f.Uint64Var(&o.Seed, "seed", o.Seed, "seed of the clustering's randomness (same seed, same result)")
	f.Float64Var(&o.FolderPrior, "folder-prior", o.FolderPrior, "domain-folder prior in [0, 100]: 0 clusters on coupling alone, above 0 each domain folder is one context")
	f.IntVar(&o.ModelFields, "model-fields", o.ModelFields, "fields (at least 1) from which a model shared by several contexts is oversized")
	f.BoolVar(&o.IncludeGenerated, "include-generated", false, "cluster code from generated files too (their calls are always kept)")
	// --tune is for judging the clustering's constants and rules
	// leave-one-repository-out (scripts/loo.sh), not for users.
	f.StringSlice("tune", nil, "override a clustering constant or rule: `NAME=VALUE` (see cluster.Tunables)")
	_ = f.MarkHidden("tune")
	_ = cmd.RegisterFlagCompletionFunc("granularity", cobra.FixedCompletions([]string{"auto", "package", "type"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("callgraph", cobra.FixedCompletions([]string{"syntax", "static", "cha", "rta", "vta"}, cobra.ShellCompDirectiveNoFileComp))
}

// PrepareOptions completes the options after flag parsing: patterns from
// the arguments, then the config file for whatever no flag set. Progress
// goes to stderr: each stage's time when stderr is a terminal, with memory
// and the config file used under -v, nothing otherwise.
func PrepareOptions(cmd *cobra.Command, ios *IOStreams, o *pipeline.Options, args []string) error {
	o.Patterns = args // none: ./..., or every workspace module at a go.work root
	if specs, err := cmd.Flags().GetStringSlice("tune"); err == nil && len(specs) > 0 {
		t, err := cluster.ParseTuning(specs)
		if err != nil {
			return &UsageError{Msg: err.Error()}
		}
		o.Tune = t
	}
	if !o.NoCache {
		c, err := factcache.Default()
		if err != nil {
			// The cache only saves time: without it the run is the same.
			fmt.Fprintf(ios.Err, "decomp: %v; running without the cache\n", err)
		}
		o.Cache = c
	}
	errw := ios.Err
	if v, _ := cmd.Flags().GetBool("verbose"); v {
		o.Progress = func(stage string, took time.Duration) {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			fmt.Fprintf(errw, "decomp: %s %.2fs, %d MB from the OS\n", stage, took.Seconds(), m.Sys>>20)
		}
		defer func() {
			cfg := o.ConfigPath
			if cfg == "" {
				cfg = "none"
			}
			fmt.Fprintf(errw, "decomp: config %s\n", cfg)
		}()
	} else if ios.ErrTTY {
		o.Progress = func(stage string, took time.Duration) {
			if !strings.Contains(stage, "/") { // the stages, not each extractor
				fmt.Fprintf(errw, "decomp: %s %.1fs\n", stage, took.Seconds())
			}
		}
	}
	dir := o.Dir
	if dir == "" {
		dir = "."
	}
	if o.NoConfig {
		if o.ConfigPath != "" {
			return &UsageError{Msg: "--config and --no-config contradict each other"}
		}
		return nil
	}
	if o.ConfigPath != "" {
		o.ConfigPath = InDir(o.Dir, o.ConfigPath)
	}
	o.ConfigPath = pipeline.FindConfig(dir, o.ConfigPath, func(p string) bool {
		_, err := os.Stat(p)
		return err == nil
	})
	if o.ConfigPath == "" {
		return nil
	}
	c, err := config.Load(o.ConfigPath)
	if err != nil {
		return &UsageError{Msg: err.Error()}
	}
	o.ApplyConfig(c, cmd.Flags().Changed)
	return nil
}

// Output is where a report goes: standard output, or a file. A regular file
// (or a missing one) is written atomically, so a failed run leaves it as it
// was; a device, a pipe or a link to one is written in place.
type Output struct {
	w     io.Writer
	tmp   *os.File // the temporary file renamed onto path by Commit
	f     *os.File // a file written in place
	path  string
	mode  fs.FileMode
	temps *TempFiles
}

// OpenOutput prepares the writer for -o (stdout for "" or "-"). It checks
// the target now, so an unwritable path fails before the analysis runs.
// Onto a regular file or a missing path it writes a temporary file beside
// it, which Commit renames into place with the old file's permissions and
// Abort removes; a symbolic link is followed and kept. Onto anything else
// but a directory (/dev/null, /dev/stdout, a FIFO) it writes in place.
func OpenOutput(ios *IOStreams, path string) (*Output, error) {
	if path == "" || path == "-" {
		return &Output{w: ios.Out}, nil
	}
	target := path
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		real, err := filepath.EvalSymlinks(path)
		if err != nil {
			// A dangling link, or one of /proc's (/dev/stdout): the
			// kernel knows where it leads, so write through it.
			return openInPlace(path)
		}
		target = real
	}
	mode := fs.FileMode(0o644)
	switch fi, err := os.Stat(target); {
	case err == nil && fi.IsDir():
		return nil, &UsageError{Msg: fmt.Sprintf("output %s is a directory", path)}
	case err == nil && !fi.Mode().IsRegular():
		return openInPlace(target)
	case err == nil:
		mode = fi.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return nil, &UsageError{Msg: fmt.Sprintf("cannot write output %s: %v", path, unwrapPath(err))}
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		// The temporary name means nothing to the user.
		return nil, &UsageError{Msg: fmt.Sprintf("cannot write output %s: %v", path, unwrapPath(err))}
	}
	ios.Temps.add(tmp.Name())
	return &Output{w: tmp, tmp: tmp, path: target, mode: mode, temps: ios.Temps}, nil
}

func openInPlace(path string) (*Output, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, &UsageError{Msg: fmt.Sprintf("cannot write output %s: %v", path, unwrapPath(err))}
	}
	return &Output{w: f, f: f, path: path}, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Writer is where to write the report.
func (o *Output) Writer() io.Writer { return o.w }

// Commit puts the written file in place.
func (o *Output) Commit() error {
	if o.f != nil {
		if err := o.f.Close(); err != nil {
			return fmt.Errorf("write output %s: %w", o.path, err)
		}
		return nil
	}
	if o.tmp == nil {
		return nil
	}
	name := o.tmp.Name()
	defer o.temps.remove(name)
	err := o.tmp.Close()
	if err == nil {
		err = os.Chmod(name, o.mode)
	}
	if err == nil {
		err = os.Rename(name, o.path)
	}
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("write output %s: %w", o.path, err)
	}
	return nil
}

// Abort drops what was written; an existing regular file keeps its
// content (what went to a device or a pipe is gone already).
func (o *Output) Abort() {
	if o.f != nil {
		o.f.Close()
	}
	if o.tmp != nil {
		name := o.tmp.Name()
		o.tmp.Close()
		os.Remove(name)
		o.temps.remove(name)
	}
}

// InDir resolves a relative path given on the command line against -C DIR,
// as `go -C` does: decomp runs as if started there.
func InDir(dir, path string) string {
	if dir == "" || path == "" || path == "-" || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
}
