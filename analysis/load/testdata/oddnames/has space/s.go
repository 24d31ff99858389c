// Package sp sits in a folder whose name has a space.
package sp
