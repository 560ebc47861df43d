package analysisutil

import (
	"fmt"
	"runtime/debug"

	"golang.org/x/tools/go/analysis"
)

// Guard wraps the run function of the check name. It turns a panic into
// an error that names the check and the package, with the stack, so
// that one unexpected construct fails that package with a message
// instead of crashing the whole run. It drops the findings that a
// //lambdalint:ignore directive suppresses, reports the directives that
// are malformed or suppress nothing, and links each finding to the
// check's documentation.
func Guard(name string, run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("internal error in %s on package %s: %v (please report it with this stack)\n%s",
					name, pass.Pkg.Path(), r, debug.Stack())
			}
		}()
		dirs := directives(pass)
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) {
			if d.URL == "" {
				d.URL = DocURL(name)
			}
			for _, dir := range dirs {
				if dir.suppresses(name, pass.Fset, d.Pos) {
					return
				}
			}
			report(d)
		}
		result, err = run(pass)
		if err == nil {
			reportDirectives(name, dirs, report)
		}
		return result, err
	}
}
