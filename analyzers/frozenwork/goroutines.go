package frozenwork

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
	"github.com/lambdalint/lambdalint/analyzers/internal/lambdamodel"
)

const errgroupPkg = "golang.org/x/sync/errgroup"

// maxSignalDepth bounds how deep signalsDeep looks into the calls of a
// goroutine for the call that signals its end.
const maxSignalDepth = 3

// goroutineJoined reports whether the goroutine that g starts is waited
// for, or ends when fn returns. Two kinds of goroutine need no more.
// One writes to an io.PipeWriter, whose reader is read until the writer
// is closed, as the response body of a streaming handler is. The other
// is handed a channel that fn closes in a defer, such as a watchdog that
// returns when the handler is done.
//
// Any other goroutine must signal its end, in its own body or in a
// function it calls: WaitGroup.Done, a send, a close, or a call of a
// context's cancel func. Then either fn waits after the go statement, as
// the model decides GoJoined, or a caller of fn may wait, because the
// goroutine was handed a WaitGroup or channel that fn got from outside
// or passes on.
func (c *checker) goroutineJoined(fn *ssa.Function, g *ssa.Go) bool {
	waits := lambdamodel.WaitsAfter(g) || defersWait(fn)
	for _, v := range handedValues(g) {
		if isPipeWriter(v.Type()) || closesOnReturn(fn, v) {
			return true
		}
	}
	body := withBody(g.Call.StaticCallee())
	if body == nil {
		// What the goroutine does is unknown, so any wait after it
		// counts, and so does a context made for it and cancelled by a
		// deferred call, as in "defer cancel(); go worker.Run(ctx)".
		return waits || slices.ContainsFunc(handedValues(g), func(v ssa.Value) bool { return cancelledOnReturn(fn, v) })
	}
	if watchesContext(fn, g, body) {
		return true
	}
	if !signalsDeep(body) {
		return false
	}
	if waits {
		return true
	}
	for _, v := range handedValues(g) {
		if carriesSignal(v.Type()) && c.waitedElsewhere(fn, v, g) {
			return true
		}
	}
	return false
}

// isPipeWriter reports whether T is *io.PipeWriter, or a variable that
// holds one.
func isPipeWriter(T types.Type) bool {
	return analysisutil.IsNamed(deref(T), "io", "PipeWriter")
}

// closesOnReturn reports whether v is, or holds, a channel that fn
// closes in a deferred call: close(ch), directly or in a func literal.
func closesOnReturn(fn *ssa.Function, v ssa.Value) bool {
	if _, ok := deref(v.Type()).Underlying().(*types.Chan); !ok {
		return false
	}
	ch := baseOf(v)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			d, ok := instr.(*ssa.Defer)
			if !ok {
				continue // not a defer
			}
			if isClose(d.Common(), func(arg ssa.Value) bool { return baseOf(arg) == ch }) {
				return true
			}
			if mc, ok := d.Call.Value.(*ssa.MakeClosure); ok && closesBinding(mc, ch) {
				return true
			}
		}
	}
	return false
}

// closesBinding reports whether the func literal that mc makes closes
// the channel held by a variable that it captures from base.
func closesBinding(mc *ssa.MakeClosure, base ssa.Value) bool {
	body := mc.Fn.(*ssa.Function)
	for _, b := range body.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue // not a call
			}
			closesCaptured := func(arg ssa.Value) bool {
				fv, ok := baseOf(arg).(*ssa.FreeVar)
				if !ok {
					return false
				}
				i := slices.Index(body.FreeVars, fv)
				return i >= 0 && baseOf(mc.Bindings[i]) == base
			}
			if isClose(call.Common(), closesCaptured) {
				return true
			}
		}
	}
	return false
}

// isClose reports whether c calls the builtin close on a channel that
// match accepts.
func isClose(c *ssa.CallCommon, match func(ssa.Value) bool) bool {
	b, ok := c.Value.(*ssa.Builtin)
	return ok && b.Name() == "close" && len(c.Args) == 1 && match(c.Args[0])
}

// groupJoined reports whether the goroutine that a call of
// (*sync.WaitGroup).Go or (*errgroup.Group).Go starts is waited for:
// fn waits after the call, or the group may be waited for by another
// function.
func (c *checker) groupJoined(fn *ssa.Function, call *ssa.Call) bool {
	if lambdamodel.WaitsAfter(call) || defersWait(fn) {
		return true
	}
	return c.waitedElsewhere(fn, call.Call.Args[0], call)
}

// waitedElsewhere reports whether a function other than fn may wait on
// v, which fn's instruction self hands to a goroutine. The value v is a
// WaitGroup, an errgroup or a channel, or holds one. Another function
// may wait when v comes from a parameter or a free variable of fn, or
// when fn passes it on. The Lambda runtime, which calls a handler, never
// waits on the handler's parameters. A package-level WaitGroup or
// channel counts as fn's own, because whoever waits on it, the
// goroutine runs past the return.
func (c *checker) waitedElsewhere(fn *ssa.Function, v ssa.Value, self ssa.Instruction) bool {
	fromCaller := !c.roots[fn]
	switch base := baseOf(v).(type) {
	case *ssa.Parameter, *ssa.FreeVar:
		return fromCaller
	case *ssa.Global:
		return false
	case *ssa.Alloc:
		if spilled(base) {
			return fromCaller // a captured parameter or free variable
		}
		return trace(base, self).escapes
	case *ssa.MakeChan:
		return trace(base, self).escapes
	case *ssa.Extract:
		if isWithContext(base.Tuple) {
			return trace(base, self).escapes
		}
	}
	return true // made by a call or chosen at run time: assume another function waits on it
}

// baseOf follows v through loads, field and element addresses and
// conversions to the variable or value it comes from.
func baseOf(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return v
			}
			v = x.X
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.Field:
			v = x.X
		case *ssa.IndexAddr:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		default:
			return v
		}
	}
}

// spilled reports whether alloc holds a parameter or a free variable:
// SSA moves a parameter that a closure captures into a variable of its
// own.
func spilled(alloc *ssa.Alloc) bool {
	for _, ref := range *alloc.Referrers() {
		st, ok := ref.(*ssa.Store)
		if !ok || st.Addr != alloc {
			continue // not a store into the variable
		}
		switch baseOf(st.Val).(type) {
		case *ssa.Parameter, *ssa.FreeVar:
			return true
		}
	}
	return false
}

// isWithContext reports whether v is a call of errgroup.WithContext,
// which makes a new group.
func isWithContext(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	fn := analysisutil.Callee(call.Common())
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == errgroupPkg && fn.Name() == "WithContext"
}

// handedValues returns the values that g gives its goroutine: the
// arguments of the call, the receiver included, and the variables its
// func literal captures.
func handedValues(g *ssa.Go) []ssa.Value {
	values := append([]ssa.Value(nil), g.Call.Args...)
	if mc, ok := g.Call.Value.(*ssa.MakeClosure); ok {
		values = append(values, mc.Bindings...)
	}
	return values
}

// carriesSignal reports whether a value of type T is, points to or
// holds in a field a channel, a sync.WaitGroup or an errgroup.Group.
func carriesSignal(T types.Type) bool {
	T = deref(T)
	if isSignalType(T) {
		return true
	}
	st, ok := T.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		if isSignalType(deref(st.Field(i).Type())) {
			return true
		}
	}
	return false
}

func isSignalType(T types.Type) bool {
	if _, ok := T.Underlying().(*types.Chan); ok {
		return true
	}
	return analysisutil.IsNamed(T, "sync", "WaitGroup") || analysisutil.IsNamed(T, errgroupPkg, "Group")
}

// deref strips pointers from T.
func deref(T types.Type) types.Type {
	for {
		p, ok := T.Underlying().(*types.Pointer)
		if !ok {
			return T
		}
		T = p.Elem()
	}
}

// signalsDeep reports whether fn, or a function of this package that it
// calls, up to maxSignalDepth calls deep, signals another goroutine.
func signalsDeep(fn *ssa.Function) bool {
	seen := map[*ssa.Function]bool{fn: true}
	level := []*ssa.Function{fn}
	for depth := 0; depth <= maxSignalDepth && len(level) > 0; depth++ {
		var next []*ssa.Function
		for _, f := range level {
			if lambdamodel.Signals(f) || cancelsContext(f) {
				return true
			}
			for _, callee := range staticCallees(f) {
				if !seen[callee] {
					seen[callee] = true
					next = append(next, callee)
				}
			}
		}
		level = next
	}
	return false
}

// cancelsContext reports whether fn calls a context.CancelFunc, which
// wakes a function that waits on the context's Done channel.
func cancelsContext(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok || call.Common().IsInvoke() {
				continue // not a call of a func value
			}
			T := call.Common().Value.Type()
			if analysisutil.IsNamed(T, "context", "CancelFunc") || analysisutil.IsNamed(T, "context", "CancelCauseFunc") {
				return true
			}
		}
	}
	return false
}

// staticCallees returns the functions with a body that fn calls or
// defers statically.
func staticCallees(fn *ssa.Function) []*ssa.Function {
	var out []*ssa.Function
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue // not a call
			}
			if _, isGo := call.(*ssa.Go); isGo {
				continue // another goroutine signals for itself
			}
			if callee := withBody(call.Common().StaticCallee()); callee != nil {
				out = append(out, callee)
			}
		}
	}
	return out
}

// withBody returns fn, or the generic function it instantiates, if it
// has a body in this package, and nil otherwise.
func withBody(fn *ssa.Function) *ssa.Function {
	if fn == nil {
		return nil
	}
	if fn.Blocks == nil && fn.Origin() != nil {
		fn = fn.Origin()
	}
	if fn.Blocks == nil {
		return nil
	}
	return fn
}

// defersWait reports whether fn defers a wait for other goroutines,
// as in defer wg.Wait() or defer func() { <-done }(). A deferred call
// runs on every return, wherever fn registers it.
func defersWait(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			d, ok := instr.(*ssa.Defer)
			if !ok {
				continue // not a defer
			}
			if callee := analysisutil.Callee(d.Common()); callee != nil && isWaitMethod(callee) {
				return true
			}
			if body := withBody(d.Common().StaticCallee()); body != nil && containsWait(body) {
				return true
			}
		}
	}
	return false
}

// isWaitMethod reports whether fn is Wait of sync or of errgroup.
func isWaitMethod(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Name() != "Wait" || fn.Signature().Recv() == nil {
		return false
	}
	path := fn.Pkg().Path()
	return path == "sync" || path == errgroupPkg
}

// containsWait reports whether fn has an instruction that waits for
// other goroutines.
func containsWait(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if lambdamodel.IsWait(instr) {
				return true
			}
		}
	}
	return false
}

// watchesContext reports whether the goroutine that g starts, running
// body, waits on the Done channel of a context that is cancelled when
// fn returns. That is a context parameter of fn, which the caller or
// aws-lambda-go cancels when the invocation ends, or one derived in fn
// whose cancel func fn defers. Such a goroutine is a watchdog or a
// periodic flush that stops with the handler.
func watchesContext(fn *ssa.Function, g *ssa.Go, body *ssa.Function) bool {
	if !receivesDoneDeep(body) {
		return false
	}
	for _, v := range handedValues(g) {
		if analysisutil.IsContext(v.Type()) || isContextVar(v) {
			if endsWithFn(fn, v, 0) {
				return true
			}
		}
	}
	return false
}

// isContextVar reports whether v is a variable, captured by a func
// literal, that holds a context.
func isContextVar(v ssa.Value) bool {
	alloc, ok := v.(*ssa.Alloc)
	return ok && analysisutil.IsContext(deref(alloc.Type()))
}

// endsWithFn reports whether the context v is cancelled by the time fn
// returns, as decided by watchesContext.
func endsWithFn(fn *ssa.Function, v ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	switch x := v.(type) {
	case *ssa.Parameter, *ssa.FreeVar:
		return true
	case *ssa.Alloc:
		// A captured variable: follow what is stored in it.
		for _, ref := range *x.Referrers() {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == x && !endsWithFn(fn, st.Val, depth+1) {
				return false
			}
		}
		return len(*x.Referrers()) > 0
	case *ssa.UnOp:
		return x.Op == token.MUL && endsWithFn(fn, x.X, depth+1)
	case *ssa.Extract:
		call, ok := x.Tuple.(*ssa.Call)
		if !ok || x.Index != 0 || !isDerive(call) {
			return false
		}
		return endsWithFn(fn, call.Call.Args[0], depth+1) || defersCancel(fn, call)
	}
	return false
}

// cancelledOnReturn reports whether v is a context that fn derives with
// a cancel func that it defers.
func cancelledOnReturn(fn *ssa.Function, v ssa.Value) bool {
	x, ok := v.(*ssa.Extract)
	if !ok || x.Index != 0 {
		return false
	}
	call, ok := x.Tuple.(*ssa.Call)
	return ok && isDerive(call) && defersCancel(fn, call)
}

// isDerive reports whether call is context.WithCancel, WithTimeout or
// WithDeadline, or their Cause forms, which return a context and its
// cancel func.
func isDerive(call *ssa.Call) bool {
	callee := analysisutil.Callee(call.Common())
	return callee != nil && callee.Pkg() != nil && callee.Pkg().Path() == "context" &&
		slices.Contains([]string{"WithCancel", "WithTimeout", "WithDeadline", "WithCancelCause", "WithTimeoutCause", "WithDeadlineCause"}, callee.Name()) &&
		len(call.Call.Args) > 0
}

// defersCancel reports whether fn defers a call of the cancel func that
// call returns, directly or in a deferred func literal.
func defersCancel(fn *ssa.Function, call *ssa.Call) bool {
	var cancel ssa.Value
	for _, ref := range *call.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == 1 {
			cancel = ex
		}
	}
	if cancel == nil {
		return false
	}
	isCancel := func(v ssa.Value) bool {
		if v == cancel {
			return true
		}
		alloc, ok := baseOf(v).(*ssa.Alloc)
		if !ok {
			return false
		}
		for _, ref := range *alloc.Referrers() {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == alloc && st.Val == cancel {
				return true
			}
		}
		return false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			d, ok := instr.(*ssa.Defer)
			if !ok {
				continue // not a defer
			}
			if isCancel(d.Call.Value) {
				return true
			}
			mc, ok := d.Call.Value.(*ssa.MakeClosure)
			if !ok {
				continue
			}
			lit := mc.Fn.(*ssa.Function)
			for _, lb := range lit.Blocks {
				for _, li := range lb.Instrs {
					c, ok := li.(ssa.CallInstruction)
					if !ok {
						continue
					}
					fv, ok := baseOf(c.Common().Value).(*ssa.FreeVar)
					if !ok {
						continue
					}
					if i := slices.Index(lit.FreeVars, fv); i >= 0 && isCancel(mc.Bindings[i]) {
						return true
					}
				}
			}
		}
	}
	return false
}

// receivesDoneDeep reports whether fn, or a function of this package
// that it calls, up to maxSignalDepth calls deep, receives from the
// Done channel of a context, in a receive or a select.
func receivesDoneDeep(fn *ssa.Function) bool {
	seen := map[*ssa.Function]bool{fn: true}
	level := []*ssa.Function{fn}
	for depth := 0; depth <= maxSignalDepth && len(level) > 0; depth++ {
		var next []*ssa.Function
		for _, f := range level {
			if receivesDone(f) {
				return true
			}
			for _, callee := range staticCallees(f) {
				if !seen[callee] {
					seen[callee] = true
					next = append(next, callee)
				}
			}
		}
		level = next
	}
	return false
}

func receivesDone(fn *ssa.Function) bool {
	isDone := func(ch ssa.Value) bool {
		call, ok := ch.(*ssa.Call)
		if !ok {
			return false
		}
		c := call.Common()
		if c.IsInvoke() {
			return c.Method.Name() == "Done" && analysisutil.IsContext(c.Value.Type())
		}
		callee := analysisutil.Callee(c)
		return callee != nil && callee.Name() == "Done" && callee.Signature().Recv() != nil
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.UnOp:
				if x.Op == token.ARROW && isDone(x.X) {
					return true
				}
			case *ssa.Select:
				for _, st := range x.States {
					if st.Dir == types.RecvOnly && isDone(st.Chan) {
						return true
					}
				}
			}
		}
	}
	return false
}
