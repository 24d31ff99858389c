// Package ptrx has pointer helpers for optional fields.
package ptrx

// To returns a pointer to v.
func To[T any](v T) *T { return &v }

// Deref returns *p, or def when p is nil.
func Deref[T any](p *T, def T) T {
	if p == nil {
		return def
	}
	return *p
}

// NilIfZero returns nil for the zero value, else a pointer to v.
func NilIfZero[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}
