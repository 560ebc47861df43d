package notimeout

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
	"github.com/lambdalint/lambdalint/analyzers/internal/lambdamodel"
)

// checkContextSource reports a context that does not derive from the
// handler's: context.Background, context.TODO and context.WithoutCancel,
// unless the result is bounded on the spot.
func (c *checker) checkContextSource(fn *ssa.Function, call ssa.CallInstruction, callee *types.Func) (lambdamodel.LocalFault, bool) {
	if !isFunc(callee, "context", "Background", "TODO", "WithoutCancel") || c.library {
		return lambdamodel.LocalFault{}, false
	}
	value, ok := call.(*ssa.Call)
	if !ok || boundedOnTheSpot(value) || idle(value, 0, false) || nilContextFallback(call) {
		return lambdamodel.LocalFault{}, false // no result, a deadline at once, no call that waits on it, or a default for a nil ctx
	}
	if callee.Name() == "WithoutCancel" {
		return c.fault(call, "context.WithoutCancel drops the handler's deadline, so calls made with it keep running until the invocation times out"), true
	}
	msg := "context." + callee.Name() + "() drops the handler's deadline, so calls made with it keep running until the invocation times out"
	return c.fault(call, msg, c.fixContextSource(fn, call)...), true
}

// boundedOnTheSpot reports whether every use of ctx is as the parent of
// context.WithTimeout or context.WithDeadline, which bound it.
func boundedOnTheSpot(ctx *ssa.Call) bool {
	return everyUseIsCall(ctx, func(call *ssa.Call, callee *types.Func) bool {
		args := call.Common().Args
		return isFunc(callee, "context", "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause") &&
			len(args) > 0 && args[0] == ssa.Value(ctx)
	})
}

// idle reports whether the invocation waits on no call that uses ctx.
// Every use must be an argument of a function that keeps the context
// for configuration or background work, or of WithValue or WithCancel
// whose context is idle in turn. config.LoadDefaultConfig of the AWS
// SDK for Go v2 reads the environment and files on Lambda, and
// pgxpool.New connects lazily. A go statement may use a context derived
// by WithCancel when the function calls the cancel func, because that
// stops the goroutine's work when the function returns. A fresh context
// handed to a goroutine as it is stays a finding.
func idle(ctx ssa.Value, depth int, cancelled bool) bool {
	refs := ctx.Referrers()
	if refs == nil || len(*refs) == 0 || depth > 4 {
		return false
	}
	for _, ref := range *refs {
		switch r := ref.(type) {
		case *ssa.Go:
			if !cancelled {
				return false
			}
		case *ssa.MakeClosure:
			if !cancelled || !onlyStartedAsGoroutine(r) {
				return false // a func literal that captures ctx and may run in the invocation
			}
		case *ssa.Store:
			// A variable that a func literal captures lives in a cell.
			if !cancelled || r.Val != ctx || !onlyCapturedByGoroutines(r.Addr) {
				return false
			}
		case *ssa.Call:
			callee := analysisutil.Callee(r.Common())
			switch {
			case callee == nil:
				return false
			case passedToIdleParam(r, ctx, depth, cancelled):
				continue
			case isFunc(callee, "github.com/aws/aws-sdk-go-v2/config", "LoadDefaultConfig"),
				isFunc(callee, "github.com/jackc/pgx/v5/pgxpool", "New", "NewWithConfig"):
				continue
			case isFunc(callee, "context", "WithValue"):
				if !idle(r, depth+1, cancelled) {
					return false
				}
			case isFunc(callee, "context", "WithCancel", "WithCancelCause"):
				if !idleResult(r, depth+1, cancelled || cancelCalled(r)) {
					return false
				}
			default:
				return false
			}
		default:
			return false
		}
	}
	return true
}

// passedToIdleParam reports whether call passes ctx to a function of
// this package whose parameter is idle, such as a helper that only
// starts a goroutine with it.
func passedToIdleParam(call *ssa.Call, ctx ssa.Value, depth int, cancelled bool) bool {
	fn := call.Common().StaticCallee()
	if fn == nil || fn.Blocks == nil {
		return false
	}
	for i, arg := range call.Common().Args {
		if arg == ctx && (i >= len(fn.Params) || !idle(fn.Params[i], depth+1, cancelled)) {
			return false
		}
	}
	return true
}

// onlyStartedAsGoroutine reports whether every use of a func literal is
// a go statement that runs it.
func onlyStartedAsGoroutine(mc *ssa.MakeClosure) bool {
	refs := mc.Referrers()
	if refs == nil || len(*refs) == 0 {
		return false
	}
	for _, ref := range *refs {
		g, ok := ref.(*ssa.Go)
		if !ok || g.Call.Value != ssa.Value(mc) {
			return false
		}
	}
	return true
}

// onlyCapturedByGoroutines reports whether the cell of a captured
// variable is only stored to and captured by func literals that run as
// goroutines.
func onlyCapturedByGoroutines(cell ssa.Value) bool {
	alloc, ok := cell.(*ssa.Alloc)
	if !ok || alloc.Referrers() == nil {
		return false
	}
	for _, ref := range *alloc.Referrers() {
		switch r := ref.(type) {
		case *ssa.Store:
		case *ssa.MakeClosure:
			if !onlyStartedAsGoroutine(r) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// idleResult reports whether the context that a call of WithCancel
// returns is idle.
func idleResult(call *ssa.Call, depth int, cancelled bool) bool {
	for _, ref := range *call.Referrers() {
		if x, ok := ref.(*ssa.Extract); ok && x.Index == 0 && !idle(x, depth, cancelled) {
			return false
		}
	}
	return true
}

// cancelCalled reports whether the cancel func that a call of WithCancel
// returns is called, or deferred, in the same function.
func cancelCalled(call *ssa.Call) bool {
	for _, ref := range *call.Referrers() {
		x, ok := ref.(*ssa.Extract)
		if !ok || x.Index != 1 || x.Referrers() == nil {
			continue
		}
		for _, use := range *x.Referrers() {
			if c, ok := use.(ssa.CallInstruction); ok && c.Common().Value == ssa.Value(x) {
				return true
			}
		}
	}
	return false
}

// nilContextFallback reports whether instr runs only when a context is
// nil, as in "if ctx == nil { ctx = context.TODO() }", a default that
// callers passing their ctx never reach.
func nilContextFallback(instr ssa.Instruction) bool {
	b := instr.Block()
	for d := b.Idom(); d != nil; d = d.Idom() {
		cond, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cmp, ok := cond.Cond.(*ssa.BinOp)
		if !ok || !comparesContextToNil(cmp) {
			continue
		}
		nilBranch := d.Succs[0]
		if cmp.Op == token.NEQ {
			nilBranch = d.Succs[1]
		}
		if nilBranch.Dominates(b) {
			return true
		}
	}
	return false
}

// comparesContextToNil reports whether cmp is ctx == nil or ctx != nil.
func comparesContextToNil(cmp *ssa.BinOp) bool {
	if cmp.Op != token.EQL && cmp.Op != token.NEQ {
		return false
	}
	x, y := cmp.X, cmp.Y
	if _, ok := x.(*ssa.Const); ok {
		x, y = y, x
	}
	k, ok := y.(*ssa.Const)
	return ok && k.IsNil() && analysisutil.IsContext(x.Type())
}

// everyUseIsCall reports whether v is used at least once, and only by
// calls of known functions that accept approves.
func everyUseIsCall(v ssa.Value, accept func(call *ssa.Call, callee *types.Func) bool) bool {
	refs := v.Referrers()
	if refs == nil || len(*refs) == 0 {
		return false
	}
	for _, ref := range *refs {
		call, ok := ref.(*ssa.Call)
		if !ok {
			return false
		}
		callee := analysisutil.Callee(call.Common())
		if callee == nil || !accept(call, callee) {
			return false
		}
	}
	return true
}

// checkGlobalContextArg reports a call given a context that comes from
// a package-level variable, which carries no invocation's deadline.
func (c *checker) checkGlobalContextArg(call ssa.CallInstruction, callee *types.Func) (lambdamodel.LocalFault, bool) {
	if callee != nil && callee.Pkg() != nil && callee.Pkg().Path() == "context" {
		return lambdamodel.LocalFault{}, false // deriving a context is not a call that waits
	}
	for _, arg := range call.Common().Args {
		if !analysisutil.IsContext(arg.Type()) {
			continue
		}
		g := globalRoot(arg, 0)
		if g == nil {
			continue
		}
		name := "the call"
		if callee != nil {
			name = apiName(callee)
		}
		return c.fault(call, name+" gets package-level context "+g.Name()+" instead of the handler's, so it can keep running until the invocation times out"), true
	}
	return lambdamodel.LocalFault{}, false
}

// globalRoot returns the package-level variable that a context value is
// loaded from, looking through the context.With functions.
func globalRoot(v ssa.Value, depth int) *ssa.Global {
	if depth > 8 {
		return nil
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		if g, ok := x.X.(*ssa.Global); ok && x.Op.String() == "*" {
			return g
		}
	case *ssa.Extract:
		return globalRoot(x.Tuple, depth+1)
	case *ssa.Call:
		callee := analysisutil.Callee(x.Common())
		if callee != nil && callee.Pkg() != nil && callee.Pkg().Path() == "context" && len(x.Common().Args) > 0 &&
			callee.Name() != "WithTimeout" && callee.Name() != "WithDeadline" {
			return globalRoot(x.Common().Args[0], depth+1)
		}
	}
	return nil
}
