package dbaccess

import (
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// embedSpec is a package variable a //go:embed directive fills: the folder
// of its file and the directive's patterns.
type embedSpec struct {
	dir      string
	patterns []string
}

// maxEmbedded bounds the size of an embedded file read as SQL: schema
// files are kilobytes; anything much larger is data, not statements.
const maxEmbedded = 1 << 20

// indexEmbeds records the //go:embed variables of a file.
func (x *extractor) indexEmbeds(p *packages.Package, f *ast.File) {
	tf := x.prog.Fset.File(f.Pos())
	if tf == nil {
		return
	}
	dir := filepath.Dir(tf.Name())
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, s := range gd.Specs {
			vs, ok := s.(*ast.ValueSpec)
			if !ok || len(vs.Names) != 1 {
				continue
			}
			doc := vs.Doc
			if doc == nil && len(gd.Specs) == 1 {
				doc = gd.Doc
			}
			pats := embedPatterns(doc)
			if len(pats) == 0 {
				continue
			}
			if v, ok := p.TypesInfo.Defs[vs.Names[0]].(*types.Var); ok {
				x.embeds[v] = embedSpec{dir: dir, patterns: pats}
			}
		}
	}
}

// embedPatterns reads the patterns of the //go:embed lines of a comment.
func embedPatterns(cg *ast.CommentGroup) []string {
	if cg == nil {
		return nil
	}
	var out []string
	for _, c := range cg.List {
		rest, ok := strings.CutPrefix(c.Text, "//go:embed")
		if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			continue
		}
		for _, f := range strings.Fields(rest) {
			if u, err := strconv.Unquote(f); err == nil {
				f = u
			}
			out = append(out, strings.TrimPrefix(f, "all:"))
		}
	}
	return out
}

// embedded returns the contents of an embedded file: the one file a string
// or []byte variable's directive names (name ""), or the file name of an
// embed.FS variable when a pattern covers it. Only files inside the
// package's folder are read, as the go command would.
func (x *extractor) embedded(v *types.Var, name string) (string, bool) {
	spec, ok := x.embeds[v]
	if !ok {
		return "", false
	}
	var file string
	if name == "" {
		if len(spec.patterns) != 1 {
			return "", false
		}
		matches, err := filepath.Glob(filepath.Join(spec.dir, filepath.FromSlash(spec.patterns[0])))
		if err != nil || len(matches) != 1 {
			return "", false
		}
		file = matches[0]
	} else {
		name = path.Clean(name)
		if !validFSName(name) || !covered(spec.patterns, name) {
			return "", false
		}
		file = filepath.Join(spec.dir, filepath.FromSlash(name))
	}
	fi, err := os.Stat(file)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxEmbedded {
		return "", false
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return "", false
	}
	return string(data), true
}

// validFSName reports whether name is a path an embed.FS can hold: relative,
// slash-separated, no "..".
func validFSName(name string) bool {
	return name != "." && !strings.HasPrefix(name, "/") && !strings.HasPrefix(name, "../") && name != ".."
}

// covered reports whether an embed pattern names the file: the file
// itself, a glob matching it, or a folder holding it.
func covered(patterns []string, name string) bool {
	for _, p := range patterns {
		if ok, _ := path.Match(p, name); ok || strings.HasPrefix(name, strings.TrimSuffix(p, "/")+"/") {
			return true
		}
		// A glob naming the folder (migrations/*) covers its files.
		if dir := path.Dir(name); dir != "." {
			if ok, _ := path.Match(p, dir); ok {
				return true
			}
		}
	}
	return false
}
