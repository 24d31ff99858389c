// Package output renders a check report: text for people, GitHub workflow
// annotations, SARIF 2.1.0 for code scanning, and JSON.
package output

import (
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/check"
	"github.com/decomp/decomp/report/render"
)

// Formats are the accepted --format values.
var Formats = []string{"text", "github", "sarif", "json"}

// Options tune every format.
type Options struct {
	// PathPrefix is prepended to module-relative file paths, for a module
	// that is not at the repository root (as golangci-lint's --path-prefix).
	PathPrefix string
	// Version is decomp's version, recorded by SARIF and JSON.
	Version string
}

// Write renders r in format.
func Write(w io.Writer, format string, r *check.Report, opt Options) error {
	switch format {
	case "text":
		sw := render.NewSafeWriter(w)
		if err := Text(sw, r, opt); err != nil {
			return err
		}
		return sw.Flush()
	case "github":
		return GitHub(w, r, opt)
	case "sarif":
		return SARIF(w, r, opt)
	case "json":
		return JSON(w, r, opt)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// Describe says what a violation is, in one line without its position.
func Describe(module string, v check.Violation) string {
	from, to := check.Short(module, v.From), check.Short(module, v.To)
	n := ""
	if v.Count > 1 {
		n = fmt.Sprintf(" (%d×)", v.Count)
	}
	switch v.Kind {
	case check.Call:
		return fmt.Sprintf("%s calls %s across %s → %s%s", from, to, v.FromContext, v.ToContext, n)
	case check.TypeUse:
		return fmt.Sprintf("%s uses %s across %s → %s%s", from, to, v.FromContext, v.ToContext, n)
	case check.Read, check.Write:
		verb := "reads"
		if v.Kind == check.Write {
			verb = "writes"
		}
		return fmt.Sprintf("%s %s table %s, owned by %s (from %s)%s", from, verb, v.To, v.ToContext, v.FromContext, n)
	case check.Unassigned:
		return fmt.Sprintf("code of package %s is in no context; add its file, or the package, to one in the config", from)
	}
	return from + " → " + to
}

// Hint says what the allowed way is.
func Hint(r *check.Report, v check.Violation) string {
	switch v.Kind {
	case check.Unassigned:
		return "declare it under a context's packages (or the platform), so new code cannot slip past the gate"
	case check.Read, check.Write:
		return fmt.Sprintf("%s owns %s: go through %s's API, or allow %s → %s (%s)", v.ToContext, v.To, v.ToContext, v.FromContext, v.ToContext, v.Kind)
	}
	may := r.MayUse[v.FromContext]
	return fmt.Sprintf("%s may use %s; to accept, allow %s → %s (%s) in the config or record it with --write-baseline", v.FromContext, strings.Join(may, ", "), v.FromContext, v.ToContext, v.Kind)
}

// Text writes the report for a terminal: new violations grouped by context
// pair, each with its positions, then what was fixed, then a summary.
func Text(w io.Writer, r *check.Report, opt Options) error {
	p := &printer{w: w}
	type pair struct{ from, to string }
	var order []pair
	groups := map[pair][]check.Violation{}
	for _, v := range r.New {
		k := pair{v.FromContext, v.ToContext}
		if v.Kind == check.Unassigned {
			k = pair{"unassigned", ""}
		}
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], v)
	}
	for _, k := range order {
		vs := groups[k]
		if k.to == "" {
			p.printf("unassigned code (%d new)\n", len(vs))
		} else {
			p.printf("%s → %s (%d new)\n", k.from, k.to, len(vs))
		}
		for _, v := range vs {
			site := ""
			if len(v.Sites) > 0 {
				site = prefixed(opt.PathPrefix, v.Sites[0]) + ": "
			}
			p.printf("  %s%s: %s\n", site, v.Kind, Describe(r.Module, v))
			for _, s := range v.Sites[min(1, len(v.Sites)):min(len(v.Sites), 5)] {
				p.printf("      also %s\n", prefixed(opt.PathPrefix, s))
			}
			if len(v.Sites) > 5 {
				p.printf("      and %d more\n", len(v.Sites)-5)
			}
		}
		p.printf("  hint: %s\n\n", Hint(r, vs[0]))
	}
	if len(r.Fixed) > 0 {
		p.printf("fixed since the baseline (%d); run --write-baseline to drop them:\n", len(r.Fixed))
		for _, e := range r.Fixed {
			what := check.Short(r.Module, e.From)
			if e.To != "" {
				what += " → " + check.Short(r.Module, e.To)
			}
			p.printf("  %s: %s (%d)\n", e.Kind, what, e.Count)
		}
		p.printf("\n")
	}
	verdict := "ok"
	if r.Blocked() {
		verdict = "FAIL"
	}
	p.printf("decomp check: %s: %d new, %d accepted by %s, %d fixed (%s in all)\n",
		verdict, len(r.New), r.Accepted, r.Baseline, len(r.Fixed), Plural(r.Total, "violation"))
	return p.err
}

// Plural writes a count with its noun.
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func prefixed(prefix, pos string) string {
	if prefix == "" {
		return pos
	}
	return path.Join(prefix, pos)
}

// GitHub writes one workflow-command annotation per new violation, which
// GitHub Actions shows on the pull request's diff at file:line.
func GitHub(w io.Writer, r *check.Report, opt Options) error {
	p := &printer{w: w}
	for _, v := range r.New {
		props := "title=" + ghProp("decomp check: "+string(v.Kind))
		if len(v.Sites) > 0 {
			file, line := facts.SplitPos(prefixed(opt.PathPrefix, v.Sites[0]))
			props = fmt.Sprintf("file=%s,line=%d,%s", ghProp(file), line, props)
		}
		p.printf("::error %s::%s\n", props, ghData(Describe(r.Module, v)+". "+Hint(r, v)))
	}
	for _, e := range r.Fixed {
		p.printf("::notice title=%s::%s\n", ghProp("decomp check: fixed"), ghData(fmt.Sprintf("%s %s → %s no longer occurs; run decomp check --write-baseline", e.Kind, check.Short(r.Module, e.From), check.Short(r.Module, e.To))))
	}
	return p.err
}

// ghData escapes a workflow command's message; control characters from
// the code are shown escaped, never passed to the log raw.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(render.Escape(s))
}

// ghProp escapes a workflow command's property value.
func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(render.Escape(s))
}

// JSONVersion is the check report's format version.
const JSONVersion = 1

// JSON writes the report as versioned JSON.
func JSON(w io.Writer, r *check.Report, opt Options) error {
	type out struct {
		Version int    `json:"version"`
		Tool    string `json:"tool"`
		Blocked bool   `json:"blocked"`
		*check.Report
	}
	rep := *r
	if rep.New == nil {
		rep.New = []check.Violation{}
	}
	if rep.Fixed == nil {
		rep.Fixed = []check.Entry{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out{JSONVersion, "decomp " + opt.Version, r.Blocked(), &rep})
}
