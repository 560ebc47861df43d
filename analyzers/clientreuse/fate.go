package clientreuse

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
)

// fate is the outcome of a value within the function that holds it.
type fate struct {
	kept    bool  // stored where a later invocation can find it, or given to code that may do so
	results []int // the results of the function that carry it, for its callers to decide
	closed  bool  // its Close method is called
}

// source is a value that a function builds: a client, a pool or a
// configuration from a constructor, or one returned by a function that
// builds it.
type source struct {
	instr ssa.Instruction // the call or the allocation
	value ssa.Value       // the call or the allocation
	index int             // the result of the call that holds the client, or -1 for a single result
	ctor  constructor
	via   []string // the functions between instr and the constructor, outermost first
	local int      // how many names at the start of via are of this package
}

// sources returns the values that fn builds.
func (c *checker) sources(fn *ssa.Function) []source {
	var out []source
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if transportAlloc(asValue(instr)) {
				out = append(out, source{instr: instr, value: instr.(ssa.Value), index: -1,
					ctor: constructor{Name: "http.Transport", Kind: kindPool}})
				continue
			}
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue // not a call whose result the function holds
			}
			callee := analysisutil.Callee(call.Common())
			if ctor, ok := catalogueCtor(callee); ok {
				out = append(out, source{instr: call, value: call, index: analysisutil.ResultIndex(call, 0), ctor: ctor})
				continue
			}
			name, local, results := c.freshOf(call.Common())
			for _, r := range results {
				out = append(out, source{
					instr: call,
					value: call,
					index: analysisutil.ResultIndex(call, r.Result),
					ctor:  constructor{Name: r.Name, Kind: r.Kind},
					via:   append([]string{name}, r.Via...),
					local: local + r.local,
				})
			}
		}
	}
	return out
}

// freshOf returns the name of the function that c calls, 1 when that
// function is of this package, and the fresh clients it returns.
func (c *checker) freshOf(common *ssa.CallCommon) (string, int, []freshResult) {
	if local := analysisutil.LocalCallee(common); local != nil {
		return localName(local), 1, c.fresh[local]
	}
	callee := analysisutil.Callee(common)
	if callee == nil || callee.Pkg() == c.pass.Pkg || common.IsInvoke() {
		return "", 0, nil
	}
	if f := c.fact(callee); f != nil {
		return qualifiedName(callee), 0, f.Fresh
	}
	return "", 0, nil
}

func asValue(instr ssa.Instruction) ssa.Value {
	v, _ := instr.(ssa.Value)
	return v
}

// fateOf follows value v of fn, or result index of it when index is not
// -1, through the instructions that use it.
func (c *checker) fateOf(fn *ssa.Function, v ssa.Value, index int) fate {
	t := &tracker{c: c, fn: fn, seen: make(map[ssa.Value]bool)}
	t.pushResult(v, index)
	for len(t.work) > 0 && !t.f.kept {
		v := t.work[len(t.work)-1]
		t.work = t.work[:len(t.work)-1]
		if v.Referrers() == nil {
			continue
		}
		for _, ref := range *v.Referrers() {
			t.use(v, ref)
		}
	}
	slices.Sort(t.f.results)
	t.f.results = slices.Compact(t.f.results)
	return t.f
}

// tracker holds the state of one fateOf walk.
type tracker struct {
	c    *checker
	fn   *ssa.Function
	f    fate
	work []ssa.Value
	seen map[ssa.Value]bool
}

func (t *tracker) push(v ssa.Value) {
	if v != nil && !t.seen[v] {
		t.seen[v] = true
		t.work = append(t.work, v)
	}
}

// pushResult pushes result index of v, or v itself for index -1.
func (t *tracker) pushResult(v ssa.Value, index int) {
	if index < 0 {
		t.push(v)
		return
	}
	if v.Referrers() == nil {
		return
	}
	for _, ref := range *v.Referrers() {
		if x, ok := ref.(*ssa.Extract); ok && x.Index == index {
			t.push(x)
		}
	}
}

// use records what instruction ref does with the tracked value v.
func (t *tracker) use(v ssa.Value, ref ssa.Instruction) {
	switch x := ref.(type) {
	case *ssa.ChangeType, *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.Phi, *ssa.Slice:
		t.push(x.(ssa.Value))
	case *ssa.TypeAssert:
		if x.CommaOk {
			t.pushResult(x, 0)
		} else {
			t.push(x)
		}
	case *ssa.UnOp:
		if x.Op == token.MUL {
			t.push(x) // a load from a tracked variable
		}
	case *ssa.FieldAddr:
		t.push(x)
	case *ssa.Field:
		t.push(x)
	case *ssa.IndexAddr:
		if x.X == v {
			t.push(x)
		}
	case *ssa.Index:
		if x.X == v {
			t.push(x)
		}
	case *ssa.Lookup:
		if x.X == v {
			t.push(x)
		}
	case *ssa.Store:
		if x.Val == v {
			t.storeInto(x.Addr)
		}
	case *ssa.MapUpdate:
		if x.Key == v || x.Value == v {
			t.storeInto(x.Map)
		}
	case *ssa.Send:
		t.f.kept = true // another goroutine receives it
	case *ssa.Return:
		t.returned(v, x)
	case *ssa.MakeClosure:
		for i, b := range x.Bindings {
			if b == v {
				t.push(x)
				if fn, ok := x.Fn.(*ssa.Function); ok && i < len(fn.FreeVars) {
					t.push(fn.FreeVars[i])
				}
			}
		}
	case ssa.CallInstruction:
		t.call(v, x)
	}
}

// returned records a return of v.
func (t *tracker) returned(v ssa.Value, ret *ssa.Return) {
	if ret.Parent() != t.fn {
		// A func literal that captured the value returns it; where its
		// result goes is not followed.
		// TODO: follow the calls of the literal.
		if t.c.once[ret.Parent()] {
			t.f.kept = true
		}
		return
	}
	for i, r := range ret.Results {
		if r == v {
			t.f.results = append(t.f.results, i)
		}
	}
}

// storeInto records a store of the tracked value into addr, or into the
// map addr.
func (t *tracker) storeInto(addr ssa.Value) {
	for {
		switch a := addr.(type) {
		case *ssa.FieldAddr:
			addr = a.X
			continue
		case *ssa.IndexAddr:
			addr = a.X
			continue
		case *ssa.UnOp:
			if a.Op == token.MUL {
				addr = a.X
				continue
			}
		}
		break
	}
	switch addr.(type) {
	case *ssa.Global:
		t.f.kept = true // a package-level variable
	case *ssa.FreeVar, *ssa.Parameter:
		// A variable captured by a func literal, or something the caller
		// passed in, may live across invocations.
		// NOTE: this silences a client stored in a per-invocation struct
		// that the caller owns.
		t.f.kept = true
	case *ssa.Const:
		// nil
	default:
		t.push(addr) // a local variable or struct: follow where it goes
	}
}

// call records a call that receives the tracked value v.
func (t *tracker) call(v ssa.Value, call ssa.CallInstruction) {
	common := call.Common()
	callee := analysisutil.Callee(common)
	if common.IsInvoke() && common.Value == v {
		t.receiverCall(callee)
		return
	}
	if !common.IsInvoke() && common.Value == v {
		return // calling the func value that captured it
	}
	var args []int
	for i, a := range common.Args {
		if a == v {
			args = append(args, i)
		}
	}
	if len(args) == 0 {
		return
	}
	result, _ := call.(*ssa.Call)

	if local := analysisutil.LocalCallee(common); local != nil {
		params := t.c.params[local]
		for _, i := range args {
			if i >= len(params) {
				t.f.kept = true // a variadic or wrapper argument not summarised
				continue
			}
			t.applyParam(params[i], result)
		}
		return
	}
	switch {
	case callee == nil || common.IsInvoke():
		t.f.kept = true // a func value or interface: the code is not known
	case callee.Signature().Recv() != nil && args[0] == 0 && t.c.external(callee.Pkg()):
		t.receiverCall(callee)
	case !t.c.external(callee.Pkg()):
		// A function of another package of the module, summarised by
		// its fact.
		if f := t.c.fact(callee); f != nil {
			for _, p := range f.Params {
				if slices.Contains(args, p.Index) {
					t.applyParam(fate{kept: p.Kept, results: p.Results}, result)
				}
			}
		}
	case analysisutil.IsOnceCall(callee), keepsArgument(callee):
		t.f.kept = true
	case result != nil:
		// A library call may wrap what it is given in its result, as
		// s3.NewPresignClient and session.Must do.
		wrapped(result, t.pushResult)
	}
}

// receiverCall records a method call on the tracked value.
func (t *tracker) receiverCall(callee *types.Func) {
	if callee != nil && callee.Name() == "Close" {
		t.f.closed = true
	}
}

// applyParam records what a callee does with a parameter that receives
// the tracked value.
func (t *tracker) applyParam(p fate, result *ssa.Call) {
	if p.kept {
		t.f.kept = true
	}
	if result == nil {
		return
	}
	for _, r := range p.results {
		t.pushResult(result, analysisutil.ResultIndex(result, r))
	}
}

// wrapped calls push for each result of call that could hold a client:
// not a basic value and not an error.
func wrapped(call *ssa.Call, push func(ssa.Value, int)) {
	results := call.Common().Signature().Results()
	for i := range results.Len() {
		T := results.At(i).Type()
		if _, basic := T.Underlying().(*types.Basic); basic || types.Identical(T, errorType) {
			continue
		}
		push(call, analysisutil.ResultIndex(call, i))
	}
}

var errorType = types.Universe.Lookup("error").Type()
