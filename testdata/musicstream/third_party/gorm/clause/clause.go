// Package clause is a stand-in for gorm.io/gorm/clause: only the expression
// type the fixture builds through gorm.Expr.
package clause

// Expr is a raw SQL expression with bind variables.
type Expr struct {
	SQL                string
	Vars               []interface{}
	WithoutParentheses bool
}
