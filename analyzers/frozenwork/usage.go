package frozenwork

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
)

// usage is the record of a function's uses of a WaitGroup, an errgroup,
// a channel or a timer.
type usage struct {
	// escapes is set when the value leaves the function's variables:
	// it is returned, stored elsewhere, sent, converted to an
	// interface, passed to a call, or captured by a func literal that
	// is not started as a goroutine. Another function may then wait on
	// it or stop it.
	escapes bool

	methods  []ssa.CallInstruction // calls of its own methods (Wait, Stop, …), deferred ones included
	received bool                  // a channel read from it is received from, alone or in a select
}

// calls reports whether one of the methods called on the value is
// named name.
func (u *usage) calls(name string) bool {
	return slices.ContainsFunc(u.methods, func(call ssa.CallInstruction) bool {
		return methodName(call) == name
	})
}

// methodName returns the name of the function or method that call
// calls, or "" when it is not known.
func methodName(call ssa.CallInstruction) string {
	if fn := analysisutil.Callee(call.Common()); fn != nil {
		return fn.Name()
	}
	return ""
}

// trace follows v through the variables, fields and loads of its
// function and returns its usage. The instruction self, which creates v
// or hands it to the goroutine being judged, is not a use.
func trace(v ssa.Value, self ssa.Instruction) usage {
	var u usage
	seen := make(map[ssa.Value]bool)
	var walk func(v ssa.Value)
	walk = func(v ssa.Value) {
		if seen[v] || u.escapes || v.Referrers() == nil {
			return
		}
		seen[v] = true
		for _, ref := range *v.Referrers() {
			if ref != self {
				u.add(v, ref, walk)
			}
		}
	}
	walk(v)
	return u
}

// add records one use of v. Uses that yield the same value, or a part
// of it, are followed with walk.
func (u *usage) add(v ssa.Value, ref ssa.Instruction, walk func(ssa.Value)) {
	switch r := ref.(type) {
	case *ssa.UnOp:
		switch r.Op {
		case token.MUL:
			walk(r) // a load
		case token.ARROW:
			u.received = true
		}
	case *ssa.FieldAddr, *ssa.IndexAddr, *ssa.Field, *ssa.Index, *ssa.ChangeType, *ssa.Phi:
		walk(r.(ssa.Value))
	case *ssa.Select:
		u.received = true
	case *ssa.Store:
		if r.Val != v {
			return // a store into v
		}
		if alloc, ok := r.Addr.(*ssa.Alloc); ok {
			walk(alloc) // a local variable
			return
		}
		u.escapes = true
	case *ssa.Send:
		if r.X == v {
			u.escapes = true // sent itself, not sent on
		}
	case *ssa.Return, *ssa.MakeInterface:
		u.escapes = true
	case *ssa.MakeClosure:
		if !startedAsGoroutine(r) {
			u.escapes = true
		}
	case *ssa.Go:
		// Handed to another goroutine, which the go statement's own
		// check judges.
	case ssa.CallInstruction:
		switch {
		case isBuiltin(r.Common()):
			// close, len or cap
		case isOwnMethod(r.Common(), v):
			u.methods = append(u.methods, r)
		default:
			u.escapes = true
		}
	}
}

// startedAsGoroutine reports whether the func literal that mc makes is
// only started as a goroutine, by a go statement or a group's Go
// method.
func startedAsGoroutine(mc *ssa.MakeClosure) bool {
	for _, ref := range *mc.Referrers() {
		switch r := ref.(type) {
		case *ssa.Go:
			if r.Call.Value != mc {
				return false
			}
		case *ssa.Call:
			fn := analysisutil.Callee(r.Common())
			if fn == nil || !isGroupGo(fn) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func isBuiltin(c *ssa.CallCommon) bool {
	_, ok := c.Value.(*ssa.Builtin)
	return ok
}

// isOwnMethod reports whether c calls a method of sync, errgroup or time
// on v.
func isOwnMethod(c *ssa.CallCommon, v ssa.Value) bool {
	fn := analysisutil.Callee(c)
	if c.IsInvoke() || fn == nil || fn.Pkg() == nil || fn.Signature().Recv() == nil || len(c.Args) == 0 || c.Args[0] != v {
		return false
	}
	switch fn.Pkg().Path() {
	case "sync", errgroupPkg, "time":
		return true
	}
	return false
}
