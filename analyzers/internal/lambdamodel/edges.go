package lambdamodel

import (
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// edges returns the calls that fn makes.
func (m *Model) edges(fn *ssa.Function) []Edge {
	var out []Edge
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if ret, ok := instr.(*ssa.Return); ok {
				for _, v := range ret.Results {
					if f := funcValue(v); f != nil {
						out = append(out, Edge{Kind: HandOut, Pos: ret.Pos(), Local: f})
					}
				}
				continue
			}
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue // not a call
			}
			kind := Call
			switch call.(type) {
			case *ssa.Defer:
				kind = Defer
			case *ssa.Go:
				kind = Go
				if signals(call.Common().StaticCallee()) && waitsAfter(instr) {
					kind = GoJoined
				}
			}
			pos := m.CallPos(call)
			if !pos.IsValid() {
				pos = FuncPos(fn)
			}
			for _, callee := range m.callees(call.Common()) {
				callee.Kind, callee.Instr, callee.Pos = kind, call, pos
				out = append(out, callee)
			}
			argKind := FuncArg
			if isRouteRegistration(call.Common()) {
				argKind = HandOut // a route runs when the router is served
			}
			for _, arg := range call.Common().Args {
				for _, v := range variadicElems(arg) {
					if f := funcValue(v); f != nil {
						out = append(out, Edge{Kind: argKind, Instr: call, Pos: pos, Local: f})
					}
				}
			}
		}
	}
	return out
}

// waitsAfter reports whether the function waits, after instr, in a way
// that joins goroutines: (*sync.WaitGroup).Wait, Wait of an errgroup, a
// channel receive or a select. With signals, it decides that a go
// statement is joined; which goroutine a wait is for is not checked.
func waitsAfter(instr ssa.Instruction) bool {
	start := instr.Block()
	seen := map[*ssa.BasicBlock]bool{}
	work := []*ssa.BasicBlock{start}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		for i, in := range b.Instrs {
			if b == start && i <= slices.Index(b.Instrs, instr) {
				continue // before the go statement
			}
			if isWait(in) {
				return true
			}
		}
		work = append(work, b.Succs...)
	}
	// A go statement in a loop comes back to its own block.
	return false
}

// signals reports whether a goroutine body lets another goroutine know
// it is done: (*sync.WaitGroup).Done, a send on a channel or a close.
func signals(fn *ssa.Function) bool {
	if fn == nil {
		return false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Send:
				return true
			case ssa.CallInstruction:
				if bi, ok := x.Common().Value.(*ssa.Builtin); ok && bi.Name() == "close" {
					return true
				}
				if f := staticFunc(x.Common()); f != nil && f.Pkg() != nil && f.Pkg().Path() == "sync" && f.Name() == "Done" {
					return true
				}
			}
		}
	}
	return false
}

// isWait reports whether instr blocks until other goroutines signal.
func isWait(instr ssa.Instruction) bool {
	switch x := instr.(type) {
	case *ssa.UnOp:
		return x.Op == token.ARROW
	case *ssa.Select:
		return x.Blocking
	case *ssa.Call:
		fn := staticFunc(x.Common())
		if fn == nil || fn.Pkg() == nil || fn.Name() != "Wait" {
			return false
		}
		path := fn.Pkg().Path()
		return path == "sync" || path == "golang.org/x/sync/errgroup"
	}
	return false
}

// isRouteRegistration reports whether c calls a method of a router
// package, which stores the func values it is given as routes.
func isRouteRegistration(c *ssa.CallCommon) bool {
	fn := staticFunc(c)
	if fn == nil || fn.Pkg() == nil || !routerPkgs[fn.Pkg().Path()] {
		return false
	}
	return fn.Signature().Recv() != nil || fn.Name() == "Handle" || fn.Name() == "HandleFunc"
}

// callees resolves the target of a call.
func (m *Model) callees(c *ssa.CallCommon) []Edge {
	if c.IsInvoke() {
		return m.invokeCallees(c.Method)
	}
	if callee := c.StaticCallee(); callee != nil {
		return []Edge{m.funcEdge(callee)}
	}
	// A dynamic call of a func value loaded from a package-level var.
	if load, ok := c.Value.(*ssa.UnOp); ok {
		if g, ok := load.X.(*ssa.Global); ok {
			var out []Edge
			for _, f := range m.globals[g] {
				out = append(out, Edge{Local: f})
			}
			return out
		}
	}
	// TODO: func values kept in struct fields, maps or parameters are
	// not resolved, so calls through dispatch tables are missed.
	return nil
}

// funcEdge returns the edge to a statically known callee.
func (m *Model) funcEdge(callee *ssa.Function) Edge {
	origin := callee
	if callee.Origin() != nil {
		origin = callee.Origin() // an instance of a generic function
	}
	if origin.Blocks != nil {
		return Edge{Local: origin}
	}
	if callee.Blocks != nil {
		return Edge{Local: callee}
	}
	if obj, ok := origin.Object().(*types.Func); ok {
		return Edge{Foreign: obj}
	}
	return Edge{}
}

// invokeCallees resolves an interface method call to the method itself,
// which checks may recognise from their catalogues, and to its
// implementations among the named types of this package and of the
// packages it imports.
func (m *Model) invokeCallees(method *types.Func) []Edge {
	out := []Edge{{Foreign: method}}
	for _, impl := range m.implementations(method) {
		if impl.Pkg() == m.pass.Pkg {
			if fn := m.Pkg.Prog.FuncValue(impl); fn != nil && fn.Blocks != nil {
				out = append(out, Edge{Local: fn})
				continue
			}
		}
		out = append(out, Edge{Foreign: impl})
	}
	return out
}

// implementations returns the concrete methods that a call of the
// interface method may reach. Interfaces of the standard library and of
// catalogued modules are not resolved: their implementations are too
// many to be useful, and checks recognise their methods directly.
func (m *Model) implementations(method *types.Func) []*types.Func {
	if impls, ok := m.impls[method]; ok {
		return impls
	}
	var impls []*types.Func
	recv := method.Signature().Recv()
	iface, _ := recv.Type().Underlying().(*types.Interface)
	if iface != nil && method.Pkg() != nil && !m.external(method.Pkg()) {
		for _, tn := range m.namedTypes() {
			T := tn.Type()
			var impl types.Type
			switch {
			case types.Implements(T, iface):
				impl = T
			case types.Implements(types.NewPointer(T), iface):
				impl = types.NewPointer(T)
			default:
				continue // does not implement the interface
			}
			obj, _, _ := types.LookupFieldOrMethod(impl, false, method.Pkg(), method.Name())
			if f, ok := obj.(*types.Func); ok {
				impls = append(impls, f)
			}
		}
	}
	m.impls[method] = impls
	return impls
}

// namedTypes lists the concrete, non-generic named types declared at
// package level in this package and in the packages it imports,
// directly or not, outside the standard library.
func (m *Model) namedTypes() []*types.TypeName {
	if m.named != nil {
		return m.named
	}
	m.named = []*types.TypeName{}
	seen := make(map[*types.Package]bool)
	// Types of packages that only the _test.go files import, such as
	// mocks, do not run in a deployed function.
	for _, imp := range m.pass.Pkg.Imports() {
		if m.testOnly(imp.Path()) {
			seen[imp] = true
		}
	}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		if p != m.pass.Pkg && m.external(p) {
			return
		}
		scope := p.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue // not a defined type
			}
			named, ok := tn.Type().(*types.Named)
			if !ok || named.TypeParams().Len() > 0 || types.IsInterface(named) {
				continue // generic or abstract
			}
			if isMock(named) {
				continue // a test double kept outside _test.go files
			}
			m.named = append(m.named, tn)
		}
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	visit(m.pass.Pkg)
	return m.named
}

// isMock reports whether T is a test double of a mocking library: a
// struct that embeds testify's mock.Mock, or that holds a gomock
// controller, as generated mocks do. Such types implement interfaces
// for tests only, even when they are declared outside _test.go files.
func isMock(T *types.Named) bool {
	st, ok := T.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		ft := f.Type()
		if p, ok := ft.(*types.Pointer); ok {
			ft = p.Elem()
		}
		n, ok := ft.(*types.Named)
		if !ok || n.Obj().Pkg() == nil {
			continue
		}
		path, name := n.Obj().Pkg().Path(), n.Obj().Name()
		switch {
		case f.Embedded() && path == "github.com/stretchr/testify/mock" && name == "Mock":
			return true
		case name == "Controller" && (path == "github.com/golang/mock/gomock" || path == "go.uber.org/mock/gomock"):
			return true
		}
	}
	return false
}

// testOnly reports whether only the _test.go files of the package
// import path. A package made of test files alone imports nothing
// test-only.
func (m *Model) testOnly(path string) bool {
	inTests, inCode := false, false
	for _, f := range m.pass.Files {
		isTest := strings.HasSuffix(m.pass.Fset.File(f.Pos()).Name(), "_test.go")
		for _, spec := range f.Imports {
			if p, err := strconv.Unquote(spec.Path.Value); err == nil && p == path {
				if isTest {
					inTests = true
				} else {
					inCode = true
				}
			}
		}
	}
	return inTests && !inCode
}

// findGlobalFuncs records the funcs stored in package-level vars, so
// that a call through such a var reaches them. A func wrapped by
// sync.OnceFunc, OnceValue or OnceValues counts as stored.
func (m *Model) findGlobalFuncs() {
	for _, fn := range m.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				store, ok := instr.(*ssa.Store)
				if !ok {
					continue // not a store
				}
				g, ok := store.Addr.(*ssa.Global)
				if !ok {
					continue // not a package-level var
				}
				val := store.Val
				if call, ok := val.(*ssa.Call); ok && isOnceWrapper(call.Common()) {
					val = call.Common().Args[0]
				}
				if f := funcValue(val); f != nil {
					m.globals[g] = append(m.globals[g], f)
				}
			}
		}
	}
}

// isOnceWrapper reports whether c calls sync.OnceFunc, sync.OnceValue or
// sync.OnceValues.
func isOnceWrapper(c *ssa.CallCommon) bool {
	callee := c.StaticCallee()
	if callee == nil {
		return false
	}
	if callee.Origin() != nil {
		callee = callee.Origin()
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg().Path() != "sync" {
		return false
	}
	switch obj.Name() {
	case "OnceFunc", "OnceValue", "OnceValues":
		return len(c.Args) == 1
	}
	return false
}

// funcValue returns the function with a body that v denotes, looking
// through conversions: a named function, a func literal or a bound
// method value.
func funcValue(v ssa.Value) *ssa.Function {
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.Function:
			if x.Blocks == nil {
				return nil
			}
			return x
		case *ssa.MakeClosure:
			fn, _ := x.Fn.(*ssa.Function)
			if fn == nil || fn.Blocks == nil {
				return nil
			}
			return fn
		default:
			return nil
		}
	}
}
