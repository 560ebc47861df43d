// Package analysisutil holds small helpers shared by the lambdalint
// analyzers.
package analysisutil

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtractDoc returns the documentation of the analyzer name from the
// source of a doc.go file: the text under its "# Analyzer name" heading,
// with the "name: " prefix of the summary line removed, so that the
// first line of Analyzer.Doc is the summary. It panics when the heading
// is missing, which a test catches.
func MustExtractDoc(src, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic("internal error: doc.go of " + name + " has no package comment")
	}
	text := (&ast.CommentGroup{List: f.Doc.List}).Text()
	heading := "# Analyzer " + name + "\n"
	_, body, ok := strings.Cut(text, heading)
	if !ok {
		panic("internal error: doc.go of " + name + " has no heading " + strings.TrimSpace(heading))
	}
	if next := strings.Index(body, "\n# "); next >= 0 {
		body = body[:next]
	}
	body = strings.TrimSpace(body)
	return strings.TrimPrefix(body, name+": ")
}
