package handlerexit

import (
	_ "embed"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
	"github.com/lambdalint/lambdalint/analyzers/internal/lambdamodel"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:      "handlerexit",
	Doc:       analysisutil.MustExtractDoc(doc, "handlerexit"),
	URL:       analysisutil.DocURL("handlerexit"),
	Requires:  []*analysis.Analyzer{lambdamodel.Analyzer},
	FactTypes: []analysis.Fact{new(summaryFact)},
	Run:       analysisutil.Guard("handlerexit", run),
}

// summaryFact lists the process exits that a call of the function
// reaches, directly or through its callees.
type summaryFact struct {
	lambdamodel.Summary
}

func (*summaryFact) AFact() {}

func (f *summaryFact) String() string { return "handlerexit(" + f.Summary.String() + ")" }

func run(pass *analysis.Pass) (any, error) {
	model := pass.ResultOf[lambdamodel.Analyzer].(*lambdamodel.Model)
	if model.Skip || isLoggerPkg(pass.Pkg.Path()) {
		return nil, nil // the standard library and the logging libraries are known from the catalogue
	}

	c := &checker{pass: pass, model: model}
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

// follow reports whether handlerexit follows calls of the kind. It
// follows every kind: a goroutine that the handler starts and does not
// wait for ends the process as surely as the handler itself.
func follow(lambdamodel.EdgeKind) bool { return true }

type checker struct {
	pass  *analysis.Pass
	model *lambdamodel.Model
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

// localFaults returns the calls of fn that end the process.
func (c *checker) localFaults(fn *ssa.Function) []lambdamodel.LocalFault {
	if fn.Synthetic != "" {
		return nil // a wrapper has no position, and its callers' calls resolve to the method it wraps
	}
	var out []lambdamodel.LocalFault
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue // not a call
			}
			callee := analysisutil.Callee(call.Common())
			if callee == nil || !exits[callee.FullName()] {
				continue // not a call that ends the process
			}
			f := lambdamodel.LocalFault{Instr: call, Pos: c.model.CallPos(call), Message: message(callee)}
			if expr := c.model.CallExpr(call); expr != nil {
				f.End = expr.End()
			}
			out = append(out, f)
		}
	}
	return out
}

// message describes a call of fn in handler code.
func message(fn *types.Func) string {
	return apiName(fn) + " in handler code exits the process, so the invocation fails with Runtime.ExitError and the next one pays a cold start"
}

// apiName names a function as its package's documentation does:
// log.Fatalf, (*zap.Logger).Fatal, logrus.StdLogger.Fatal. The log
// package of zerolog is named zerolog/log, apart from the standard one.
func apiName(fn *types.Func) string {
	pkg := fn.Pkg().Name()
	if path := fn.Pkg().Path(); pkg == "log" && path != "log" {
		parent := path[:strings.LastIndex(path, "/")]
		pkg = parent[strings.LastIndex(parent, "/")+1:] + "/log"
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return pkg + "." + fn.Name()
	}
	named := analysisutil.NamedOf(recv.Type())
	if named == nil {
		return fn.Name()
	}
	name := pkg + "." + named.Obj().Name()
	if _, ptr := recv.Type().(*types.Pointer); ptr {
		name = "(*" + name + ")"
	}
	return name + "." + fn.Name()
}
