package output

import "testing"

func TestRelativeURI(t *testing.T) {
	for in, want := range map[string]string{
		"internal/billing/invoice.go": "internal/billing/invoice.go",
		"internal/my seams/a#b?.go":   "internal/my%20seams/a%23b%3F.go",
		"ärzte/100%.go":               "%C3%A4rzte/100%25.go",
		"c:odd/x.go":                  "./c:odd/x.go",
		"sub/path with space/file.go": "sub/path%20with%20space/file.go",
	} {
		if got := relativeURI(in); got != want {
			t.Errorf("relativeURI(%q) = %q, want %q", in, got, want)
		}
	}
}
