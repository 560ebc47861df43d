package notimeout

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
	"github.com/lambdalint/lambdalint/analyzers/internal/lambdamodel"
)

// checkContextSource reports a context that does not derive from the
// handler's: context.Background, context.TODO and context.WithoutCancel,
// unless the result is bounded on the spot.
func (c *checker) checkContextSource(fn *ssa.Function, call ssa.CallInstruction, callee *types.Func) (lambdamodel.LocalFault, bool) {
	if !isFunc(callee, "context", "Background", "TODO", "WithoutCancel") {
		return lambdamodel.LocalFault{}, false
	}
	value, ok := call.(*ssa.Call)
	if !ok || boundedOnTheSpot(value) || onlyConfigured(value) {
		return lambdamodel.LocalFault{}, false // no result, a deadline at once, or no call that waits on it
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

// onlyConfigured reports whether every use of ctx is an argument of a
// call that makes no network round trip with it. config.LoadDefaultConfig
// of the AWS SDK for Go v2 reads the environment and files on Lambda. Its
// credentials are fetched later, with the context of each operation.
func onlyConfigured(ctx *ssa.Call) bool {
	return everyUseIsCall(ctx, func(_ *ssa.Call, callee *types.Func) bool {
		return isFunc(callee, "github.com/aws/aws-sdk-go-v2/config", "LoadDefaultConfig")
	})
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
