package analysisutil_test

import (
	"go/ast"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
	"github.com/lambdalint/lambdalint/internal/checks"
)

// callsOfBad returns an analyzer that reports every call of a function
// named bad, under the name of a real check so that directives naming
// it apply.
func callsOfBad(name string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     name,
		Doc:      "reports calls of bad",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run: analysisutil.Guard(name, func(pass *analysis.Pass) (any, error) {
			ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
			ins.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
				call := n.(*ast.CallExpr)
				if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "bad" {
					pass.Reportf(call.Pos(), "call of bad")
				}
			})
			return nil, nil
		}),
	}
}

func TestIgnoreUnknownCheck(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), callsOfBad(analysisutil.Checks[0]), "unknown")
}

func TestIgnoreDirective(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), callsOfBad("notimeout"), "ignore")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.URL == "" {
				t.Errorf("finding %q has no documentation link", d.Message)
			}
		}
	}
}

// TestChecksListed checks that the directives know every check of the
// suite.
func TestChecksListed(t *testing.T) {
	var names []string
	for _, a := range checks.All {
		names = append(names, a.Name)
	}
	slices.Sort(names)
	if !slices.Equal(names, analysisutil.Checks) {
		t.Errorf("the suite has %v, but the directives know %v", names, analysisutil.Checks)
	}
}
