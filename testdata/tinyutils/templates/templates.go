// Package templates renders the forge's page shell.
package templates

import (
	"html/template"
	"io"
)

var page = template.Must(template.New("page").Parse(
	`<!doctype html><title>{{.Title}} - {{.App}}</title>{{range .Assets}}<link rel="preload" href="/assets/{{.}}">{{end}}<main>{{.Body}}</main>`))

// Data is what a page shows.
type Data struct {
	App, Title string
	Assets     []string
	Body       template.HTML
}

// Render writes the page named by d.Title.
func Render(w io.Writer, d Data) error { return page.Execute(w, d) }
