package notimeout

import (
	"go/constant"
	"go/types"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
	"golang.org/x/tools/go/ssa"
)

// bound is whether an *http.Client gives up on its own.
type bound int

const (
	unknownBound bound = iota // the client comes from elsewhere
	unbounded                 // Timeout is zero
	bounded                   // Timeout is set
)

// clientBound returns whether the *http.Client value v has a Timeout: from
// the composite literal that built it, or from every value stored in the
// package-level variable or struct field it was loaded from.
func (c *checker) clientBound(v ssa.Value) bound {
	if v == nil {
		return unknownBound
	}
	if b, ok := c.clients[v]; ok {
		return b
	}
	c.clients[v] = unknownBound // cycles through stores end here
	b := c.computeClientBound(v)
	c.clients[v] = b
	return b
}

func (c *checker) computeClientBound(v ssa.Value) bound {
	switch x := v.(type) {
	case *ssa.UnOp: // a load of a variable or field holding the client
		switch addr := x.X.(type) {
		case *ssa.Global:
			return c.globalBound(addr)
		case *ssa.FieldAddr:
			return c.fieldBound(addr)
		}
	case *ssa.Global:
		// TODO: an http.Client held by value in a package-level variable
		// is not judged, because SSA keeps no referrers for globals.
		return unknownBound
	case *ssa.Alloc: // a composite literal, or a local client taken by address
		return c.timeoutStored(x)
	case *ssa.FieldAddr: // an http.Client held by value in a struct field
		return c.embeddedBound(x)
	case *ssa.Phi:
		return c.allBound(x.Edges)
	case *ssa.MakeInterface:
		return c.clientBound(x.X)
	}
	return unknownBound
}

// allBound combines the bounds of several values the client may be.
func (c *checker) allBound(vs []ssa.Value) bound {
	result := bounded
	for _, e := range vs {
		switch c.clientBound(e) {
		case unbounded:
			return unbounded
		case unknownBound:
			result = unknownBound
		}
	}
	if len(vs) == 0 {
		return unknownBound
	}
	return result
}

// globalBound judges a package-level *http.Client variable by what the
// package stores in it.
func (c *checker) globalBound(g *ssa.Global) bound {
	if g.Pkg != nil && g.Pkg.Pkg.Path() == "net/http" && g.Name() == "DefaultClient" {
		return unbounded
	}
	if g.Pkg != c.model.Pkg {
		return unknownBound // TODO: clients kept in other packages' variables are not judged
	}
	return c.allBound(c.storedValues(func(addr ssa.Value) bool { return addr == ssa.Value(g) }))
}

// fieldBound judges a struct field holding an *http.Client by every
// value this package stores in that field.
func (c *checker) fieldBound(fa *ssa.FieldAddr) bound {
	st := pointerElem(fa.X.Type())
	if st == nil {
		return unknownBound // a field reached through a type parameter
	}
	stored := c.storedValues(func(addr ssa.Value) bool {
		other, ok := addr.(*ssa.FieldAddr)
		if !ok || other.Field != fa.Field {
			return false
		}
		elem := pointerElem(other.X.Type())
		return elem != nil && types.Identical(elem, st)
	})
	// TODO: a field filled in another package is judged only by the
	// stores this package makes.
	return c.allBound(stored)
}

// embeddedBound judges an http.Client held by value in a struct field,
// often embedded, by what this package stores in the field: a Timeout
// set through the field, or a client value with a Timeout stored whole.
// Without such a store, the bound is unknown.
func (c *checker) embeddedBound(fa *ssa.FieldAddr) bound {
	st := pointerElem(fa.X.Type())
	if st == nil {
		return unknownBound
	}
	sameField := func(v ssa.Value) bool {
		other, ok := v.(*ssa.FieldAddr)
		if !ok || other.Field != fa.Field {
			return false
		}
		elem := pointerElem(other.X.Type())
		return elem != nil && types.Identical(elem, st)
	}
	timeouts := c.storedValues(func(addr ssa.Value) bool {
		inner, ok := addr.(*ssa.FieldAddr)
		return ok && fieldName(inner) == "Timeout" && sameField(inner.X)
	})
	for _, v := range timeouts {
		if !isZeroConst(v) {
			return bounded
		}
	}
	for _, v := range c.storedValues(sameField) {
		if load, ok := v.(*ssa.UnOp); ok {
			if alloc, ok := load.X.(*ssa.Alloc); ok && c.timeoutStored(alloc) == bounded {
				return bounded
			}
		}
	}
	return unknownBound
}

// storedValues returns the values that the package stores at addresses
// accepted by match.
func (c *checker) storedValues(match func(addr ssa.Value) bool) []ssa.Value {
	var out []ssa.Value
	for _, fn := range c.model.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok && match(st.Addr) {
					out = append(out, st.Val)
				}
			}
		}
	}
	return out
}

// timeoutStored judges an http.Client value held at addr: bounded when
// a non-zero Timeout is stored in it.
func (c *checker) timeoutStored(addr ssa.Value) bound {
	if !isHTTPClient(addr.Type()) {
		return unknownBound
	}
	refs := addr.Referrers()
	if refs == nil {
		return unbounded
	}
	for _, ref := range *refs {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fieldName(fa) != "Timeout" {
			continue // not the Timeout field
		}
		for _, r := range *fa.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == ssa.Value(fa) && !isZeroConst(st.Val) {
				return bounded
			}
		}
	}
	return unbounded
}

// isHTTPClient reports whether T is *http.Client.
func isHTTPClient(T types.Type) bool {
	elem := pointerElem(T)
	if elem == nil {
		return false
	}
	n := analysisutil.NamedOf(elem)
	return n != nil && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == "Client"
}

func fieldName(fa *ssa.FieldAddr) string {
	elem := pointerElem(fa.X.Type())
	if elem == nil {
		return ""
	}
	st, ok := elem.Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return ""
	}
	return st.Field(fa.Field).Name()
}

// pointerElem returns the element type of a pointer type, or nil for a
// type parameter or any other type.
func pointerElem(T types.Type) types.Type {
	if p, ok := T.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return nil
}

func isZeroConst(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && (k.Value == nil || constant.Sign(k.Value) == 0)
}

// builtWithoutContext reports whether the *http.Request v certainly
// comes from http.NewRequest without a later WithContext or Clone.
func builtWithoutContext(v ssa.Value, depth int) bool {
	if depth > 8 {
		return false
	}
	switch x := v.(type) {
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 {
			callee := analysisutil.Callee(call.Common())
			return callee != nil && isFunc(callee, "net/http", "NewRequest")
		}
	case *ssa.Phi:
		for _, e := range x.Edges {
			if !builtWithoutContext(e, depth+1) {
				return false
			}
		}
		return len(x.Edges) > 0
	}
	return false
}

// newRequestCall returns the http.NewRequest call that built the request.
func newRequestCall(v ssa.Value) *ssa.Call {
	if x, ok := v.(*ssa.Extract); ok {
		call, _ := x.Tuple.(*ssa.Call)
		return call
	}
	return nil
}
