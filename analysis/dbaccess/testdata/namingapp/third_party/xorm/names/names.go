// Package names is a stand-in for xorm.io/xorm/names.
package names

// Mapper maps Go names to table names.
type Mapper interface{ Obj2Table(string) string }

// GonicMapper lower-cases initialisms as a whole: APIKey -> api_key.
type GonicMapper map[string]bool

// Obj2Table maps a name.
func (GonicMapper) Obj2Table(s string) string { return s }
