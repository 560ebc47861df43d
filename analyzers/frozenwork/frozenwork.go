package frozenwork

import (
	_ "embed"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
	"github.com/lambdalint/lambdalint/analyzers/internal/lambdamodel"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:      "frozenwork",
	Doc:       analysisutil.MustExtractDoc(doc, "frozenwork"),
	URL:       analysisutil.DocURL("frozenwork"),
	Requires:  []*analysis.Analyzer{lambdamodel.Analyzer},
	FactTypes: []analysis.Fact{new(summaryFact)},
	Run:       analysisutil.Guard("frozenwork", run),
}

// summaryFact lists the goroutines and timers that a call of the
// function leaves running when it returns, directly or through its
// callees.
type summaryFact struct {
	lambdamodel.Summary
}

func (*summaryFact) AFact() {}

func (f *summaryFact) String() string { return "frozenwork(" + f.Summary.String() + ")" }

func run(pass *analysis.Pass) (any, error) {
	model := pass.ResultOf[lambdamodel.Analyzer].(*lambdamodel.Model)
	if model.Skip {
		return nil, nil // the goroutines of the standard library and of catalogued modules are theirs to manage
	}

	// TODO: a library whose asynchronous sends must be flushed before
	// the handler returns is missed.
	c := &checker{pass: pass, model: model, roots: make(map[*ssa.Function]bool), library: model.Library}
	for _, h := range model.Handlers {
		if h.Local != nil {
			c.roots[h.Local] = true
		}
	}

	check := &lambdamodel.Check{
		Pass:     pass,
		Model:    c.perInvocation(),
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

// follow reports whether faults reach a caller through edges of the
// kind. The code of a goroutine that is not joined is not followed: the
// go statement is reported, and what the goroutine does after it is
// frozen is part of the same finding.
func follow(k lambdamodel.EdgeKind) bool {
	return k != lambdamodel.Go
}

type checker struct {
	pass  *analysis.Pass
	model *lambdamodel.Model
	roots map[*ssa.Function]bool // the handlers of this package

	// library is set in a package of a downloaded module. Goroutines
	// that a library starts are its own design, such as a batcher that
	// a flush replaces, and its users cannot change them.
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

// perInvocation returns a copy of the model whose edges describe the
// work that one invocation leaves behind, as frozenwork judges it. Three
// kinds of edges change:
//
//   - Edges into a func given to sync.Once.Do, OnceFunc, OnceValue or
//     OnceValues are dropped, except direct calls. Such a func runs once
//     per environment, like INIT code, so a goroutine it starts is a
//     background worker.
//   - A call whose result is kept in a package-level variable is
//     dropped, as in client = newClient() on first use. What it starts
//     belongs to that long-lived value and serves later invocations too.
//   - A go statement that this check finds joined becomes GoJoined, so
//     that the goroutine's code is followed. Its goroutine may signal a
//     WaitGroup or channel that a caller waits for.
func (c *checker) perInvocation() *lambdamodel.Model {
	once := c.onceFuncs()
	view := *c.model
	view.Edges = make(map[*ssa.Function][]lambdamodel.Edge, len(c.model.Edges))
	for fn, edges := range c.model.Edges {
		kept := slices.DeleteFunc(slices.Clone(edges), func(e lambdamodel.Edge) bool {
			return once[e.Local] && !isDirectCall(e) || e.Kind == lambdamodel.Call && keptInGlobal(e.Instr)
		})
		for i, e := range kept {
			if g, ok := e.Instr.(*ssa.Go); ok && e.Kind == lambdamodel.Go && c.goroutineJoined(fn, g) {
				kept[i].Kind = lambdamodel.GoJoined
			}
		}
		view.Edges[fn] = kept
	}
	return &view
}

// onceFuncs returns the functions of this package that are given to
// (*sync.Once).Do, sync.OnceFunc, sync.OnceValue or sync.OnceValues.
func (c *checker) onceFuncs() map[*ssa.Function]bool {
	once := make(map[*ssa.Function]bool)
	for _, fn := range c.model.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue // not a call
				}
				callee := analysisutil.Callee(call.Common())
				if callee == nil || !isOnce(callee) {
					continue // not a call that runs its func once
				}
				args := call.Common().Args
				if f := lambdamodel.FuncValue(args[len(args)-1]); f != nil {
					once[f] = true
				}
			}
		}
	}
	return once
}

// isOnce reports whether fn is one of the sync APIs that run the func
// they are given at most once.
func isOnce(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return false
	}
	switch fn.Name() {
	case "OnceFunc", "OnceValue", "OnceValues":
		return fn.Signature().Recv() == nil
	case "Do":
		recv := fn.Signature().Recv()
		return recv != nil && analysisutil.IsNamed(recv.Type(), "sync", "Once")
	}
	return false
}

// keptInGlobal reports whether the result of call, or its first result,
// is stored in a package-level variable or in a field or element of one.
func keptInGlobal(call ssa.CallInstruction) bool {
	v, ok := call.(*ssa.Call)
	if !ok || v.Referrers() == nil {
		return false
	}
	if storedInGlobal(v) {
		return true
	}
	for _, ref := range *v.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == 0 && storedInGlobal(ex) {
			return true // as in client, err = newClient()
		}
	}
	return false
}

// storedInGlobal reports whether v, or v converted to an interface, is
// stored in a package-level variable or in a field or element of one.
func storedInGlobal(v ssa.Value) bool {
	for _, ref := range *v.Referrers() {
		switch r := ref.(type) {
		case *ssa.Store:
			if _, ok := baseOf(r.Addr).(*ssa.Global); ok && r.Val == v {
				return true
			}
		case *ssa.MakeInterface:
			if storedInGlobal(r) {
				return true
			}
		}
	}
	return false
}

// isDirectCall reports whether e is a static call of its callee, as
// opposed to a func value passed on or called through a variable.
func isDirectCall(e lambdamodel.Edge) bool {
	if e.Kind != lambdamodel.Call && e.Kind != lambdamodel.Defer || e.Instr == nil {
		return false
	}
	callee := e.Instr.Common().StaticCallee()
	return callee != nil && (callee == e.Local || callee.Origin() == e.Local)
}
