package output_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/decomp/decomp/check"
	"github.com/decomp/decomp/check/output"
)

func report() *check.Report {
	const m = "example.com/shop"
	v := func(kind check.Kind, from, to, fc, tc, site string) check.Violation {
		return check.Violation{Key: check.Key{Kind: kind, From: m + "/" + from, To: to}, FromContext: fc, ToContext: tc, Count: 1, Sites: []string{site}}
	}
	return &check.Report{
		Module: m, Config: "decomp.yaml", Baseline: "decomp-baseline.json", Total: 6,
		Outcome: check.Outcome{
			New: []check.Violation{
				v(check.Call, "orders.Place", m+"/users.Get", "orders", "users", "orders/place.go:12"),
				v(check.TypeUse, "orders.Place", m+"/users.User", "orders", "users", "orders/place.go:13"),
				v(check.Read, "orders.Place", "users", "orders", "users", "orders/place.go:14"),
				v(check.Write, "orders.Place", "users\x1b[31m", "orders", "users", "orders/place.go:15"),
				{Key: check.Key{Kind: check.Unassigned, From: m + "/shipping"}, Count: 1, Sites: []string{"shipping/ship.go:3"}},
			},
			Accepted: 1,
			Fixed:    []check.Entry{{Key: check.Key{Kind: check.Call, From: m + "/orders.Old", To: m + "/users.Get"}, FromContext: "orders", ToContext: "users", Count: 1}},
		},
		MayUse: map[string][]string{"orders": {"platform"}},
	}
}

func TestSARIFValidates(t *testing.T) {
	c := jsonschema.NewCompiler()
	sch, err := c.Compile("testdata/sarif-2.1.0-rtm.5.json")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := output.Write(&b, "sarif", report(), output.Options{Version: "test", PathPrefix: "svc/shop"}); err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("SARIF output does not validate: %v\n%s", err, b.String())
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct{ Rules []struct{ ID string } }
			}
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine int }
					}
				}
				PartialFingerprints map[string]string
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	res := log.Runs[0].Results
	if len(res) != 5 || len(log.Runs[0].Tool.Driver.Rules) != 5 {
		t.Fatalf("%d results, %d rules; want 5 and 5", len(res), len(log.Runs[0].Tool.Driver.Rules))
	}
	loc := res[0].Locations[0].PhysicalLocation
	if res[0].RuleID != "decomp/cross-context-call" || loc.ArtifactLocation.URI != "svc/shop/orders/place.go" || loc.Region.StartLine != 12 {
		t.Errorf("first result: %+v", res[0])
	}
	if res[0].PartialFingerprints["decompViolation/v1"] == res[1].PartialFingerprints["decompViolation/v1"] {
		t.Error("two violations share a fingerprint")
	}
}

func TestFormats(t *testing.T) {
	tests := []struct {
		format string
		want   []string
	}{
		{"text", []string{
			"orders → users (4 new)\n  orders/place.go:12: call: orders.Place calls users.Get across orders → users\n",
			`writes table users\x1b[31m, owned by users`,
			"unassigned code (1 new)\n  shipping/ship.go:3: unassigned: code of package shipping is in no context",
			"fixed since the baseline (1)",
			"decomp check: FAIL: 5 new, 1 accepted by decomp-baseline.json, 1 fixed (6 violations in all)\n",
		}},
		{"github", []string{
			"::error file=orders/place.go,line=12,title=decomp check%3A call::orders.Place calls users.Get across orders → users. orders may use platform",
			"::notice title=decomp check%3A fixed::call orders.Old → users.Get no longer occurs",
		}},
		{"json", []string{`"version": 1`, `"blocked": true`, `"kind": "unassigned"`, `"fixed": [`}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var b bytes.Buffer
			if err := output.Write(&b, tt.format, report(), output.Options{Version: "test"}); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, b.String())
				}
			}
			if strings.ContainsRune(b.String(), '\x1b') {
				t.Error("a control character reached the output raw")
			}
		})
	}
}
