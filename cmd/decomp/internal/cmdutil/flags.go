package cmdutil

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/decomp/decomp/analysis/calls"
	"github.com/decomp/decomp/analysis/load"
	"github.com/decomp/decomp/cluster"
	"github.com/decomp/decomp/config"
	"github.com/decomp/decomp/internal/pipeline"
)

// AddPipelineFlags registers the flags shared by every command that runs
// the analysis pipeline, with their defaults.
func AddPipelineFlags(cmd *cobra.Command, o *pipeline.Options) {
	o.Granularity = "auto"
	o.CallGraph = calls.VTA
	o.Resolution = 1
	o.Seed = pipeline.DefaultSeed
	o.FolderPrior = cluster.DefaultFolderPrior
	o.ModelFields = pipeline.DefaultModelFields
	f := cmd.Flags()
	f.StringVarP(&o.Dir, "dir", "C", "", "run as if decomp was started in `DIR` (the module to analyse)")
	f.StringSliceVar(&o.Tags, "tags", nil, "comma-separated build `tags`")
	f.BoolVar(&o.Tests, "tests", false, "include _test.go files and external test packages")
	f.StringVar(&o.ConfigPath, "config", "", "config `file` (default: decomp.yaml in DIR when present)")
	f.StringVar((*string)(&o.Granularity), "granularity", string(o.Granularity), "unit of clustering: auto (package units in domain folders, type units in layers and mixed packages), package or type")
	f.StringVar((*string)(&o.CallGraph), "callgraph", string(o.CallGraph), "call-graph algorithm: static, cha, rta or vta")
	f.Float64Var(&o.Resolution, "resolution", o.Resolution, "clustering resolution γ: higher gives more, smaller contexts")
	f.Uint64Var(&o.Seed, "seed", o.Seed, "seed of the clustering's randomness (same seed, same result)")
	f.Float64Var(&o.FolderPrior, "folder-prior", o.FolderPrior, "strength of the domain-folder prior (0 turns it off)")
	f.IntVar(&o.ModelFields, "model-fields", o.ModelFields, "fields from which a model shared by several contexts is oversized")
	f.BoolVar(&o.IncludeGenerated, "include-generated", false, "cluster code from generated files too (their calls are always kept)")
	_ = cmd.RegisterFlagCompletionFunc("granularity", cobra.FixedCompletions([]string{"auto", "package", "type"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("callgraph", cobra.FixedCompletions([]string{"static", "cha", "rta", "vta"}, cobra.ShellCompDirectiveNoFileComp))
}

// PrepareOptions completes the options after flag parsing: patterns from
// the arguments, then the config file for whatever no flag set.
func PrepareOptions(cmd *cobra.Command, o *pipeline.Options, args []string) error {
	o.Patterns = args // none: ./..., or every workspace module at a go.work root
	dir := o.Dir
	if dir == "" {
		dir = "."
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
		return &load.InputError{Msg: err.Error()}
	}
	o.ApplyConfig(c, cmd.Flags().Changed)
	return nil
}

// OpenOutput returns the writer for -o (stdout for "" or "-") and a
// function that closes it, reporting write errors.
func OpenOutput(ios *IOStreams, path string) (w io.Writer, done func() error, err error) {
	if path == "" || path == "-" {
		return ios.Out, func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, &load.InputError{Msg: fmt.Sprintf("create output: %v", err)}
	}
	return f, f.Close, nil
}

// InDir resolves a relative path given on the command line against -C DIR,
// as `go -C` does: decomp runs as if started there.
func InDir(dir, path string) string {
	if dir == "" || path == "" || path == "-" || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
}
