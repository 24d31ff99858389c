// Package render prints a report.Report in the formats decomp offers. Each
// renderer is a pure function of the report, so output is byte-identical for
// the same report.
package render

import (
	"encoding/json"
	"fmt"
	"io"

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

// Write renders r in format f; level applies to dot.
func Write(w io.Writer, f Format, r *report.Report, level Level) error {
	return WriteAll(w, f, r, level, false)
}

// WriteAll is Write with the text format listing everything (--all).
func WriteAll(w io.Writer, f Format, r *report.Report, level Level, all bool) error {
	switch f {
	case JSON:
		return WriteJSON(w, r)
	case Markdown:
		return WriteMarkdown(w, r)
	case DOT:
		return WriteDOT(w, r, level)
	case HTML:
		return WriteHTML(w, r)
	default:
		return WriteTextAll(w, r, all)
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
