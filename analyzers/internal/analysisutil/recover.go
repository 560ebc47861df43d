package analysisutil

import (
	"fmt"
	"runtime/debug"

	"golang.org/x/tools/go/analysis"
)

// Guard runs an analyzer's run function and turns a panic into an
// error that names the analyzer and the package, with the stack, so
// that one unexpected construct fails that package with a message
// instead of crashing the whole run.
func Guard(name string, run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("internal error in %s on package %s: %v (please report it with this stack)\n%s",
					name, pass.Pkg.Path(), r, debug.Stack())
			}
		}()
		return run(pass)
	}
}
