// Package public lists the static assets served under /assets/.
package public

import "sort"

var assets = map[string]string{
	"css/forge.css": "text/css",
	"js/forge.js":   "text/javascript",
	"img/logo.svg":  "image/svg+xml",
}

// AssetNames returns the asset paths in a stable order.
func AssetNames() []string {
	names := make([]string, 0, len(assets))
	for n := range assets {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// ContentType returns the MIME type of an asset.
func ContentType(name string) string { return assets[name] }
