package sqlparse

import "github.com/decomp/decomp/analysis/facts"

// The tolerant scanner reads tables out of SQL that no real parser accepts:
// other dialects, fragments cut by string concatenation, and templates with
// %s or {{...}} holes. It walks the token stream once, tracking parenthesis
// depth, and takes a table name only right after a keyword that introduces
// one (FROM, JOIN, INTO, UPDATE, TABLE, USING, ON of CREATE INDEX). It never
// takes a keyword, an alias, a placeholder, a hole or a function name.

// reserved are the words that can never be a table name or an alias in the
// positions the scanner reads; meeting one ends a table list.
var reserved = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"ADD", "ALL", "ALTER", "AND", "ANY", "AS", "ASC", "BETWEEN", "BY", "CASE", "CHECK", "COLUMN",
		"CONFLICT", "CONSTRAINT", "CREATE", "CROSS", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DO",
		"DROP", "DUPLICATE", "ELSE", "END", "EXCEPT", "EXISTS", "FETCH", "FOR", "FORCE", "FROM", "FULL",
		"GROUP", "HAVING", "IF", "IGNORE", "ILIKE", "IN", "INDEX", "INNER", "INSERT", "INTERSECT",
		"INTO", "IS", "JOIN", "KEY", "LATERAL", "LEFT", "LIKE", "LIMIT", "LOCK", "MERGE", "MINUS",
		"NATURAL", "NOT", "NOTHING", "NULL", "OFFSET", "ON", "ONLY", "OR", "ORDER", "OUTER", "OUTFILE",
		"DUMPFILE", "OVER", "PARTITION", "PRIMARY", "REFERENCES", "RENAME", "REPLACE", "RETURNING",
		"RIGHT", "SELECT", "SET", "STRAIGHT_JOIN", "TABLE", "TABLESAMPLE", "THEN", "TO", "TRUNCATE",
		"UNION", "UNIQUE", "UPDATE", "USE", "USING", "VALUES", "WHEN", "WHERE", "WINDOW", "WITH",
	} {
		m[w] = true
	}
	return m
}()

// statementWords start a statement or subquery; only inside one of them do
// FROM and JOIN introduce tables (so EXTRACT(YEAR FROM ts) does not).
var statementWords = map[string]bool{
	"SELECT": true, "INSERT": true, "UPDATE": true, "DELETE": true, "REPLACE": true, "MERGE": true,
	"WITH": true, "CREATE": true, "ALTER": true, "DROP": true, "TRUNCATE": true, "TABLE": true,
	"VALUES": true, "EXPLAIN": true, "COPY": true, "UPSERT": true, "FROM": true, "RENAME": true,
}

// frame is the scanner state of one parenthesis level.
type frame struct {
	// kind is the first keyword of the statement at this level ("SELECT",
	// "DELETE", ...), "" when the level is not a statement.
	kind string
	// active tells whether FROM/JOIN introduce tables at this level.
	active bool
	// tableList marks a parenthesis opened where a table was expected:
	// "FROM (a JOIN b)" names tables without a SELECT.
	tableList bool
	// resume, when set, continues a table list in that mode after the
	// parenthesis opened at this level closes: "FROM (SELECT ...) x, t".
	resume facts.Mode
	// resumeFunc tells that parenthesis holds function arguments
	// (generate_series(...)), not a derived table or a join.
	resumeFunc bool
	// started is set once the first token of the level has been seen; only
	// that token can make the level a statement.
	started bool
	// cteBody marks a parenthesis opened for a CTE body; on closing, the
	// pending CTE name becomes visible and a comma starts the next one.
	cteBody string
	// index marks a CREATE INDEX statement, whose ON names the table.
	index bool
	// deleteTargets are the names or aliases a MySQL multi-table DELETE
	// lists before FROM; written are the tables a DELETE writes.
	deleteTargets map[string]bool
	written       map[string]bool
	targetDone    bool
}

type scanner struct {
	toks   []token
	c      *collector
	frames []*frame
	// ctes are the CTE names visible in the current statement.
	ctes map[string]bool
}

// scan records in c the tables a tolerant reading of toks finds.
func scan(toks []token, c *collector) {
	s := &scanner{toks: significant(toks), c: c}
	s.reset()
	s.run()
}

func (s *scanner) reset() {
	s.frames = []*frame{{active: true}}
	s.ctes = map[string]bool{}
}

func (s *scanner) top() *frame { return s.frames[len(s.frames)-1] }

func (s *scanner) tok(i int) token {
	if i >= 0 && i < len(s.toks) {
		return s.toks[i]
	}
	return token{kind: tkPunct, text: ""}
}

// prevWord is the upper-cased word before index i, or "".
func (s *scanner) prevWord(i int) string { return s.tok(i - 1).upper() }

func (s *scanner) run() {
	for i := 0; i < len(s.toks); {
		i = s.step(i)
	}
}

// step handles the token at i and returns the index of the next one.
func (s *scanner) step(i int) int {
	t := s.toks[i]
	f := s.top()
	switch {
	case t.isPunct(";"):
		s.reset()
		return i + 1
	case t.isPunct("("):
		f.started = true
		child := &frame{tableList: f.resume != "" && !f.resumeFunc && f.cteBody == ""}
		s.frames = append(s.frames, child)
		if child.tableList && !statementWords[s.tok(i+1).upper()] && !s.tok(i+1).isPunct("(") {
			// "FROM (a JOIN b ON ...)": a parenthesised join.
			child.active = true
			return s.tableList(i+1, f.resume)
		}
		return i + 1
	case t.isPunct(")"):
		if len(s.frames) == 1 {
			return i + 1
		}
		s.frames = s.frames[:len(s.frames)-1]
		parent := s.top()
		if parent.cteBody != "" {
			s.ctes[parent.cteBody] = true
			parent.cteBody = ""
			if s.tok(i + 1).isPunct(",") {
				return s.cteDef(i + 2)
			}
			return i + 1
		}
		if parent.resume != "" {
			mode := parent.resume
			parent.resume, parent.resumeFunc = "", false
			// After a derived table or a function: alias, then maybe more.
			j := s.skipAlias(i + 1)
			if s.tok(j).isPunct(",") {
				return s.tableList(j+1, mode)
			}
			return j
		}
		return i + 1
	case t.kind != tkWord:
		f.started = true
		return i + 1
	}

	up := t.upper()
	if !f.started && statementWords[up] {
		f.kind = up
		f.active = true
	} else if f.kind == "WITH" && (up == "SELECT" || up == "INSERT" || up == "UPDATE" || up == "DELETE" || up == "MERGE" || up == "REPLACE") {
		f.kind = up
	}
	f.started = true
	switch up {
	case "WITH":
		if f.kind == "WITH" && s.prevIsStart(i) {
			j := i + 1
			recursive := false
			if s.tok(j).is("RECURSIVE") {
				recursive = true
				j++
			}
			if recursive {
				// A recursive WITH sees all its names in every body.
				s.declareAll(j)
			}
			return s.cteDef(j)
		}
	case "FROM":
		if !f.active || s.prevWord(i) == "DISTINCT" {
			return i + 1
		}
		if f.kind == "DELETE" && !f.targetDone && len(f.deleteTargets) == 0 {
			f.targetDone = true
			return s.tableList(i+1, facts.Write)
		}
		return s.tableList(i+1, facts.Read)
	case "JOIN", "STRAIGHT_JOIN":
		if !f.active {
			return i + 1
		}
		return s.item(i+1, facts.Read, false, true)
	case "USING":
		if !f.active || s.tok(i+1).isPunct("(") || (f.kind != "DELETE" && f.kind != "MERGE") {
			return i + 1
		}
		return s.tableList(i+1, facts.Read)
	case "INTO":
		switch f.kind {
		case "INSERT", "REPLACE", "MERGE", "UPSERT", "SELECT":
			return s.item(i+1, facts.Write, true, false)
		}
	case "UPDATE":
		switch s.prevWord(i) {
		case "FOR", "KEY", "DO", "THEN", "ON", "NO":
			return i + 1
		}
		if f.kind != "UPDATE" {
			return i + 1
		}
		j := i + 1
		for s.tok(j).is("LOW_PRIORITY") || s.tok(j).is("IGNORE") || s.tok(j).is("ONLY") {
			j++
		}
		return s.tableList(j, facts.Write)
	case "DELETE":
		if f.kind != "DELETE" {
			return i + 1
		}
		j := i + 1
		for s.tok(j).is("LOW_PRIORITY") || s.tok(j).is("QUICK") || s.tok(j).is("IGNORE") {
			j++
		}
		// MySQL "DELETE t1, t2 FROM ...": the names before FROM are targets.
		for s.isName(j) {
			if f.deleteTargets == nil {
				f.deleteTargets = map[string]bool{}
			}
			k, name := s.qualifiedName(j)
			if name == "" {
				break
			}
			f.deleteTargets[name] = true
			j = k
			if s.tok(j).isPunct(".") && s.tok(j+1).isPunct("*") {
				j += 2
			}
			if !s.tok(j).isPunct(",") {
				break
			}
			j++
		}
		return j
	case "TABLE", "VIEW":
		switch f.kind {
		case "CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME":
			return s.ddlList(s.skipWords(i+1, "IF", "NOT", "EXISTS", "ONLY"))
		case "TABLE":
			if s.prevIsStart(i) {
				return s.item(i+1, facts.Read, false, false)
			}
		}
	case "TRUNCATE":
		if f.kind == "TRUNCATE" && !s.tok(i+1).is("TABLE") {
			return s.ddlList(s.skipWords(i+1, "ONLY"))
		}
	case "INDEX":
		if f.kind == "CREATE" {
			f.index = true
		}
	case "LIKE":
		// CREATE TABLE t LIKE u copies u's definition.
		if f.kind == "CREATE" && (s.tok(i-2).is("TABLE") || (s.tok(i-2).isPunct(".") && s.tok(i-4).is("TABLE"))) {
			return s.item(i+1, facts.Read, false, false)
		}
	case "COPY":
		if f.kind == "COPY" && s.prevIsStart(i) && s.isName(i+1) {
			// COPY t FROM ... loads rows into t; COPY t TO ... reads them.
			// The FROM here names a file or STDIN, never a table.
			mode := facts.Read
			for j := i + 1; j < len(s.toks) && !s.toks[j].isPunct(";"); j++ {
				if s.toks[j].is("FROM") {
					mode = facts.Write
					break
				}
				if s.toks[j].is("TO") {
					break
				}
			}
			f.active = false
			return s.item(i+1, mode, true, false)
		}
	case "ON":
		if f.kind == "CREATE" && f.index {
			f.index = false
			return s.item(s.skipWords(i+1, "ONLY"), facts.Write, true, false)
		}
	}
	return i + 1
}

// prevIsStart reports whether the token at i opens its statement or
// subquery.
func (s *scanner) prevIsStart(i int) bool {
	p := s.tok(i - 1)
	return i == 0 || p.isPunct("(") || p.isPunct(";")
}

func (s *scanner) skipWords(i int, words ...string) int {
	for {
		t := s.tok(i)
		hit := false
		for _, w := range words {
			if t.is(w) {
				hit = true
				break
			}
		}
		if !hit {
			return i
		}
		i++
	}
}

// declareAll makes the names of a recursive WITH list visible at once.
func (s *scanner) declareAll(i int) {
	depth := 0
	expectName := true
	for ; i < len(s.toks); i++ {
		t := s.toks[i]
		switch {
		case t.isPunct("("):
			depth++
		case t.isPunct(")"):
			depth--
		case depth == 0 && t.isPunct(","):
			expectName = true
			continue
		case depth == 0 && t.kind == tkWord && !t.is("AS") && !expectName:
			return
		case depth == 0 && expectName && s.isName(i):
			s.ctes[normalizeName(t.text)] = true
		}
		if depth < 0 {
			return
		}
		expectName = false
	}
}

// cteDef reads "name [(cols)] AS [NOT] [MATERIALIZED] (" at i and arms the
// frame so the body's closing parenthesis declares the name.
func (s *scanner) cteDef(i int) int {
	if !s.isName(i) {
		return i
	}
	name := normalizeName(s.toks[i].text)
	j := i + 1
	if s.tok(j).isPunct("(") {
		j = s.skipParens(j)
	}
	if !s.tok(j).is("AS") {
		return j
	}
	j = s.skipWords(j+1, "NOT", "MATERIALIZED")
	if s.tok(j).isPunct("(") {
		s.top().cteBody = name
	}
	return j
}

// skipParens returns the index after the parenthesis group opening at i.
func (s *scanner) skipParens(i int) int {
	depth := 0
	for ; i < len(s.toks); i++ {
		switch {
		case s.toks[i].isPunct("("):
			depth++
		case s.toks[i].isPunct(")"):
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return i
}

// isName reports whether the token at i can be (the first part of) a table
// name: a non-reserved word or a quoted name.
func (s *scanner) isName(i int) bool {
	t := s.tok(i)
	switch t.kind {
	case tkQuoted:
		return t.text != ""
	case tkWord:
		return !reserved[t.upper()]
	}
	return false
}

// qualifiedName reads name(.name)* at i. It returns the index after it and
// the normalised name, or "" when a part is a hole or a placeholder (the
// real name is only known at run time).
func (s *scanner) qualifiedName(i int) (int, string) {
	var parts []string
	valid := true
	for {
		t := s.tok(i)
		switch {
		case t.kind == tkWord && (len(parts) > 0 || !reserved[t.upper()]):
			parts = append(parts, t.text)
		case t.kind == tkQuoted && t.text != "":
			parts = append(parts, t.text)
		case t.kind == tkHole || t.kind == tkParam:
			valid = false
		default:
			// Nothing, or a dangling "schema." without a name.
			return i, ""
		}
		i++
		if !s.tok(i).isPunct(".") || s.tok(i+1).isPunct("*") {
			break
		}
		i++
	}
	if !valid {
		return i, ""
	}
	return i, normalizeName(parts...)
}

// tableList reads comma-separated table references starting at i.
func (s *scanner) tableList(i int, mode facts.Mode) int {
	for {
		j := s.item(i, mode, false, true)
		if j == i || !s.tok(j).isPunct(",") || s.top().resume != "" {
			return j
		}
		i = j + 1
	}
}

// ddlList reads the comma-separated tables a DDL statement names; a
// parenthesis after a name is a column list.
func (s *scanner) ddlList(i int) int {
	for {
		j := s.item(i, facts.Write, true, false)
		if j == i || !s.tok(j).isPunct(",") {
			return j
		}
		i = j + 1
	}
}

// item reads one table reference at i. columns allows a column list after
// the name (INSERT INTO t (a, b), CREATE TABLE t (...)); resumable lets a
// parenthesis there continue the list after it closes (a derived table or a
// table function in FROM). It returns the index after the reference.
func (s *scanner) item(i int, mode facts.Mode, columns, resumable bool) int {
	i = s.skipWords(i, "LATERAL", "ONLY")
	f := s.top()
	t := s.tok(i)
	switch {
	case t.isPunct("("):
		if resumable {
			f.resume, f.resumeFunc = mode, false
		}
		return i
	case t.kind == tkHole || t.kind == tkParam:
		j, _ := s.qualifiedName(i)
		return s.skipAlias(j)
	case !s.isName(i):
		return i
	}
	j, name := s.qualifiedName(i)
	if s.tok(j).isPunct("(") && !columns {
		// A function in FROM: generate_series(...), unnest(...).
		if resumable {
			f.resume, f.resumeFunc = mode, true
		}
		return j
	}
	if name == "" {
		return s.skipAlias(j)
	}
	if columns {
		s.record(name, "", mode, f)
		return j
	}
	k, alias := s.alias(j)
	s.record(name, alias, mode, f)
	return k
}

// record adds a table unless it is a visible CTE, applying the DELETE
// target rules of the frame.
func (s *scanner) record(name, alias string, mode facts.Mode, f *frame) {
	if s.ctes[name] {
		return
	}
	if f.kind == "DELETE" {
		switch {
		case len(f.deleteTargets) > 0:
			if f.deleteTargets[name] || (alias != "" && f.deleteTargets[alias]) {
				mode = facts.Write
			}
		case mode == facts.Read && f.written[name]:
			// MySQL "DELETE FROM t USING t JOIN u": t is the target.
			return
		}
		if mode == facts.Write {
			if f.written == nil {
				f.written = map[string]bool{}
			}
			f.written[name] = true
		}
	}
	s.c.add(mode, name)
}

// alias reads an optional "[AS] alias [(cols)]" at i.
func (s *scanner) alias(i int) (int, string) {
	j := i
	if s.tok(j).is("AS") {
		j++
	}
	t := s.tok(j)
	if t.kind == tkHole || t.kind == tkParam {
		return j + 1, ""
	}
	if !s.isName(j) {
		return i, ""
	}
	a := normalizeName(t.text)
	j++
	if s.tok(j).isPunct("(") {
		j = s.skipParens(j)
	}
	return j, a
}

func (s *scanner) skipAlias(i int) int {
	j, _ := s.alias(i)
	return j
}

// continues are words after which a statement cannot end: text ending in
// one was cut short (a WHERE whose condition is appended at run time).
var continues = map[string]bool{
	"WHERE": true, "AND": true, "OR": true, "FROM": true, "JOIN": true, "SET": true, "ON": true,
	"BY": true, "VALUES": true, "INTO": true, "UPDATE": true, "SELECT": true, "NOT": true, "IN": true,
	"HAVING": true, "LIMIT": true, "OFFSET": true, "AS": true, "WITH": true, "USING": true, "TABLE": true,
}

// ends are the words that may close a statement although continues
// lists them, keyed by the word before: DEFAULT VALUES, FOR UPDATE.
var ends = map[string]string{"VALUES": "DEFAULT", "UPDATE": "FOR"}

// operators need an operand on their right; clauses cannot be one.
var (
	operators = map[string]bool{"+": true, "-": true, "/": true, "=": true, "<": true, ">": true, "<>": true, "!=": true, "<=": true, ">=": true, "||": true, ",": true}
	clauses   = map[string]bool{"WHERE": true, "AND": true, "OR": true, "FROM": true, "JOIN": true, "ON": true, "SET": true, "GROUP": true, "ORDER": true, "LIMIT": true, "HAVING": true}
)

// quiet are statements that name no table (transactions, settings).
var quiet = map[string]bool{
	"BEGIN": true, "COMMIT": true, "ROLLBACK": true, "START": true, "SAVEPOINT": true, "RELEASE": true,
	"SHOW": true, "CALL": true, "EXEC": true, "EXECUTE": true, "GRANT": true, "REVOKE": true,
	"ANALYZE": true, "VACUUM": true, "PRAGMA": true, "COMMENT": true, "REFRESH": true, "DECLARE": true,
	"PREPARE": true, "DEALLOCATE": true, "LISTEN": true, "NOTIFY": true, "RESET": true, "USE": true,
}

// uncertain reports whether the scanner's reading of one statement is a
// guess: a template hole, a fragment that does not start a statement, a
// statement cut short, unbalanced parentheses, or T-SQL's bracket quoting.
func uncertain(toks []token) bool {
	var words []token
	depth := 0
	for _, t := range toks {
		switch {
		case t.kind == tkHole, t.kind == tkQuoted && t.quote == '[':
			return true
		case t.kind == tkPunct && t.text == "(":
			depth++
		case t.kind == tkPunct && t.text == ")":
			depth--
			if depth < 0 {
				return true
			}
		}
		if t.kind == tkWord {
			words = append(words, t)
		}
	}
	if depth != 0 || len(words) == 0 {
		return true
	}
	first := words[0].upper()
	if first == "FROM" || !statementWords[first] && !quiet[first] {
		return true
	}
	var code []token
	for _, t := range toks {
		if t.kind != tkComment {
			code = append(code, t)
		}
	}
	for len(code) > 0 && code[len(code)-1].text == ";" {
		code = code[:len(code)-1]
	}
	if len(code) == 0 {
		return true
	}
	// An operand missing between an operator and a clause ("amount +
	// WHERE"): a value was to be spliced in.
	for i := 1; i < len(code); i++ {
		if code[i-1].kind == tkPunct && operators[code[i-1].text] && code[i].kind == tkWord && clauses[code[i].upper()] {
			return true
		}
	}
	last := code[len(code)-1]
	if last.kind == tkPunct && (last.text == "," || last.text == "=") {
		return true
	}
	if last.kind != tkWord || !continues[last.upper()] {
		return false
	}
	return len(words) < 2 || ends[last.upper()] != words[len(words)-2].upper()
}
