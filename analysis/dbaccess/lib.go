package dbaccess

import (
	"go/types"
	"strings"

	"github.com/decomp/decomp/analysis/load"
)

// lib is a database library recognised by import path.
type lib int

const (
	libNone lib = iota
	libSQL
	libSQLX
	libPGX
	libScanySQL
	libScanyPGX
	libGORM
	libXORM
	libXORMBuilder
	libDBX
	libBun
	libSquirrel
	libMongo
)

// via is the facts.Access.Via name of a library.
func (l lib) via() string {
	switch l {
	case libSQL, libScanySQL:
		return "sql"
	case libSQLX:
		return "sqlx"
	case libPGX, libScanyPGX:
		return "pgx"
	case libGORM:
		return "gorm"
	case libXORM, libXORMBuilder:
		return "xorm"
	case libDBX:
		return "dbx"
	case libBun:
		return "bun"
	case libSquirrel:
		return "squirrel"
	case libMongo:
		return "mongo"
	}
	return ""
}

// sqlFamily reports whether the library runs SQL text handed to it.
func (l lib) sqlFamily() bool {
	switch l {
	case libSQL, libSQLX, libPGX, libScanySQL, libScanyPGX:
		return true
	}
	return false
}

// hasPathPrefix reports whether path is prefix or a package below it.
func hasPathPrefix(path, prefix string) bool {
	return path == prefix || strings.HasPrefix(path, prefix+"/")
}

// classify maps an import path to the library it belongs to. Major-version
// suffixes are accepted wherever the library has published them.
func classify(path string) lib {
	switch {
	case path == "database/sql":
		return libSQL
	case hasPathPrefix(path, "github.com/jmoiron/sqlx"):
		return libSQLX
	case hasPathPrefix(path, "github.com/jackc/pgx"), hasPathPrefix(path, "github.com/jackc/pgconn"):
		return libPGX
	case strings.HasPrefix(path, "github.com/georgysavva/scany") && strings.HasSuffix(path, "/pgxscan"):
		return libScanyPGX
	case strings.HasPrefix(path, "github.com/georgysavva/scany") && strings.HasSuffix(path, "/sqlscan"):
		return libScanySQL
	case hasPathPrefix(path, "gorm.io/gorm"), hasPathPrefix(path, "github.com/jinzhu/gorm"):
		return libGORM
	case hasPathPrefix(path, "xorm.io/xorm"), hasPathPrefix(path, "github.com/go-xorm/xorm"):
		return libXORM
	case path == "xorm.io/builder":
		return libXORMBuilder
	case path == "github.com/go-ozzo/ozzo-dbx", path == "github.com/pocketbase/dbx":
		return libDBX
	case hasPathPrefix(path, "github.com/uptrace/bun"):
		return libBun
	case hasPathPrefix(path, "github.com/Masterminds/squirrel"):
		return libSquirrel
	case path == "go.mongodb.org/mongo-driver/mongo", path == "go.mongodb.org/mongo-driver/v2/mongo":
		return libMongo
	}
	return libNone
}

// typeLib classifies the package of a (possibly pointer) named type.
func typeLib(t types.Type) lib {
	if n := load.NamedOf(t); n != nil && n.Obj().Pkg() != nil {
		return classify(n.Obj().Pkg().Path())
	}
	return libNone
}

// isNamed reports whether t (or *t) is the named type pkg.name; major
// versions of pkg ("/v2") match too.
func isNamed(t types.Type, name string, pkgs ...string) bool {
	n := load.NamedOf(t)
	if n == nil || n.Obj().Name() != name || n.Obj().Pkg() == nil {
		return false
	}
	p := n.Obj().Pkg().Path()
	for _, want := range pkgs {
		if p == want || (strings.HasPrefix(p, want+"/v") && !strings.Contains(p[len(want)+2:], "/")) {
			return true
		}
	}
	return false
}

// sqlMethods are the names of functions and methods whose SQL text is the
// last non-variadic string parameter (database/sql, sqlx, pgx, scany, bun's
// DB, and module interfaces such as sqlc's DBTX that mirror them).
var sqlMethods = map[string]bool{
	"Query": true, "QueryContext": true, "QueryRow": true, "QueryRowContext": true,
	"Exec": true, "ExecContext": true, "Prepare": true, "PrepareContext": true,
	// sqlx
	"Get": true, "GetContext": true, "Select": true, "SelectContext": true,
	"NamedExec": true, "NamedExecContext": true, "NamedQuery": true, "NamedQueryContext": true,
	"Queryx": true, "QueryxContext": true, "QueryRowx": true, "QueryRowxContext": true,
	"MustExec": true, "MustExecContext": true, "Preparex": true, "PreparexContext": true,
	"PrepareNamed": true, "PrepareNamedContext": true, "MustPrepare": true,
	// pgx
	"Queue": true, "QueryFunc": true,
	// bun
	"NewRaw": true,
}

// driverDialect names the SQL dialect a driver package implies, if any.
func driverDialect(path string) string {
	switch {
	case hasPathPrefix(path, "github.com/lib/pq"),
		hasPathPrefix(path, "github.com/jackc/pgx"),
		hasPathPrefix(path, "github.com/jackc/pgconn"),
		hasPathPrefix(path, "gorm.io/driver/postgres"),
		hasPathPrefix(path, "github.com/uptrace/bun/dialect/pgdialect"),
		hasPathPrefix(path, "github.com/uptrace/bun/driver/pgdriver"):
		return "postgres"
	case hasPathPrefix(path, "github.com/go-sql-driver/mysql"),
		hasPathPrefix(path, "gorm.io/driver/mysql"),
		hasPathPrefix(path, "github.com/uptrace/bun/dialect/mysqldialect"):
		return "mysql"
	}
	return ""
}

// Library names the database library an import path belongs to ("sql",
// "gorm", "xorm", …; "" for none), for the stages that must recognise a
// database handle in a signature.
func Library(path string) string { return classify(path).via() }
