// Package repox parses and formats repository names.
package repox

import (
	"fmt"
	"strings"
)

// Split parses "owner/name" into its parts.
func Split(full string) (owner, name string, err error) {
	owner, name, ok := strings.Cut(strings.Trim(full, "/"), "/")
	if !ok || owner == "" || name == "" || strings.Contains(name, "/") {
		return "", "", fmt.Errorf("invalid repository name %q", full)
	}
	return strings.ToLower(owner), strings.ToLower(name), nil
}

// FullName joins an owner and a repository name.
func FullName(owner, name string) string {
	return strings.ToLower(owner) + "/" + strings.ToLower(name)
}
