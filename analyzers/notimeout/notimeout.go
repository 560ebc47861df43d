package notimeout

import (
	_ "embed"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
	"github.com/lambdalint/lambdalint/analyzers/internal/lambdamodel"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:      "notimeout",
	Doc:       analysisutil.MustExtractDoc(doc, "notimeout"),
	URL:       analysisutil.DocURL("notimeout"),
	Requires:  []*analysis.Analyzer{lambdamodel.Analyzer},
	FactTypes: []analysis.Fact{new(summaryFact)},
	Run:       analysisutil.Guard("notimeout", run),
}

// summaryFact lists the calls without a deadline that a call of the
// function makes, directly or through its callees.
type summaryFact struct {
	lambdamodel.Summary
}

func (*summaryFact) AFact() {}

func (f *summaryFact) String() string { return "notimeout(" + f.Summary.String() + ")" }

func run(pass *analysis.Pass) (any, error) {
	model := pass.ResultOf[lambdamodel.Analyzer].(*lambdamodel.Model)
	if model.Skip {
		return nil, nil // the standard library and catalogued modules are summarised below
	}

	c := &checker{
		pass:    pass,
		model:   model,
		clients: make(map[ssa.Value]bound),
		// TODO: a library that sends a request with a context of its own
		// making, from a function its caller cannot give a context to,
		// is missed.
		library: model.Library,
	}

	check := &lambdamodel.Check{
		Pass:     pass,
		Model:    model,
		Local:    c.localFaults,
		Imported: c.imported,
		Follow:   follow,
		Export:   c.export,
		Roots:    model.Handlers,
	}
	check.Summarise()
	check.Report(model.Handlers)
	check.ReportServed()
	check.Flush()
	return nil, nil
}

// follow reports whether notimeout follows calls of the kind. A
// goroutine that the handler starts and does not wait for does not hold
// the invocation, so its calls are left to the checks of work after the
// handler returns. Goroutines it waits for, and func values passed on,
// as to errgroup.Go, run before the handler returns, so they are
// followed.
func follow(k lambdamodel.EdgeKind) bool {
	return k != lambdamodel.Go
}

type checker struct {
	pass    *analysis.Pass
	model   *lambdamodel.Model
	clients map[ssa.Value]bound // memoised clientBound results

	// library is set in a package of a downloaded module. A context
	// that a library makes for itself, such as a validator's default
	// context, is its design and is not reported. Its outbound calls
	// without a context still are.
	library bool
}

func (c *checker) imported(fn *types.Func) *lambdamodel.Summary {
	var f summaryFact
	if !c.pass.ImportObjectFact(fn, &f) {
		return nil
	}
	return &f.Summary
}

func (c *checker) export(fn *types.Func, sum *lambdamodel.Summary) {
	c.pass.ExportObjectFact(fn, &summaryFact{*sum})
}

// localFaults returns the calls of fn that lose the deadline.
func (c *checker) localFaults(fn *ssa.Function) []lambdamodel.LocalFault {
	var out []lambdamodel.LocalFault
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue // not a call
			}
			if f, ok := c.checkCall(fn, call); ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// checkCall classifies one call.
func (c *checker) checkCall(fn *ssa.Function, call ssa.CallInstruction) (lambdamodel.LocalFault, bool) {
	common := call.Common()
	callee := analysisutil.Callee(common)
	if callee != nil {
		if f, ok := c.checkContextSource(fn, call, callee); ok {
			return f, true
		}
		if f, ok := c.checkAPI(fn, call, callee); ok {
			return f, true
		}
	}
	return c.checkGlobalContextArg(call, callee)
}

// fault builds a local fault at the call expression of instr.
func (c *checker) fault(instr ssa.CallInstruction, msg string, fixes ...analysis.SuggestedFix) lambdamodel.LocalFault {
	f := lambdamodel.LocalFault{Instr: instr, Pos: instr.Pos(), Message: msg, Fixes: fixes}
	if call := c.callExpr(instr); call != nil {
		f.Pos, f.End = call.Pos(), call.End()
	}
	return f
}

// callExpr returns the syntax of a call instruction, or nil.
func (c *checker) callExpr(instr ssa.CallInstruction) *ast.CallExpr {
	return c.model.CallExpr(instr)
}

// isFunc reports whether fn is the package-level function path.name.
func isFunc(fn *types.Func, path string, names ...string) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != path || fn.Signature().Recv() != nil {
		return false
	}
	for _, name := range names {
		if fn.Name() == name {
			return true
		}
	}
	return false
}

// isMethod reports whether fn is a method named name of path.typeName
// or of a pointer to it.
func isMethod(fn *types.Func, path, typeName string, names ...string) bool {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Pkg() == nil || fn.Pkg().Path() != path {
		return false
	}
	if n := analysisutil.NamedOf(recv.Type()); n == nil || n.Obj().Name() != typeName {
		return false
	}
	for _, name := range names {
		if fn.Name() == name {
			return true
		}
	}
	return false
}
