package dbpool

import (
	_ "embed"
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
	Name:      "dbpool",
	Doc:       analysisutil.MustExtractDoc(doc, "dbpool"),
	URL:       analysisutil.DocURL("dbpool"),
	Requires:  []*analysis.Analyzer{lambdamodel.Analyzer},
	FactTypes: []analysis.Fact{new(summaryFact)},
	Run:       analysisutil.Guard("dbpool", run),
}

// summaryFact records, for the packages that call a function, the
// pools without a limit that it returns and the parameters whose limit
// it sets.
type summaryFact struct {
	Pools []returnedPool
	Caps  []int // parameters on which the function calls SetMaxOpenConns
}

// returnedPool is a pool without a limit that a function returns.
type returnedPool struct {
	Result int                  // the index of the result
	Open   string               // "sql.Open" or "sql.OpenDB"
	Site   lambdamodel.Position // the call that opens it
	Via    []string             // the functions of other packages between the summarised one and the call
}

func (*summaryFact) AFact() {}

func (f *summaryFact) String() string {
	var parts []string
	for _, p := range f.Pools {
		parts = append(parts, "returns an uncapped "+p.Open+" pool")
	}
	for _, i := range f.Caps {
		parts = append(parts, "caps param "+strconv.Itoa(i))
	}
	return "dbpool(" + strings.Join(parts, "; ") + ")"
}

type checker struct {
	pass  *analysis.Pass
	model *lambdamodel.Model
	check *lambdamodel.Check // positions stored in facts

	initFuncs map[*ssa.Function]bool // main before serving, init functions and the package initializer
	once      map[*ssa.Function]bool // funcs run by sync.Once or wrapped by sync.OnceFunc, OnceValue, OnceValues
	callSites map[*ssa.Function][]ssa.CallInstruction
	closures  map[*ssa.Function][]*ssa.MakeClosure
	loads     map[*ssa.Global][]ssa.Value // loads of each package-level variable, and its field addresses

	facts   map[*types.Func]*summaryFact
	exports map[*ssa.Function]*summaryFact
}

func run(pass *analysis.Pass) (any, error) {
	model := pass.ResultOf[lambdamodel.Analyzer].(*lambdamodel.Model)
	if model.Skip {
		return nil, nil // the standard library and catalogued modules open no pools of the user's
	}
	if !imports(pass.Pkg, "database/sql") {
		return nil, nil // no pool to open or to cap
	}

	c := &checker{
		pass:    pass,
		model:   model,
		check:   &lambdamodel.Check{Pass: pass, Model: model},
		facts:   make(map[*types.Func]*summaryFact),
		exports: make(map[*ssa.Function]*summaryFact),
	}
	c.index()

	for _, fn := range model.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok {
					c.checkCall(call)
				}
			}
		}
	}
	c.summariseCaps()
	c.export()
	return nil, nil
}

// imports reports whether pkg imports path, directly or not.
func imports(pkg *types.Package, path string) bool {
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package) bool
	visit = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		if p.Path() == path {
			return true
		}
		return slices.ContainsFunc(p.Imports(), visit)
	}
	return visit(pkg)
}

// checkCall reports a pool without a limit that call opens, or that a
// function of another package opens and returns through call.
func (c *checker) checkCall(call *ssa.Call) {
	callee := analysisutil.Callee(call.Common())
	if isOpen(callee) {
		p := c.follow(call, analysisutil.ResultIndex(call, 0))
		c.decide(p, nil, func(msg string) {
			c.pass.Report(analysis.Diagnostic{Pos: c.model.CallPos(call), Message: "sql." + callee.Name() + " " + msg})
		}, func(r *returnedPool) {
			r.Open = "sql." + callee.Name()
			r.Site = c.check.Position(c.model.CallPos(call))
		})
		return
	}
	if callee == nil || callee.Pkg() == c.pass.Pkg || call.Common().IsInvoke() {
		return
	}
	f := c.fact(callee)
	if f == nil {
		return
	}
	name := lambdamodel.QualifiedName(callee)
	for _, pool := range f.Pools {
		p := c.follow(call, analysisutil.ResultIndex(call, pool.Result))
		via := append([]string{name}, pool.Via...)
		c.decide(p, via, func(msg string) {
			c.pass.Report(analysis.Diagnostic{
				Pos:     c.model.CallPos(call),
				Message: pool.Open + " " + msg + " (via " + strings.Join(via, " → ") + ")",
				Related: []analysis.RelatedInformation{{Pos: c.check.TokenPos(pool.Site), Message: pool.Open + " opens the pool"}},
			})
		}, func(r *returnedPool) {
			r.Open, r.Site = pool.Open, pool.Site
		})
	}
}

// decide reports the pool that p traced when it lives across
// invocations without a limit, or records it in the facts of the
// exported functions that hand it to other packages.
func (c *checker) decide(p *poolFlow, via []string, report func(msg string), fill func(*returnedPool)) {
	switch {
	case p.capped || p.unknown:
		return // limited, or handled where the analyzer cannot see
	case p.persistent:
		report("pool has no SetMaxOpenConns: each warm environment may open unlimited connections and concurrent environments exhaust the database's limit")
		return
	}
	for fn, results := range p.returns {
		for _, i := range results {
			r := returnedPool{Result: i, Via: slices.Clone(via)}
			fill(&r)
			f := c.exported(fn)
			f.Pools = append(f.Pools, r)
		}
	}
}

// summariseCaps records the parameters of exported functions whose
// limit the function sets.
func (c *checker) summariseCaps() {
	for _, fn := range c.model.Funcs {
		if !exportedFunc(fn) {
			continue
		}
		for i, param := range fn.Params {
			if !holdsPool(param.Type()) {
				continue
			}
			if p := c.follow(param, -1); p.capped {
				f := c.exported(fn)
				f.Caps = append(f.Caps, i)
			}
		}
	}
}

func (c *checker) exported(fn *ssa.Function) *summaryFact {
	f := c.exports[fn]
	if f == nil {
		f = new(summaryFact)
		c.exports[fn] = f
	}
	return f
}

// export stores the facts of the exported functions.
func (c *checker) export() {
	for fn, f := range c.exports {
		c.pass.ExportObjectFact(fn.Object(), f)
	}
}

// isOpen reports whether fn is sql.Open or sql.OpenDB.
func isOpen(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "database/sql" && fn.Signature().Recv() == nil &&
		(fn.Name() == "Open" || fn.Name() == "OpenDB")
}

// index records the call sites, closures and loads of the package, the
// INIT functions and the once bodies.
func (c *checker) index() {
	m := c.model
	c.initFuncs = make(map[*ssa.Function]bool)
	c.once = make(map[*ssa.Function]bool)
	c.callSites = make(map[*ssa.Function][]ssa.CallInstruction)
	c.closures = make(map[*ssa.Function][]*ssa.MakeClosure)
	c.loads = make(map[*ssa.Global][]ssa.Value)

	for _, r := range m.Init {
		c.initFuncs[r.Local] = true
	}
	for _, fn := range m.Funcs {
		if fn.Parent() == nil && fn.Synthetic == "" && strings.HasPrefix(fn.Name(), "init#") {
			c.initFuncs[fn] = true
		}
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
				switch x := instr.(type) {
				case *ssa.MakeClosure:
					if callee, ok := x.Fn.(*ssa.Function); ok {
						c.closures[callee] = append(c.closures[callee], x)
					}
				case *ssa.UnOp:
					if g, ok := x.X.(*ssa.Global); ok {
						c.loads[g] = append(c.loads[g], x)
					}
				case *ssa.FieldAddr:
					if g, ok := x.X.(*ssa.Global); ok {
						c.loads[g] = append(c.loads[g], x)
					}
				}
			}
		}
	}
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
