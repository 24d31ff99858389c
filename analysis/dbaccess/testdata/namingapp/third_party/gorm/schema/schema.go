// Package schema is a stand-in for gorm.io/gorm/schema.
package schema

// Namer names tables and columns.
type Namer interface{ TableName(string) string }

// NamingStrategy is GORM's default Namer with its options.
type NamingStrategy struct {
	TablePrefix   string
	SingularTable bool
}

// TableName names a table.
func (ns NamingStrategy) TableName(s string) string { return s }
