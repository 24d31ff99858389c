package dbaccess

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/jinzhu/inflection"

	"github.com/decomp/decomp/analysis/load"
)

// The ORMs derive a table name from a model's Go type name when the model
// says nothing else. The functions below reproduce each library's default
// naming byte for byte, so that the table an ORM call reaches is the same
// table a raw SQL statement elsewhere names:
//
//   - GORM (gorm.io/gorm and github.com/jinzhu/gorm): NamingStrategy{}:
//     golint's common initialisms are folded first ("APIKey" → "ApiKey"),
//     then snake case, then jinzhu/inflection's Plural: "UserProfile" →
//     "user_profiles", "APIKey" → "api_keys", "Person" → "people".
//   - xorm: names.SnakeMapper, singular, an underscore before every capital:
//     "UserProfile" → "user_profile", "APIKey" → "a_p_i_key".
//   - bun: internal.Underscore (capital runs stay together) then
//     inflection.Plural: "APIKey" → "api_keys".
//
// Naming options are configured in code, so they are read statically
// (ormNaming): GORM's schema.NamingStrategy{SingularTable, TablePrefix} and
// jinzhu/gorm's SingularTable(true), xorm's GonicMapper, wherever the module
// sets them, apply to every model of that ORM. A NameReplacer, a custom
// mapper or options computed at run time are not seen.

// gormInitialisms is golint's list as GORM copies it, in GORM's order: the
// replacer tries them in this order at each position ("HTTPS" becomes
// "Http"+"S").
var gormInitialisms = []string{"API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS", "ID", "IP", "JSON", "LHS", "QPS", "RAM", "RHS", "RPC", "SLA", "SMTP", "SSH", "TLS", "TTL", "UID", "UI", "UUID", "URI", "URL", "UTF8", "VM", "XML", "XSRF", "XSS"}

// gormInitialismsReplacer is read-only after package initialisation
// (strings.Replacer is safe for concurrent use).
var gormInitialismsReplacer = func() *strings.Replacer {
	pairs := make([]string, 0, 2*len(gormInitialisms))
	for _, s := range gormInitialisms {
		pairs = append(pairs, s, s[:1]+strings.ToLower(s[1:]))
	}
	return strings.NewReplacer(pairs...)
}()

// gormTableName is GORM's default table name for a model type name.
func gormTableName(typeName string) string {
	return plural(gormDBName(typeName))
}

// gormDBName is NamingStrategy.toDBName with no replacer and lower-casing on.
func gormDBName(name string) string {
	if name == "" {
		return ""
	}
	value := gormInitialismsReplacer.Replace(name)
	var buf strings.Builder
	isUpper := func(b byte) bool { return b >= 'A' && b <= 'Z' }
	var lastCase, nextCase, nextNumber bool
	curCase := isUpper(value[0])
	for i := 0; i < len(value)-1; i++ {
		v := value[i]
		nextCase = isUpper(value[i+1])
		nextNumber = value[i+1] >= '0' && value[i+1] <= '9'
		if curCase {
			if lastCase && (nextCase || nextNumber) {
				buf.WriteByte(v + 32)
			} else {
				if i > 0 && value[i-1] != '_' && value[i+1] != '_' {
					buf.WriteByte('_')
				}
				buf.WriteByte(v + 32)
			}
		} else {
			buf.WriteByte(v)
		}
		lastCase = curCase
		curCase = nextCase
	}
	last := value[len(value)-1]
	if curCase {
		if !lastCase && len(value) > 1 {
			buf.WriteByte('_')
		}
		buf.WriteByte(last + 32)
	} else {
		buf.WriteByte(last)
	}
	return buf.String()
}

// xormTableName is xorm's SnakeMapper.Obj2Table.
func xormTableName(typeName string) string {
	var b strings.Builder
	for i := 0; i < len(typeName); i++ {
		c := typeName[i]
		if c >= 'A' && c <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// dbxTableName is ozzo-dbx's GetTableName for a type without TableName:
// DefaultFieldMapFunc, an underscore before each upper-case letter that
// follows a character other than '_' or an upper-case letter, then lower
// case ("MyID" is my_id, "OrderItem" order_item).
func dbxTableName(typeName string) string {
	var b strings.Builder
	for i := 0; i < len(typeName); i++ {
		c := typeName[i]
		if c >= 'A' && c <= 'Z' && i > 0 {
			if p := typeName[i-1]; p != '_' && !(p >= 'A' && p <= 'Z') {
				b.WriteByte('_')
			}
		}
		b.WriteByte(c)
	}
	return strings.ToLower(b.String())
}

// bunTableName is bun's default: Plural(Underscore(name)).
func bunTableName(typeName string) string {
	return plural(bunUnderscore(typeName))
}

// bunUnderscore is bun's internal.Underscore.
func bunUnderscore(s string) string {
	isUpper := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	isLower := func(c byte) bool { return c >= 'a' && c <= 'z' }
	r := make([]byte, 0, len(s)+5)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isUpper(c) {
			if i > 0 && i+1 < len(s) && (isLower(s[i-1]) || isLower(s[i+1])) {
				r = append(r, '_', c+32)
			} else {
				r = append(r, c+32)
			}
		} else {
			r = append(r, c)
		}
	}
	return string(r)
}

// plural is jinzhu/inflection's Plural, the library GORM and bun call: the
// analysed code's own rules, not a copy of them.
func plural(s string) string { return inflection.Plural(s) }

// ormNaming is the module-wide ORM naming configuration found in the code.
type ormNaming struct {
	gormSingular bool
	gormPrefix   string
	xormGonic    bool
}

// gorm names a model's table under the configured strategy.
func (n *ormNaming) gorm(typeName string) string {
	name := gormDBName(typeName)
	if !n.gormSingular {
		name = plural(name)
	}
	return n.gormPrefix + name
}

// xorm names a model's table under the configured mapper: the Gonic mapper
// keeps initialisms whole (APIKey → api_key), as GORM does.
func (n *ormNaming) xorm(typeName string) string {
	if n.xormGonic {
		return gormDBName(typeName)
	}
	return xormTableName(typeName)
}

// scan records the naming options one file configures: a composite literal
// of GORM's schema.NamingStrategy, a call of jinzhu/gorm's SingularTable(true),
// a literal of xorm's GonicMapper.
func (n *ormNaming) scan(info *types.Info, f *ast.File) {
	ast.Inspect(f, func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.CompositeLit:
			tv, ok := info.Types[node]
			if !ok {
				return true
			}
			named := load.NamedOf(tv.Type)
			if named == nil || named.Obj().Pkg() == nil {
				return true
			}
			pkg, name := named.Obj().Pkg().Path(), named.Obj().Name()
			switch {
			case name == "NamingStrategy" && pkg == "gorm.io/gorm/schema":
				for _, elt := range node.Elts {
					kv, ok := elt.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					key, _ := kv.Key.(*ast.Ident)
					val := info.Types[kv.Value].Value
					if key == nil || val == nil {
						continue
					}
					switch {
					case key.Name == "SingularTable" && val.Kind() == constant.Bool:
						n.gormSingular = n.gormSingular || constant.BoolVal(val)
					case key.Name == "TablePrefix" && val.Kind() == constant.String:
						n.gormPrefix = constant.StringVal(val)
					}
				}
			case name == "GonicMapper" && (pkg == "xorm.io/xorm/names" || pkg == "xorm.io/core" || pkg == "github.com/go-xorm/core"):
				n.xormGonic = true
			}
		case *ast.CallExpr:
			sel, ok := node.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "SingularTable" || len(node.Args) != 1 {
				return true
			}
			if fn, ok := info.Uses[sel.Sel].(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == "github.com/jinzhu/gorm" {
				if v := info.Types[node.Args[0]].Value; v != nil && v.Kind() == constant.Bool && constant.BoolVal(v) {
					n.gormSingular = true
				}
			}
		}
		return true
	})
}
