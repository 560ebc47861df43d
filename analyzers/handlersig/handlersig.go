package handlersig

import (
	_ "embed"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "handlersig",
	Doc:      analysisutil.MustExtractDoc(doc, "handlersig"),
	URL:      analysisutil.DocURL("handlersig"),
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      analysisutil.Guard("handlersig", run),
}

const lambdaPkg = "github.com/aws/aws-lambda-go/lambda"

// registrations maps the functions of package lambda that check their
// handler by reflection to the index of the handler argument.
// StartHandler and StartHandlerWithContext take a lambda.Handler, which
// the compiler checks.
var registrations = map[string]int{
	"Start":                 0,
	"StartWithOptions":      0,
	"StartWithContext":      1,
	"StartHandlerFunc":      0,
	"NewHandler":            0,
	"NewHandlerWithOptions": 0,
}

func run(pass *analysis.Pass) (any, error) {
	if !imports(pass.Pkg, lambdaPkg) {
		return nil, nil // registers no aws-lambda-go handler
	}

	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	var c *checker
	for n := range insp.PreorderSeq((*ast.CallExpr)(nil)) {
		call := n.(*ast.CallExpr)
		callee := registration(pass.TypesInfo, call)
		if callee == nil {
			continue // not a registration of package lambda
		}
		i := registrations[callee.Name()]
		if i >= len(call.Args) {
			continue // the handler comes from a spread slice, f(args...)
		}
		if c == nil {
			c = newChecker(pass, callee.Pkg())
		}
		if c == nil {
			continue // an aws-lambda-go without lambda.Handler, whose rules are unknown
		}
		arg := ast.Unparen(call.Args[i])
		if rule := c.check(arg); rule != "" {
			report(pass, call, arg, "lambda."+callee.Name()+" handler "+rule)
		}
	}
	return nil, nil
}

// registration returns the function of package lambda that call
// registers a handler with, or nil.
func registration(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != lambdaPkg || fn.Signature().Recv() != nil {
		return nil
	}
	fn = fn.Origin() // StartHandlerFunc is generic
	if _, ok := registrations[fn.Name()]; !ok {
		return nil
	}
	return fn
}

// report reports a handler that aws-lambda-go rejects at the call that
// registers it, with the handler's declaration as related information
// when it is a named function.
func report(pass *analysis.Pass, call *ast.CallExpr, arg ast.Expr, msg string) {
	d := analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: msg}
	var id *ast.Ident
	switch x := arg.(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	}
	if id != nil {
		if fn, ok := pass.TypesInfo.Uses[id].(*types.Func); ok && fn.Pos().IsValid() {
			d.Related = []analysis.RelatedInformation{{Pos: fn.Pos(), Message: "handler " + fn.Name() + " is declared here"}}
		}
	}
	pass.Report(d)
}

// imports reports whether pkg imports the package path directly.
func imports(pkg *types.Package, path string) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == path {
			return true
		}
	}
	return false
}
