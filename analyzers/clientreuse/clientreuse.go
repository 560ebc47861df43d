package clientreuse

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
	"github.com/lambdalint/lambdalint/analyzers/internal/lambdamodel"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:      "clientreuse",
	Doc:       analysisutil.MustExtractDoc(doc, "clientreuse"),
	URL:       analysisutil.DocURL("clientreuse"),
	Requires:  []*analysis.Analyzer{lambdamodel.Analyzer},
	FactTypes: []analysis.Fact{new(summaryFact)},
	Run:       analysisutil.Guard("clientreuse", run),
}

// summaryFact summarises a function for the packages that call it: the
// faults a call causes, the clients it builds and returns, and what it
// does with its parameters.
type summaryFact struct {
	lambdamodel.Summary
	Fresh  []freshResult
	Params []paramSummary
}

// freshResult is a client that a function builds on every call and
// returns.
type freshResult struct {
	Result int      // the index of the result
	Name   string   // the constructor, such as "s3.NewFromConfig"
	Kind   kind     // what the constructor builds
	Via    []string // the functions between this one and the constructor

	local int // how many names at the start of Via are of this package, unqualified
}

// paramSummary records what a function does with a parameter that it
// is given: keeps it for later calls, or returns it.
type paramSummary struct {
	Index   int
	Kept    bool
	Results []int
}

func (*summaryFact) AFact() {}

func (f *summaryFact) String() string {
	var parts []string
	if s := f.Summary.String(); s != "" {
		parts = append(parts, s)
	}
	for _, r := range f.Fresh {
		parts = append(parts, "returns "+r.Name)
	}
	for _, p := range f.Params {
		if p.Kept {
			parts = append(parts, "keeps param "+strconv.Itoa(p.Index))
		} else {
			parts = append(parts, "returns param "+strconv.Itoa(p.Index))
		}
	}
	return "clientreuse(" + strings.Join(parts, "; ") + ")"
}

// maxRounds bounds the passes that summarise parameters and returned
// clients; each pass lets a summary travel one call further.
const maxRounds = 16

type checker struct {
	pass  *analysis.Pass
	model *lambdamodel.Model

	params map[*ssa.Function][]fate        // what each function does with its parameters
	fresh  map[*ssa.Function][]freshResult // the clients each function builds and returns

	once           map[*ssa.Function]bool // funcs run by sync.Once or wrapped by sync.OnceFunc, OnceValue, OnceValues
	initFuncs      map[*ssa.Function]bool // main before serving, init functions and the package initializer
	handlerMethods map[*ssa.Function]bool // methods registered as handlers, whose receiver INIT built
	callSites      map[*ssa.Function][]ssa.CallInstruction
	closures       map[*ssa.Function][]*ssa.MakeClosure
	literals       map[token.Pos]*ast.CompositeLit // by the position of '{'

	facts     map[*types.Func]*summaryFact
	summaries map[*types.Func]*lambdamodel.Summary
}

func run(pass *analysis.Pass) (any, error) {
	model := pass.ResultOf[lambdamodel.Analyzer].(*lambdamodel.Model)
	if model.Skip {
		return nil, nil // the standard library and catalogued modules are classified from the catalogue
	}

	c := &checker{
		pass:      pass,
		model:     model,
		params:    make(map[*ssa.Function][]fate),
		fresh:     make(map[*ssa.Function][]freshResult),
		facts:     make(map[*types.Func]*summaryFact),
		summaries: make(map[*types.Func]*lambdamodel.Summary),
	}
	c.index()
	c.summariseFlows()

	// Code that sync.Once runs is built once per environment: the
	// check does not follow the calls that hand it over.
	onceFree := *model
	onceFree.Edges = withoutOnceEdges(model.Edges)

	check := &lambdamodel.Check{
		Pass:     pass,
		Model:    &onceFree,
		Local:    c.localFaults,
		Imported: c.imported,
		Follow:   func(lambdamodel.EdgeKind) bool { return true },
		Export:   func(fn *types.Func, sum *lambdamodel.Summary) { c.summaries[fn] = sum },
		Roots:    model.Handlers,
	}
	check.Summarise()
	check.Report(model.Handlers)
	check.ReportServed()
	check.Flush()
	c.export()
	return nil, nil
}

// index records the call sites and closures of each function, the INIT
// functions, the once bodies and the composite literals.
func (c *checker) index() {
	m := c.model
	c.once = make(map[*ssa.Function]bool)
	c.initFuncs = make(map[*ssa.Function]bool)
	c.handlerMethods = make(map[*ssa.Function]bool)
	c.callSites = make(map[*ssa.Function][]ssa.CallInstruction)
	c.closures = make(map[*ssa.Function][]*ssa.MakeClosure)
	c.literals = make(map[token.Pos]*ast.CompositeLit)

	for _, r := range m.Init {
		c.initFuncs[r.Local] = true
	}
	for _, fn := range m.Funcs {
		if fn.Parent() == nil && fn.Synthetic == "" && strings.HasPrefix(fn.Name(), "init#") {
			c.initFuncs[fn] = true
		}
	}
	for _, r := range m.Handlers {
		if r.Local != nil && r.Local.Signature.Recv() != nil {
			c.handlerMethods[r.Local] = true
		}
	}
	for _, fn := range m.Funcs {
		for _, e := range m.Edges[fn] {
			switch {
			case e.Local == nil:
			case e.Kind == lambdamodel.FuncArg && analysisutil.IsOnceCall(analysisutil.Callee(e.Instr.Common())):
				c.once[e.Local] = true
			case e.Kind == lambdamodel.Call || e.Kind == lambdamodel.Defer || e.Kind == lambdamodel.Go || e.Kind == lambdamodel.GoJoined:
				if analysisutil.LocalCallee(e.Instr.Common()) == e.Local {
					c.callSites[e.Local] = append(c.callSites[e.Local], e.Instr)
				}
			}
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				mc, ok := instr.(*ssa.MakeClosure)
				if !ok {
					continue // not a func literal or method value
				}
				if callee, ok := mc.Fn.(*ssa.Function); ok {
					c.closures[callee] = append(c.closures[callee], mc)
					c.bindHandlerMethod(callee)
				}
			}
		}
	}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.CompositeLit); ok {
				c.literals[lit.Lbrace] = lit
			}
			return true
		})
	}
}

// bindHandlerMethod marks the method that a method value registered as
// a handler calls: its receiver is bound during INIT.
func (c *checker) bindHandlerMethod(wrapper *ssa.Function) {
	if !strings.HasSuffix(wrapper.Name(), "$bound") || !slices.ContainsFunc(c.model.Handlers, func(r lambdamodel.Root) bool { return r.Local == wrapper }) {
		return
	}
	for _, e := range c.model.Edges[wrapper] {
		if e.Local != nil && e.Kind == lambdamodel.Call {
			c.handlerMethods[e.Local] = true
		}
	}
}

// withoutOnceEdges returns the edges without those that hand a func to
// sync.Once or to sync.OnceFunc, OnceValue and OnceValues.
func withoutOnceEdges(edges map[*ssa.Function][]lambdamodel.Edge) map[*ssa.Function][]lambdamodel.Edge {
	out := make(map[*ssa.Function][]lambdamodel.Edge, len(edges))
	for fn, es := range edges {
		out[fn] = slices.DeleteFunc(slices.Clone(es), func(e lambdamodel.Edge) bool {
			return e.Kind == lambdamodel.FuncArg && analysisutil.IsOnceCall(analysisutil.Callee(e.Instr.Common()))
		})
	}
	return out
}

// summariseFlows computes, until nothing changes, what each function
// does with its parameters and which clients it builds and returns.
func (c *checker) summariseFlows() {
	for round := 0; round < maxRounds; round++ {
		changed := false
		for _, fn := range c.model.Funcs {
			params := make([]fate, len(fn.Params))
			for i, p := range fn.Params {
				params[i] = c.fateOf(fn, p, -1)
			}
			var fresh []freshResult
			for _, s := range c.sources(fn) {
				f := c.fateOf(fn, s.value, s.index)
				if f.kept {
					continue // stored for reuse
				}
				for _, r := range f.results {
					fresh = appendFresh(fresh, freshResult{Result: r, Name: s.ctor.Name, Kind: s.ctor.Kind, Via: s.via, local: s.local})
				}
			}
			if !slices.EqualFunc(params, c.params[fn], equalFate) || !slices.EqualFunc(fresh, c.fresh[fn], equalFresh) {
				c.params[fn], c.fresh[fn] = params, fresh
				changed = true
			}
		}
		if !changed {
			return
		}
	}
}

// appendFresh adds r unless a result with the same constructor is there,
// keeping the shortest chain.
func appendFresh(list []freshResult, r freshResult) []freshResult {
	for i, o := range list {
		if o.Result == r.Result && o.Name == r.Name {
			if len(r.Via) < len(o.Via) {
				list[i] = r
			}
			return list
		}
	}
	return append(list, r)
}

func equalFate(a, b fate) bool {
	return a.kept == b.kept && a.closed == b.closed && slices.Equal(a.results, b.results)
}

func equalFresh(a, b freshResult) bool {
	return a.Result == b.Result && a.Name == b.Name && a.Kind == b.Kind && slices.Equal(a.Via, b.Via)
}

// localFaults returns the clients that fn builds and drops, and the
// long-lived clients it closes.
func (c *checker) localFaults(fn *ssa.Function) []lambdamodel.LocalFault {
	var out []lambdamodel.LocalFault
	for _, s := range c.sources(fn) {
		f := c.fateOf(fn, s.value, s.index)
		if f.kept || len(f.results) > 0 || s.ctor.Kind == kindConn && f.closed {
			continue // reused, handed to the caller, or a single connection that is closed
		}
		pos, end := c.span(s.instr)
		out = append(out, lambdamodel.LocalFault{Instr: s.instr, Pos: pos, End: end, Message: perInvocationMessage(s)})
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if f, ok := c.closeFault(instr); ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// perInvocationMessage describes a client that is built on every call.
func perInvocationMessage(s source) string {
	k := s.ctor.Kind
	subject := s.ctor.Name + " " + k.action()
	if len(s.via) > 0 {
		subject = s.via[0] + " " + k.action() + " with " + s.ctor.Name
		if len(s.via) > 1 {
			subject += " (via " + strings.Join(s.via[1:], " → ") + ")"
		}
	}
	closed := ""
	if k == kindConn {
		closed = " and nothing closes it"
	}
	return subject + " on every invocation" + closed + ": " + k.remedy()
}

// closeFault reports a call that closes a client built outside the
// invocation.
func (c *checker) closeFault(instr ssa.Instruction) (lambdamodel.LocalFault, bool) {
	call, ok := instr.(ssa.CallInstruction)
	if !ok || !isClientClose(analysisutil.Callee(call.Common())) {
		return lambdamodel.LocalFault{}, false
	}
	common := call.Common()
	recv := common.Value
	if !common.IsInvoke() {
		if len(common.Args) == 0 {
			return lambdamodel.LocalFault{}, false
		}
		recv = common.Args[0]
	}
	var msg string
	switch c.origin(recv) {
	case packageVar:
		if setsGlobal(call.Parent(), recv) {
			// The function opens the pool it closes, as a
			// per-invocation pool kept in a package-level variable.
			return lambdamodel.LocalFault{}, false
		}
		msg = "closing the package-level " + c.receiverName(call) + " in handler code breaks every later invocation on this environment"
	case initCreated:
		msg = "closing " + c.receiverName(call) + ", created during INIT, in handler code breaks every later invocation on this environment"
	default:
		return lambdamodel.LocalFault{}, false
	}
	pos, end := c.span(call)
	return lambdamodel.LocalFault{Instr: call, Pos: pos, End: end, Message: msg}, true
}

// setsGlobal reports whether fn stores into the package-level variable
// that v is loaded from.
func setsGlobal(fn *ssa.Function, v ssa.Value) bool {
	var g *ssa.Global
	for g == nil {
		switch x := v.(type) {
		case *ssa.UnOp:
			v = x.X
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.Field:
			v = x.X
		case *ssa.Global:
			g = x
		default:
			return false
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok && st.Addr == ssa.Value(g) {
				return true
			}
		}
	}
	return false
}

// receiverName returns the receiver of a method call as written, such as
// "db" or "app.pool", qualified by the package outside package main.
func (c *checker) receiverName(call ssa.CallInstruction) string {
	name := "client"
	if expr := c.model.CallExpr(call); expr != nil {
		if sel, ok := ast.Unparen(expr.Fun).(*ast.SelectorExpr); ok {
			name = types.ExprString(sel.X)
		}
	}
	if c.pass.Pkg.Name() != "main" {
		name = c.pass.Pkg.Name() + "." + name
	}
	return name
}

// span returns where a call or composite literal starts and ends.
func (c *checker) span(instr ssa.Instruction) (token.Pos, token.Pos) {
	if call, ok := instr.(ssa.CallInstruction); ok {
		if expr := c.model.CallExpr(call); expr != nil {
			return expr.Pos(), expr.End()
		}
		return call.Pos(), token.NoPos
	}
	if lit := c.literals[instr.Pos()]; lit != nil {
		return lit.Pos(), lit.End()
	}
	return instr.Pos(), token.NoPos
}

// external reports whether calls into pkg are left to the catalogue.
func (c *checker) external(pkg *types.Package) bool { return c.model.External(pkg) }

// fact returns the summary of a function of another package, or nil.
func (c *checker) fact(fn *types.Func) *summaryFact {
	if f, ok := c.facts[fn]; ok {
		return f
	}
	var f summaryFact
	var out *summaryFact
	if c.pass.ImportObjectFact(fn, &f) {
		out = &f
	}
	c.facts[fn] = out
	return out
}

func (c *checker) imported(fn *types.Func) *lambdamodel.Summary {
	if f := c.fact(fn); f != nil {
		return &f.Summary
	}
	return nil
}

// export stores the summaries of the functions other packages can call.
func (c *checker) export() {
	if c.pass.Pkg.Name() == "main" {
		return // no other package imports it
	}
	for _, fn := range c.model.Funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Synthetic != "" || fn.Parent() != nil || !obj.Exported() {
			continue // not callable from another package
		}
		f := &summaryFact{}
		for _, r := range c.fresh[fn] {
			r.Via = qualify(r.Via, r.local, c.pass.Pkg.Name())
			f.Fresh = append(f.Fresh, r)
		}
		if sum := c.summaries[obj]; sum != nil {
			f.Summary = *sum
		}
		for i, p := range c.params[fn] {
			if p.kept || len(p.results) > 0 {
				f.Params = append(f.Params, paramSummary{Index: i, Kept: p.kept, Results: p.results})
			}
		}
		if len(f.Faults) > 0 || len(f.Served) > 0 || len(f.Fresh) > 0 || len(f.Params) > 0 {
			c.pass.ExportObjectFact(obj, f)
		}
	}
}

// qualify adds the package name to the first local names of via.
func qualify(via []string, local int, pkg string) []string {
	out := slices.Clone(via)
	for i := range min(local, len(out)) {
		out[i] = pkg + "." + out[i]
	}
	return out
}

// localName names a function of this package in messages.
func localName(fn *ssa.Function) string { return lambdamodel.Name(fn) }

// qualifiedName names a function of another package in messages.
func qualifiedName(fn *types.Func) string { return lambdamodel.QualifiedName(fn) }
