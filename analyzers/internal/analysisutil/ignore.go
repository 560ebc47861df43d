package analysisutil

import (
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Checks names every check of the suite. A suppression directive that
// names none of them is reported by the first, so that it is reported
// once.
var Checks = []string{
	"clientreuse", "dbpool", "frozenwork", "globalstate", "handlerexit",
	"handlersig", "initwork", "notimeout", "tmpleak",
}

// DocURL returns the address of the documentation page of a check.
func DocURL(name string) string {
	return "https://github.com/lambdalint/lambdalint/blob/main/docs/" + name + ".md"
}

// ignorePrefix starts a suppression directive:
//
//	//lambdalint:ignore notimeout,initwork the reason
//
// It suppresses the findings of the named checks on its own line, or,
// when the comment is alone on its line, on the next line.
const ignorePrefix = "//lambdalint:ignore"

// A directive is one suppression comment of the package.
type directive struct {
	pos    token.Pos
	file   *token.File
	line   int // the line it suppresses when alone on its line; it also covers its own line
	names  []string
	reason string
	used   map[string]bool // the checks whose findings it suppressed
}

// directives returns the suppression comments of the package's files.
func directives(pass *analysis.Pass) []*directive {
	var out []*directive
	for _, f := range pass.Files {
		var tf *token.File
		for _, group := range f.Comments {
			for _, c := range group.List {
				rest, ok := strings.CutPrefix(c.Text, ignorePrefix)
				if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
					continue // not a directive, or another word such as ignoreall
				}
				if tf == nil {
					tf = pass.Fset.File(f.FileStart)
				}
				d := &directive{pos: c.Pos(), file: tf, used: make(map[string]bool)}
				fields := strings.Fields(rest)
				if len(fields) > 0 {
					d.names = strings.Split(fields[0], ",")
					d.reason = strings.Join(fields[1:], " ")
				}
				d.line = tf.Line(c.Pos())
				if alone(pass, tf, c.Pos()) {
					d.line++
				}
				out = append(out, d)
			}
		}
	}
	return out
}

// alone reports whether only blanks precede the comment at pos on its
// line.
func alone(pass *analysis.Pass, tf *token.File, pos token.Pos) bool {
	content, err := pass.ReadFile(tf.Name())
	if err != nil {
		return false // a generated position: treat it as a trailing comment
	}
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	end := tf.Offset(pos)
	if start > end || end > len(content) {
		return false
	}
	return strings.TrimSpace(string(content[start:end])) == ""
}

// suppresses reports whether d suppresses a finding of check at pos,
// and marks d used if so.
func (d *directive) suppresses(check string, fset *token.FileSet, pos token.Pos) bool {
	if d.reason == "" || !slices.Contains(d.names, check) || !pos.IsValid() || fset.File(pos) != d.file {
		return false
	}
	line := d.file.Line(pos)
	if line != d.line && line != d.file.Line(d.pos) {
		return false
	}
	d.used[check] = true
	return true
}

// reportDirectives reports, for check, the directives that are
// malformed or that suppressed none of its findings. A fault of the
// directive itself is reported by the first known check it names, or by
// the first check of the suite when it names none, so only once.
func reportDirectives(check string, dirs []*directive, report func(analysis.Diagnostic)) {
	isCheck := func(n string) bool { return slices.Contains(Checks, n) }
	for _, d := range dirs {
		owner := Checks[0]
		if i := slices.IndexFunc(d.names, isCheck); i >= 0 {
			owner = d.names[i]
		}
		var unknown []string
		for _, n := range d.names {
			if !isCheck(n) {
				unknown = append(unknown, n)
			}
		}
		var msgs []string
		switch {
		case owner != check:
		case len(d.names) == 0:
			msgs = append(msgs, "lambdalint:ignore directive names no check: write //lambdalint:ignore <check> <reason>")
		case len(unknown) > 0:
			msgs = append(msgs, "lambdalint:ignore directive names "+strings.Join(unknown, ", ")+", which is not a lambdalint check; the checks are "+strings.Join(Checks, ", "))
		case d.reason == "":
			msgs = append(msgs, "lambdalint:ignore directive has no reason, so it suppresses nothing: add why the finding does not apply")
		}
		if d.reason != "" && slices.Contains(d.names, check) && !d.used[check] {
			msgs = append(msgs, "lambdalint:ignore directive suppresses no "+check+" finding: remove "+check+" from it")
		}
		for _, msg := range msgs {
			report(analysis.Diagnostic{Pos: d.pos, Message: msg, URL: DocURL("suppressing")})
		}
	}
}
