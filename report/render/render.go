// Package render prints a report.Report in the formats decomp offers. Each
// renderer is a pure function of the report, so output is byte-identical for
// the same report.
package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/decomp/decomp/report"
)

// Format names an output format.
type Format string

// Formats.
const (
	Text     Format = "text"
	JSON     Format = "json"
	Markdown Format = "md"
	DOT      Format = "dot"
	HTML     Format = "html"
)

// Formats lists the supported formats, for flag help and completion.
var Formats = []Format{Text, JSON, Markdown, DOT, HTML}

// ParseFormat validates a flag value.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q (want text, json, md, dot or html)", s)
}

// Options are the settings of the renderers that have any.
type Options struct {
	// Level is the granularity of dot.
	Level Level
	// All lists everything in the text report.
	All bool
	// MinWeight and Top keep the dot edges of at least that weight, at most
	// Top of them (0: no limit), strongest first.
	MinWeight, Top int
	// EdgeKinds draws one dot edge per kind, labelled, instead of one per pair.
	EdgeKinds bool
	// Summary makes the Markdown report fit a pull-request comment.
	Summary bool
}

// Write renders r in format f.
func Write(w io.Writer, f Format, r *report.Report, o Options) error {
	switch f {
	case JSON:
		return WriteJSON(w, r)
	case Markdown:
		return WriteMarkdown(w, r, o.Summary)
	case DOT:
		return WriteDOT(w, r, o)
	case HTML:
		return WriteHTML(w, r)
	default:
		return WriteTextAll(w, r, o.All)
	}
}

// WriteJSON writes the report as indented JSON. encoding/json sorts map
// keys, so the output is deterministic.
func WriteJSON(w io.Writer, r *report.Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// moduleList writes a context's modules, "name (N units)" each and the
// reason of those that joined it, with esc applied to code-derived text.
func moduleList(mods []report.Module, esc func(string) string) string {
	parts := make([]string, len(mods))
	for i, md := range mods {
		n := count(len(md.Units), "unit")
		if md.Why != "" {
			n += ": " + esc(md.Why)
		}
		parts[i] = fmt.Sprintf("%s (%s)", esc(md.Name), n)
	}
	return strings.Join(parts, ", ")
}
