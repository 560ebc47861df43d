package tmpleak

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
	"github.com/lambdalint/lambdalint/analyzers/internal/lambdamodel"
)

// writeAPIs maps the calls that create or write a file or directory at
// their first argument, by package path and name.
var writeAPIs = map[string]map[string]bool{
	"os":        {"Create": true, "WriteFile": true, "OpenFile": true, "Mkdir": true, "MkdirAll": true},
	"io/ioutil": {"WriteFile": true},
}

// findWrappers records the functions of the package that create or
// write a file at one of their parameters and do not remove it, and
// exports their facts. A call of such a wrapper with a path under /tmp
// counts as a creation.
func (c *checker) findWrappers() {
	for round := 0; round < 4; round++ {
		changed := false
		for _, fn := range c.model.Funcs {
			params := c.writtenParams(fn)
			if !slices.Equal(params, c.writes[fn]) {
				c.writes[fn] = params
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	if c.pass.Pkg.Name() == "main" {
		return // no other package imports it
	}
	for _, fn := range c.model.Funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Synthetic != "" || fn.Parent() != nil || !obj.Exported() {
			continue // not callable from another package
		}
		var removes []int
		for i, p := range fn.Params {
			if removesParam(fn, p) {
				removes = append(removes, i)
			}
		}
		if len(c.writes[fn]) > 0 || len(removes) > 0 {
			c.pass.ExportObjectFact(obj, &summaryFact{Writes: c.writes[fn], Removes: removes})
		}
	}
}

// writtenParams returns the parameters of fn that it writes a file at,
// directly or through another wrapper, and does not remove.
func (c *checker) writtenParams(fn *ssa.Function) []int {
	var out []int
	for i, p := range fn.Params {
		if c.writesAt(fn, p) && !removesParam(fn, p) {
			out = append(out, i)
		}
	}
	return out
}

// writesAt reports whether fn creates or writes a file at p.
func (c *checker) writesAt(fn *ssa.Function, p *ssa.Parameter) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			args := call.Common().Args
			if callee := analysisutil.Callee(call.Common()); callee != nil && callee.Pkg() != nil &&
				writeAPIs[callee.Pkg().Path()][callee.Name()] && callee.Signature().Recv() == nil && len(args) > 0 && args[0] == ssa.Value(p) {
				if callee.Name() != "OpenFile" || len(args) > 1 && opensForWriting(args[1]) {
					return true
				}
			}
			for _, i := range c.wrapperParams(call.Common()) {
				if i < len(args) && args[i] == ssa.Value(p) {
					return true
				}
			}
		}
	}
	return false
}

// wrapperParams returns the parameters that the callee of c writes a
// file at: from this package's wrappers, or from facts.
func (c *checker) wrapperParams(common *ssa.CallCommon) []int {
	if fn := common.StaticCallee(); fn != nil && fn.Blocks != nil {
		return c.writes[fn]
	}
	callee := analysisutil.Callee(common)
	if callee == nil || common.IsInvoke() {
		return nil
	}
	var f summaryFact
	if c.pass.ImportObjectFact(callee, &f) {
		return f.Writes
	}
	return nil
}

// wrapperCreations returns the creations that a call of a wrapper makes
// with paths under /tmp.
func (c *checker) wrapperCreations(call *ssa.Call) []*creation {
	var out []*creation
	args := call.Common().Args
	for _, i := range c.wrapperParams(call.Common()) {
		if i >= len(args) {
			continue
		}
		p := classify(args[i], 0)
		if p.kind == elsewhere {
			continue
		}
		out = append(out, &creation{instr: call, value: args[i], path: p, errv: lastResult(call), via: wrapperName(call.Common())})
	}
	return out
}

// wrapperName names the wrapper a call reaches, as a chain does.
func wrapperName(common *ssa.CallCommon) string {
	if fn := common.StaticCallee(); fn != nil && fn.Blocks != nil {
		return lambdamodel.Name(fn)
	}
	if callee := analysisutil.Callee(common); callee != nil {
		return lambdamodel.QualifiedName(callee)
	}
	return "?"
}

// lastResult returns the last result of a call, its error by
// convention, or nil.
func lastResult(call *ssa.Call) ssa.Value {
	tuple, ok := call.Type().(*types.Tuple)
	switch {
	case ok && tuple.Len() > 0:
		return extract(call, tuple.Len()-1)
	case !ok && call.Type() != nil:
		return call
	}
	return nil
}
