package dbpool

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
)

// poolFlow is the trace of one pool through the code of this package:
// the values, variables and fields that hold it, and what they do.
type poolFlow struct {
	c    *checker
	seen map[ssa.Value]bool
	work []ssa.Value

	globals map[*ssa.Global]bool
	fields  map[*types.Var]bool

	capped     bool // SetMaxOpenConns is called with a positive limit
	unknown    bool // code the analyzer cannot follow receives the pool
	persistent bool // the pool outlives an invocation
	capOnly    bool // values found from now on only look for a cap

	// returns lists the exported functions that return the pool to
	// other packages, with the index of the result.
	returns map[*ssa.Function][]int
}

// follow traces the pool that v holds, result index of v unless index
// is -1, through the package.
func (c *checker) follow(v ssa.Value, index int) *poolFlow {
	p := &poolFlow{
		c:       c,
		seen:    make(map[ssa.Value]bool),
		globals: make(map[*ssa.Global]bool),
		fields:  make(map[*types.Var]bool),
		returns: make(map[*ssa.Function][]int),
	}
	p.pushResult(v, index)
	p.drain()
	if !p.persistent || p.capped || p.unknown {
		return p
	}
	// A long-lived pool without a cap so far: look for the cap through
	// every access to the fields that hold it, in any instance. These
	// accesses may belong to other pools, so they decide only the cap.
	p.capOnly = true
	for _, fn := range c.model.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if field := fieldOf(instr); field != nil && p.fields[field] {
					p.push(instr.(ssa.Value))
				}
			}
		}
	}
	p.drain()
	return p
}

// drain follows the values on the work list, and the loads of the
// package-level variables the pool is stored in, until none is left.
func (p *poolFlow) drain() {
	loaded := make(map[*ssa.Global]bool)
	for {
		for len(p.work) > 0 && !p.capped {
			v := p.work[len(p.work)-1]
			p.work = p.work[:len(p.work)-1]
			if v.Referrers() == nil {
				continue
			}
			for _, ref := range *v.Referrers() {
				p.use(v, ref)
			}
		}
		more := false
		for g := range p.globals {
			if !loaded[g] {
				loaded[g] = true
				more = true
				for _, load := range p.c.loads[g] {
					p.push(load)
				}
			}
		}
		if !more || p.capped {
			return
		}
	}
}

func (p *poolFlow) push(v ssa.Value) {
	if v == nil || p.seen[v] {
		return
	}
	p.seen[v] = true
	p.work = append(p.work, v)
	if fn := v.Parent(); fn != nil && !p.capOnly && (p.c.initFuncs[fn] || p.c.once[fn]) {
		p.persistent = true // main, init and sync.Once bodies hold it for the environment's life
	}
}

// pushResult pushes result index of v, or v itself for index -1.
func (p *poolFlow) pushResult(v ssa.Value, index int) {
	if index < 0 {
		p.push(v)
		return
	}
	if v.Referrers() == nil {
		return
	}
	for _, ref := range *v.Referrers() {
		if x, ok := ref.(*ssa.Extract); ok && x.Index == index {
			p.push(x)
		}
	}
}

// use records what instruction ref does with the pool value v.
func (p *poolFlow) use(v ssa.Value, ref ssa.Instruction) {
	switch x := ref.(type) {
	case *ssa.ChangeType, *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.Phi, *ssa.Slice:
		p.push(x.(ssa.Value))
	case *ssa.TypeAssert:
		if x.CommaOk {
			p.pushResult(x, 0)
		} else {
			p.push(x)
		}
	case *ssa.UnOp:
		if x.Op == token.MUL {
			p.push(x)
		}
	case *ssa.FieldAddr, *ssa.Field, *ssa.IndexAddr, *ssa.Index:
		if field := fieldOf(x); field == nil || holdsPool(field.Type()) {
			p.push(x.(ssa.Value))
		}
	case *ssa.Store:
		if x.Val == v {
			p.storeInto(x.Addr)
		}
	case *ssa.MapUpdate, *ssa.Send:
		p.unknown = true // kept in a map or sent away: not followed
	case *ssa.Return:
		p.returned(v, x)
	case *ssa.MakeClosure:
		for i, b := range x.Bindings {
			if b == v {
				p.push(x)
				if fn, ok := x.Fn.(*ssa.Function); ok && i < len(fn.FreeVars) {
					p.push(fn.FreeVars[i])
				}
			}
		}
	case ssa.CallInstruction:
		p.call(v, x)
	}
}

// storeInto records a store of the pool at addr.
func (p *poolFlow) storeInto(addr ssa.Value) {
	for {
		switch a := addr.(type) {
		case *ssa.FieldAddr:
			p.fields[fieldOf(a)] = true
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
	switch a := addr.(type) {
	case *ssa.Global:
		if p.capOnly {
			return
		}
		p.persistent = true
		p.globals[a] = true
		if a.Object() != nil && a.Object().Exported() && a.Pkg.Pkg.Name() != "main" {
			p.unknown = true // other packages may set its limit
		}
	case *ssa.FreeVar:
		// A variable captured by a func literal: follow it where the
		// literal is created.
		for _, mc := range p.c.closures[a.Parent()] {
			for i, fv := range a.Parent().FreeVars {
				if fv == a && i < len(mc.Bindings) {
					p.push(mc.Bindings[i])
				}
			}
		}
	case *ssa.Parameter:
		p.callerArgs(a)
	case *ssa.Const:
		// nil
	default:
		p.push(addr) // a local variable or struct: follow where it goes
	}
}

// callerArgs follows a parameter that the pool is stored through to
// the arguments of the calls in this package.
func (p *poolFlow) callerArgs(param *ssa.Parameter) {
	fn := param.Parent()
	sites := p.c.callSites[fn]
	if len(sites) == 0 {
		p.unknown = true // called from other packages or through func values
		return
	}
	for i, q := range fn.Params {
		if q != param {
			continue
		}
		for _, call := range sites {
			if args := call.Common().Args; i < len(args) {
				p.push(args[i])
			}
		}
	}
}

// returned records a return of the pool: the callers in this package
// receive it, and other packages receive it from exported functions.
func (p *poolFlow) returned(v ssa.Value, ret *ssa.Return) {
	fn := ret.Parent()
	if p.c.once[fn] && !p.capOnly {
		p.persistent = true
	}
	for i, r := range ret.Results {
		if r != v {
			continue
		}
		for _, call := range p.c.callSites[fn] {
			if result, ok := call.(*ssa.Call); ok {
				p.pushResult(result, analysisutil.ResultIndex(result, i))
			}
		}
		if exportedFunc(fn) {
			p.returns[fn] = append(p.returns[fn], i)
		}
	}
}

// call records a call that receives the pool value v.
func (p *poolFlow) call(v ssa.Value, call ssa.CallInstruction) {
	common := call.Common()
	callee := analysisutil.Callee(common)
	if common.IsInvoke() {
		if common.Value != v {
			p.unknown = true // an interface method is given the pool
		}
		return
	}
	if common.Value == v {
		return // calling the func literal that captured it
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
	if isSetMaxOpenConns(callee) && args[0] == 0 && len(common.Args) == 2 {
		if limits(common.Args[1]) {
			p.capped = true
		}
		return
	}
	if local := analysisutil.LocalCallee(common); local != nil {
		for _, i := range args {
			if i < len(local.Params) {
				p.push(local.Params[i])
			}
		}
		return
	}
	result, _ := call.(*ssa.Call)
	switch {
	case callee == nil:
		p.unknown = true // a func value is given the pool
	case callee.Signature().Recv() != nil && args[0] == 0:
		// A method of the pool, such as QueryContext.
	case !p.c.external(callee.Pkg()):
		if f := p.c.fact(callee); f != nil {
			for _, i := range f.Caps {
				for _, j := range args {
					if i == j {
						p.capped = true
					}
				}
			}
		}
		p.wrap(result)
	default:
		p.wrap(result)
	}
}

// wrap follows the results of a library call that is given the pool and
// may return a wrapper around it, as sqlx.NewDb does.
func (p *poolFlow) wrap(call *ssa.Call) {
	if call == nil {
		return
	}
	results := call.Common().Signature().Results()
	for i := range results.Len() {
		T := results.At(i).Type()
		if _, basic := T.Underlying().(*types.Basic); basic || types.Identical(T, errorType) {
			continue
		}
		p.pushResult(call, analysisutil.ResultIndex(call, i))
	}
}

var errorType = types.Universe.Lookup("error").Type()

// limits reports whether n, the argument of SetMaxOpenConns, may be a
// positive limit: zero and negative values mean no limit.
func limits(n ssa.Value) bool {
	k, ok := n.(*ssa.Const)
	if !ok || k.Value == nil {
		return true // computed, as from configuration
	}
	return constant.Sign(k.Value) > 0
}

// isSetMaxOpenConns reports whether fn is (*sql.DB).SetMaxOpenConns.
func isSetMaxOpenConns(fn *types.Func) bool {
	return fn != nil && fn.Name() == "SetMaxOpenConns" && fn.Signature().Recv() != nil &&
		analysisutil.IsNamed(fn.Signature().Recv().Type(), "database/sql", "DB")
}

// holdsPool reports whether a value of type T can hold a pool whose
// limit can be set: *sql.DB, or a type that embeds it.
func holdsPool(T types.Type) bool {
	return analysisutil.HasMethod(T, "SetMaxOpenConns")
}

// fieldOf returns the struct field that instr selects, or nil.
func fieldOf(instr ssa.Instruction) *types.Var {
	switch x := instr.(type) {
	case *ssa.FieldAddr:
		T := x.X.Type().Underlying().(*types.Pointer).Elem()
		return T.Underlying().(*types.Struct).Field(x.Field)
	case *ssa.Field:
		return x.X.Type().Underlying().(*types.Struct).Field(x.Field)
	}
	return nil
}

// exportedFunc reports whether other packages can call fn.
func exportedFunc(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	return ok && fn.Synthetic == "" && fn.Parent() == nil && obj.Exported() && fn.Pkg.Pkg.Name() != "main"
}
