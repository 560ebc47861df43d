package tmpleak

import (
	_ "embed"
	"fmt"
	"go/constant"
	"go/token"
	"os"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
	"github.com/lambdalint/lambdalint/analyzers/internal/lambdamodel"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:      "tmpleak",
	Doc:       analysisutil.MustExtractDoc(doc, "tmpleak"),
	URL:       analysisutil.DocURL("tmpleak"),
	Requires:  []*analysis.Analyzer{lambdamodel.Analyzer},
	FactTypes: []analysis.Fact{new(summaryFact)},
	Run:       analysisutil.Guard("tmpleak", run),
}

// summaryFact lists the parameters of a function that it creates or
// writes a file or directory at without removing it (Writes), and those
// it removes (Removes).
type summaryFact struct {
	Writes  []int
	Removes []int
}

func (*summaryFact) AFact() {}

func (f *summaryFact) String() string {
	return fmt.Sprintf("tmpleak(writes params %v, removes params %v)", f.Writes, f.Removes)
}

// creation is a file or directory made under the temporary directory.
type creation struct {
	instr ssa.CallInstruction // the call that creates it, where it is reported
	value ssa.Value           // the path, or the *os.File or name that the call returns
	errv  ssa.Value           // the error of the call, nil when unknown
	path  path
	temp  string // "os.CreateTemp" or "os.MkdirTemp", or "" for a path chosen by the code
	file  bool   // value is an *os.File, removed through its Name method
	via   string // the wrapper that writes the file, for a call of one
}

type checker struct {
	pass     *analysis.Pass
	model    *lambdamodel.Model
	returned map[*ssa.Function][]*creation // temp entries a function returns to its caller
	writes   map[*ssa.Function][]int       // parameters a function writes a file at
}

func run(pass *analysis.Pass) (any, error) {
	model := pass.ResultOf[lambdamodel.Analyzer].(*lambdamodel.Model)
	if model.Skip {
		return nil, nil // the standard library and catalogued modules are not wrappers of ours
	}
	c := &checker{pass: pass, model: model, returned: make(map[*ssa.Function][]*creation), writes: make(map[*ssa.Function][]int)}
	c.findWrappers()
	if len(model.Handlers) == 0 {
		return nil, nil // no handler code here
	}

	all := func(lambdamodel.EdgeKind) bool { return true }
	funcs := model.Reach(model.Handlers, all)
	byFunc := make(map[*ssa.Function][]*creation)
	for _, fn := range funcs {
		for _, cr := range c.creations(fn) {
			if returnedValue(fn, cr.value) {
				c.returned[fn] = append(c.returned[fn], cr) // its caller decides
				continue
			}
			byFunc[fn] = append(byFunc[fn], cr)
		}
	}
	for _, fn := range funcs {
		byFunc[fn] = append(byFunc[fn], c.receivedCreations(fn)...)
	}

	var diags []analysis.Diagnostic
	for _, fn := range funcs {
		for _, cr := range byFunc[fn] {
			if msg, leaks := c.judge(fn, cr); leaks {
				if cr.via != "" {
					msg += " (via " + cr.via + ")"
				}
				diags = append(diags, analysis.Diagnostic{Pos: model.CallPos(cr.instr), Message: msg})
			}
		}
	}
	report(pass, diags)
	return nil, nil
}

// creations returns the files and directories that fn creates under
// the temporary directory.
func (c *checker) creations(fn *ssa.Function) []*creation {
	var out []*creation
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue // not a call that returns what it creates
			}
			if cr := c.creation(call); cr != nil {
				out = append(out, cr)
			}
			out = append(out, c.wrapperCreations(call)...)
		}
	}
	return out
}

// creation classifies one call.
func (c *checker) creation(call *ssa.Call) *creation {
	callee := analysisutil.Callee(call.Common())
	if callee == nil || callee.Pkg() == nil || callee.Signature().Recv() != nil {
		return nil
	}
	pkg, name := callee.Pkg().Path(), callee.Name()
	if pkg != "os" && pkg != "io/ioutil" {
		return nil
	}
	args := call.Common().Args

	switch {
	case isTempCreator(call, "CreateTemp", "TempFile"):
		return &creation{instr: call, value: extract(call, 0), errv: extract(call, 1), temp: "os.CreateTemp", file: true,
			path: c.tempParent(args[0])}
	case isTempCreator(call, "MkdirTemp", "TempDir"):
		return &creation{instr: call, value: extract(call, 0), errv: extract(call, 1), temp: "os.MkdirTemp",
			path: c.tempParent(args[0])}
	}

	writes := false
	switch name {
	case "Create":
		writes = pkg == "os"
	case "WriteFile", "Mkdir", "MkdirAll":
		writes = true
	case "OpenFile":
		writes = pkg == "os" && len(args) > 1 && opensForWriting(args[1])
	}
	if !writes || len(args) == 0 {
		return nil
	}
	p := classify(args[0], 0)
	if p.kind == elsewhere {
		return nil
	}
	cr := &creation{instr: call, value: args[0], path: p, errv: call}
	if name == "Create" || name == "OpenFile" {
		cr.errv = extract(call, 1)
	}
	return cr
}

// tempParent classifies the directory argument of CreateTemp or
// MkdirTemp: "" means the temporary directory.
func (c *checker) tempParent(dir ssa.Value) path {
	if p := classify(dir, 0); p.kind != elsewhere {
		return p
	}
	return path{kind: fixedPath, text: "/tmp"}
}

// opensForWriting reports whether an os.OpenFile flag may create or
// write: a constant with a write or create bit, or any other value.
func opensForWriting(flag ssa.Value) bool {
	k, ok := flag.(*ssa.Const)
	if !ok || k.Value == nil {
		return true
	}
	v, exact := constant.Int64Val(constant.ToInt(k.Value))
	if !exact {
		return true
	}
	const write = os.O_WRONLY | os.O_RDWR | os.O_CREATE | os.O_APPEND | os.O_TRUNC
	return v&int64(write) != 0
}

// extract returns the value of result i of a call, or nil.
func extract(call *ssa.Call, i int) ssa.Value {
	if call.Referrers() == nil {
		return nil
	}
	for _, ref := range *call.Referrers() {
		if x, ok := ref.(*ssa.Extract); ok && x.Index == i {
			return x
		}
	}
	return nil
}

// returnedValue reports whether fn returns v to its caller.
func returnedValue(fn *ssa.Function, v ssa.Value) bool {
	if v == nil || v.Referrers() == nil {
		return false
	}
	for _, ref := range *v.Referrers() {
		if _, ok := ref.(*ssa.Return); ok {
			return true
		}
	}
	return false
}

// receivedCreations returns the temp entries that fn receives from the
// functions it calls, so that fn's removal of them counts.
func (c *checker) receivedCreations(fn *ssa.Function) []*creation {
	var out []*creation
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			callee := call.Common().StaticCallee()
			for _, cr := range c.returned[callee] {
				res := extract(call, 0)
				if res == nil {
					continue
				}
				moved := *cr
				moved.value, moved.errv = res, extract(call, 1)
				moved.instr = cr.instr // still reported where it is created
				out = append(out, &moved)
			}
		}
	}
	return out
}

// report reports the diagnostics in the order of their positions.
func report(pass *analysis.Pass, diags []analysis.Diagnostic) {
	seen := make(map[token.Pos]bool)
	for _, d := range sortByPos(diags) {
		if !seen[d.Pos] {
			seen[d.Pos] = true
			pass.Report(d)
		}
	}
}
