//go:build sqlparsers

package sqlparse

import (
	"strconv"
	"strings"
)

// rewriteForPostgres turns the placeholders PostgreSQL's grammar does not
// know into $n parameters: "?" (unless the text already uses $n, in which
// case a "?" is the jsonb key-exists operator), ":name" and "@name".
// Strings, comments and quoted names are left alone because the lexer
// tokenised them first.
func rewriteForPostgres(sql string, toks []token) string {
	maxDollar := 0
	needs := false
	for _, t := range toks {
		if t.kind != tkParam {
			continue
		}
		switch t.param {
		case paramDollar:
			if n, err := strconv.Atoi(t.text[1:]); err == nil && n > maxDollar {
				maxDollar = n
			}
		case paramQuestion, paramColon, paramAt:
			needs = true
		}
	}
	if !needs {
		return sql
	}
	next := maxDollar
	return rewrite(sql, toks, func(t token) (string, bool) {
		switch t.param {
		case paramQuestion:
			if maxDollar > 0 {
				return "", false
			}
		case paramColon, paramAt:
		default:
			return "", false
		}
		next++
		return "$" + strconv.Itoa(next), true
	})
}

// rewriteForMySQL turns $n and :name placeholders into "?". An @name stays:
// MySQL reads it as a user variable, which parses the same way.
func rewriteForMySQL(sql string, toks []token) string {
	needs := false
	for _, t := range toks {
		if t.kind == tkParam && (t.param == paramDollar || t.param == paramColon) {
			needs = true
			break
		}
	}
	if !needs {
		return sql
	}
	return rewrite(sql, toks, func(t token) (string, bool) {
		if t.param == paramDollar || t.param == paramColon {
			return "?", true
		}
		return "", false
	})
}

// rewrite copies sql, replacing each parameter token for which repl says so.
func rewrite(sql string, toks []token, repl func(token) (string, bool)) string {
	var b strings.Builder
	b.Grow(len(sql) + 8)
	last := 0
	for _, t := range toks {
		if t.kind != tkParam {
			continue
		}
		s, ok := repl(t)
		if !ok {
			continue
		}
		b.WriteString(sql[last:t.start])
		b.WriteString(s)
		last = t.end
	}
	b.WriteString(sql[last:])
	return b.String()
}
