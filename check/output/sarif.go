package output

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/decomp/decomp/analysis/facts"
	"github.com/decomp/decomp/check"
)

// The SARIF objects decomp writes; field names follow SARIF 2.1.0.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool    sarifTool     `json:"tool"`
		Results []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID               string       `json:"id"`
		Name             string       `json:"name"`
		ShortDescription sarifMessage `json:"shortDescription"`
		FullDescription  sarifMessage `json:"fullDescription"`
		Help             sarifMessage `json:"help"`
		DefaultConfig    struct {
			Level string `json:"level"`
		} `json:"defaultConfiguration"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifMessage      `json:"message"`
		Locations           []sarifLocation   `json:"locations,omitempty"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
	}
	sarifLocation struct {
		Physical struct {
			Artifact struct {
				URI       string `json:"uri"`
				URIBaseID string `json:"uriBaseId"`
			} `json:"artifactLocation"`
			Region *struct {
				StartLine int `json:"startLine"`
			} `json:"region,omitempty"`
		} `json:"physicalLocation"`
	}
)

// rules are the SARIF rules, one per violation kind.
var rules = []struct {
	kind       check.Kind
	id, name   string
	short, msg string
}{
	{check.Call, "decomp/cross-context-call", "CrossContextCall", "Call across a context boundary",
		"A function calls into another bounded context that its context is not allowed to depend on."},
	{check.TypeUse, "decomp/cross-context-type", "CrossContextTypeUse", "Type use across a context boundary",
		"A function or type refers to a type, field, constant or variable of another bounded context that its context is not allowed to depend on."},
	{check.Read, "decomp/foreign-table-read", "ForeignTableRead", "Read of a table another context owns",
		"Code reads a table or collection owned by another bounded context; each service owns its data."},
	{check.Write, "decomp/foreign-table-write", "ForeignTableWrite", "Write of a table another context owns",
		"Code writes a table or collection owned by another bounded context; each service owns its data."},
	{check.Unassigned, "decomp/unassigned-package", "UnassignedPackage", "Package in no declared context",
		"A package holds code that no context or platform pattern of the config claims, so the gate cannot judge its dependencies."},
}

// SARIF writes the new violations as a SARIF 2.1.0 log for code scanning.
// Each result carries a fingerprint of its baseline key, so code scanning
// tracks it across edits as the baseline does.
func SARIF(w io.Writer, r *check.Report, opt Options) error {
	d := sarifDriver{Name: "decomp", Version: opt.Version, InformationURI: "https://github.com/decomp/decomp"}
	index := map[check.Kind]int{}
	for i, x := range rules {
		rule := sarifRule{ID: x.id, Name: x.name, ShortDescription: sarifMessage{x.short}, FullDescription: sarifMessage{x.msg},
			Help: sarifMessage{x.msg + " Declare the dependency under allow in decomp.yaml if it is accepted, or record it in the baseline with decomp check --write-baseline."}}
		rule.DefaultConfig.Level = "error"
		d.Rules = append(d.Rules, rule)
		index[x.kind] = i
	}
	results := []sarifResult{}
	for _, v := range r.New {
		res := sarifResult{
			RuleID: rules[index[v.Kind]].id, RuleIndex: index[v.Kind], Level: "error",
			Message:             sarifMessage{Describe(r.Module, v) + ". " + Hint(r, v)},
			PartialFingerprints: map[string]string{"decompViolation/v1": fingerprint(v.Key)},
		}
		for _, s := range v.Sites[:min(len(v.Sites), 1)] {
			var loc sarifLocation
			file, line := facts.SplitPos(prefixed(opt.PathPrefix, s))
			loc.Physical.Artifact.URI = relativeURI(file)
			loc.Physical.Artifact.URIBaseID = "%SRCROOT%"
			if line > 0 {
				loc.Physical.Region = &struct {
					StartLine int `json:"startLine"`
				}{line}
			}
			res.Locations = append(res.Locations, loc)
		}
		results = append(results, res)
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{Driver: d}, Results: results}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

func fingerprint(k check.Key) string {
	sum := sha256.Sum256([]byte(string(k.Kind) + "\x00" + k.From + "\x00" + k.To))
	return hex.EncodeToString(sum[:16])
}

// relativeURI turns a slash-separated relative path into a relative URI
// reference: each segment percent-encoded (a space, %, #, ? or non-ASCII
// letter in a file name), the slashes kept (SARIF §3.10: artifact
// locations are URIs).
func relativeURI(path string) string {
	segs := strings.Split(filepath.ToSlash(path), "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	u := strings.Join(segs, "/")
	// A first segment with a colon would read as a scheme.
	if first, _, _ := strings.Cut(u, "/"); strings.Contains(first, ":") {
		u = "./" + u
	}
	return u
}
