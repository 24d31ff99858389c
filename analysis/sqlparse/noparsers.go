//go:build !sqlparsers

package sqlparse

// realParsers tells that this build has no real parsers: the tolerant
// scanner reads every statement (build with -tags sqlparsers for TiDB's
// and PostgreSQL's grammars; see the README for why they are optional).
const realParsers = false

// parseAny is the real parsers' entry point; without them nothing parses.
func parseAny(string, []token, Dialect, *collector) (int, bool) { return 0, false }
