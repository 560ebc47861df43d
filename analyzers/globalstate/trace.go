package globalstate

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
	"github.com/lambdalint/lambdalint/analyzers/internal/lambdamodel"
)

// maxTraceRounds bounds the passes over a function's instructions; each
// pass only adds labels, and loops need a few.
const maxTraceRounds = 8

// trace follows the inputs of fn through its instructions and records
// the writes into package-level state.
func (c *checker) trace(fn *ssa.Function) *flow {
	f := &flow{
		fn:     fn,
		inputs: make(map[ssa.Value]int),
		val:    make(map[ssa.Value]labels),
		mem:    make(map[ssa.Value]labels),
		stores: make(map[int]labels),
	}
	for i, p := range fn.Params {
		if i < maxInputs-1 && carriesData(p.Type()) {
			f.inputs[p] = i
		}
	}
	for j, fv := range fn.FreeVars {
		if i := len(fn.Params) + j; i < maxInputs-1 && carriesData(fv.Type()) {
			f.inputs[fv] = i
		}
	}

	for round, changed := 0, true; changed && round < maxTraceRounds; round++ {
		changed = false
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if c.transfer(f, instr) {
					changed = true
				}
			}
		}
	}

	// The writes, once the labels are complete.
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			c.writes(f, instr)
		}
	}
	return f
}

// carriesData reports whether a parameter of type T can hold request
// data: the context and the response writer do not.
func carriesData(T types.Type) bool {
	return !analysisutil.IsContext(T) && !analysisutil.IsNamed(T, "net/http", "ResponseWriter")
}

// labelsOf returns the labels of v.
func (f *flow) labelsOf(v ssa.Value) labels {
	if i, ok := f.inputs[v]; ok {
		return 1 << i
	}
	return f.val[v]
}

// pointee returns the labels of what the address or reference v points
// to.
func (f *flow) pointee(v ssa.Value) labels {
	kind, r := root(v)
	switch kind {
	case localAddr:
		return f.mem[r]
	case paramAddr:
		return f.labelsOf(r)
	}
	return 0
}

// set raises the labels of v and reports whether they grew.
func (f *flow) set(v ssa.Value, l labels) bool {
	if l == 0 || f.val[v]|l == f.val[v] {
		return false
	}
	f.val[v] |= l
	return true
}

// remember raises the labels stored at a local address.
func (f *flow) remember(r ssa.Value, l labels) bool {
	if l == 0 || f.mem[r]|l == f.mem[r] {
		return false
	}
	f.mem[r] |= l
	return true
}

// transfer computes the labels that instr gives its value and the
// memory it writes, and reports whether anything grew.
func (c *checker) transfer(f *flow, instr ssa.Instruction) bool {
	switch x := instr.(type) {
	case *ssa.Store:
		if kind, r := root(x.Addr); kind == localAddr {
			return f.remember(r, f.labelsOf(x.Val)|f.pointee(x.Val))
		}
		return false
	case *ssa.MapUpdate:
		if kind, r := root(x.Map); kind == localAddr {
			return f.remember(r, f.labelsOf(x.Key)|f.labelsOf(x.Value)|f.pointee(x.Value))
		}
		return false
	case ssa.CallInstruction:
		return c.callTransfer(f, x)
	}

	v, ok := instr.(ssa.Value)
	if !ok || analysisutil.IsContext(v.Type()) {
		return false // no value, or a context, which is not request data itself
	}
	var l labels
	switch x := v.(type) {
	case *ssa.UnOp:
		l = f.labelsOf(x.X)
		if x.Op == token.MUL {
			l |= f.pointee(x.X)
		}
	case *ssa.BinOp:
		if isComparison(x.Op) {
			return false // a yes or no about the request is not the request
		}
		l = f.labelsOf(x.X) | f.labelsOf(x.Y)
	case *ssa.Lookup:
		l = f.labelsOf(x.X) | f.labelsOf(x.Index) | f.pointee(x.X)
	case *ssa.Index:
		l = f.labelsOf(x.X) | f.pointee(x.X)
	case *ssa.Next:
		l = f.labelsOf(x.Iter)
	case *ssa.Range:
		l = f.labelsOf(x.X) | f.pointee(x.X)
	default:
		for _, op := range instr.Operands(nil) {
			if *op != nil {
				l |= f.labelsOf(*op)
			}
		}
	}
	return f.set(v, l)
}

// callTransfer computes the result of a call and what it writes into
// its arguments.
func (c *checker) callTransfer(f *flow, call ssa.CallInstruction) bool {
	common := call.Common()
	args := c.inputsOf(f, call)
	var in labels
	for _, l := range args {
		in |= l
	}
	callee := analysisutil.Callee(common)
	if isSource(common, callee) {
		in |= request
	}

	grew := false
	if v := call.Value(); v != nil && !analysisutil.IsContext(v.Type()) && !isCountOrBool(common, v) {
		grew = f.set(v, in)
	}

	// What the call writes through its arguments: precisely for the
	// functions with a summary, and for others any pointer argument may
	// receive what the call was given (json.Unmarshal into &order).
	for i, arg := range common.Args {
		kind, r := root(arg)
		if kind != localAddr {
			continue
		}
		if stores, ok := c.storesOf(call, i, args); ok {
			grew = f.remember(r, stores) || grew
		} else if !c.summarised(call) {
			grew = f.remember(r, in&^args[i]) || grew
		}
	}
	return grew
}

// inputsOf returns the labels of each argument of a call, the pointed-to
// data included; contexts carry none.
func (c *checker) inputsOf(f *flow, call ssa.CallInstruction) []labels {
	common := call.Common()
	out := make([]labels, len(common.Args))
	for i, arg := range common.Args {
		if analysisutil.IsContext(arg.Type()) {
			continue
		}
		out[i] = f.labelsOf(arg) | f.pointee(arg)
	}
	if common.IsInvoke() && !analysisutil.IsContext(common.Value.Type()) {
		out = append([]labels{f.labelsOf(common.Value) | f.pointee(common.Value)}, out...)
	}
	if mc, ok := common.Value.(*ssa.MakeClosure); ok {
		out = append(out, bindings(f, mc)...) // the free variables follow the parameters
	}
	return out
}

// bindings returns the labels of the values a closure captures.
func bindings(f *flow, mc *ssa.MakeClosure) []labels {
	out := make([]labels, len(mc.Bindings))
	for j, b := range mc.Bindings {
		out[j] = f.labelsOf(b) | f.pointee(b)
	}
	return out
}

// isSource reports whether a call returns request data whatever its
// arguments: lambdacontext.FromContext and Value of a context.
func isSource(common *ssa.CallCommon, callee *types.Func) bool {
	if common.IsInvoke() {
		return common.Method.Name() == "Value" && analysisutil.IsContext(common.Value.Type())
	}
	return callee != nil && callee.Pkg() != nil &&
		callee.Pkg().Path() == "github.com/aws/aws-lambda-go/lambdacontext" && callee.Name() == "FromContext"
}

// isCountOrBool reports whether a call returns only a length or a
// truth value, which the handler may keep: len and cap.
func isCountOrBool(common *ssa.CallCommon, v ssa.Value) bool {
	if b, ok := common.Value.(*ssa.Builtin); ok {
		return b.Name() == "len" || b.Name() == "cap"
	}
	return false
}

func isComparison(op token.Token) bool {
	switch op {
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		return true
	}
	return false
}

// compose maps the labels of a callee's inputs onto the caller's
// arguments.
func compose(l labels, args []labels) labels {
	out := l & request
	for i, a := range args {
		if i < maxInputs-1 && l&(1<<i) != 0 {
			out |= a
		}
	}
	return out
}

// calleeFlows returns the summaries a call may use: the flows of the
// functions of this package it reaches, with the labels of their inputs
// in terms of this call, and the facts of those in other packages.
func (c *checker) calleeFlows(call ssa.CallInstruction) (local []*flow, foreign []*types.Func) {
	for _, e := range c.edges[call] {
		if e.Kind == lambdamodel.FuncArg || e.Kind == lambdamodel.HandOut {
			continue // the value is passed on, not called here
		}
		if e.Local != nil {
			if fl := c.flows[e.Local]; fl != nil {
				local = append(local, fl)
			}
		} else if e.Foreign != nil {
			foreign = append(foreign, e.Foreign)
		}
	}
	return local, foreign
}

// summarised reports whether a call goes to functions with a summary.
func (c *checker) summarised(call ssa.CallInstruction) bool {
	local, foreign := c.calleeFlows(call)
	if len(local) > 0 {
		return true
	}
	for _, fn := range foreign {
		if c.fact(fn) != nil {
			return true
		}
	}
	return false
}

// storesOf returns what a call with summaries writes through argument
// i, in terms of the caller's labels.
func (c *checker) storesOf(call ssa.CallInstruction, i int, args []labels) (labels, bool) {
	local, foreign := c.calleeFlows(call)
	var out labels
	found := false
	for _, fl := range local {
		found = true
		out |= compose(fl.stores[i], args)
	}
	for _, fn := range foreign {
		if fact := c.fact(fn); fact != nil {
			found = true
			for _, s := range fact.Stores {
				if s.Param == i {
					out |= compose(labels(s.Inputs), args)
				}
			}
		}
	}
	return out, found
}
