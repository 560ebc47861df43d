package analysisutil

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Callee returns the function or interface method that c calls, if it
// is known; an instance of a generic function is mapped to its origin.
func Callee(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method
	}
	fn := c.StaticCallee()
	if fn == nil {
		return nil
	}
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	obj, _ := fn.Object().(*types.Func)
	return obj
}

// IsContext reports whether T is context.Context.
func IsContext(T types.Type) bool {
	return IsNamed(T, "context", "Context")
}

// IsNamed reports whether T, or the type T points to, is the named type
// path.name.
func IsNamed(T types.Type, path, name string) bool {
	if p, ok := T.(*types.Pointer); ok {
		T = p.Elem()
	}
	n, ok := types.Unalias(T).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}
