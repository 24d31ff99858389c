package sqlparse

// Dialect selects which real SQL parser is tried first.
type Dialect int

// Dialects. Unknown lets Extract guess with DialectOf and try both parsers.
const (
	Unknown Dialect = iota
	Postgres
	MySQL
)

// String names the dialect for logs and test output.
func (d Dialect) String() string {
	switch d {
	case Postgres:
		return "postgres"
	case MySQL:
		return "mysql"
	default:
		return "unknown"
	}
}

// DialectOf guesses the dialect from lexical marks that only one of
// PostgreSQL and MySQL accepts: $1 placeholders, :: casts, ON CONFLICT,
// RETURNING, ILIKE and dollar quotes for PostgreSQL; backticks, ? placeholders,
// ON DUPLICATE KEY, REPLACE INTO, INSERT IGNORE, "LIMIT n, m" and # comments
// for MySQL. It answers Unknown when the text carries no mark or as many of
// each; callers then try both parsers.
func DialectOf(sql string) Dialect {
	pg, my := dialectScores(lex(sql, Unknown))
	switch {
	case pg > my:
		return Postgres
	case my > pg:
		return MySQL
	default:
		return Unknown
	}
}

// dialectScores weighs the marks of each dialect in toks.
func dialectScores(toks []token) (pg, my int) {
	// prev returns the i-th significant token before index i (skipping comments).
	prevWord := func(i int) token {
		for j := i - 1; j >= 0; j-- {
			if toks[j].kind != tkComment {
				return toks[j]
			}
		}
		return token{kind: tkPunct}
	}
	next := func(i int) token {
		for j := i + 1; j < len(toks); j++ {
			if toks[j].kind != tkComment {
				return toks[j]
			}
		}
		return token{kind: tkPunct}
	}
	first := true
	for i, t := range toks {
		switch t.kind {
		case tkComment:
			if len(t.text) > 0 && t.text[0] == '#' {
				my += 2
			}
			continue
		case tkParam:
			switch t.param {
			case paramDollar:
				pg += 3
			case paramQuestion:
				my += 2
			}
		case tkQuoted:
			switch t.quote {
			case '`':
				my += 3
			case '"':
				pg++
			}
		case tkString:
			if t.quote == '$' {
				pg += 3
			}
			if prevWord(i).is("INTERVAL") {
				pg++
			}
		case tkPunct:
			switch t.text {
			case "::":
				pg += 3
			case "@>", "<@", "?|", "?&":
				pg += 2
			case ",":
				// LIMIT n, m
				if p := prevWord(i); (p.kind == tkNumber || p.kind == tkParam) && i >= 2 && prevWord(i-1).is("LIMIT") {
					my += 2
				}
			}
		case tkWord:
			switch up := t.upper(); up {
			case "ILIKE", "RETURNING", "BIGSERIAL", "SERIAL", "JSONB", "TIMESTAMPTZ", "BYTEA":
				pg += 2
			case "CONFLICT":
				if prevWord(i).is("ON") {
					pg += 3
				}
			case "DUPLICATE":
				if prevWord(i).is("ON") {
					my += 3
				}
			case "ON":
				if prevWord(i).is("DISTINCT") {
					pg += 2
				}
			case "REPLACE":
				if first || next(i).is("INTO") {
					my += 3
				}
			case "IGNORE":
				if prevWord(i).is("INSERT") {
					my += 3
				}
			case "CONCURRENTLY", "MERGE":
				if prevWord(i).is("INDEX") || (up == "MERGE" && first) {
					pg += 2
				}
			case "VALUES":
				if prevWord(i).is("DEFAULT") {
					pg += 2
				}
			case "IDENTITY":
				if prevWord(i).is("RESTART") {
					pg += 2
				}
			case "KEY":
				if prevWord(i).is("ADD") {
					my += 2
				}
			case "AUTO_INCREMENT", "ENGINE", "STRAIGHT_JOIN", "LOW_PRIORITY", "SQL_CALC_FOUND_ROWS", "UNSIGNED":
				my += 3
			case "INDEX":
				if p := prevWord(i); p.is("FORCE") || p.is("USE") || p.is("IGNORE") || p.is("ADD") {
					my += 2
				}
			}
		}
		first = false
	}
	return pg, my
}
