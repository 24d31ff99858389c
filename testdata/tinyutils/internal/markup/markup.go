// Package markup renders user-written text to safe HTML.
package markup

import (
	"html"
	"regexp"
	"strings"
)

var issueRef = regexp.MustCompile(`#(\d+)\b`)

// Render escapes text, links #N issue references and wraps paragraphs.
func Render(text, repoURL string) string {
	var b strings.Builder
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		p := html.EscapeString(strings.TrimSpace(para))
		p = issueRef.ReplaceAllString(p, `<a href="`+repoURL+`/issues/$1">#$1</a>`)
		b.WriteString("<p>" + strings.ReplaceAll(p, "\n", "<br>") + "</p>\n")
	}
	return b.String()
}
