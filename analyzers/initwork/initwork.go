package initwork

import (
	_ "embed"
	"go/ast"
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
	Name:      "initwork",
	Doc:       analysisutil.MustExtractDoc(doc, "initwork"),
	URL:       analysisutil.DocURL("initwork"),
	Requires:  []*analysis.Analyzer{lambdamodel.Analyzer},
	FactTypes: []analysis.Fact{new(summaryFact), new(initFact)},
	Run:       analysisutil.Guard("initwork", run),
}

var (
	networkFuncs listFlag // -initwork.network-funcs
	allowed      listFlag // -initwork.allow
)

func init() {
	Analyzer.Flags.Var(&networkFuncs, "network-funcs", "comma-separated functions that make network calls, as path/to/pkg.Func or path/to/pkg.Type.Method")
	Analyzer.Flags.Var(&allowed, "allow", "comma-separated functions whose calls in INIT code are accepted, as path/to/pkg.Func or path/to/pkg.Type.Method")
}

// summaryFact lists the network calls that a call of the function makes,
// directly or through its callees.
type summaryFact struct {
	lambdamodel.Summary
}

func (*summaryFact) AFact() {}

func (f *summaryFact) String() string { return "initwork(" + f.Summary.String() + ")" }

// initFact lists the network calls that initializing the package makes,
// its imports' initialization included.
type initFact struct {
	Faults []lambdamodel.Fault
}

func (*initFact) AFact() {}

func (f *initFact) String() string {
	s := lambdamodel.Summary{Faults: f.Faults}
	return "initwork(init: " + s.String() + ")"
}

func run(pass *analysis.Pass) (any, error) {
	model := pass.ResultOf[lambdamodel.Analyzer].(*lambdamodel.Model)
	if model.Skip {
		return nil, nil // the standard library and catalogued modules are summarised below
	}

	c := &checker{pass: pass, model: model, extra: networkFuncs.set(), allowed: allowed.set()}
	check := &lambdamodel.InitCheck{
		Check: &lambdamodel.Check{
			Pass:     pass,
			Model:    model,
			Local:    c.localFaults,
			Imported: c.imported,
			Follow:   blocksINIT,
			Export:   c.export,
			Accept:   c.isAllowed,
		},
		ImportedInit: c.importedInit,
		ExportInit:   c.exportInit,
		Allowed:      c.isAllowed,
	}
	check.Summarise()
	check.ReportInit()
	check.Flush()
	return nil, nil
}

// blocksINIT reports whether a call of the kind holds up INIT: a go
// statement does only when INIT code waits for it, and a func value
// passed on may be stored for later.
func blocksINIT(k lambdamodel.EdgeKind) bool {
	return k == lambdamodel.Call || k == lambdamodel.Defer || k == lambdamodel.GoJoined
}

type checker struct {
	pass    *analysis.Pass
	model   *lambdamodel.Model
	extra   map[string]bool // -initwork.network-funcs
	allowed map[string]bool // -initwork.allow
}

func (c *checker) imported(fn *types.Func) *lambdamodel.Summary {
	var f summaryFact
	if !c.pass.ImportObjectFact(fn, &f) {
		return nil
	}
	return &f.Summary
}

func (c *checker) export(fn *types.Func, sum *lambdamodel.Summary) {
	if len(sum.Faults) > 0 {
		c.pass.ExportObjectFact(fn, &summaryFact{lambdamodel.Summary{Faults: sum.Faults}})
	}
}

func (c *checker) importedInit(pkg *types.Package) []lambdamodel.Fault {
	var f initFact
	if !c.pass.ImportPackageFact(pkg, &f) {
		return nil
	}
	return f.Faults
}

func (c *checker) exportInit(faults []lambdamodel.Fault) {
	if len(faults) > 0 && c.pass.Pkg.Name() != "main" {
		c.pass.ExportPackageFact(&initFact{Faults: faults})
	}
}

func (c *checker) isAllowed(fn *types.Func) bool {
	return c.allowed[qualified(fn)] || c.allowed[qualifiedMethod(fn)]
}

// localFaults returns the network calls that fn makes itself.
func (c *checker) localFaults(fn *ssa.Function) []lambdamodel.LocalFault {
	var out []lambdamodel.LocalFault
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue // not a call
			}
			callee := analysisutil.Callee(call.Common())
			if callee == nil || !c.isNetwork(callee, call.Common()) || c.isAllowed(callee) {
				continue // not a network call of the catalogue, or one the user accepts
			}
			f := lambdamodel.LocalFault{Instr: call, Pos: c.model.CallPos(call), Message: c.message(callee, call.Common())}
			if expr := c.model.CallExpr(call); expr != nil {
				f.End = expr.End()
			}
			out = append(out, f)
		}
	}
	return out
}

// message describes a network call made during INIT.
func (c *checker) message(fn *types.Func, call *ssa.CallCommon) string {
	name := apiName(fn, c.pass.Pkg)
	if recv := receiverName(fn); recv != "" && !ast.IsExported(recv) && !call.IsInvoke() && len(call.Args) > 0 {
		// A method promoted from an unexported type, such as go-redis's
		// cmdable: name it by the type it was called on.
		recvVal := call.Args[0]
		switch x := recvVal.(type) { // the embedded field of the value it was called on
		case *ssa.UnOp:
			if fa, ok := x.X.(*ssa.FieldAddr); ok {
				recvVal = fa.X
			}
		case *ssa.Field:
			recvVal = x.X
		}
		if obj := namedObj(recvVal.Type()); obj != nil && obj.Pkg() != nil && ast.IsExported(obj.Name()) {
			name = typeName(recvVal.Type(), obj, c.pass.Pkg) + "." + fn.Name()
		}
	}
	return "network call " + name + " runs during INIT on every cold start, so do it lazily on first use (sync.OnceValues) or take its result from configuration"
}

// apiName names a function as its package's documentation does:
// http.Get, (*sql.DB).Ping, (*secretsmanager.Client).GetSecretValue,
// without the qualifier of pkg, the package being analysed.
func apiName(fn *types.Func, pkg *types.Package) string {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Pkg() == nil {
		if fn.Pkg() == pkg {
			return fn.Name()
		}
		return lambdamodel.QualifiedName(fn)
	}
	name := receiverName(fn)
	if name == "" {
		return fn.Name()
	}
	if obj := namedObj(recv.Type()); obj != nil && obj.Pkg() != nil && obj.Pkg() != pkg {
		name = obj.Pkg().Name() + "." + name
	}
	if _, ptr := recv.Type().(*types.Pointer); ptr {
		name = "(*" + name + ")"
	}
	return name + "." + fn.Name()
}

// namedObj returns the type name of T, or of the type T points to, or
// nil.
func namedObj(T types.Type) *types.TypeName {
	if n := analysisutil.NamedOf(T); n != nil {
		return n.Obj()
	}
	return nil
}

// typeName names the type T, whose named type is obj, as Go code does
// from package pkg: pkg.T or (*pkg.T).
func typeName(T types.Type, obj *types.TypeName, pkg *types.Package) string {
	name := obj.Name()
	if obj.Pkg() != pkg {
		name = obj.Pkg().Name() + "." + name
	}
	if _, ptr := T.(*types.Pointer); ptr {
		name = "(*" + name + ")"
	}
	return name
}

// listFlag is a comma-separated list of names.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(s string) error {
	*l = nil
	for _, name := range strings.Split(s, ",") {
		if name = strings.TrimSpace(name); name != "" {
			*l = append(*l, name)
		}
	}
	return nil
}

func (l listFlag) set() map[string]bool {
	m := make(map[string]bool, len(l))
	for _, name := range l {
		m[name] = true
	}
	return m
}
