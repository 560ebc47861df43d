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

// VariadicElems returns the values stored in the slice that SSA builds
// for the variadic arguments of a call, or nil when v is not such a
// slice.
func VariadicElems(v ssa.Value) []ssa.Value {
	slice, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	alloc, ok := slice.X.(*ssa.Alloc)
	if !ok || alloc.Referrers() == nil {
		return nil
	}
	var out []ssa.Value
	for _, ref := range *alloc.Referrers() {
		idx, ok := ref.(*ssa.IndexAddr)
		if !ok || idx.Referrers() == nil {
			continue // not an element of the array
		}
		for _, r := range *idx.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == ssa.Value(idx) {
				out = append(out, st.Val)
			}
		}
	}
	return out
}

// HasMethod reports whether T, or the type T points to, has a method of
// the given name.
func HasMethod(T types.Type, name string) bool {
	if p, ok := T.(*types.Pointer); ok {
		T = p.Elem()
	}
	obj, _, _ := types.LookupFieldOrMethod(T, true, nil, name)
	_, ok := obj.(*types.Func)
	return ok
}

// NamedOf returns the named type of T, or of the type T points to, or
// nil.
func NamedOf(T types.Type) *types.Named {
	if p, ok := T.(*types.Pointer); ok {
		T = p.Elem()
	}
	n, _ := types.Unalias(T).(*types.Named)
	return n
}

// IsOnceCall reports whether fn runs or wraps a func once for the
// program's life: sync.OnceFunc, OnceValue, OnceValues or (*sync.Once).Do.
func IsOnceCall(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return false
	}
	switch fn.Name() {
	case "OnceFunc", "OnceValue", "OnceValues":
		return fn.Signature().Recv() == nil
	case "Do":
		return IsNamed(fn.Signature().Recv().Type(), "sync", "Once")
	}
	return false
}

// LocalCallee returns the function with a body in this package that a
// static call runs, the generic function for an instance, or nil.
func LocalCallee(common *ssa.CallCommon) *ssa.Function {
	callee := common.StaticCallee()
	if callee == nil {
		return nil
	}
	if callee.Origin() != nil && callee.Origin().Blocks != nil {
		return callee.Origin()
	}
	if callee.Blocks == nil {
		return nil
	}
	return callee
}

// ResultIndex returns i when call returns several results, which
// Extract instructions take apart, and -1 when it returns one.
func ResultIndex(call *ssa.Call, i int) int {
	if _, ok := call.Type().(*types.Tuple); ok {
		return i
	}
	return -1
}
