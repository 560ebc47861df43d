package clientreuse

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// lifetime is the origin of a client that handler code closes.
type lifetime int

const (
	perCall     lifetime = iota // built by the code that closes it, or not known
	packageVar                  // loaded from a package-level variable
	initCreated                 // built during INIT and captured or bound
)

// maxOriginDepth bounds the walk back through variables, func literals
// and call sites.
const maxOriginDepth = 8

// origin returns where value v of fn comes from. It is long-lived only
// when every way back ends at a package-level variable or in INIT code.
func (c *checker) origin(v ssa.Value) lifetime {
	return c.originOf(v, 0, make(map[ssa.Value]bool))
}

func (c *checker) originOf(v ssa.Value, depth int, seen map[ssa.Value]bool) lifetime {
	if depth > maxOriginDepth || seen[v] {
		return perCall
	}
	seen[v] = true
	if fn := v.Parent(); fn != nil && c.initFuncs[fn] {
		return initCreated // everything main and init hold lives as long as the environment
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op == token.MUL {
			return c.addrOrigin(x.X, depth+1, seen)
		}
	case *ssa.Field:
		return c.originOf(x.X, depth+1, seen)
	case *ssa.FieldAddr:
		return c.addrOrigin(x.X, depth+1, seen)
	case *ssa.ChangeType:
		return c.originOf(x.X, depth+1, seen)
	case *ssa.MakeInterface:
		return c.originOf(x.X, depth+1, seen)
	case *ssa.ChangeInterface:
		return c.originOf(x.X, depth+1, seen)
	case *ssa.TypeAssert:
		return c.originOf(x.X, depth+1, seen)
	case *ssa.Phi:
		return c.allOrigins(x.Edges, depth, seen)
	case *ssa.FreeVar:
		return c.freeVarOrigin(x, depth, seen)
	case *ssa.Parameter:
		return c.paramOrigin(x, depth, seen)
	}
	return perCall
}

// addrOrigin returns where the variable or field at addr comes from.
func (c *checker) addrOrigin(addr ssa.Value, depth int, seen map[ssa.Value]bool) lifetime {
	switch a := addr.(type) {
	case *ssa.Global:
		return packageVar
	case *ssa.FieldAddr:
		return c.addrOrigin(a.X, depth+1, seen)
	case *ssa.Alloc:
		// A local variable: what is stored into it.
		if a.Parent() != nil && c.initFuncs[a.Parent()] {
			return initCreated
		}
		var stored []ssa.Value
		for _, ref := range *a.Referrers() {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == ssa.Value(a) {
				stored = append(stored, st.Val)
			}
		}
		return c.allOrigins(stored, depth, seen)
	}
	return c.originOf(addr, depth+1, seen)
}

// allOrigins returns the origin shared by all values, nil constants
// aside, or perCall.
func (c *checker) allOrigins(values []ssa.Value, depth int, seen map[ssa.Value]bool) lifetime {
	out := perCall
	for _, v := range values {
		if _, isConst := v.(*ssa.Const); isConst {
			continue // nil before the first assignment
		}
		o := c.originOf(v, depth+1, seen)
		if o == perCall {
			return perCall
		}
		out = max(out, o)
	}
	return out
}

// freeVarOrigin follows a captured variable to the values bound to it
// where the func literal or method value is created.
func (c *checker) freeVarOrigin(fv *ssa.FreeVar, depth int, seen map[ssa.Value]bool) lifetime {
	fn := fv.Parent()
	i := -1
	for j, v := range fn.FreeVars {
		if v == fv {
			i = j
		}
	}
	var bound []ssa.Value
	for _, mc := range c.closures[fn] {
		if i >= 0 && i < len(mc.Bindings) {
			bound = append(bound, mc.Bindings[i])
		}
	}
	if len(bound) == 0 {
		return perCall
	}
	out := perCall
	for _, b := range bound {
		// A variable captured by reference is bound as its address.
		var o lifetime
		if alloc, ok := b.(*ssa.Alloc); ok {
			o = c.addrOrigin(alloc, depth+1, seen)
		} else {
			o = c.originOf(b, depth+1, seen)
		}
		if o == perCall {
			return perCall
		}
		out = max(out, o)
	}
	return out
}

// paramOrigin follows a parameter to the arguments of the calls of its
// function in this package. The receiver of a method registered as a
// handler is the value registered during INIT.
func (c *checker) paramOrigin(p *ssa.Parameter, depth int, seen map[ssa.Value]bool) lifetime {
	fn := p.Parent()
	index := -1
	for i, q := range fn.Params {
		if q == p {
			index = i
		}
	}
	if index == 0 && c.handlerMethods[fn] {
		return initCreated
	}
	var args []ssa.Value
	for _, call := range c.callSites[fn] {
		common := call.Common()
		if common.IsInvoke() || index < 0 || index >= len(common.Args) {
			return perCall
		}
		args = append(args, common.Args[index])
	}
	if len(args) == 0 {
		return perCall // called from other packages or through func values
	}
	return c.allOrigins(args, depth, seen)
}
