package globalstate

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
	"github.com/lambdalint/lambdalint/analyzers/internal/lambdamodel"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:      "globalstate",
	Doc:       analysisutil.MustExtractDoc(doc, "globalstate"),
	URL:       analysisutil.DocURL("globalstate"),
	Requires:  []*analysis.Analyzer{lambdamodel.Analyzer},
	FactTypes: []analysis.Fact{new(summaryFact)},
	Run:       analysisutil.Guard("globalstate", run),
}

// summaryFact records which inputs of a function it writes into
// package-level state, and which it writes through its pointer
// parameters. Inputs are bit sets: bit i for parameter i (the receiver
// first), the top bit for request data the function reads itself.
type summaryFact struct {
	Sinks  []factSink
	Stores []factStore
}

type factSink struct {
	Inputs uint64
	Target string             // the state written, such as "package-level var names"
	Chain  []lambdamodel.Step // from the function down to the write
	Site   lambdamodel.Position
}

type factStore struct {
	Param  int
	Inputs uint64
}

func (*summaryFact) AFact() {}

func (f *summaryFact) String() string {
	var parts []string
	for _, s := range f.Sinks {
		parts = append(parts, "stores into "+s.Target)
	}
	for range f.Stores {
		parts = append(parts, "stores into an argument")
	}
	return "globalstate(" + strings.Join(parts, "; ") + ")"
}

// maxRounds bounds the passes over the package's functions; each pass
// lets summaries travel one call further.
const maxRounds = 8

type checker struct {
	pass  *analysis.Pass
	model *lambdamodel.Model
	check *lambdamodel.Check // positions and reporting

	flows map[*ssa.Function]*flow
	edges map[ssa.CallInstruction][]lambdamodel.Edge
	lhs   map[token.Pos]token.Pos // '=' of an assignment → start of its left side
	facts map[*types.Func]*summaryFact

	// probed holds the maps, by mapKey, that the package looks up with
	// "v, ok := m[k]": keyed caches, whose entries serve later
	// invocations with the same key by design.
	probed map[string]bool

	// library is set in a package of a downloaded module: its
	// package-level state is its own business (a global logger, type
	// caches), so writes into it are not findings.
	library bool
}

func run(pass *analysis.Pass) (any, error) {
	model := pass.ResultOf[lambdamodel.Analyzer].(*lambdamodel.Model)
	if model.Skip {
		return nil, nil // the standard library and catalogued modules store no request data of ours
	}

	c := &checker{
		pass:   pass,
		model:  model,
		check:  &lambdamodel.Check{Pass: pass, Model: model},
		flows:  make(map[*ssa.Function]*flow),
		edges:  make(map[ssa.CallInstruction][]lambdamodel.Edge),
		lhs:    make(map[token.Pos]token.Pos),
		facts:  make(map[*types.Func]*summaryFact),
		probed: make(map[string]bool),
		// TODO: a library global that keeps request data, such as an
		// error tracker's user scope, is missed.
		library: model.Library,
	}
	c.index()
	c.traceAll()
	c.export()
	c.report()
	return nil, nil
}

// index records the calls' edges and the left sides of assignments.
func (c *checker) index() {
	for _, edges := range c.model.Edges {
		for _, e := range edges {
			if e.Instr != nil {
				c.edges[e.Instr] = append(c.edges[e.Instr], e)
			}
		}
	}
	for _, fn := range c.model.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if l, ok := instr.(*ssa.Lookup); ok && l.CommaOk {
					if key := mapKey(fn, l.X); key != "" {
						c.probed[key] = true
					}
				}
			}
		}
	}
	for _, file := range c.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch s := n.(type) {
			case *ast.AssignStmt:
				c.lhs[s.TokPos] = s.Lhs[0].Pos()
			case *ast.IncDecStmt:
				c.lhs[s.TokPos] = s.X.Pos()
			}
			return true
		})
	}
}

// traceAll traces every function until the summaries stop changing.
func (c *checker) traceAll() {
	for round := 0; round < maxRounds; round++ {
		changed := false
		for _, fn := range c.model.Funcs {
			f := c.trace(fn)
			f.sinks = merge(f.sinks)
			if old := c.flows[fn]; old == nil || !sameFlow(old, f) {
				changed = true
			}
			c.flows[fn] = f
		}
		if !changed {
			return
		}
	}
}

// merge removes duplicate sinks, which recursion produces, keeping the
// shortest path and the union of the labels.
func merge(sinks []sink) []sink {
	var out []sink
	for _, s := range sinks {
		i := slices.IndexFunc(out, func(o sink) bool { return o.pos == s.pos && o.target == s.target && o.site == s.site })
		switch {
		case i < 0:
			out = append(out, s)
		case len(s.path) < len(out[i].path):
			s.labels |= out[i].labels
			out[i] = s
		default:
			out[i].labels |= s.labels
		}
	}
	return out
}

func sameFlow(a, b *flow) bool {
	if len(a.sinks) != len(b.sinks) || len(a.stores) != len(b.stores) {
		return false
	}
	for i := range a.sinks {
		if a.sinks[i].labels != b.sinks[i].labels || a.sinks[i].pos != b.sinks[i].pos {
			return false
		}
	}
	for k, v := range a.stores {
		if b.stores[k] != v {
			return false
		}
	}
	return true
}

// storePos returns where to report a write: the start of the left side
// of its assignment.
func (c *checker) storePos(instr ssa.Instruction) token.Pos {
	if p, ok := c.lhs[instr.Pos()]; ok {
		return p
	}
	return instr.Pos()
}

// fact returns the summary of a function of another package.
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

// export stores the summaries of the functions other packages can call.
func (c *checker) export() {
	if c.pass.Pkg.Name() == "main" {
		return // no other package imports it
	}
	for _, fn := range c.model.Funcs {
		obj, ok := fn.Object().(*types.Func)
		f := c.flows[fn]
		if !ok || fn.Synthetic != "" || fn.Parent() != nil || !obj.Exported() || f == nil {
			continue // not callable from another package
		}
		var fact summaryFact
		for _, s := range f.sinks {
			fact.Sinks = append(fact.Sinks, c.factSink(s))
		}
		for i := range len(fn.Params) {
			if l, ok := f.stores[i]; ok && l != 0 {
				fact.Stores = append(fact.Stores, factStore{Param: i, Inputs: uint64(l)})
			}
		}
		if len(fact.Sinks) > 0 || len(fact.Stores) > 0 {
			c.pass.ExportObjectFact(obj, &fact)
		}
	}
}

// factSink converts a sink for a fact: the chain runs from the function
// down to the write, wherever it is.
func (c *checker) factSink(s sink) factSink {
	out := factSink{Inputs: uint64(s.labels), Target: qualify(s.target, c.pass.Pkg.Name())}
	for _, st := range s.path {
		out.Chain = append(out.Chain, lambdamodel.Step{Callee: c.pass.Pkg.Name() + "." + st.callee, Pos: c.check.Position(st.pos)})
	}
	if len(s.chain) > 0 {
		out.Chain = append(out.Chain, s.chain...)
		out.Site = s.site
	} else {
		out.Site = c.check.Position(s.pos)
	}
	return out
}

// qualify adds the package name to the variable that target names, for a
// fact read in other packages: "package-level var recent" becomes
// "package-level var audit.recent".
func qualify(target, pkg string) string {
	i := strings.LastIndex(target, " ")
	if i < 0 || strings.Contains(target[i+1:], ".") {
		return target
	}
	return target[:i+1] + pkg + "." + target[i+1:]
}
