package sqlparse

import "strings"

// tokKind classifies a lexical token. The lexer is shared by the dialect
// guesser, the placeholder rewriter, the statement splitter and the tolerant
// scanner, so that all of them agree on what is a string, a comment or a
// quoted name.
type tokKind uint8

const (
	tkWord    tokKind = iota // unquoted identifier or keyword
	tkQuoted                 // quoted identifier: "x", `x` or [x]; text holds the unquoted name
	tkString                 // string literal of any flavour, including $$dollar$$ quotes
	tkNumber                 // numeric literal
	tkParam                  // bind placeholder: $1, ?, :name, @name
	tkHole                   // template hole: %s, %[1]v, {{...}}, ${...}, #{...}
	tkPunct                  // operator or punctuation; multi-character for "::" and friends
	tkComment                // -- line, # line or /* block */ comment
)

// paramKind tells which placeholder style a tkParam token uses, so the
// rewriter can translate it for the parser at hand.
type paramKind uint8

const (
	paramNone     paramKind = iota
	paramDollar             // $1
	paramQuestion           // ?
	paramColon              // :name (sqlx, database/sql named)
	paramAt                 // @name (pgx named args, T-SQL)
)

// token is one lexical unit of the input; start and end are byte offsets.
type token struct {
	kind  tokKind
	param paramKind
	// quote is the opening quote byte of a tkQuoted or tkString token
	// ('"', '`', '[', '\'', '$'), or 0.
	quote byte
	// text is the raw text, except for tkQuoted where it is the unquoted,
	// unescaped name.
	text       string
	start, end int
}

// upper returns the upper-cased text of a word token and "" for anything
// else, so keyword tests never match quoted names or strings.
func (t token) upper() string {
	if t.kind != tkWord {
		return ""
	}
	return strings.ToUpper(t.text)
}

// is reports whether t is the keyword kw (given in upper case).
func (t token) is(kw string) bool {
	return t.kind == tkWord && len(t.text) == len(kw) && strings.EqualFold(t.text, kw)
}

// isPunct reports whether t is the punctuation p.
func (t token) isPunct(p string) bool { return t.kind == tkPunct && t.text == p }

// lexer turns SQL text into tokens. It never fails: unterminated strings,
// quotes and comments run to the end of the input.
type lexer struct {
	src     string
	dialect Dialect
	pos     int
	toks    []token
}

// lex tokenises src. The dialect decides the two ambiguous spots of the
// lexical grammar: whether '#' starts a comment (MySQL) or is an operator
// (PostgreSQL), and whether a backslash escapes inside '...' strings.
func lex(src string, d Dialect) []token {
	l := &lexer{src: src, dialect: d}
	l.run()
	return l.toks
}

func isIdentStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80
}

func isIdentChar(c byte) bool {
	return isIdentStart(c) || (c >= '0' && c <= '9') || c == '$'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func (l *lexer) peek(off int) byte {
	if l.pos+off < len(l.src) {
		return l.src[l.pos+off]
	}
	return 0
}

// prevByte is the byte just before the current position, or 0 at the start.
func (l *lexer) prevByte() byte {
	if l.pos > 0 {
		return l.src[l.pos-1]
	}
	return 0
}

func (l *lexer) emit(t token) {
	// A template hole glued to a word ("events_%s", "%s_log") makes the whole
	// run a hole: the real name is only known at run time.
	if n := len(l.toks); n > 0 {
		last := &l.toks[n-1]
		if last.end == t.start && (last.kind == tkHole || t.kind == tkHole) &&
			(last.kind == tkWord || last.kind == tkHole || last.kind == tkQuoted || last.kind == tkNumber) &&
			(t.kind == tkWord || t.kind == tkHole || t.kind == tkQuoted || t.kind == tkNumber) {
			last.kind = tkHole
			last.end = t.end
			last.text = l.src[last.start:t.end]
			return
		}
	}
	l.toks = append(l.toks, t)
}

func (l *lexer) run() {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		start := l.pos
		switch {
		case isSpace(c):
			l.pos++
		case c == '-' && l.peek(1) == '-':
			l.lineComment()
		case c == '/' && l.peek(1) == '*':
			l.blockComment()
		case c == '#' && l.peek(1) == '{':
			l.holeUntil("}")
		case c == '#' && l.dialect != Postgres && l.peek(1) != '>' && l.peek(1) != '-':
			l.lineComment()
		case c == '\'':
			l.quotedString(start, l.dialect != Postgres)
		case c == '"' || c == '`':
			l.quotedIdent(c)
		case c == '[' && l.bracketIdent():
		case c == '$':
			l.dollar()
		case c == '?':
			if n := l.peek(1); n == '|' || n == '&' {
				l.pos += 2
				l.emit(token{kind: tkPunct, text: l.src[start:l.pos], start: start, end: l.pos})
			} else {
				l.pos++
				l.emit(token{kind: tkParam, param: paramQuestion, text: "?", start: start, end: l.pos})
			}
		case c == ':':
			l.colon()
		case c == '@':
			l.at()
		case c == '%' && l.printfVerb():
		case c == '{' && l.peek(1) == '{':
			l.holeUntil("}}")
		case isDigit(c):
			l.number()
		case isIdentStart(c):
			l.word()
		default:
			l.punct()
		}
	}
}

func (l *lexer) lineComment() {
	start := l.pos
	end := strings.IndexByte(l.src[l.pos:], '\n')
	if end < 0 {
		l.pos = len(l.src)
	} else {
		l.pos += end
	}
	l.emit(token{kind: tkComment, text: l.src[start:l.pos], start: start, end: l.pos})
}

// blockComment consumes /* ... */; PostgreSQL nests them, MySQL does not.
func (l *lexer) blockComment() {
	start := l.pos
	l.pos += 2
	depth := 1
	for l.pos < len(l.src) && depth > 0 {
		switch {
		case l.src[l.pos] == '*' && l.peek(1) == '/':
			depth--
			l.pos += 2
		case l.src[l.pos] == '/' && l.peek(1) == '*' && l.dialect == Postgres:
			depth++
			l.pos += 2
		default:
			l.pos++
		}
	}
	l.emit(token{kind: tkComment, text: l.src[start:l.pos], start: start, end: l.pos})
}

// quotedString consumes a single-quoted string, where a doubled quote
// stands for itself and, when backslash is set, a backslash escapes the
// next byte.
func (l *lexer) quotedString(start int, backslash bool) {
	l.pos++ // opening quote
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '\\' && backslash:
			l.pos += 2
		case c == '\'' && l.peek(1) == '\'':
			l.pos += 2
		case c == '\'':
			l.pos++
			l.emit(token{kind: tkString, quote: '\'', text: l.src[start:l.pos], start: start, end: l.pos})
			return
		default:
			l.pos++
		}
	}
	l.pos = len(l.src)
	l.emit(token{kind: tkString, quote: '\'', text: l.src[start:], start: start, end: l.pos})
}

// quotedIdent consumes "name" or `name`, where a doubled quote stands for itself.
func (l *lexer) quotedIdent(q byte) {
	start := l.pos
	l.pos++
	var b strings.Builder
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		if c == q {
			if l.peek(1) == q {
				b.WriteByte(q)
				l.pos += 2
				continue
			}
			l.pos++
			l.emit(token{kind: tkQuoted, quote: q, text: b.String(), start: start, end: l.pos})
			return
		}
		b.WriteByte(c)
		l.pos++
	}
	l.emit(token{kind: tkQuoted, quote: q, text: b.String(), start: start, end: l.pos})
}

// bracketIdent consumes a T-SQL [name] when the bracket cannot be an array
// subscript (it follows a space, a dot, a comma or an opening parenthesis)
// and holds an identifier-like name; it reports whether it did.
func (l *lexer) bracketIdent() bool {
	switch l.prevByte() {
	case 0, ' ', '\t', '\n', '\r', '.', ',', '(':
	default:
		return false
	}
	if !isIdentStart(l.peek(1)) {
		return false
	}
	for i := l.pos + 2; i < len(l.src) && i < l.pos+130; i++ {
		c := l.src[i]
		if c == ']' {
			start := l.pos
			l.pos = i + 1
			l.emit(token{kind: tkQuoted, quote: '[', text: l.src[start+1 : i], start: start, end: l.pos})
			return true
		}
		if !isIdentChar(c) && c != ' ' {
			return false
		}
	}
	return false
}

// dollar handles $1 placeholders, $$ and $tag$ quoted strings, and ${...} holes.
func (l *lexer) dollar() {
	start := l.pos
	n := l.peek(1)
	switch {
	case isDigit(n):
		l.pos++
		for l.pos < len(l.src) && isDigit(l.src[l.pos]) {
			l.pos++
		}
		l.emit(token{kind: tkParam, param: paramDollar, text: l.src[start:l.pos], start: start, end: l.pos})
		return
	case n == '{':
		l.holeUntil("}")
		return
	case n == '$' || isIdentStart(n):
		// $tag$ ... $tag$
		i := l.pos + 1
		for i < len(l.src) && isIdentChar(l.src[i]) && l.src[i] != '$' {
			i++
		}
		if i < len(l.src) && l.src[i] == '$' {
			tag := l.src[start : i+1]
			body := i + 1
			end := strings.Index(l.src[body:], tag)
			if end < 0 {
				l.pos = len(l.src)
			} else {
				l.pos = body + end + len(tag)
			}
			l.emit(token{kind: tkString, quote: '$', text: l.src[start:l.pos], start: start, end: l.pos})
			return
		}
	}
	l.pos++
	l.emit(token{kind: tkPunct, text: "$", start: start, end: l.pos})
}

// colon handles "::" casts, ":=" assignment and :name placeholders.
func (l *lexer) colon() {
	start := l.pos
	n := l.peek(1)
	switch {
	case n == ':' || n == '=':
		l.pos += 2
		l.emit(token{kind: tkPunct, text: l.src[start:l.pos], start: start, end: l.pos})
	case isIdentStart(n) && !isIdentChar(l.prevByte()) && l.prevByte() != ']' && l.prevByte() != ':':
		l.pos++
		for l.pos < len(l.src) && isIdentChar(l.src[l.pos]) {
			l.pos++
		}
		l.emit(token{kind: tkParam, param: paramColon, text: l.src[start:l.pos], start: start, end: l.pos})
	default:
		l.pos++
		l.emit(token{kind: tkPunct, text: ":", start: start, end: l.pos})
	}
}

// at handles @name placeholders (and MySQL user variables, which look the
// same); "@@name" system variables and "@>" operators stay punctuation.
func (l *lexer) at() {
	start := l.pos
	if isIdentStart(l.peek(1)) && !isIdentChar(l.prevByte()) && l.prevByte() != '@' {
		l.pos++
		for l.pos < len(l.src) && isIdentChar(l.src[l.pos]) {
			l.pos++
		}
		l.emit(token{kind: tkParam, param: paramAt, text: l.src[start:l.pos], start: start, end: l.pos})
		return
	}
	l.punct()
}

// printfVerb consumes a Go fmt verb such as %s, %d, %v, %[1]s or %-10s and
// reports whether it did; a lone % is the modulo operator.
func (l *lexer) printfVerb() bool {
	i := l.pos + 1
	for i < len(l.src) && strings.IndexByte("+-#0", l.src[i]) >= 0 {
		i++
	}
	if i < len(l.src) && l.src[i] == '[' {
		j := i + 1
		for j < len(l.src) && isDigit(l.src[j]) {
			j++
		}
		if j == i+1 || j >= len(l.src) || l.src[j] != ']' {
			return false
		}
		i = j + 1
	}
	for i < len(l.src) && (isDigit(l.src[i]) || l.src[i] == '.') {
		i++
	}
	if i >= len(l.src) || strings.IndexByte("sdvqxXtfFgGeEbcoOUpT", l.src[i]) < 0 {
		return false
	}
	// "%sx" is a hole glued to a word; "%so" would be a verb followed by
	// letters, which emit merges into one hole anyway.
	start := l.pos
	l.pos = i + 1
	l.emit(token{kind: tkHole, text: l.src[start:l.pos], start: start, end: l.pos})
	return true
}

// holeUntil consumes a template hole up to and including closer.
func (l *lexer) holeUntil(closer string) {
	start := l.pos
	end := strings.Index(l.src[l.pos+1:], closer)
	if end < 0 {
		l.pos = len(l.src)
	} else {
		l.pos = l.pos + 1 + end + len(closer)
	}
	l.emit(token{kind: tkHole, text: l.src[start:l.pos], start: start, end: l.pos})
}

func (l *lexer) number() {
	start := l.pos
	if l.src[l.pos] == '0' && (l.peek(1) == 'x' || l.peek(1) == 'X') {
		l.pos += 2
	}
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		if isIdentChar(c) || c == '.' {
			l.pos++
			continue
		}
		if (c == '+' || c == '-') && (l.src[l.pos-1] == 'e' || l.src[l.pos-1] == 'E') {
			l.pos++
			continue
		}
		break
	}
	l.emit(token{kind: tkNumber, text: l.src[start:l.pos], start: start, end: l.pos})
}

func (l *lexer) word() {
	start := l.pos
	for l.pos < len(l.src) && isIdentChar(l.src[l.pos]) {
		l.pos++
	}
	w := l.src[start:l.pos]
	// Prefixed string literals: E'..' (escapes), N'..', X'..', B'..'.
	if l.pos < len(l.src) && l.src[l.pos] == '\'' && len(w) == 1 {
		switch w[0] {
		case 'e', 'E':
			l.quotedString(start, true)
			return
		case 'n', 'N', 'x', 'X', 'b', 'B':
			l.quotedString(start, l.dialect != Postgres)
			return
		}
	}
	l.emit(token{kind: tkWord, text: w, start: start, end: l.pos})
}

// multiPunct lists the operators kept as one token, longest first.
var multiPunct = [...]string{"->>", "#>>", "::", "->", "#>", "<=", ">=", "<>", "!=", "||", "@>", "<@"}

func (l *lexer) punct() {
	start := l.pos
	rest := l.src[l.pos:]
	for _, p := range multiPunct {
		if strings.HasPrefix(rest, p) {
			l.pos += len(p)
			l.emit(token{kind: tkPunct, text: p, start: start, end: l.pos})
			return
		}
	}
	l.pos++
	l.emit(token{kind: tkPunct, text: l.src[start:l.pos], start: start, end: l.pos})
}

// significant drops comments, which no consumer but the dialect guesser
// looks at.
func significant(toks []token) []token {
	out := make([]token, 0, len(toks))
	for _, t := range toks {
		if t.kind != tkComment {
			out = append(out, t)
		}
	}
	return out
}

// splitStatements cuts the input at top-level semicolons and returns the
// non-empty pieces (a piece holding only comments is empty).
func splitStatements(src string, toks []token) []string {
	var out []string
	begin := 0
	hasCode := false
	for _, t := range toks {
		if t.isPunct(";") {
			if hasCode {
				out = append(out, src[begin:t.start])
			}
			begin, hasCode = t.end, false
			continue
		}
		if t.kind != tkComment {
			hasCode = true
		}
	}
	if hasCode {
		out = append(out, src[begin:])
	}
	return out
}
